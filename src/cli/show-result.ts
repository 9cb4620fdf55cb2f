// Prints a finished call: the accepted job of --async, or the result in the chosen format. Large
// answers are written in chunks with backpressure (never one giant string); long output on a
// terminal goes through $PAGER for one-shot commands, and the shell keeps the text for `last`/`more`.
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { jobWaitCommand } from '../errors/cli-error.js';
import { renderNext } from '../errors/report.js';
import type { ExecResult } from '../execute/executor.js';
import type { PlannedRequest } from '../plan/request.js';
import { renderChunks } from '../render/index.js';
import type { App } from './app.js';
import { chooseOutput, type Format } from './output-choice.js';
import { page } from './pager.js';
import type { RunOptions } from './runner.js';

export interface ShowOptions {
  /** Page long output on a terminal (one-shot); the shell has its own `more`. */
  pager: boolean;
  /** Receives the rendered text (the shell keeps it for `last` and `more`). */
  keep?: (text: string) => void;
  /** The shell's own pager: output longer than the terminal is shown a screenful at a time. */
  page?: (text: string) => Promise<void>;
}

/** Output kept in memory for paging or `last` at most; larger answers are streamed. */
const KEEP_LIMIT = 4 * 1024 * 1024;

function isTabular(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || Array.isArray((value as { inventories?: unknown }).inventories));
}

async function writeChunk(out: Writable | { write(s: string): unknown }, chunk: string): Promise<void> {
  if (out.write(chunk) === false && 'once' in out) await new Promise<void>((r) => out.once('drain', () => r()));
}

export function showResult(app: App, format: Format | undefined, show: ShowOptions = { pager: true }) {
  return async (result: ExecResult, _planned: PlannedRequest | undefined, opts: RunOptions): Promise<void> => {
    const io = app.io;
    if (result.kind === 'accepted') {
      io.stdout.write(`${JSON.stringify({ jobUuid: result.jobUuid, location: result.location })}\n`);
      if (io.stderr.isTTY) io.stderr.write(`${renderNext(jobWaitCommand(result.jobUuid, 'Job accepted; wait for it with:'), app.commandPrefix)}\n`);
      return;
    }
    const tty = io.stdout.isTTY === true;
    const choice = chooseOutput(format, isTabular(result.value), tty, io.env);
    const chunks = renderChunks(result.value, {
      format: choice.format,
      color: choice.color,
      ...(tty && io.stdout.columns ? { width: io.stdout.columns } : {}),
      ...(tty ? { terminal: true } : {}),
      ...(opts.columns ? { columns: opts.columns } : {}),
    });
    // Collect up to KEEP_LIMIT for paging / `last`; beyond that, stream the rest straight out.
    let held = '';
    let streaming = false;
    for (const chunk of chunks) {
      if (!streaming && held.length + chunk.length <= KEEP_LIMIT) {
        held += chunk;
        continue;
      }
      if (!streaming) {
        streaming = true;
        await writeChunk(io.stdout as Writable, held);
        held = '';
      }
      await writeChunk(io.stdout as Writable, chunk);
    }
    if (streaming) return;
    show.keep?.(held);
    if (show.page && tty) {
      await show.page(held);
    } else if (show.pager && choice.pager) {
      const rows = (io.stdout as { rows?: number }).rows ?? 24;
      await page(held, { env: io.env, rows, write: (t) => io.stdout.write(t), spawn });
    } else {
      // Awaited, so a script's next line starts only once this output is out (or known lost).
      await writeChunk(io.stdout as Writable, held);
    }
  };
}
