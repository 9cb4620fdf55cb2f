// The one place that turns a failure into stderr text and an exit code (GitHub CLI's cmdutil idea):
// every front end (one-shot, scripts, the shell, built-ins) reports through here.
import { CliError, exitCodeFor, UsageError, type NextCommand } from './cli-error.js';

/** How the front end writes a command: `zstack-cli --port 8081 ` in one-shot mode, `` in the shell. */
export const ONE_SHOT_PREFIX = 'zstack-cli ';

/** The next-command hint as the user can paste it in front end with `prefix`. */
export function renderNext(next: NextCommand, prefix = ONE_SHOT_PREFIX): string {
  return `${next.label} ${prefix}${next.command}`;
}

/** Renders any thrown value for stderr: a short first line, indented details, then the hint. */
export function renderError(err: unknown, prefix = ONE_SHOT_PREFIX): string {
  if (err instanceof UsageError) return err.hint ? `${err.message} (${err.hint})` : err.message;
  if (err instanceof CliError) {
    const lines = [err.message, ...err.detailLines()];
    if (err.hint) lines.push(err.hint);
    if (err.next) lines.push(renderNext(err.next, prefix));
    return lines.join('\n');
  }
  if (err instanceof Error) return `Error: ${err.message}`;
  return `Error: ${String(err)}`;
}

/** Writes the error (one line per row, newline-terminated) and returns its exit code. */
export function reportError(err: unknown, write: (text: string) => void, prefix = ONE_SHOT_PREFIX): number {
  write(`${renderError(err, prefix)}\n`);
  return exitCodeFor(err);
}
