// Whole top-level rows already turned into reply text, kept while they stay fresh: a repeated big query copies bytes
// instead of rendering every row (and its nics, volumes, IPs) again. What a change in the store makes stale is dropped
// row by row (`drop`, told by stale-rows.ts, which then says the cache has `caughtUp`); a change the cache was not told
// of drops every entry at once. The text is kept as UTF-8 in large slabs outside the JS heap (nothing for the garbage
// collector to copy or trace), found by table and row id, and bounded in total size (dropped rows' bytes count until
// they are more than half: then everything starts again). Schema entries are kept as templates shared by rows of the
// same shape.
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

/** The rows kept of one table, and the kinds they were rendered as. */
interface Kept {
  slots: (CachedRow | undefined)[];
  kinds: Set<string>;
}

export class RowCache {
  private tables = new Map<Table, Kept>();
  private templates = new Map<string, readonly string[]>();
  private slab = Buffer.alloc(0);
  private used = 0;
  private bytes = 0;
  /** Bytes of dropped rows (still in their slabs). */
  private dropped = 0;
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
    const hit = this.tables.get(table)?.slots[id];
    return hit && hit.kind === kind ? hit : undefined;
  }

  /**
   * Keeps the text and schema entries (ROW_PATH for the row's path) of row `id` of `table` rendered as `kind`, and
   * returns the entry (not kept once the bound is reached).
   */
  set(table: Table, id: number, kind: string, text: string, schema: string): CachedRow {
    if (this.version !== this.store.version) this.clear();
    if (this.dropped > 0 && this.dropped >= this.bytes / 2 && this.bytes + text.length * 3 > this.maxBytes) this.clear();
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
    let kept = this.tables.get(table);
    if (!kept) this.tables.set(table, (kept = { slots: [], kinds: new Set() }));
    const old = kept.slots[id];
    if (old) this.dropped += old.end - old.start;
    kept.slots[id] = entry;
    kept.kinds.add(kind);
    return entry;
  }

  /** How many of `ids` (rows of `table`) have no entry: the rows a reply of them will render. */
  missing(table: Table, ids: readonly number[]): number {
    const slots = this.version === this.store.version ? this.tables.get(table)?.slots : undefined;
    if (!slots) return ids.length;
    let n = 0;
    for (const id of ids) if (slots[id] === undefined) n++;
    return n;
  }

  /** The tables with kept rows, and the kinds those rows were rendered as. */
  *kept(): IterableIterator<[Table, ReadonlySet<string>]> {
    for (const [t, k] of this.tables) yield [t, k.kinds];
  }

  /** Forgets row `id` of `table` (a change made it stale). */
  drop(table: Table, id: number): void {
    const kept = this.tables.get(table);
    const old = kept?.slots[id];
    if (!kept || !old) return;
    kept.slots[id] = undefined;
    this.dropped += old.end - old.start;
  }

  /**
   * Says that every change made so far has been dealt with (stale rows dropped): the entries left stay valid. Without
   * it, the next look at the cache after a change drops everything.
   */
  caughtUp(): void {
    // Only from one change behind: a change missed before stays missed.
    if (this.version === this.store.version - 1) this.version = this.store.version;
  }

  private clear(): void {
    this.tables = new Map();
    this.coming = 0;
    this.templates = new Map();
    this.slab = Buffer.alloc(0);
    this.used = 0;
    this.bytes = 0;
    this.dropped = 0;
    this.version = this.store.version;
  }
}
