// What can stop a run from outside (a signal, or its output going away) and the exit code each
// leaves: like Unix tools, 128 + the signal's number (SIGHUP 129, SIGTERM 143, SIGPIPE 141).
/** Exit codes of runs stopped from outside. */
export const STOP_EXIT_CODES = {
    SIGINT: 130,
    SIGHUP: 129,
    SIGTERM: 143,
    /** A reader that went away (`| head -1`): what a shell reports for a process killed by SIGPIPE. */
    'output-closed': 141,
    /** The output could not be written (a full disk). */
    'output-failed': 1,
};
/** SIGTERM, SIGHUP and lost output end the process; SIGINT only interrupts the running command. */
export function endsProcess(reason) {
    return reason !== 'SIGINT';
}
/**
 * The exit code of a run that returned `code` after `reason` stopped it. Ctrl-C leaves it to the
 * run (the shell goes on; an interrupted command returns 130); SIGTERM, SIGHUP and lost output
 * always say so, even when the command had just finished.
 */
export function exitCodeAfterStop(code, reason) {
    switch (reason) {
        case undefined:
        case 'SIGINT':
            return code;
        case 'SIGTERM':
        case 'SIGHUP':
            return STOP_EXIT_CODES[reason];
        case 'output-closed':
            return STOP_EXIT_CODES['output-closed'];
        case 'output-failed':
            return code === 0 || code === STOP_EXIT_CODES.SIGINT ? STOP_EXIT_CODES['output-failed'] : code;
    }
}
