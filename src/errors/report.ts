// The one place that turns a failure into stderr text and an exit code (GitHub CLI's cmdutil idea):
// every front end (one-shot, scripts, the shell, built-ins) reports through here.
import { CliError, exitCodeFor, UsageError } from './cli-error.js';

/** Renders any thrown value for stderr: a short first line, indented details, then the hint. */
export function renderError(err: unknown): string {
  if (err instanceof UsageError) return err.hint ? `${err.message} (${err.hint})` : err.message;
  if (err instanceof CliError) {
    const lines = [err.message, ...err.detailLines()];
    if (err.hint) lines.push(err.hint);
    return lines.join('\n');
  }
  if (err instanceof Error) return `Error: ${err.message}`;
  return `Error: ${String(err)}`;
}

/** Writes the error (one line per row, newline-terminated) and returns its exit code. */
export function reportError(err: unknown, write: (text: string) => void): number {
  write(`${renderError(err)}\n`);
  return exitCodeFor(err);
}
