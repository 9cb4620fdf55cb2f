// Rows of a query answer as they arrive: the `RowSource` every streamed result is read through (one
// answer here, many pages in pages.ts). `open()` tells the shape first: a list (rows follow, in
// batches) or a whole value (`{"total":N}` of count=true, `{}`); the members besides the rows
// (`total`) are complete once the batches are over.
import { ProtocolError } from './errors.js';
import { InventoriesScanner, ReplyFormatError } from './inventories-scan.js';
import type { ReplyBody } from './reply-body.js';

export type ReplyShape = { list: true } | { list: false; value: Record<string, unknown> };

export interface RowSource {
  /** Reads until the shape of the answer is known. */
  open(): Promise<ReplyShape>;
  /** The rows in order, a batch at a time (after open() said list). Throws the typed error that cut the answer short. */
  batches(): AsyncGenerator<unknown[]>;
  /** Members besides the rows (e.g. `total`); complete once batches() is over. */
  readonly head: Record<string, unknown>;
  /** Rows handed out so far. */
  readonly count: number;
  /** Rows the whole result is expected to have, once known (--all: the first page's total). */
  readonly expected?: number | undefined;
  /** Things worth telling on stderr once the rows are out (e.g. the result changed while paging). */
  readonly notes: string[];
  /** Stops reading; the connection is closed. */
  cancel(): void;
}

/** The rows of one streamed answer. */
export class ReplyRows implements RowSource {
  private readonly scanner = new InventoriesScanner();
  count = 0;
  readonly notes: string[] = [];

  constructor(private readonly body: ReplyBody) {}

  get head(): Record<string, unknown> {
    return this.scanner.head;
  }

  async open(): Promise<ReplyShape> {
    for (;;) {
      if (this.scanner.listSeen) return { list: true };
      if (!(await this.pull())) return this.scanner.listSeen ? { list: true } : { list: false, value: this.scanner.head };
    }
  }

  async *batches(): AsyncGenerator<unknown[]> {
    try {
      for (;;) {
        if (this.scanner.pending) {
          const rows = this.scanner.take();
          this.count += rows.length;
          yield rows;
        }
        if (this.scanner.finished && !this.scanner.pending) {
          // Whitespace may follow the answer; read to the end so the connection can be reused.
          while (await this.pull());
          return;
        }
        if (!(await this.pull()) && !this.scanner.pending) return;
      }
    } finally {
      this.body.cancel();
    }
  }

  cancel(): void {
    this.body.cancel();
  }

  /** Feeds one more chunk; false at the end of the body (the answer checked complete). */
  private async pull(): Promise<boolean> {
    const chunk = await this.body.next();
    try {
      if (chunk === null) {
        this.scanner.end();
        return false;
      }
      this.scanner.push(chunk);
      return true;
    } catch (e) {
      if (e instanceof ReplyFormatError) {
        this.body.cancel();
        throw new ProtocolError(`the server's answer broke off or is not the JSON expected: ${e.message}`, 200);
      }
      throw e;
    }
  }
}

/** The same interface over an answer already parsed whole (a transport that does not stream). */
export class ValueRows implements RowSource {
  count = 0;
  readonly notes: string[] = [];
  readonly head: Record<string, unknown> = {};
  private readonly rows: unknown[] | undefined;

  constructor(private readonly value: unknown) {
    const v = value;
    if (Array.isArray(v)) this.rows = v;
    else if (typeof v === 'object' && v !== null) {
      const rec = v as Record<string, unknown>;
      if (Array.isArray(rec.inventories)) this.rows = rec.inventories;
      for (const k of Object.keys(rec)) if (k !== 'inventories' && k !== 'schema') this.head[k] = rec[k];
    }
  }

  async open(): Promise<ReplyShape> {
    if (this.rows) return { list: true };
    return { list: false, value: this.head };
  }

  async *batches(): AsyncGenerator<unknown[]> {
    if (!this.rows?.length) return;
    this.count = this.rows.length;
    yield this.rows;
  }

  cancel(): void {}
}
