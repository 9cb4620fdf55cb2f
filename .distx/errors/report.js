// The one place that turns a failure into stderr text and an exit code (GitHub CLI's cmdutil idea):
// every front end (one-shot, scripts, the shell, built-ins, background jobs) reports through here,
// and only here is `Error: ` written. The shapes:
//   usage (exit 2)   `Error: <what> (<hint>)`, one line per problem, details indented under it;
//   other failures   `Error: <what>` or `Error <code>: <what>`, indented details, the hint and the
//                    next command on lines of their own;
//   stopped by the user (Ctrl-C, answered no)  what happened, without `Error`.
import { CliError, exitCodeFor, UsageError } from './cli-error.js';
/** How the front end writes a command: `zstack-cli --port 8081 ` in one-shot mode, `` in the shell. */
export const ONE_SHOT_PREFIX = 'zstack-cli ';
/** The next-command hint as the user can paste it in front end with `prefix`. */
export function renderNext(next, prefix = ONE_SHOT_PREFIX) {
    return `${next.label} ${prefix}${next.command}`;
}
/** `Error: <what> (<hint>)` and the problem's indented details. */
function problemLines(p) {
    return [`Error: ${p.message}${p.hint ? ` (${p.hint})` : ''}`, ...(p.details ?? [])];
}
/** The first line of a failure that is not a usage error. */
function headline(err) {
    if (err.byUser)
        return err.message;
    const label = err.errorCode ? `Error ${err.errorCode}` : 'Error';
    return err.message ? `${label}: ${err.message}` : label;
}
/** Renders any thrown value for stderr: a short first line, indented details, then the hint. */
export function renderError(err, prefix = ONE_SHOT_PREFIX) {
    if (err instanceof UsageError)
        return err.problems().flatMap(problemLines).join('\n');
    if (err instanceof CliError) {
        const lines = [headline(err), ...err.detailLines()];
        if (err.hint)
            lines.push(err.hint);
        if (err.next)
            lines.push(renderNext(err.next, prefix));
        return lines.join('\n');
    }
    if (err instanceof Error)
        return `Error: ${err.message}`;
    return `Error: ${String(err)}`;
}
/** Writes the error (one line per row, newline-terminated) and returns its exit code. */
export function reportError(err, write, prefix = ONE_SHOT_PREFIX) {
    write(`${renderError(err, prefix)}\n`);
    return exitCodeFor(err);
}
