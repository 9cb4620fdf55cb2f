// Prints a finished call: the accepted job of --async, or the result in the chosen format
// (through $PAGER on a terminal for one-shot commands; kept for `last`/`more` in the shell).
import type { ExecResult } from '../execute/executor.js';
import type { PlannedRequest } from '../plan/request.js';
import type { App } from './app.js';
import type { Format } from './output-choice.js';
import type { RunOptions } from './runner.js';

export interface ShowOptions {
  /** Page long output on a terminal (one-shot); the shell has its own `more`. */
  pager: boolean;
  /** Receives the rendered text (the shell keeps it for `last` and `more`). */
  keep?: (text: string) => void;
}

export function showResult(app: App, format: Format | undefined, show: ShowOptions = { pager: true }) {
  return async (result: ExecResult, _planned: PlannedRequest | undefined, _opts: RunOptions): Promise<void> => {
    const io = app.io;
    if (result.kind === 'accepted') {
      io.stdout.write(`${JSON.stringify({ jobUuid: result.jobUuid, location: result.location })}\n`);
      if (io.stderr.isTTY) io.stderr.write(`Job accepted; wait for it with: zstack-cli job wait ${result.jobUuid}\n`);
      return;
    }
    void format;
    const text = `${JSON.stringify(result.value, null, 2)}\n`;
    show.keep?.(text);
    io.stdout.write(text);
  };
}
