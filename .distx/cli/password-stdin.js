// --password-stdin: a login reads its password from stdin, one line per login (the trailing newline
// stripped), so that scripts need neither a terminal nor the password in argv, where `ps` shows it.
import { StringDecoder } from 'node:string_decoder';
import { UsageError } from '../errors/cli-error.js';
/** Longest line taken as a password (bounded work on any input). */
export const MAX_PASSWORD_LINE = 4096;
/** A password source reading lines from `stdin` as logins ask for them. */
export function stdinPasswordReader(stdin) {
    const decoder = new StringDecoder('utf8');
    let buffered = '';
    let ended = false;
    const nextLine = () => new Promise((resolve, reject) => {
        const take = () => {
            const nl = buffered.indexOf('\n');
            if (nl >= 0 && nl <= MAX_PASSWORD_LINE) {
                const line = buffered.slice(0, nl);
                buffered = buffered.slice(nl + 1);
                resolve(line.replace(/\r$/, ''));
                return true;
            }
            if (nl > MAX_PASSWORD_LINE || buffered.length > MAX_PASSWORD_LINE) {
                reject(new UsageError(`--password-stdin: the first line of stdin is longer than ${MAX_PASSWORD_LINE} characters, not a password`));
                return true;
            }
            if (!ended)
                return false;
            const rest = buffered;
            buffered = '';
            resolve(rest === '' ? undefined : rest);
            return true;
        };
        if (take())
            return;
        const done = () => {
            stdin.off('data', onData);
            stdin.off('end', onEnd);
            stdin.off('error', onError);
            stdin.pause();
        };
        const onData = (chunk) => {
            buffered += typeof chunk === 'string' ? chunk : decoder.write(chunk);
            if (take())
                done();
        };
        const onEnd = () => {
            ended = true;
            buffered += decoder.end();
            take();
            done();
        };
        const onError = (e) => {
            done();
            reject(new UsageError(`--password-stdin: cannot read stdin: ${e.message}`));
        };
        stdin.on('data', onData);
        stdin.on('end', onEnd);
        stdin.on('error', onError);
        stdin.resume();
    });
    return async () => {
        if (stdin.isTTY) {
            throw new UsageError('--password-stdin reads the password from a pipe, but stdin is a terminal', 'e.g. printf \'%s\\n\' "$PW" | zstack-cli --password-stdin LogInByAccount accountName=admin');
        }
        const line = await nextLine();
        if (line === undefined)
            throw new UsageError('--password-stdin: stdin ended before the password line', 'pipe one line per login');
        if (line === '')
            throw new UsageError('--password-stdin: the password line on stdin is empty');
        return line;
    };
}
