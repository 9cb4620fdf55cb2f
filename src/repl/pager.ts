// A minimal `more` for the last result: a screenful, then `--More--`; space pages, enter (or down)
// adds a line, q (or Ctrl-C, Escape) quits. Pure state over a write function.
import type { KeyInfo } from './search.js';

export class Pager {
  private pos = 0;
  active = false;

  constructor(
    private readonly lines: string[],
    private readonly write: (s: string) => void,
    private readonly rows: () => number,
    private readonly onDone: () => void,
  ) {}

  /** Prints the first page; returns false when everything fitted (no paging needed). */
  start(): boolean {
    const page = Math.max(1, this.rows() - 1);
    if (this.lines.length <= page + 1) {
      this.emit(this.lines.length);
      return false;
    }
    this.active = true;
    this.emit(page);
    this.status();
    return true;
  }

  key(s: string | undefined, key: KeyInfo): void {
    if (!this.active) return;
    const name = key.name ?? s;
    if (key.ctrl && name !== 'm' && name !== 'j') {
      if (name === 'c' || name === 'd') this.stop();
      return;
    }
    if (name === 'q' || name === 'escape') return this.stop();
    this.write('\r\x1b[K');
    if (name === 'space' || s === ' ' || name === 'f') this.emit(Math.max(1, this.rows() - 1));
    else if (name === 'return' || name === 'enter' || name === 'down' || name === 'j') this.emit(1);
    else if (name === 'b' || name === 'up') {
      /* no backwards paging: the terminal's scrollback has it */
    }
    if (this.pos >= this.lines.length) return this.stop(false);
    this.status();
  }

  private emit(n: number): void {
    const end = Math.min(this.lines.length, this.pos + n);
    for (; this.pos < end; this.pos++) this.write(`${this.lines[this.pos]}\n`);
  }

  private status(): void {
    const pct = Math.floor((this.pos * 100) / this.lines.length);
    this.write(`--More-- (${pct}%) [space: page, enter: line, q: quit]`);
  }

  private stop(clear = true): void {
    if (clear) this.write('\r\x1b[K');
    this.active = false;
    this.onDone();
  }
}
