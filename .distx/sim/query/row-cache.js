import { deltaOfPieces, deltaOfSlots, ESCAPED, keyframeSlots, newDelta, runOf } from './row-delta.js';
/** Stands for the row's path in schema entries given to `set`; no field name or class holds it. */
export const ROW_PATH = '\u0001';
/** Default bound on the bytes kept (several times 100k VMs with a nic and a volume each). */
export const DEFAULT_CACHE_BYTES = 512 * 1024 * 1024;
const SLAB = 8 * 1024 * 1024;
/** A row whose own bytes are more than this share of its text becomes a keyframe itself. */
const KEYFRAME_SHARE = 0.4;
/** Keyframes of a kind compared value by value (its shapes met first); rows of other shapes are compared piece by piece. */
export const MAX_SHAPES = 8;
/**
 * Rows drift away from their keyframe (dates a second later, the next host...): after this many rows, one with more own
 * text than DRIFT times the fewest of them (and a little) becomes the keyframe of its shape instead. At most one
 * keyframe (a whole row) per this many rows.
 */
const REFRESH_AFTER = 256;
const DRIFT = 1.25;
/** Room `writeRow` needs at the place it writes `e`: its text. */
export function roomFor(e) {
    return e.size;
}
/** Own bytes copied by a loop up to this many (a native copy costs more than a short loop), natively past it. */
const LOOP_COPY = 96;
/**
 * Writes the text of `e` into `dst` at `at` (which must have `roomFor(e)` bytes of room); returns the end. The text is
 * put together from the keyframe's runs, each one native copy without making a view (about 50 ns a run: a view costs
 * three times that), and the row's own bytes, mostly short: copied by a loop. The ops are varints: `2n` = the next n
 * of the row's own bytes; `2r+1` = the keyframe's run r.
 */
export function writeRow(e, dst, at) {
    const src = e.slab;
    const runs = e.keyframe.runs;
    let own = e.start;
    let o = at;
    let i = e.ops;
    const end = e.end;
    while (i < end) {
        let v = src[i++];
        if (v >= 0x80) {
            v &= 0x7f;
            // Multiplied, not 2 ** shift (a call to pow for every byte).
            for (let scale = 0x80, b = 0x80; b >= 0x80; scale *= 0x80) {
                b = src[i++];
                v += (b & 0x7f) * scale;
            }
        }
        if (v % 2 === 1) {
            const run = runs[(v - 1) / 2];
            dst.set(run, o);
            o += run.length;
        }
        else {
            const n = v / 2;
            if (n > LOOP_COPY)
                dst.set(src.subarray(own, own + n), o);
            else
                for (let k = 0; k < n; k++)
                    dst[o + k] = src[own + k];
            own += n;
            o += n;
        }
    }
    return o;
}
/** The text of `e` as bytes of its own. */
export function rowBytes(e) {
    const out = Buffer.allocUnsafe(roomFor(e));
    return out.subarray(0, writeRow(e, out, 0));
}
export class RowCache {
    store;
    maxBytes;
    tables = new Map();
    templates = new Map();
    /** The newest keyframe of each kind (rows compared piece by piece use it). */
    keyframes = new Map();
    /** The keyframes of each kind that rows are compared with value by value, the last one a row matched first. */
    shapes = new Map();
    slab = Buffer.alloc(0);
    used = 0;
    bytes = 0;
    /** Bytes of dropped rows (still in their slabs). */
    dropped = 0;
    /** Rows kept and their bytes, for sizing slabs. */
    rows = 0;
    version = -1;
    /** Rows a reply being written is expected to add (see `expect`). */
    coming = 0;
    /** How many times everything was dropped (see `clear`). */
    cleared = 0;
    /** A row's differences from its keyframe while they are worked out. */
    delta = newDelta();
    /** Memory set aside for slabs (see the constructor), and how much of it slabs use. */
    arena;
    arenaUsed = 0;
    /**
     * `reserve` bytes (within `maxBytes`) are set aside at once for the rows to come. Memory outside the JS heap counts
     * toward V8's next full garbage collection (one every 64 MB or so of it): set aside while the heap is still small (a
     * simulator makes its cache before it seeds the store), that collection costs next to nothing, where filling the
     * cache of a 100k-VM reply would start one over the whole store (~0.4 s). Pages untouched are not resident: the
     * process's memory grows as rows are kept, as before.
     */
    constructor(
    /** Its version moves on every change (a Store). */
    store, maxBytes = DEFAULT_CACHE_BYTES, reserve = 0) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.arena = Buffer.allocUnsafeSlow(Math.min(reserve, maxBytes));
    }
    /**
     * Says that about `rows` rows are about to be kept: the next slab is sized for them at once. V8 counts memory outside
     * its heap toward starting a full garbage collection every 64 MB or so; one allocation for a big reply makes that one
     * collection instead of one per 64 MB of rows.
     */
    expect(rows) {
        if (this.version !== this.store.version)
            this.clear();
        this.coming = rows;
    }
    /** The entry made for row `id` of `table` as `kind` and still fresh, if any. */
    get(table, id, kind) {
        if (this.version !== this.store.version)
            return undefined;
        const hit = this.tables.get(table)?.slots[id];
        return hit && hit.kind === kind ? hit : undefined;
    }
    /**
     * Keeps the text (or its pieces, joined without separators) and schema entries (ROW_PATH for the row's path) of row
     * `id` of `table` rendered as `kind`, and returns the entry (not kept once the bound is reached). `slots`, when
     * given, are the row's values as the text writer met them (its kind's rows can be compared value by value): the row
     * matched none of `shapesOf(kind)`, or `matched` but differed too much from it, and becomes a keyframe of its shape
     * while the kind has fewer than MAX_SHAPES (or in place of `matched`).
     */
    set(table, id, kind, text, schema, slots, matched) {
        const replaced = matched;
        if (this.version !== this.store.version)
            this.clear();
        const pieces = typeof text === 'string' ? [text] : text;
        let parts = this.templates.get(schema);
        if (!parts) {
            this.templates.set(schema, (parts = schema.split(ROW_PATH)));
            this.bytes += schema.length;
        }
        const shapes = this.shapes.get(kind);
        // A row with a string written with escapes cannot be one (its text is not made of its values as they are).
        const slotted = slots !== undefined && !slots.at.includes(ESCAPED);
        const newShape = slotted && (replaced !== undefined || (shapes?.length ?? 0) < MAX_SHAPES);
        const last = this.keyframes.get(kind);
        let entry;
        if (last && !newShape) {
            deltaOfPieces(this.delta, last.runs, last.pieces, last.offsets, pieces);
            entry = this.encode(last, kind, parts);
        }
        if (entry === undefined) {
            const keyframe = this.keyframe(pieces, parts, slotted ? slots : undefined);
            if (keyframe) {
                this.keyframes.set(kind, keyframe);
                if (keyframe.slots)
                    this.addShape(kind, keyframe, replaced);
                entry = this.whole(keyframe, kind);
            }
        }
        if (!entry)
            return this.alone(kind, pieces, parts);
        this.keep(table, id, kind, entry);
        return entry;
    }
    /** The keyframes of `kind` that its rows can be compared with value by value (see `setDiff`). */
    shapesOf(kind) {
        if (this.version !== this.store.version)
            return [];
        return this.shapes.get(kind) ?? [];
    }
    /**
     * Keeps row `id` of `table` rendered as `kind`, a row of the shape of `kf` (one of `shapesOf(kind)`) whose values
     * differ from the keyframe's as `diffs` says, and returns the entry; undefined when
     * it differs too much (it should become a keyframe: `set` it, `matched` by `kf`) or there is no room.
     */
    setDiff(table, id, kind, frame, diffs) {
        const shapes = this.shapes.get(kind) ?? [];
        const at = shapes.indexOf(frame);
        const kf = shapes[at];
        if (this.version !== this.store.version || !kf?.slots)
            return undefined;
        deltaOfSlots(this.delta, kf.slots, kf.runs, diffs);
        const own = this.delta.ownChars;
        if (kf.matched >= REFRESH_AFTER && own > kf.fewest * DRIFT + 32)
            return undefined;
        const entry = this.encode(kf, kind, kf.schema);
        if (!entry)
            return undefined;
        kf.matched++;
        if (own < kf.fewest)
            kf.fewest = own;
        if (at > 0) {
            // Rows of one shape often come one after another: try this keyframe first next time.
            const list = this.shapes.get(kind);
            list.splice(at, 1);
            list.unshift(kf);
        }
        this.keep(table, id, kind, entry);
        return entry;
    }
    addShape(kind, kf, replaced) {
        let list = this.shapes.get(kind);
        if (!list)
            this.shapes.set(kind, (list = []));
        const at = replaced ? list.indexOf(replaced) : -1;
        if (at >= 0)
            list[at] = kf;
        else if (list.length < MAX_SHAPES)
            list.unshift(kf);
    }
    keep(table, id, kind, entry) {
        this.rows++;
        if (this.coming > 0)
            this.coming--;
        let kept = this.tables.get(table);
        if (!kept)
            this.tables.set(table, (kept = { slots: [], kinds: new Set() }));
        const old = kept.slots[id];
        if (old)
            this.dropped += old.held;
        kept.slots[id] = entry;
        kept.kinds.add(kind);
    }
    /** How many of `ids` (rows of `table`) have no entry: the rows a reply of them will render. */
    missing(table, ids) {
        const slots = this.version === this.store.version ? this.tables.get(table)?.slots : undefined;
        if (!slots)
            return ids.length;
        let n = 0;
        for (const id of ids)
            if (slots[id] === undefined)
                n++;
        return n;
    }
    /** The tables with kept rows, and the kinds those rows were rendered as. */
    *kept() {
        for (const [t, k] of this.tables)
            yield [t, k.kinds];
    }
    /** Forgets row `id` of `table` (a change made it stale). */
    drop(table, id) {
        const kept = this.tables.get(table);
        const old = kept?.slots[id];
        if (!kept || !old)
            return;
        kept.slots[id] = undefined;
        this.dropped += old.held;
    }
    /**
     * Says that every change made so far has been dealt with (stale rows dropped): the entries left stay valid. Without
     * it, the next look at the cache after a change drops everything.
     */
    caughtUp() {
        // Only from one change behind: a change missed before stays missed.
        if (this.version === this.store.version - 1)
            this.version = this.store.version;
    }
    /**
     * Writes the row `this.delta` describes (differences from `kf`) at `used`; undefined when too little of it is the
     * keyframe's, or there is no room.
     */
    encode(kf, kind, schema) {
        const { ops, own, ownChars, chars } = this.delta;
        if (ownChars > chars * KEYFRAME_SHARE)
            return undefined;
        // Own bytes (3 a character at most), then each op in at most 4 bytes.
        const cleared = this.cleared;
        const start = this.room(ownChars * 3 + ops.length * 4);
        // Making room may have started everything again: the keyframe's bytes are no longer kept (their memory is used
        // again), so the row cannot be written from it.
        if (start === undefined || this.cleared !== cleared)
            return undefined;
        // The own text's pieces joined once (adding them to a string one by one makes a deep tree of strings to flatten).
        const text = own.join('');
        const written = text === '' ? 0 : this.slab.write(text, start);
        if (written !== text.length) {
            // Not all ASCII: each own op's byte length.
            let r = 0;
            for (let j = 0; j < ops.length; j++) {
                const op = ops[j];
                if (op % 2 === 0)
                    ops[j] = 2 * Buffer.byteLength(text.slice(r, (r += op / 2)));
            }
        }
        const runs = kf.runs.runs;
        let w = start + written;
        let size = written;
        for (let j = 0; j < ops.length; j++) {
            const op = ops[j];
            if (op % 2 === 1)
                size += runs[(op - 1) / 2].length;
            w = this.varint(op, w);
        }
        this.take(start, w);
        return { kind, size, slab: this.slab, start, ops: start + written, end: w, keyframe: kf.runs, held: w - start, schema };
    }
    /** Keeps `pieces` whole as a keyframe; undefined when there is no room for it. */
    keyframe(pieces, schema, slots) {
        const text = pieces.join('');
        // The text, then its entry's two ops.
        const start = this.room(text.length * 3 + 16);
        if (start === undefined)
            return undefined;
        const n = this.slab.write(text, start);
        const offsets = [0];
        let at = 0;
        if (n === text.length)
            for (const p of pieces)
                offsets.push((at += p.length));
        else
            for (const p of pieces)
                offsets.push((at += Buffer.byteLength(p)));
        this.take(start, start + n);
        return {
            pieces: pieces.slice(),
            offsets,
            runs: { bytes: this.slab.subarray(start, start + n), runs: [], ids: new Array(n) },
            slots: slots && keyframeSlots(pieces, offsets, slots),
            schema,
            matched: 0,
            fewest: Infinity,
        };
    }
    /** An entry that is its keyframe's whole text (room for its op was taken with the keyframe). */
    whole(kf, kind) {
        const size = kf.runs.bytes.length;
        const ops = this.used;
        this.take(ops, this.varint(2 * runOf(kf.runs, 0, size) + 1, ops));
        return { kind, size, slab: this.slab, start: ops, ops, end: this.used, keyframe: kf.runs, held: size + this.used - ops, schema: kf.schema };
    }
    /** An entry not kept (too big, or the bound is reached): its own keyframe in its own memory. */
    alone(kind, pieces, schema) {
        const bytes = Buffer.from(pieces.join(''));
        const runs = { bytes, runs: [bytes], ids: [] };
        return { kind, size: bytes.length, slab: Buffer.from([1]), start: 0, ops: 0, end: 1, keyframe: runs, held: 0, schema };
    }
    /** Where `most` bytes can be written (a new slab when this one is too full); undefined past the bound. */
    room(most) {
        if (this.dropped > 0 && this.dropped >= this.bytes / 2 && this.bytes + most > this.maxBytes)
            this.clear();
        if (most > SLAB || this.bytes + most > this.maxBytes)
            return undefined;
        if (this.used + most > this.slab.length)
            this.newSlab(most);
        return this.used;
    }
    /** Marks `slab[start, end)` as used. */
    take(start, end) {
        this.used = end;
        this.bytes += end - start;
    }
    newSlab(most) {
        // Sized for the rows still expected, like those kept so far (a little more), within the bound.
        // Rows kept so far tell how big the rest will be (the first ones are mostly whole keyframes: not yet).
        const wanted = this.rows < 1000 ? 0 : Math.min(this.maxBytes - this.bytes, Math.ceil(((this.coming * this.bytes) / this.rows) * 1.1));
        const size = Math.max(SLAB, most, wanted);
        const left = this.arena.length - this.arenaUsed;
        if (left >= most) {
            // From the memory set aside: as much of it as wanted, or what is left.
            const n = Math.min(size, left);
            this.slab = this.arena.subarray(this.arenaUsed, this.arenaUsed + n);
            this.arenaUsed += n;
        }
        else
            this.slab = Buffer.allocUnsafeSlow(size);
        this.used = 0;
    }
    varint(n, at) {
        return writeVarint(this.slab, n, at);
    }
    clear() {
        this.cleared++;
        this.tables = new Map();
        this.coming = 0;
        this.templates = new Map();
        this.keyframes = new Map();
        this.shapes = new Map();
        this.slab = Buffer.alloc(0);
        // Nothing kept refers to the memory set aside any more (entries of an older version are never handed out).
        this.arenaUsed = 0;
        this.used = 0;
        this.bytes = 0;
        this.dropped = 0;
        this.rows = 0;
        this.version = this.store.version;
    }
}
/** Writes `n` (a whole number below 2^53) as a varint (7 bits a byte, low first) at `at`; returns the end. */
function writeVarint(buf, n, at) {
    // Ops are small: bit operations while they fit 31 bits (a float division per byte costs more).
    if (n < 0x80000000) {
        while (n >= 0x80) {
            buf[at++] = (n & 0x7f) | 0x80;
            n >>>= 7;
        }
        buf[at++] = n;
        return at;
    }
    while (n >= 0x80) {
        buf[at++] = (n % 0x80) | 0x80;
        n = Math.floor(n / 0x80);
    }
    buf[at++] = n;
    return at;
}
