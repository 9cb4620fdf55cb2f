// An HTTP/1.1 response parser, fed the bytes of a connection as they arrive (RFC 9112): the status
// line and headers, then the body framed by Content-Length, `Transfer-Encoding: chunked` (extensions
// and trailers read and dropped) or the end of the connection; 1xx interim answers are skipped, and
// 204, 304 and answers to HEAD have no body. Pure: no sockets, no timers; the body's bytes are handed
// on as views of the bytes fed in (not copied).
//
// A server that lies or breaks the protocol gets a `HttpReadError`, never a hang on unbounded input:
// the status line and headers are bounded (64 KiB), as are a chunk-size line and the trailers. Refused:
// anything that does not begin with `HTTP/1.`, a malformed status or header line, a Content-Length
// that is not digits or whose repeats disagree, a chunk size that is not hex (or beyond 2^52), a
// transfer coding other than chunked (none is asked for), 101 (no upgrade is asked for). A response
// with both Transfer-Encoding and Content-Length is read by Transfer-Encoding (RFC 9112 6.3, item 3),
// and its connection is not used again. A connection ending mid-answer is a 'reset' naming the cut.
/** What went wrong reading an answer: not HTTP at all, or cut short by the connection's end. */
export class HttpReadError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}
/** Status line plus headers, and the trailers of a chunked body. */
export const MAX_HEAD_BYTES = 64 * 1024;
/** A chunk-size line with its extensions. */
const MAX_CHUNK_LINE = 4096;
/** 13 hex digits: below 2^52, exact as a number. */
const MAX_CHUNK_DIGITS = 13;
const LF = 0x0a;
const CR = 0x0d;
const PREFIX = 'HTTP/1.';
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?:[ \t][^\0]*)?$/;
const HEX = /^[0-9a-fA-F]+$/;
const DIGITS = /^\d+$/;
var St;
(function (St) {
    St[St["Head"] = 0] = "Head";
    St[St["Length"] = 1] = "Length";
    St[St["ChunkSize"] = 2] = "ChunkSize";
    St[St["ChunkData"] = 3] = "ChunkData";
    St[St["ChunkEnd"] = 4] = "ChunkEnd";
    St[St["Trailers"] = 5] = "Trailers";
    St[St["UntilClose"] = 6] = "UntilClose";
    St[St["Done"] = 7] = "Done";
})(St || (St = {}));
export class ResponseReader {
    sink;
    headRequest;
    st = St.Head;
    /** Bytes of a head (or a chunk line, or trailers) split across reads. */
    held;
    heldLen = 0;
    /** Body bytes still to come (Content-Length), or of the current chunk. */
    left = 0;
    received = 0;
    length = 0;
    trailerBytes = 0;
    /** The CR after a chunk's data has arrived; its LF has not. */
    sawCr = false;
    /** Some byte of the answer has arrived. */
    started = false;
    /** Bytes came after the answer was complete: the connection cannot carry another request. */
    extra = false;
    constructor(sink, 
    /** The request was HEAD: no body, whatever the headers say. */
    headRequest = false) {
        this.sink = sink;
        this.headRequest = headRequest;
    }
    get complete() {
        return this.st === St.Done;
    }
    /** Reads `bytes`; throws `HttpReadError` for an answer that is not HTTP. */
    push(bytes) {
        if (bytes.length > 0)
            this.started = true;
        let at = 0;
        while (at < bytes.length) {
            switch (this.st) {
                case St.Head:
                    at = this.readHead(bytes, at);
                    break;
                case St.Length: {
                    const n = Math.min(this.left, bytes.length - at);
                    this.left -= n;
                    this.received += n;
                    this.sink.body(at === 0 && n === bytes.length ? bytes : bytes.subarray(at, at + n));
                    at += n;
                    if (this.left === 0)
                        this.finish();
                    break;
                }
                case St.ChunkSize:
                    at = this.readChunkSize(bytes, at);
                    break;
                case St.ChunkData: {
                    const n = Math.min(this.left, bytes.length - at);
                    this.left -= n;
                    this.sink.body(bytes.subarray(at, at + n));
                    at += n;
                    if (this.left === 0)
                        this.st = St.ChunkEnd;
                    break;
                }
                case St.ChunkEnd:
                    at = this.readChunkEnd(bytes, at);
                    break;
                case St.Trailers:
                    at = this.readTrailers(bytes, at);
                    break;
                case St.UntilClose:
                    this.sink.body(at === 0 ? bytes : bytes.subarray(at));
                    at = bytes.length;
                    break;
                case St.Done:
                    this.extra = true;
                    return;
            }
        }
    }
    /** The connection ended: completes a body read until the close, else throws how the answer was cut. */
    close() {
        switch (this.st) {
            case St.Done:
                return;
            case St.UntilClose:
                this.finish();
                return;
            case St.Head:
                throw new HttpReadError('reset', this.started ? "the connection closed in the middle of the answer's headers" : 'the server closed the connection without answering');
            case St.Length:
                throw new HttpReadError('reset', `the answer was cut after ${this.received} of ${this.length} bytes`);
            default:
                throw new HttpReadError('reset', 'the answer was cut in the middle of its chunked body');
        }
    }
    finish() {
        this.st = St.Done;
        this.held = undefined;
        this.sink.end();
    }
    /** Keeps `bytes[from, to)` for a line or head that continues in the next read; `max` bounds it. */
    hold(bytes, from, to, max, what) {
        const need = this.heldLen + (to - from);
        if (need > max)
            throw new HttpReadError('not-http', `${what} longer than ${max / 1024} KiB`);
        if (!this.held || this.held.length < need) {
            const grown = Buffer.allocUnsafe(Math.min(max, Math.max(need, 2 * (this.held?.length ?? 256))));
            if (this.held)
                this.held.copy(grown, 0, 0, this.heldLen);
            this.held = grown;
        }
        bytes.copy(this.held, this.heldLen, from, to);
        this.heldLen = need;
    }
    readHead(bytes, at) {
        const before = this.heldLen;
        let buf = bytes;
        let from = at;
        if (before > 0) {
            // Continue the head held from earlier reads: look at it and (a bounded part of) this read together.
            const take = Math.min(bytes.length - at, MAX_HEAD_BYTES + 1 - before);
            this.hold(bytes, at, at + take, MAX_HEAD_BYTES + 1, 'the status line and headers are');
            buf = this.held;
            from = 0;
        }
        const limit = before > 0 ? this.heldLen : Math.min(bytes.length, at + MAX_HEAD_BYTES + 1);
        checkPrefix(buf, from, limit);
        const end = headEnd(buf, Math.max(from, before - 3), limit);
        if (end < 0) {
            if (limit - from > MAX_HEAD_BYTES)
                throw new HttpReadError('not-http', `the status line and headers are longer than ${MAX_HEAD_BYTES / 1024} KiB`);
            if (before === 0)
                this.hold(bytes, at, bytes.length, MAX_HEAD_BYTES, 'the status line and headers are');
            return bytes.length;
        }
        if (end - from > MAX_HEAD_BYTES)
            throw new HttpReadError('not-http', `the status line and headers are longer than ${MAX_HEAD_BYTES / 1024} KiB`);
        const text = buf.toString('latin1', from, end);
        this.heldLen = 0;
        this.startBody(parseHead(text));
        // Where the head ended in this read's bytes (`held` began with `before` bytes of earlier reads).
        return before > 0 ? at + end - before : end;
    }
    startBody(h) {
        if (h.status < 200) {
            // 1xx: an interim answer (100 Continue, 103 Early Hints); the real one follows.
            if (h.status === 101)
                throw new HttpReadError('not-http', 'the server switched protocols (101) though no upgrade was asked for');
            return;
        }
        const te = h.headers['transfer-encoding'];
        const cl = h.headers['content-length'];
        let reusable = h.keepAlive;
        let length;
        if (this.headRequest || h.status === 204 || h.status === 304)
            this.st = St.Done;
        else if (te !== undefined) {
            if (te.trim().toLowerCase() !== 'chunked')
                throw new HttpReadError('not-http', `unsupported Transfer-Encoding: ${te.slice(0, 60)}`);
            // Both framings: Transfer-Encoding wins, and a connection that said both is not trusted again.
            if (cl !== undefined)
                reusable = false;
            this.st = St.ChunkSize;
        }
        else if (cl !== undefined) {
            length = contentLength(cl);
            this.length = length;
            this.left = length;
            this.st = length === 0 ? St.Done : St.Length;
        }
        else {
            reusable = false;
            this.st = St.UntilClose;
        }
        this.sink.head({ status: h.status, headers: h.headers, length, reusable, keepAliveMs: h.keepAliveMs });
        if (this.st === St.Done)
            this.finish();
    }
    /** Reads up to the end of a line (LF) into `held` (bounded); the line without CR LF, or undefined if it goes on. */
    line(bytes, at, max, what) {
        const lf = bytes.indexOf(LF, at);
        if (lf < 0) {
            this.hold(bytes, at, bytes.length, max, what);
            return undefined;
        }
        let text;
        if (this.heldLen > 0) {
            this.hold(bytes, at, lf, max, what);
            text = this.held.toString('latin1', 0, this.heldLen);
            this.heldLen = 0;
        }
        else {
            if (lf - at > max)
                throw new HttpReadError('not-http', `${what} longer than ${max / 1024} KiB`);
            text = bytes.toString('latin1', at, lf);
        }
        return { text: text.endsWith('\r') ? text.slice(0, -1) : text, next: lf + 1 };
    }
    readChunkSize(bytes, at) {
        const l = this.line(bytes, at, MAX_CHUNK_LINE, 'a chunk-size line is');
        if (!l)
            return bytes.length;
        const semi = l.text.indexOf(';');
        const digits = (semi < 0 ? l.text : l.text.slice(0, semi)).replace(/[ \t]+$/, '').replace(/^0+(?=.)/, '');
        if (!HEX.test(digits))
            throw new HttpReadError('not-http', `a chunk size that is not hexadecimal: ${JSON.stringify(l.text.slice(0, 40))}`);
        if (digits.length > MAX_CHUNK_DIGITS)
            throw new HttpReadError('not-http', `a chunk size beyond 2^52 bytes: ${digits.slice(0, 40)}`);
        this.left = Number.parseInt(digits, 16);
        this.st = this.left === 0 ? St.Trailers : St.ChunkData;
        return l.next;
    }
    /** The CRLF (or bare LF) after a chunk's data. */
    readChunkEnd(bytes, at) {
        const b = bytes[at];
        if (b === LF) {
            this.sawCr = false;
            this.st = St.ChunkSize;
            return at + 1;
        }
        if (b === CR && !this.sawCr) {
            this.sawCr = true;
            return at + 1;
        }
        throw new HttpReadError('not-http', 'a chunk is not followed by CRLF (its size was wrong)');
    }
    readTrailers(bytes, at) {
        const l = this.line(bytes, at, MAX_HEAD_BYTES, 'the trailers are');
        if (!l)
            return bytes.length;
        this.trailerBytes += l.text.length + 2;
        if (this.trailerBytes > MAX_HEAD_BYTES)
            throw new HttpReadError('not-http', `the trailers are longer than ${MAX_HEAD_BYTES / 1024} KiB`);
        if (l.text === '')
            this.finish();
        return l.next;
    }
}
/** Throws unless the bytes seen so far can begin `HTTP/1.`. */
function checkPrefix(buf, from, limit) {
    const n = Math.min(PREFIX.length, limit - from);
    for (let i = 0; i < n; i++) {
        if (buf[from + i] !== PREFIX.charCodeAt(i)) {
            const seen = buf.toString('latin1', from, Math.min(limit, from + 40)).replace(/[^\x20-\x7e]/g, '?');
            throw new HttpReadError('not-http', `the answer begins ${JSON.stringify(seen)}`);
        }
    }
}
/** The index just past the blank line ending a head in `buf[from, limit)`, or -1. */
function headEnd(buf, from, limit) {
    let i = from;
    for (;;) {
        const lf = buf.indexOf(LF, i);
        if (lf < 0 || lf + 1 >= limit)
            return -1;
        const next = buf[lf + 1];
        if (next === LF)
            return lf + 2;
        if (next === CR) {
            if (lf + 2 >= limit)
                return -1;
            if (buf[lf + 2] === LF)
                return lf + 3;
        }
        i = lf + 1;
    }
}
function parseHead(text) {
    const lines = text.split('\n');
    const statusLine = trimCr(lines[0]);
    const m = STATUS_LINE.exec(statusLine);
    if (!m)
        throw new HttpReadError('not-http', `a malformed status line: ${JSON.stringify(statusLine.slice(0, 60))}`);
    const fields = new Map();
    let last;
    for (let i = 1; i < lines.length; i++) {
        const line = trimCr(lines[i]);
        if (line === '')
            break;
        if (line[0] === ' ' || line[0] === '\t') {
            // obs-fold: the line continues the previous header's value (RFC 9112 5.2: replaced by a space).
            if (last === undefined)
                throw new HttpReadError('not-http', 'a header line begins with a space');
            fields.set(last, `${fields.get(last)} ${trimOws(line)}`);
            continue;
        }
        const colon = line.indexOf(':');
        const name = colon < 0 ? '' : line.slice(0, colon);
        if (!TOKEN.test(name))
            throw new HttpReadError('not-http', `a malformed header line: ${JSON.stringify(line.slice(0, 60))}`);
        const value = trimOws(line.slice(colon + 1));
        if (value.includes('\0') || value.includes('\r'))
            throw new HttpReadError('not-http', `a header ${name} with control characters`);
        const key = name.toLowerCase();
        const prev = fields.get(key);
        fields.set(key, prev === undefined ? value : `${prev}, ${value}`);
        last = key;
    }
    const headers = Object.fromEntries(fields);
    const tokens = (headers.connection ?? '').toLowerCase().split(',').map((t) => t.trim());
    const keepAlive = m[1] === '1' ? !tokens.includes('close') : tokens.includes('keep-alive');
    const hint = /(?:^|[,\s])timeout\s*=\s*(\d{1,9})/i.exec(headers['keep-alive'] ?? '');
    return { status: Number(m[2]), headers, keepAlive, keepAliveMs: hint ? Number(hint[1]) * 1000 : undefined };
}
/** A Content-Length value: digits; repeats (joined `a, b`) must all be the same. */
function contentLength(value) {
    const parts = value.split(',').map(trimOws);
    const first = parts[0];
    if (!DIGITS.test(first) || parts.some((p) => p !== first))
        throw new HttpReadError('not-http', `an invalid Content-Length: ${JSON.stringify(value.slice(0, 60))}`);
    const n = Number(first);
    if (!Number.isSafeInteger(n))
        throw new HttpReadError('not-http', `a Content-Length beyond 2^53: ${first.slice(0, 30)}`);
    return n;
}
function trimCr(line) {
    return line.endsWith('\r') ? line.slice(0, -1) : line;
}
function trimOws(s) {
    return s.replace(/^[ \t]+|[ \t]+$/g, '');
}
