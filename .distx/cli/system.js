// The only module that reads the real process: builds CliIO from process (with guarded output
// streams), turns signals and lost output into abort signals for main, and maps what main returns
// to the process's exit code.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { renderError } from '../errors/report.js';
import { guardOutput, guardOutputLazily, isClosedPipe } from './output-guard.js';
import { syncOutput } from './sync-output.js';
import { endsProcess, exitCodeAfterStop, STOP_EXIT_CODES } from './stops.js';
/** After a stop that ends the process, how long the run gets to finish before the process exits anyway. */
export const FORCE_EXIT_AFTER_MS = 2000;
export function systemIO() {
    return startSystem().io;
}
/**
 * Wires the real process: SIGINT, SIGTERM and SIGHUP abort the running command (the job's uuid
 * and `job wait` are printed as for Ctrl-C); a second one exits at once. A closed stdout/stderr
 * ends the run quietly (141); an unwritable one (ENOSPC) with one error line (1). The exit code
 * the caller sets is mapped at exit, since a write's failure may be reported after main returned.
 */
export function startSystem() {
    const interrupt = new AbortController();
    const terminate = new AbortController();
    let reason;
    const stop = (r) => {
        // A signal while already stopping (a second Ctrl-C, kill twice): stop waiting for the run.
        if (r.startsWith('SIG') && interrupt.signal.aborted)
            process.exit(STOP_EXIT_CODES[r]);
        reason ??= r;
        if (!interrupt.signal.aborted)
            interrupt.abort(r);
        if (endsProcess(r) && !terminate.signal.aborted) {
            terminate.abort(r);
            // A run that ignores the abort (waiting for a script line on a silent stdin) still ends.
            setTimeout(() => process.exit(STOP_EXIT_CODES.SIGINT), FORCE_EXIT_AFTER_MS).unref();
        }
    };
    const onOutputFailure = outputFailureHandler(() => stderr, stop);
    // The process's own streams, once opened: output may still wait in them at the end.
    const opened = [];
    const open = (s) => (opened.push(s), s);
    const stdout = writtenInPlace(1) ? inPlace(1, () => open(process.stdout), onOutputFailure) : guardOutput(open(process.stdout), 'stdout', onOutputFailure);
    // Else opened when something is written or asked of it: most commands print no error.
    const stderr = writtenInPlace(2) ? inPlace(2, () => open(process.stderr), onOutputFailure) : guardOutputLazily(() => open(process.stderr), 'stderr', onOutputFailure);
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
        process.on(sig, () => stop(sig));
    reportCrashes(stderr);
    process.on('exit', (code) => {
        process.exitCode = exitCodeAfterStop(code, reason);
    });
    const end = (code) => {
        process.exitCode = code;
        if (opened.every((s) => s.writableLength === 0))
            process.exit();
    };
    return { io: processIO(stdout, stderr), interrupt: interrupt.signal, terminate: terminate.signal, end };
}
/**
 * The IO of `__complete` (one Tab in bash or zsh): stdout and stderr written synchronously, no
 * stream created (sync-output.ts); no signal handling (Ctrl-C ends it at once, as any Tab helper).
 * A closed or unwritable output ends it as it ends every front end (141, or one line and 1).
 */
export function completionIO() {
    let reason;
    const onOutputFailure = outputFailureHandler(() => stderr, (r) => void (reason ??= r));
    const stdout = inPlace(1, () => process.stdout, onOutputFailure);
    const stderr = inPlace(2, () => process.stderr, onOutputFailure);
    reportCrashes(stderr);
    process.on('exit', (code) => {
        process.exitCode = exitCodeAfterStop(code, reason);
    });
    return processIO(stdout, stderr);
}
/**
 * Output on fd 1 or 2 written in place (sync-output.ts); when a write would block, the process's
 * stream (`stream()`, guarded like every output stream) takes over.
 */
function inPlace(fd, stream, onFailure) {
    const name = fd === 1 ? 'stdout' : 'stderr';
    return syncOutput(fd, name, writeSync, () => guardOutput(stream(), name, onFailure), onFailure);
}
/**
 * Whether output on `fd` is written with plain synchronous writes rather than through Node's stream:
 * a regular file, a pipe, a socket or /dev/null (what scripts, `$(...)` and `2>log` give). A terminal
 * keeps its stream (its width, colours, the shell's readline); so does anything else.
 */
function writtenInPlace(fd) {
    try {
        const s = fstatSync(fd);
        if (s.isFile() || s.isFIFO() || s.isSocket())
            return true;
        return s.isCharacterDevice() && s.rdev === statSync('/dev/null').rdev;
    }
    catch {
        return false;
    }
}
/** A reader gone away ends the run quietly; any other failure of stdout is one line on stderr. */
function outputFailureHandler(stderr, stop) {
    return (f) => {
        if (isClosedPipe(f.code))
            return stop('output-closed');
        if (f.stream === 'stdout')
            stderr().write(`${renderError(`cannot write the output: ${describeWriteError(f.code)}`)}\n`);
        stop('output-failed');
    };
}
/** The last line of defence: whatever escaped is one line, never a stack trace. */
function reportCrashes(stderr) {
    const crash = (e) => {
        stderr.write(`${renderError(`internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
        process.exit(1);
    };
    process.on('uncaughtException', crash);
    process.on('unhandledRejection', crash);
}
function processIO(stdout, stderr) {
    let home;
    let identity;
    return {
        argv: process.argv.slice(2),
        env: process.env,
        stdout,
        stderr,
        // Created on first use: a one-shot command that reads no input never pays for the stream.
        get stdin() {
            return process.stdin;
        },
        cwd: process.cwd(),
        // $HOME when set, as os.homedir() itself answers (libuv reads it first), without loading
        // node:os for it; the user database only without one.
        get homedir() {
            return (home ??= process.env.HOME || homedir());
        },
        get identity() {
            return (identity ??= systemIdentity());
        },
    };
}
function describeWriteError(code) {
    switch (code) {
        case 'ENOSPC':
            return 'no space left on the device (ENOSPC)';
        case 'EDQUOT':
            return 'disk quota exceeded (EDQUOT)';
        case 'EFBIG':
            return 'file too large (EFBIG)';
        default:
            return code;
    }
}
/** This process as the config files see it: owner uid, lock holder pid and host, liveness of other pids. */
export function systemIdentity() {
    let host;
    return {
        uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
        pid: process.pid,
        // Asked only when a lock is taken or read (node:os is not loaded for a command that only reads).
        get host() {
            return (host ??= hostname());
        },
        isRunning(pid) {
            try {
                process.kill(pid, 0);
                return true;
            }
            catch (e) {
                // EPERM: it runs, as another user.
                return e.code === 'EPERM';
            }
        },
    };
}
