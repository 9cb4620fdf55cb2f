// The config layer's error: a file or directory zstack-cli keeps cannot be used. One line naming the
// path, what is wrong and what to do; exit 2 (usage), raised before any request is sent where it can
// be known then. A UsageError: `Error: <path>: <problem> (<what to do>)`.
import { UsageError } from '../errors/cli-error.js';
export class ConfigFileError extends UsageError {
    path;
    constructor(path, problem, fix) {
        super(`${path}: ${problem}`, fix);
        this.path = path;
    }
}
/** The way out of any config-directory problem. */
export const ELSEWHERE = 'or set ZSTACK_CLI_HOME to a directory of yours';
/** An fs failure while `doing` something to `path`, as one line with what to do about it. */
export function fileError(path, e, doing) {
    if (e instanceof ConfigFileError)
        return e;
    const code = e?.code;
    switch (code) {
        case 'EACCES':
        case 'EPERM':
            return new ConfigFileError(path, `no permission to ${doing}`, `fix its permissions, ${ELSEWHERE}`);
        case 'ENOSPC':
        case 'EDQUOT':
            return new ConfigFileError(path, `no space left to ${doing}`, 'free some space on that disk and retry');
        case 'EROFS':
            return new ConfigFileError(path, `cannot ${doing}: the file system is read-only`, `set ZSTACK_CLI_HOME to a writable directory`);
        case 'EISDIR':
            return new ConfigFileError(path, 'a directory is where zstack-cli keeps a file', 'remove or rename that directory');
        case 'ENOTDIR':
            return new ConfigFileError(path, 'a file is where a directory should be on this path', `remove or rename that file, ${ELSEWHERE}`);
        case 'ELOOP':
            return new ConfigFileError(path, 'is a symbolic link, and zstack-cli never writes through links', 'replace it with a regular file');
        default: {
            const why = code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
            return new ConfigFileError(path, `cannot ${doing} (${why})`, `check the path, ${ELSEWHERE}`);
        }
    }
}
