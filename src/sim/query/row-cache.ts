// Whole top-level rows already turned into reply text, kept while the store does not change: a repeated big query
// copies bytes instead of rendering every row (and its nics, volumes, IPs) again. Any insert, update or removal in the
// store drops every entry at once (rows render other tables' rows, so a change anywhere can change any text). The text
// is kept as UTF-8 in large slabs outside the JS heap (nothing for the garbage collector to copy or trace), found by
// table and row id, and bounded in total size. Schema entries are kept as templates shared by rows of the same shape.
import type { Table } from '../store/table.js';

export interface CachedRow {
  /** The kind the row was rendered as. */
  kind: string;
  /** The row's JSON text, UTF-8: `slab[start, end)`. */
  slab: Buffer;
  start: number;
  end: number;
  /** Its `schema` map entries (`"<path>":"<class>"` joined by commas) split where the row's own path goes. */
  schema: readonly string[];
}

/** Stands for the row's path in schema entries given to `set`; no field name or class holds it. */
export const ROW_PATH = '\u0001';

/** Default bound on the bytes kept (about 200k VMs with a nic and a volume each). */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

const SLAB = 8 * 1024 * 1024;

export class RowCache {
  private tables = new Map<Table, (CachedRow | undefined)[]>();
  private templates = new Map<string, readonly string[]>();
  private slab = Buffer.alloc(0);
  private used = 0;
  private bytes = 0;
  private version = -1;
  /** Rows a reply being written is expected to add (see `expect`). */
  private coming = 0;

  constructor(
    /** Its version moves on every change (a Store). */
    private readonly store: { readonly version: number },
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {}

  /**
   * Says that about `rows` rows are about to be kept: the next slab is sized for them at once. V8 counts memory outside
   * its heap toward starting a full garbage collection every 64 MB or so; one allocation for a 100k-row reply makes that
   * one collection instead of one per 64 MB of rows.
   */
  expect(rows: number): void {
    if (this.version !== this.store.version) this.clear();
    this.coming = rows;
  }

  /** The entry made for row `id` of `table` as `kind` since the store last changed, if any. */
  get(table: Table, id: number, kind: string): CachedRow | undefined {
    if (this.version !== this.store.version) return undefined;
    const hit = this.tables.get(table)?.[id];
    return hit && hit.kind === kind ? hit : undefined;
  }

  /**
   * Keeps the text and schema entries (ROW_PATH for the row's path) of row `id` of `table` rendered as `kind`, and
   * returns the entry (not kept once the bound is reached).
   */
  set(table: Table, id: number, kind: string, text: string, schema: string): CachedRow {
    if (this.version !== this.store.version) this.clear();
    let parts = this.templates.get(schema);
    if (!parts) {
      this.templates.set(schema, (parts = schema.split(ROW_PATH)));
      this.bytes += schema.length;
    }
    // At most 3 bytes per UTF-16 unit: a row that might not fit starts a new slab (rows are small; a huge one is not kept).
    const most = text.length * 3;
    if (most > SLAB || this.bytes + most > this.maxBytes) {
      const own = Buffer.from(text);
      return { kind, slab: own, start: 0, end: own.length, schema: parts };
    }
    if (this.used + most > this.slab.length) {
      // Sized for the rows still expected, like this one (a little more), within the bound.
      const wanted = Math.min(this.maxBytes - this.bytes, Math.ceil(this.coming * text.length * 1.1));
      this.slab = Buffer.allocUnsafeSlow(Math.max(SLAB, most, wanted));
      this.used = 0;
    }
    if (this.coming > 0) this.coming--;
    const start = this.used;
    this.used += this.slab.write(text, start);
    this.bytes += this.used - start;
    const entry: CachedRow = { kind, slab: this.slab, start, end: this.used, schema: parts };
    let slots = this.tables.get(table);
    if (!slots) this.tables.set(table, (slots = []));
    slots[id] = entry;
    return entry;
  }

  private clear(): void {
    this.tables = new Map();
    this.coming = 0;
    this.templates = new Map();
    this.slab = Buffer.alloc(0);
    this.used = 0;
    this.bytes = 0;
    this.version = this.store.version;
  }
}
