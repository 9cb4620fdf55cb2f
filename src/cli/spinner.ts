// A one-line spinner with the elapsed time on a terminal's stderr while an async job runs.
import type { OutStream } from './io.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Spinner {
  update(elapsedMs: number): void;
  stop(): void;
}

/** Redraws on each update (the executor reports progress on every poll); `stop` erases the line. */
export function startSpinner(stream: OutStream, label: string): Spinner {
  let frame = 0;
  let shown = false;
  return {
    update(elapsedMs) {
      frame = (frame + 1) % FRAMES.length;
      stream.write(`\r\x1b[K${FRAMES[frame]} ${label} ${(elapsedMs / 1000).toFixed(1)}s`);
      shown = true;
    },
    stop() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
