// The one place that touches node:readline's private internals (Node 20; see shared/notes/terminal.md).
// Each use says why no public API does the job. `checkReadlineInternals` verifies they still exist;
// its test fails loudly when a Node release renames or removes one.
import type * as readline from 'node:readline';
import type { KeyInfo } from './search.js';

/** The private members used, as found on a callback readline.Interface with `terminal: true`. */
interface Private {
  /** The line being edited and the cursor in it: `readonly` in @types, but setting them is how Ctrl-R replaces the line. */
  line: string;
  cursor: number;
  /** The history array (newest first): read by Ctrl-R search. */
  history: string[];
  /** Where Up/Down is in history; reset to -1 when Ctrl-C abandons a line (no public reset). */
  historyIndex: number;
  /** Rows the last prompt drawing took; zeroed after we print a listing below it, so the redraw starts fresh. */
  prevRows: number;
  /** readline's own switch for Tab completion; off while replaying type-ahead (a pasted Tab is literal). */
  isCompletionEnabled: boolean;
  /** The key handler: wrapped to add Ctrl-R, the pager, hidden input and type-ahead while a command runs. */
  _ttyWrite(s: string | undefined, key: KeyInfo | undefined): void;
  /** Redraws prompt + line (no public redraw). */
  _refreshLine(): void;
  /** Rows and columns a text takes on this terminal, wrapping included (to move below a multi-row line). */
  _getDisplayPos(s: string): { rows: number; cols: number };
  /** Clears the current line without emitting 'line' (the instance method; the module's clearLine only clears the screen). */
  clearLine(): void;
}

const METHODS = ['_ttyWrite', '_refreshLine', '_getDisplayPos', 'clearLine'] as const;
const FIELDS: Record<string, string> = { line: 'string', cursor: 'number', history: 'object', historyIndex: 'number', prevRows: 'number', isCompletionEnabled: 'boolean' };

/** Names of the internals missing or of another type on `rl` (empty when all is as expected). */
export function checkReadlineInternals(rl: readline.Interface): string[] {
  const r = rl as unknown as Record<string, unknown>;
  const bad: string[] = [];
  for (const m of METHODS) if (typeof r[m] !== 'function') bad.push(m);
  for (const [f, type] of Object.entries(FIELDS)) if (typeof r[f] !== type) bad.push(f);
  return bad;
}

/** Typed access to the internals of one interface. */
export class ReadlineInternals {
  private readonly p: Private;
  private readonly originalTtyWrite: (s: string | undefined, key: KeyInfo | undefined) => void;

  constructor(readonly rl: readline.Interface) {
    this.p = rl as unknown as Private;
    this.originalTtyWrite = this.p._ttyWrite.bind(rl);
  }

  get line(): string {
    return this.p.line;
  }
  set line(v: string) {
    this.p.line = v;
  }
  get cursor(): number {
    return this.p.cursor;
  }
  set cursor(v: number) {
    this.p.cursor = v;
  }
  get history(): string[] {
    return this.p.history;
  }
  resetHistoryIndex(): void {
    this.p.historyIndex = -1;
  }

  /** Routes every key through `handler`; `original` is readline's own handling. */
  interceptKeys(handler: (s: string | undefined, key: KeyInfo | undefined) => void): void {
    this.p._ttyWrite = handler;
  }
  /** readline's own key handling (bypassing the interception). */
  originalKey(s: string | undefined, key: KeyInfo | undefined): void {
    this.originalTtyWrite(s, key);
  }
  /** A key as if typed (through the interception). */
  typeKey(s: string | undefined, key: KeyInfo | undefined): void {
    this.p._ttyWrite(s, key);
  }

  refresh(): void {
    this.p._refreshLine();
  }
  /** After printing below the prompt: draw the prompt afresh underneath. */
  redrawBelow(): void {
    this.p.prevRows = 0;
    this.p._refreshLine();
  }
  /** Rows the prompt plus the current line take. */
  lineRows(): number {
    return this.p._getDisplayPos(this.rl.getPrompt() + this.p.line).rows;
  }
  clearLine(): void {
    this.p.clearLine();
  }
  /** Runs `body` with Tab completion off (a replayed Tab is inserted, like a pasted one). */
  withoutCompletion(body: () => void): void {
    const saved = this.p.isCompletionEnabled;
    this.p.isCompletionEnabled = false;
    try {
      body();
    } finally {
      this.p.isCompletionEnabled = saved;
    }
  }
}
