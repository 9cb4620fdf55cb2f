// Test harness: drives startRepl through PassThrough streams (terminal mode) and reads the screen
// from a headless xterm. Used by the repl tests; the integrator's pty tests drive the real binary.
import xterm from '@xterm/headless';
import { PassThrough } from 'node:stream';
import { startRepl, type Repl, type ReplDeps } from './repl.js';

const { Terminal } = xterm;

export const KEY = {
  tab: '\t',
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlR: '\x12',
  ctrlG: '\x07',
  backspace: '\x7f',
} as const;

export interface Harness {
  repl: Repl;
  /** Sends one chunk of input (send special keys alone, as a terminal would). */
  send(keys: string): void;
  /** The visible rows, trailing spaces removed. */
  screen(): Promise<string[]>;
  /** Waits until the screen satisfies the predicate (fails with the screen after `ms`). */
  waitFor(pred: RegExp | ((rows: string[]) => boolean), ms?: number): Promise<string[]>;
  /** The row the cursor is on. */
  cursorRow(): Promise<string>;
  /** Waits until the cursor's row reads exactly `text` (trailing spaces ignored). */
  waitForCursorRow(text: string, ms?: number): Promise<void>;
  cursorX(): Promise<number>;
  dispose(): void;
}

export function startHarness(deps: Omit<ReplDeps, 'input' | 'output' | 'terminal'>, size = { cols: 100, rows: 30 }): Harness {
  const input = new PassThrough();
  const output = new PassThrough();
  Object.assign(input, { isTTY: true, setRawMode: () => input });
  Object.assign(output, { isTTY: true, columns: size.cols, rows: size.rows });
  const term = new Terminal({ cols: size.cols, rows: size.rows, allowProposedApi: true, convertEol: true, scrollback: 1000 });
  output.on('data', (d: Buffer) => term.write(d.toString('utf8')));
  const repl = startRepl({ ...deps, input, output, terminal: true });
  const flush = (): Promise<void> => new Promise((r) => term.write('', r));
  const rows = async (): Promise<string[]> => {
    await flush();
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < term.rows; i++) out.push((b.getLine(b.viewportY + i)?.translateToString(true) ?? '').trimEnd());
    return out;
  };
  return {
    repl,
    send: (keys) => void input.write(keys),
    screen: rows,
    async waitFor(pred, ms = 3000) {
      const test = typeof pred === 'function' ? pred : (r: string[]) => pred.test(r.join('\n'));
      const start = Date.now();
      for (;;) {
        const r = await rows();
        if (test(r)) return r;
        if (Date.now() - start > ms) throw new Error(`screen never matched ${String(pred)}:\n${r.join('\n')}`);
        await new Promise((res) => setTimeout(res, 5));
      }
    },
    async cursorRow() {
      await flush();
      const b = term.buffer.active;
      return (b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '').trimEnd();
    },
    async waitForCursorRow(text, ms = 3000) {
      const want = text.trimEnd();
      const start = Date.now();
      for (;;) {
        const row = await this.cursorRow();
        if (row === want) return;
        if (Date.now() - start > ms) throw new Error(`cursor row is '${row}', never '${want}':\n${(await rows()).join('\n')}`);
        await new Promise((res) => setTimeout(res, 5));
      }
    },
    async cursorX() {
      await flush();
      return term.buffer.active.cursorX;
    },
    dispose() {
      repl.close();
      term.dispose();
    },
  };
}
