// The `35,000 / 100,000 rows` line on stderr while a long result is written elsewhere (a file, a
// pipe): redrawn in place at most every 100 ms, erased when the rows are out.
import type { OutStream } from './io.js';

const EVERY_MS = 100;

export interface Progress {
  update(rows: number, expected: number | undefined): void;
  /** Erases the line (before anything else is written to stderr). */
  done(): void;
}

export function progressText(rows: number, expected: number | undefined): string {
  const n = rows.toLocaleString('en-US');
  return expected === undefined ? `${n} rows` : `${n} / ${expected.toLocaleString('en-US')} rows`;
}

export function startProgress(err: OutStream, now: () => number = Date.now): Progress {
  // Quick results never show the line.
  let last = now();
  let shown = false;
  return {
    update(rows, expected) {
      const t = now();
      if (t - last < EVERY_MS) return;
      last = t;
      shown = true;
      err.write(`\r${progressText(rows, expected)}\x1b[K`);
    },
    done() {
      if (shown) err.write('\r\x1b[K');
      shown = false;
    },
  };
}
