// Whole top-level rows already turned into reply text, kept while they stay fresh: a repeated big query copies bytes
// instead of rendering every row (and its nics, volumes, IPs) again. What a change in the store makes stale is dropped
// row by row (`drop`, told by stale-rows.ts, which then says the cache has `caughtUp`); a change the cache was not told
// of drops every entry at once.
//
// Rows of one kind are mostly the same text: the same keys, and many of the same values (zone, cluster, image, netmask,
// dates). So a row is kept as its differences from a keyframe (an earlier row of its kind, kept whole): runs of the
// keyframe's bytes to copy, and the row's own bytes in between. A 100k-VM reply keeps about 60 MB instead of 230 MB, and
// a repeated query copies a few dozen runs per row. The bytes are UTF-8 in large slabs outside the JS heap (nothing for
// the garbage collector to copy or trace), bounded in total size (dropped rows' bytes count until they are half of it:
// then everything starts again). Schema entries are kept as templates shared by rows of the same shape.
import type { Table } from '../store/table.js';

/** The bytes of a row kept whole, and the runs of them that other rows copy (views made once, used by every row). */
interface KeyframeRuns {
  bytes: Buffer;
  runs: Uint8Array[];
  /** Run id by `offset * 2^24 + length`. */
  ids: Map<number, number>;
}

/** A row kept whole, that rows of its kind are written as differences from. */
interface Keyframe {
  /** Its text in pieces (what rows are compared with, piece by piece). */
  pieces: readonly string[];
  /** Byte offset of each piece in its bytes (and one past the last). */
  offsets: readonly number[];
  runs: KeyframeRuns;
}

export interface CachedRow {
  /** The kind the row was rendered as. */
  kind: string;
  /** Its text's size in bytes (UTF-8). */
  size: number;
  /** `slab[start, ops)`: the row's own bytes; `slab[ops, end)`: how to put the text together (see `writeRow`). */
  slab: Buffer;
  start: number;
  ops: number;
  end: number;
  /** The keyframe it copies runs from. */
  keyframe: KeyframeRuns;
  /** Bytes the cache counts for it (a keyframe's own row counts the keyframe). */
  held: number;
  /** Its `schema` map entries (`"<path>":"<class>"` joined by commas) split where the row's own path goes. */
  schema: readonly string[];
}

/** Stands for the row's path in schema entries given to `set`; no field name or class holds it. */
export const ROW_PATH = '\u0001';

/** Default bound on the bytes kept (several times 100k VMs with a nic and a volume each). */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;

const SLAB = 8 * 1024 * 1024;

/** A row whose own bytes are more than this share of its text becomes a keyframe itself. */
const KEYFRAME_SHARE = 0.4;

/** Runs of the keyframe shorter than this are kept as the row's own bytes instead (fewer runs to put together). */
const MIN_COPY = 48;

/** Room `writeRow` needs at the place it writes `e`: the text, and the row's own bytes past it. */
export function roomFor(e: CachedRow): number {
  return e.size + e.ops - e.start;
}

/**
 * Writes the text of `e` into `dst` at `at` (which must have `roomFor(e)` bytes of room); returns the end. The row's own
 * bytes are first copied in one piece past the end of its text, then the text is put together there from those bytes
 * and the keyframe's runs, each run one native copy without making a view (about 50 ns a run: a view costs three
 * times that). The ops are varints: `2n` = the next n of the row's own bytes; `2r+1` = the keyframe's run r.
 */
export function writeRow(e: CachedRow, dst: Uint8Array, at: number): number {
  const src = e.slab;
  const runs = e.keyframe.runs;
  let own = at + e.size;
  if (e.ops > e.start) dst.set(src.subarray(e.start, e.ops), own);
  let o = at;
  let i = e.ops;
  const end = e.end;
  while (i < end) {
    let v = src[i++]!;
    if (v >= 0x80) {
      v &= 0x7f;
      for (let shift = 7, b = 0x80; b >= 0x80; shift += 7) {
        b = src[i++]!;
        v += (b & 0x7f) * 2 ** shift;
      }
    }
    if (v % 2 === 1) {
      const run = runs[(v - 1) / 2]!;
      dst.set(run, o);
      o += run.length;
    } else {
      const n = v / 2;
      dst.copyWithin(o, own, own + n);
      own += n;
      o += n;
    }
  }
  return o;
}

/** The text of `e` as bytes of its own. */
export function rowBytes(e: CachedRow): Buffer {
  const out = Buffer.allocUnsafe(roomFor(e));
  return out.subarray(0, writeRow(e, out, 0));
}

/** The rows kept of one table, and the kinds they were rendered as. */
interface Kept {
  slots: (CachedRow | undefined)[];
  kinds: Set<string>;
}

export class RowCache {
  private tables = new Map<Table, Kept>();
  private templates = new Map<string, readonly string[]>();
  private keyframes = new Map<string, Keyframe>();
  private slab = Buffer.alloc(0);
  private used = 0;
  private bytes = 0;
  /** Bytes of dropped rows (still in their slabs). */
  private dropped = 0;
  /** Rows kept and their bytes, for sizing slabs. */
  private rows = 0;
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
   * its heap toward starting a full garbage collection every 64 MB or so; one allocation for a big reply makes that one
   * collection instead of one per 64 MB of rows.
   */
  expect(rows: number): void {
    if (this.version !== this.store.version) this.clear();
    this.coming = rows;
  }

  /** The entry made for row `id` of `table` as `kind` and still fresh, if any. */
  get(table: Table, id: number, kind: string): CachedRow | undefined {
    if (this.version !== this.store.version) return undefined;
    const hit = this.tables.get(table)?.slots[id];
    return hit && hit.kind === kind ? hit : undefined;
  }

  /**
   * Keeps the text (or its pieces, joined without separators) and schema entries (ROW_PATH for the row's path) of row
   * `id` of `table` rendered as `kind`, and returns the entry (not kept once the bound is reached).
   */
  set(table: Table, id: number, kind: string, text: string | readonly string[], schema: string): CachedRow {
    if (this.version !== this.store.version) this.clear();
    const pieces = typeof text === 'string' ? [text] : text;
    let parts = this.templates.get(schema);
    if (!parts) {
      this.templates.set(schema, (parts = schema.split(ROW_PATH)));
      this.bytes += schema.length;
    }
    let keyframe = this.keyframes.get(kind);
    let entry = keyframe && this.delta(keyframe, pieces, kind, parts);
    if (entry === undefined) {
      keyframe = this.keyframe(pieces);
      if (keyframe) {
        this.keyframes.set(kind, keyframe);
        entry = this.whole(keyframe, kind, parts);
      }
    }
    if (!entry) return this.alone(kind, pieces, parts);
    this.rows++;
    if (this.coming > 0) this.coming--;
    let kept = this.tables.get(table);
    if (!kept) this.tables.set(table, (kept = { slots: [], kinds: new Set() }));
    const old = kept.slots[id];
    if (old) this.dropped += old.held;
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
    this.dropped += old.held;
  }

  /**
   * Says that every change made so far has been dealt with (stale rows dropped): the entries left stay valid. Without
   * it, the next look at the cache after a change drops everything.
   */
  caughtUp(): void {
    // Only from one change behind: a change missed before stays missed.
    if (this.version === this.store.version - 1) this.version = this.store.version;
  }

  /**
   * The row as differences from `kf`, piece by piece (a piece missing from either side is stepped over), written at
   * `used`; undefined when too little of it is the keyframe's.
   */
  private delta(kf: Keyframe, pieces: readonly string[], kind: string, schema: readonly string[]): CachedRow | undefined {
    const theirs = kf.pieces;
    const at = kf.offsets;
    // Pairs: (keyframe byte offset, byte count) to copy, or (-1, character count) of the row's own text.
    const ops: number[] = [];
    let own = '';
    let i = 0;
    let k = 0;
    let run = '';
    while (i < pieces.length) {
      if (k < theirs.length && pieces[i] === theirs[k]) {
        const from = k;
        const i0 = i;
        while (i < pieces.length && k < theirs.length && pieces[i] === theirs[k]) {
          i++;
          k++;
        }
        const n = at[k]! - at[from]!;
        if (n >= MIN_COPY || (i0 === 0 && i === pieces.length)) {
          if (run !== '') {
            own += run;
            ops.push(-1, run.length);
            run = '';
          }
          ops.push(at[from]!, n);
        } else for (let j = i0; j < i; j++) run += pieces[j]!;
        continue;
      }
      while (i < pieces.length && !(k < theirs.length && pieces[i] === theirs[k])) {
        if (k + 1 < theirs.length && pieces[i] === theirs[k + 1]) {
          // The keyframe has a piece this row lacks.
          k++;
          break;
        }
        run += pieces[i]!;
        // A piece this row has and the keyframe lacks, or one in place of the keyframe's.
        if (!(i + 1 < pieces.length && pieces[i + 1] === theirs[k])) k++;
        i++;
      }
    }
    if (run !== '') {
      own += run;
      ops.push(-1, run.length);
    }
    let chars = 0;
    for (const p of pieces) chars += p.length;
    if (own.length > chars * KEYFRAME_SHARE) return undefined;
    // Own bytes (3 a character at most), then each op in at most 4 bytes.
    const start = this.room(own.length * 3 + ops.length * 2);
    if (start === undefined) return undefined;
    const written = own === '' ? 0 : this.slab.write(own, start);
    if (written !== own.length) {
      // Not all ASCII: each run's own byte length.
      let r = 0;
      for (let j = 0; j < ops.length; j += 2) if (ops[j] === -1) ops[j + 1] = Buffer.byteLength(own.slice(r, (r += ops[j + 1]!)));
    }
    let w = start + written;
    let size = 0;
    for (let j = 0; j < ops.length; j += 2) {
      const n = ops[j + 1]!;
      size += n;
      w = this.varint(ops[j] === -1 ? 2 * n : 2 * runOf(kf.runs, ops[j]!, n) + 1, w);
    }
    this.take(start, w);
    return { kind, size, slab: this.slab, start, ops: start + written, end: w, keyframe: kf.runs, held: w - start, schema };
  }

  /** Keeps `pieces` whole as a keyframe; undefined when there is no room for it. */
  private keyframe(pieces: readonly string[]): Keyframe | undefined {
    const text = pieces.join('');
    // The text, then its entry's two ops.
    const start = this.room(text.length * 3 + 16);
    if (start === undefined) return undefined;
    const n = this.slab.write(text, start);
    const offsets: number[] = [0];
    let at = 0;
    if (n === text.length) for (const p of pieces) offsets.push((at += p.length));
    else for (const p of pieces) offsets.push((at += Buffer.byteLength(p)));
    this.take(start, start + n);
    return { pieces, offsets, runs: { bytes: this.slab.subarray(start, start + n), runs: [], ids: new Map() } };
  }

  /** An entry that is its keyframe's whole text (room for its op was taken with the keyframe). */
  private whole(kf: Keyframe, kind: string, schema: readonly string[]): CachedRow {
    const size = kf.runs.bytes.length;
    const ops = this.used;
    this.take(ops, this.varint(2 * runOf(kf.runs, 0, size) + 1, ops));
    return { kind, size, slab: this.slab, start: ops, ops, end: this.used, keyframe: kf.runs, held: size + this.used - ops, schema };
  }

  /** An entry not kept (too big, or the bound is reached): its own keyframe in its own memory. */
  private alone(kind: string, pieces: readonly string[], schema: readonly string[]): CachedRow {
    const bytes = Buffer.from(pieces.join(''));
    const runs: KeyframeRuns = { bytes, runs: [bytes], ids: new Map() };
    return { kind, size: bytes.length, slab: Buffer.from([1]), start: 0, ops: 0, end: 1, keyframe: runs, held: 0, schema };
  }

  /** Where `most` bytes can be written (a new slab when this one is too full); undefined past the bound. */
  private room(most: number): number | undefined {
    if (this.dropped > 0 && this.dropped >= this.bytes / 2 && this.bytes + most > this.maxBytes) this.clear();
    if (most > SLAB || this.bytes + most > this.maxBytes) return undefined;
    if (this.used + most > this.slab.length) this.newSlab(most);
    return this.used;
  }

  /** Marks `slab[start, end)` as used. */
  private take(start: number, end: number): void {
    this.used = end;
    this.bytes += end - start;
  }

  private newSlab(most: number): void {
    // Sized for the rows still expected, like those kept so far (a little more), within the bound.
    // Rows kept so far tell how big the rest will be (the first ones are mostly whole keyframes: not yet).
    const wanted = this.rows < 1000 ? 0 : Math.min(this.maxBytes - this.bytes, Math.ceil(((this.coming * this.bytes) / this.rows) * 1.1));
    this.slab = Buffer.allocUnsafeSlow(Math.max(SLAB, most, wanted));
    this.used = 0;
  }

  private varint(n: number, at: number): number {
    return writeVarint(this.slab, n, at);
  }

  private clear(): void {
    this.tables = new Map();
    this.coming = 0;
    this.templates = new Map();
    this.keyframes = new Map();
    this.slab = Buffer.alloc(0);
    this.used = 0;
    this.bytes = 0;
    this.dropped = 0;
    this.rows = 0;
    this.version = this.store.version;
  }
}

/** The id of the run of `n` bytes at `offset` of a keyframe's bytes (a view made on first use). */
function runOf(kf: KeyframeRuns, offset: number, n: number): number {
  const key = offset * 2 ** 24 + n;
  let id = kf.ids.get(key);
  if (id === undefined) {
    id = kf.runs.length;
    kf.runs.push(kf.bytes.subarray(offset, offset + n));
    kf.ids.set(key, id);
  }
  return id;
}

/** Writes `n` (a whole number below 2^53) as a varint (7 bits a byte, low first) at `at`; returns the end. */
function writeVarint(buf: Uint8Array, n: number, at: number): number {
  while (n >= 0x80) {
    buf[at++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  buf[at++] = n;
  return at;
}
