/** The id of the run of `n` bytes at `offset` of a keyframe's bytes (a view made on first use). */
export function runOf(kf, offset, n) {
    let at = kf.ids[offset];
    if (at === undefined)
        kf.ids[offset] = at = [];
    for (let j = 0; j < at.length; j += 2)
        if (at[j] === n)
            return at[j + 1];
    const id = kf.runs.length;
    kf.runs.push(kf.bytes.subarray(offset, offset + n));
    at.push(n, id);
    return id;
}
/** `RecordedSlots.at` of a string written with escapes: such a row cannot be a keyframe for slot-by-slot rows. */
export const ESCAPED = -2;
/** Runs of the keyframe shorter than this are kept as the row's own bytes instead (fewer runs to put together). */
export const MIN_COPY = 48;
export function newDelta() {
    return { ops: [], own: [], ownChars: 0, chars: 0 };
}
/**
 * The slot view of a keyframe made of `pieces` (whose byte offsets are `offsets`), or undefined when some string of
 * it was written with escapes.
 */
export function keyframeSlots(pieces, offsets, slots) {
    const n = slots.at.length;
    const chars = [0];
    let c = 0;
    for (const p of pieces)
        chars.push((c += p.length));
    const out = {
        values: slots.values.slice(),
        charStart: new Int32Array(n),
        charEnd: new Int32Array(n),
        byteStart: new Int32Array(n),
        byteEnd: new Int32Array(n),
        text: pieces.join(''),
        gaps: [],
    };
    for (let s = 0; s < n; s++) {
        const j = slots.at[s];
        if (j === ESCAPED)
            return undefined;
        out.charStart[s] = j < 0 ? -1 : chars[j];
        out.charEnd[s] = j < 0 ? -1 : chars[j + 1];
        out.byteStart[s] = j < 0 ? -1 : offsets[j];
        out.byteEnd[s] = j < 0 ? -1 : offsets[j + 1];
    }
    return out;
}
/** Adds a pending own run (`run` characters) to the ops. */
function flush(d, run) {
    if (run === 0)
        return;
    d.ops.push(2 * run);
    d.ownChars += run;
}
/**
 * Fills `d` with `pieces` as differences from the keyframe's pieces `theirs` (byte offsets `at`), piece by piece (a
 * piece missing from either side is stepped over).
 */
export function deltaOfPieces(d, kf, theirs, at, pieces) {
    const { ops, own } = d;
    ops.length = 0;
    own.length = 0;
    d.ownChars = 0;
    let i = 0;
    let k = 0;
    /** Characters of own pieces not yet in an op. */
    let run = 0;
    while (i < pieces.length) {
        if (k < theirs.length && pieces[i] === theirs[k]) {
            const from = k;
            const i0 = i;
            while (i < pieces.length && k < theirs.length && pieces[i] === theirs[k]) {
                i++;
                k++;
            }
            const n = at[k] - at[from];
            if (n >= MIN_COPY || (i0 === 0 && i === pieces.length)) {
                flush(d, run);
                run = 0;
                ops.push(2 * runOf(kf, at[from], n) + 1);
            }
            else
                for (let j = i0; j < i; j++) {
                    own.push(pieces[j]);
                    run += pieces[j].length;
                }
            continue;
        }
        while (i < pieces.length && !(k < theirs.length && pieces[i] === theirs[k])) {
            if (k + 1 < theirs.length && pieces[i] === theirs[k + 1]) {
                // The keyframe has a piece this row lacks.
                k++;
                break;
            }
            own.push(pieces[i]);
            run += pieces[i].length;
            // A piece this row has and the keyframe lacks, or one in place of the keyframe's.
            if (!(i + 1 < pieces.length && pieces[i + 1] === theirs[k]))
                k++;
            i++;
        }
    }
    flush(d, run);
    let chars = 0;
    for (let j = 0; j < pieces.length; j++)
        chars += pieces[j].length;
    d.chars = chars;
}
/**
 * Fills `d` with a row of the keyframe's shape whose slots differ from the keyframe's as `diffs` says; `runs` are the
 * keyframe's runs.
 */
export function deltaOfSlots(d, kf, runs, diffs) {
    const { ops, own } = d;
    ops.length = 0;
    own.length = 0;
    d.ownChars = 0;
    if (diffs.n === 0) {
        // The keyframe's very text.
        ops.push(2 * runOf(runs, 0, runs.bytes.length) + 1);
        d.chars = kf.text.length;
        return;
    }
    let chars = kf.text.length;
    let run = 0;
    let prev = -1;
    for (let j = 0; j <= diffs.n; j++) {
        const s = j < diffs.n ? diffs.slots[j] : kf.values.length;
        const gap = gapOf(kf, runs, prev, s);
        if (typeof gap === 'number') {
            flush(d, run);
            run = 0;
            ops.push(gap);
        }
        else if (gap !== '') {
            own.push(gap);
            run += gap.length;
        }
        if (j === diffs.n)
            break;
        const t = diffs.texts[j];
        own.push(t);
        run += t.length;
        chars += t.length - (kf.charEnd[s] - kf.charStart[s]);
        prev = s;
    }
    flush(d, run);
    d.chars = chars;
}
/** What lies between slot `a` (-1: the start) and slot `b` (the slot count: the end) of the keyframe (see `gaps`). */
function gapOf(kf, runs, a, b) {
    let row = kf.gaps[a + 1];
    if (row === undefined)
        kf.gaps[a + 1] = row = [];
    let gap = row[b];
    if (gap === undefined) {
        const from = a < 0 ? 0 : kf.byteEnd[a];
        const to = b === kf.values.length ? runs.bytes.length : kf.byteStart[b];
        const cfrom = a < 0 ? 0 : kf.charEnd[a];
        const cto = b === kf.values.length ? kf.text.length : kf.charStart[b];
        gap = to - from >= MIN_COPY ? 2 * runOf(runs, from, to - from) + 1 : kf.text.slice(cfrom, cto);
        row[b] = gap;
    }
    return gap;
}
