// Runs a script (`-f file.zs` or piped stdin): one command per line, blank lines and `#` comments
// skipped, each failure reported with its line number and the line, secrets redacted (the history's
// rule); --stop-on-error stops at the first failure; `exit` (the shell's command and its aliases)
// ends it there, as the end of the input would.
import { redactLine } from '../plan/secrets.js';
/** A script line is skipped when it is empty or only a comment. */
export function isBlankOrComment(line) {
    const t = line.trim();
    return t === '' || t.startsWith('#');
}
/**
 * Runs the lines; returns 0 when all succeeded, else the exit code of the first failure
 * (the script still runs to its end unless stopOnError).
 */
export async function runScript(lines, opts) {
    let first = 0;
    let lineNo = 0;
    for await (const raw of lines) {
        lineNo++;
        if (opts.signal?.aborted)
            return 130;
        const line = raw.replace(/\r$/, '');
        if (isBlankOrComment(line))
            continue;
        if (opts.endWords?.includes(line.trim()))
            return first;
        const code = await opts.runLine(line, lineNo);
        if (code !== 0) {
            opts.reportError(`${opts.source}:${lineNo}: failed (exit ${code}): ${redactLine(line).trim()}`);
            if (first === 0)
                first = code;
            if (opts.stopOnError || code === 130)
                return code;
        }
    }
    return first;
}
