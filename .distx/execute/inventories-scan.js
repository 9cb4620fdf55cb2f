// An incremental scanner for a query's answer, `{"inventories":[row, row, ...], "total": N, ...}`,
// fed the body in chunks as they arrive: the rows come out of the `inventories` array as soon as they
// are complete, so a 100k-row answer is never one string or one object tree. The other members
// (`total`, ...) are parsed whole; the server's `schema` map is passed over (json-skip.ts: checked,
// never held).
//
// How rows are read: by JSON.parse, which also finds where they end. From a row's start, the last
// `},{` of the chunk (compact JSON puts it between object rows) is taken for the end of the rows
// before it, and JSON.parse of `[` + those bytes + `]` settles it: the parse succeeds only if the
// cut fell between two rows (a cut inside a row or a string leaves a bracket or a quote open), and
// then its values are exactly those rows. The bytes after the cut (the row running on into the next
// chunk) are read again in front of the next chunk. Where no cut holds (it fell inside a row's list
// of objects, pretty-printed JSON, rows that are not objects, malformed text, or most cuts missed),
// a byte-level scan finds where each value ends (strings jumped with indexOf; UTF-8 never puts `"`
// or `\` inside a multi-byte character) and the rows it completed are parsed together. A batch
// holding a number beyond ±(2^53 - 1) (JSON.parse rounded it; the scan flags a run of 16+ digits
// outside strings instead) is parsed again by parseJsonExact, so longs stay exact (bigints). A bare
// top-level array is read as the rows themselves; an empty body reads as `{}`. Any malformed input
// throws ReplyFormatError, as does more than 1 MiB of blank space between values (no server writes
// that; it would be read for nothing).
import { parseJsonExact } from './exact-json.js';
import { isWs, JsonSkipper } from './json-skip.js';
/** The answer is not the JSON it should be (or is too big to hold one value of). */
export class ReplyFormatError extends Error {
}
/** Largest single value (one row, or one other member) held while it arrives. */
const MAX_VALUE_BYTES = 256 * 1024 * 1024;
/** Most blank space between values: a server sending more is not sending JSON. */
const MAX_BLANK_BYTES = 1024 * 1024;
/** Rows are parsed together up to this many bytes (larger strings make JSON.parse slower per byte). */
const BATCH_BYTES = 64 * 1024;
/** Where compact JSON ends an object row and begins the next. */
const ROW_SEPARATOR = Buffer.from('},{');
/** Cuts tried before their misses can turn the cut-and-parse off for the rest of the answer. */
const CUT_TRIAL = 16;
/** The largest magnitude JSON.parse keeps exact: beyond it a batch is parsed again exactly. */
const SAFE_LIMIT = 2 ** 53;
var S;
(function (S) {
    S[S["Top"] = 0] = "Top";
    S[S["KeyOrEnd"] = 1] = "KeyOrEnd";
    S[S["Key"] = 2] = "Key";
    S[S["Colon"] = 3] = "Colon";
    S[S["Value"] = 4] = "Value";
    S[S["AfterValue"] = 5] = "AfterValue";
    S[S["ElementOrEnd"] = 6] = "ElementOrEnd";
    S[S["Element"] = 7] = "Element";
    S[S["AfterElement"] = 8] = "AfterElement";
    S[S["Done"] = 9] = "Done";
})(S || (S = {}));
var K;
(function (K) {
    K[K["Container"] = 0] = "Container";
    K[K["String"] = 1] = "String";
    K[K["Scalar"] = 2] = "Scalar";
})(K || (K = {}));
/** Whether a parsed value holds a number JSON.parse may have rounded (an integer beyond ±(2^53 - 1)). */
function holdsLong(v) {
    if (typeof v === 'number')
        return v >= SAFE_LIMIT || v <= -SAFE_LIMIT;
    return typeof v === 'object' && v !== null && containsLong(v);
}
/**
 * holdsLong of a container. Each member is tested where it stands (a call only for a container): a
 * batch of rows holds ~70 values a row, nearly all strings.
 */
function containsLong(o) {
    if (Array.isArray(o)) {
        for (let i = 0; i < o.length; i++) {
            const x = o[i];
            if (typeof x === 'object' ? x !== null && containsLong(x) : typeof x === 'number' && (x >= SAFE_LIMIT || x <= -SAFE_LIMIT))
                return true;
        }
        return false;
    }
    const rec = o;
    for (const k in rec) {
        const x = rec[k];
        if (typeof x === 'object' ? x !== null && containsLong(x) : typeof x === 'number' && (x >= SAFE_LIMIT || x <= -SAFE_LIMIT))
            return true;
    }
    return false;
}
export class InventoriesScanner {
    /** Members of the answer besides the rows (`schema` left out). */
    head = {};
    /** The rows' array has begun. */
    listSeen = false;
    /** Rows read by a cut (one JSON.parse to the chunk's last `},{`) and by the byte scan: for the bench and tests. */
    rowsRead = { cut: 0, scanned: 0 };
    state = S.Top;
    topArray = false;
    key = '';
    cap;
    /** Passing over the `schema` member's value. */
    skip;
    /** Parity of the backslashes that ended the last chunk inside a string. */
    bs = 0;
    ready = [];
    sawBytes = false;
    /** Blank bytes in a row between values. */
    blank = 0;
    batchStart = -1;
    batchEnd = -1;
    batchBig = false;
    /** Where in the current chunk a row may next be cut for JSON.parse (before it, the bytes were searched). */
    cutFrom = 0;
    cuts = 0;
    cutMisses = 0;
    /** Rows are still cut (not when most cuts missed, nor for the tail at the end). */
    cutting = true;
    /** Bytes after the last cut of the previous chunk, read again in front of the next one. */
    tail;
    /** Rows complete so far and not yet taken. */
    take() {
        const out = this.ready;
        this.ready = [];
        return out;
    }
    /** How many rows are waiting in take(). */
    get pending() {
        return this.ready.length;
    }
    get finished() {
        return this.state === S.Done;
    }
    /** Reads one more piece of the body. */
    push(chunk) {
        if (chunk.length)
            this.sawBytes = true;
        const tail = this.tail;
        this.tail = undefined;
        if (!tail)
            return this.read(chunk);
        // The row the last chunk ended in goes on in this one: it is read joined with this chunk's bytes up
        // to the first place a row may end (a copy of about a row), then the rest of the chunk in place
        // (joined only to what that read left over), instead of copying the whole chunk.
        const k = chunk.indexOf(ROW_SEPARATOR);
        if (k < 0)
            return this.read(Buffer.concat([tail, chunk]));
        this.read(Buffer.concat([tail, chunk.subarray(0, k + 1)]));
        const left = this.tail;
        this.tail = undefined;
        this.read(left ? Buffer.concat([left, chunk.subarray(k + 1)]) : chunk.subarray(k + 1));
    }
    /** Scans `buf` from its start in the current state. */
    read(buf) {
        const len = buf.length;
        let i = 0;
        this.cutFrom = 0;
        while (i < len) {
            if (this.skip) {
                i = this.skipValue(buf, i);
                continue;
            }
            if (this.cap) {
                i = this.capture(buf, i);
                if (this.cap)
                    break; // the chunk ended inside the value
                continue;
            }
            const c = buf[i];
            if (isWs(c)) {
                if (++this.blank > MAX_BLANK_BYTES)
                    this.fail(`more than ${MAX_BLANK_BYTES / 1024 / 1024} MiB of blank space`);
                i++;
                continue;
            }
            this.blank = 0;
            switch (this.state) {
                case S.Top:
                    if (c === 0x7b)
                        this.state = S.KeyOrEnd;
                    else if (c === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf)
                        i += 2; // a UTF-8 byte order mark
                    else if (c === 0x5b) {
                        this.topArray = true;
                        this.listSeen = true;
                        this.state = S.ElementOrEnd;
                    }
                    else
                        this.fail('the answer is not a JSON object');
                    i++;
                    break;
                case S.KeyOrEnd:
                case S.Key:
                    if (c === 0x7d && this.state === S.KeyOrEnd) {
                        this.state = S.Done;
                        i++;
                    }
                    else if (c === 0x22)
                        this.begin(K.String, i);
                    else
                        this.fail('expected a member name');
                    break;
                case S.Colon:
                    if (c !== 0x3a)
                        this.fail("expected ':'");
                    this.state = S.Value;
                    i++;
                    break;
                case S.Value:
                    if (c === 0x5b && this.key === 'inventories' && !this.listSeen) {
                        this.listSeen = true;
                        this.state = S.ElementOrEnd;
                        i++;
                    }
                    else if (this.key === 'schema')
                        this.skip = new JsonSkipper();
                    else
                        this.begin(this.kindAt(c), i);
                    break;
                case S.AfterValue:
                    if (c === 0x2c)
                        this.state = S.Key;
                    else if (c === 0x7d)
                        this.state = S.Done;
                    else
                        this.fail("expected ',' or '}'");
                    i++;
                    break;
                case S.ElementOrEnd:
                case S.Element:
                    if (c === 0x5d && this.state === S.ElementOrEnd) {
                        this.endList();
                        i++;
                    }
                    else if (i >= this.cutFrom && c === 0x7b) {
                        const end = this.cutRows(buf, i);
                        if (end < 0)
                            this.begin(K.Container, i);
                        else
                            i = end;
                    }
                    else
                        this.begin(this.kindAt(c), i);
                    break;
                case S.AfterElement:
                    if (c === 0x2c)
                        this.state = S.Element;
                    else if (c === 0x5d)
                        this.endList();
                    else
                        this.fail("expected ',' or ']'");
                    i++;
                    break;
                case S.Done:
                    this.fail('unexpected text after the answer');
            }
        }
        if (this.cap)
            this.carry(buf);
        this.flushBatch(buf);
    }
    /**
     * Reads the rows from `i` (a row's `{`) to the chunk's last `},{` within a batch's length with one
     * JSON.parse: the index after them (the chunk's end when the rest is kept as the tail), or -1 when
     * there is no such cut or it fell inside a row (the scan then reads on). Turns itself off for the
     * rest of the answer when most cuts miss.
     */
    cutRows(buf, i) {
        // The whole rest when it is less than two batches (so no short rest is left to the scan).
        const window = buf.length - i < 2 * BATCH_BYTES ? buf.length : i + BATCH_BYTES;
        this.cutFrom = window;
        if (this.cuts >= CUT_TRIAL && this.cutMisses * 2 > this.cuts)
            this.cutting = false;
        if (!this.cutting)
            return -1;
        const k = buf.lastIndexOf(ROW_SEPARATOR, window - ROW_SEPARATOR.length);
        if (k < i)
            return -1;
        this.cuts++;
        const text = `[${buf.toString('utf8', i, k + 1)}]`;
        let rows;
        try {
            rows = JSON.parse(text);
        }
        catch {
            this.cutMisses++;
            this.cutFrom = buf.length; // the scan reads the rest of this chunk
            return -1;
        }
        if (holdsLong(rows))
            rows = this.parse(text, true);
        this.flushBatch(buf);
        for (const r of rows)
            this.ready.push(r);
        this.rowsRead.cut += rows.length;
        this.state = S.AfterElement;
        if (window < buf.length) {
            this.cutFrom = k + 1;
            return k + 1;
        }
        // The rest (`,` and the start of a row) is read with the next chunk, in its first cut.
        this.tail = Buffer.from(buf.subarray(k + 1));
        return buf.length;
    }
    /** The body has ended: throws unless the answer was complete. */
    end() {
        if (this.tail) {
            // The last rows and what follows them: the scan reads them.
            const tail = this.tail;
            this.tail = undefined;
            this.cutting = false;
            this.read(tail);
        }
        if (this.state === S.Done)
            return;
        if (this.state === S.Top && !this.cap && !this.sawBytes) {
            this.state = S.Done; // an empty body: as `{}`
            return;
        }
        this.fail('the answer ended early (incomplete JSON)');
    }
    fail(what) {
        throw new ReplyFormatError(what);
    }
    /** Passes over the skipped value from `i`: where it ended, or the chunk's end. */
    skipValue(buf, i) {
        let end;
        try {
            end = this.skip.feed(buf, i);
        }
        catch (e) {
            return this.fail(`the answer is not valid JSON: ${e.message}`);
        }
        if (end < 0)
            return buf.length;
        this.skip = undefined;
        this.state = S.AfterValue;
        return end;
    }
    kindAt(c) {
        if (c === 0x7b || c === 0x5b)
            return K.Container;
        if (c === 0x22)
            return K.String;
        if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e)
            return K.Scalar;
        return this.fail(`unexpected character '${String.fromCharCode(c)}'`);
    }
    endList() {
        this.state = this.topArray ? S.Done : S.AfterValue;
    }
    begin(kind, at) {
        // Scalars are few (rows are objects): parseJsonExact decides for them.
        this.cap = { kind, depth: 0, inString: false, run: 0, big: kind === K.Scalar, parts: [], size: 0, start: at };
    }
    /** Scans the current value from `i`; clears `cap` (and files the value) when it ends. Returns where scanning stopped. */
    capture(buf, i) {
        const cap = this.cap;
        const len = buf.length;
        if (cap.kind === K.Scalar) {
            while (i < len) {
                const c = buf[i];
                if (c === 0x2c || c === 0x5d || c === 0x7d || isWs(c)) {
                    this.complete(buf, i);
                    return i;
                }
                i++;
            }
            return i;
        }
        if (cap.kind === K.String) {
            const from = cap.inString ? i : i + 1;
            cap.inString = true;
            const end = this.stringEnd(buf, from);
            if (end < 0)
                return len;
            this.complete(buf, end);
            return end;
        }
        let depth = cap.depth;
        let run = cap.run;
        if (cap.inString) {
            const end = this.stringEnd(buf, i);
            if (end < 0)
                return len;
            cap.inString = false;
            i = end;
        }
        while (i < len) {
            const c = buf[i];
            if (c === 0x22) {
                const end = this.stringEnd(buf, i + 1);
                if (end < 0) {
                    cap.inString = true;
                    cap.depth = depth;
                    cap.run = 0;
                    return len;
                }
                i = end;
                run = 0;
                continue;
            }
            if (c >= 0x30 && c <= 0x39) {
                if (++run >= 16)
                    cap.big = true;
                i++;
                continue;
            }
            run = 0;
            if (c === 0x7b || c === 0x5b)
                depth++;
            else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
                this.complete(buf, i + 1);
                return i + 1;
            }
            i++;
        }
        cap.depth = depth;
        cap.run = run;
        return i;
    }
    /**
     * Index just past the closing quote of a string whose content goes on at `from`, or -1 when the
     * chunk ends first (the parity of trailing backslashes is kept for the next chunk).
     */
    stringEnd(buf, from) {
        let i = from;
        let carry = this.bs;
        this.bs = 0;
        for (;;) {
            const j = buf.indexOf(0x22, i);
            if (j < 0) {
                let k = buf.length - 1;
                while (k >= i && buf[k] === 0x5c)
                    k--;
                const n = buf.length - 1 - k;
                this.bs = (k < i ? carry + n : n) & 1;
                return -1;
            }
            let k = j - 1;
            while (k >= i && buf[k] === 0x5c)
                k--;
            const n = j - 1 - k;
            if (((k < i ? carry + n : n) & 1) === 0)
                return j + 1;
            carry = 0;
            i = j + 1;
        }
    }
    /** Keeps the unfinished value's bytes of this chunk. */
    carry(buf) {
        const cap = this.cap;
        const piece = buf.subarray(cap.start);
        cap.size += piece.length;
        if (cap.size > MAX_VALUE_BYTES)
            this.fail(`one value of the answer is larger than ${MAX_VALUE_BYTES / 2 ** 20} MiB`);
        // A copy: the caller may reuse its buffer.
        cap.parts.push(Buffer.from(piece));
        cap.start = 0;
    }
    /** The value that began at `cap.start` (or in earlier chunks) ends at `end`. */
    complete(buf, end) {
        const cap = this.cap;
        this.cap = undefined;
        const element = this.state === S.Element || this.state === S.ElementOrEnd;
        if (element && cap.parts.length === 0) {
            // Whole within this chunk: joins the batch parsed at the end of the chunk.
            if (this.batchStart < 0)
                this.batchStart = cap.start;
            else if (end - this.batchStart > BATCH_BYTES) {
                this.flushBatch(buf);
                this.batchStart = cap.start;
            }
            this.batchEnd = end;
            if (cap.big)
                this.batchBig = true;
            this.state = S.AfterElement;
            return;
        }
        const bytes = cap.parts.length ? Buffer.concat([...cap.parts, buf.subarray(0, end)]) : buf.subarray(cap.start, end);
        const value = this.parse(bytes.toString('utf8'), cap.big);
        if (element) {
            this.ready.push(value);
            this.rowsRead.scanned++;
            this.state = S.AfterElement;
        }
        else if (this.state === S.Key || this.state === S.KeyOrEnd) {
            this.key = value;
            this.state = S.Colon;
        }
        else {
            if (this.key !== 'schema')
                this.head[this.key] = value;
            this.state = S.AfterValue;
        }
    }
    flushBatch(buf) {
        if (this.batchStart < 0)
            return;
        const rows = this.parse(`[${buf.toString('utf8', this.batchStart, this.batchEnd)}]`, this.batchBig);
        for (const r of rows)
            this.ready.push(r);
        this.rowsRead.scanned += rows.length;
        this.batchStart = -1;
        this.batchEnd = -1;
        this.batchBig = false;
    }
    parse(text, big) {
        try {
            return big ? parseJsonExact(text) : JSON.parse(text);
        }
        catch (e) {
            return this.fail(`the answer is not valid JSON: ${e.message}`);
        }
    }
}
