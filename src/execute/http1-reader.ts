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
  constructor(
    readonly reason: 'not-http' | 'reset',
    message: string,
  ) {
    super(message);
  }
}

export interface ResponseHead {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body's announced length (Content-Length framing), else undefined. */
  length: number | undefined;
  /** The connection may carry another request once this answer is read. */
  reusable: boolean;
  /** The server's `Keep-Alive: timeout=` in ms, when given. */
  keepAliveMs: number | undefined;
}

export interface ResponseSink {
  /** The final (non-1xx) status line and headers. */
  head(h: ResponseHead): void;
  /** A piece of the body: a view of the bytes fed in (valid only until the caller reuses them). */
  body(bytes: Buffer): void;
  /** The answer is complete. */
  end(): void;
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

const enum St {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
  Done,
}

export class ResponseReader {
  private st = St.Head;
  /** Bytes of a head (or a chunk line, or trailers) split across reads. */
  private held: Buffer | undefined;
  private heldLen = 0;
  /** Body bytes still to come (Content-Length), or of the current chunk. */
  private left = 0;
  private received = 0;
  private length = 0;
  private trailerBytes = 0;
  /** The CR after a chunk's data has arrived; its LF has not. */
  private sawCr = false;
  /** Some byte of the answer has arrived. */
  started = false;
  /** Bytes came after the answer was complete: the connection cannot carry another request. */
  extra = false;

  constructor(
    private readonly sink: ResponseSink,
    /** The request was HEAD: no body, whatever the headers say. */
    private readonly headRequest = false,
  ) {}

  get complete(): boolean {
    return this.st === St.Done;
  }

  /** Reads `bytes`; throws `HttpReadError` for an answer that is not HTTP. */
  push(bytes: Buffer): void {
    if (bytes.length > 0) this.started = true;
    let at = 0;
    while (at < bytes.length) {
      switch (this.st) {
        case St.Head:
          at = this.readHead(bytes, at);
          break;
        case St.Length: {
          const n = this.passBody(bytes, at);
          this.received += n;
          at += n;
          if (this.left === 0) this.finish();
          break;
        }
        case St.ChunkSize:
          at = this.readChunkSize(bytes, at);
          break;
        case St.ChunkData:
          at += this.passBody(bytes, at);
          if (this.left === 0) this.st = St.ChunkEnd;
          break;
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
  close(): void {
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

  /** Hands on the body bytes from `at`, up to the `left` still due (Content-Length or the chunk); how many. */
  private passBody(bytes: Buffer, at: number): number {
    const n = Math.min(this.left, bytes.length - at);
    this.left -= n;
    this.sink.body(at === 0 && n === bytes.length ? bytes : bytes.subarray(at, at + n));
    return n;
  }

  private finish(): void {
    this.st = St.Done;
    this.held = undefined;
    this.sink.end();
  }

  /** Keeps `bytes[from, to)` for a line or head that continues in the next read; `max` bounds it. */
  private hold(bytes: Buffer, from: number, to: number, max: number, what: string): void {
    const need = this.heldLen + (to - from);
    if (need > max) throw new HttpReadError('not-http', `${what} longer than ${max / 1024} KiB`);
    if (!this.held || this.held.length < need) {
      const grown = Buffer.allocUnsafe(Math.min(max, Math.max(need, 2 * (this.held?.length ?? 256))));
      if (this.held) this.held.copy(grown, 0, 0, this.heldLen);
      this.held = grown;
    }
    bytes.copy(this.held, this.heldLen, from, to);
    this.heldLen = need;
  }

  private readHead(bytes: Buffer, at: number): number {
    const before = this.heldLen;
    let buf = bytes;
    let from = at;
    if (before > 0) {
      // Continue the head held from earlier reads: look at it and (a bounded part of) this read together.
      const take = Math.min(bytes.length - at, MAX_HEAD_BYTES + 1 - before);
      this.hold(bytes, at, at + take, MAX_HEAD_BYTES + 1, 'the status line and headers are');
      buf = this.held!;
      from = 0;
    }
    const limit = before > 0 ? this.heldLen : Math.min(bytes.length, at + MAX_HEAD_BYTES + 1);
    checkPrefix(buf, from, limit);
    const end = headEnd(buf, Math.max(from, before - 3), limit);
    if (end < 0) {
      if (limit - from > MAX_HEAD_BYTES) throw new HttpReadError('not-http', `the status line and headers are longer than ${MAX_HEAD_BYTES / 1024} KiB`);
      if (before === 0) this.hold(bytes, at, bytes.length, MAX_HEAD_BYTES, 'the status line and headers are');
      return bytes.length;
    }
    if (end - from > MAX_HEAD_BYTES) throw new HttpReadError('not-http', `the status line and headers are longer than ${MAX_HEAD_BYTES / 1024} KiB`);
    const text = buf.toString('latin1', from, end);
    this.heldLen = 0;
    this.startBody(parseHead(text));
    // Where the head ended in this read's bytes (`held` began with `before` bytes of earlier reads).
    return before > 0 ? at + end - before : end;
  }

  private startBody(h: ParsedHead): void {
    if (h.status < 200) {
      // 1xx: an interim answer (100 Continue, 103 Early Hints); the real one follows.
      if (h.status === 101) throw new HttpReadError('not-http', 'the server switched protocols (101) though no upgrade was asked for');
      return;
    }
    const te = h.headers['transfer-encoding'];
    const cl = h.headers['content-length'];
    let reusable = h.keepAlive;
    let length: number | undefined;
    if (this.headRequest || h.status === 204 || h.status === 304) this.st = St.Done;
    else if (te !== undefined) {
      if (te.trim().toLowerCase() !== 'chunked') throw new HttpReadError('not-http', `unsupported Transfer-Encoding: ${te.slice(0, 60)}`);
      // Both framings: Transfer-Encoding wins, and a connection that said both is not trusted again.
      if (cl !== undefined) reusable = false;
      this.st = St.ChunkSize;
    } else if (cl !== undefined) {
      length = contentLength(cl);
      this.length = length;
      this.left = length;
      this.st = length === 0 ? St.Done : St.Length;
    } else {
      reusable = false;
      this.st = St.UntilClose;
    }
    this.sink.head({ status: h.status, headers: h.headers, length, reusable, keepAliveMs: h.keepAliveMs });
    if (this.st === St.Done) this.finish();
  }

  /** Reads up to the end of a line (LF) into `held` (bounded); the line without CR LF, or undefined if it goes on. */
  private line(bytes: Buffer, at: number, max: number, what: string): { text: string; next: number } | undefined {
    const lf = bytes.indexOf(LF, at);
    if (lf < 0) {
      this.hold(bytes, at, bytes.length, max, what);
      return undefined;
    }
    let text: string;
    if (this.heldLen > 0) {
      this.hold(bytes, at, lf, max, what);
      text = this.held!.toString('latin1', 0, this.heldLen);
      this.heldLen = 0;
    } else {
      if (lf - at > max) throw new HttpReadError('not-http', `${what} longer than ${max / 1024} KiB`);
      text = bytes.toString('latin1', at, lf);
    }
    return { text: trimCr(text), next: lf + 1 };
  }

  private readChunkSize(bytes: Buffer, at: number): number {
    const l = this.line(bytes, at, MAX_CHUNK_LINE, 'a chunk-size line is');
    if (!l) return bytes.length;
    const semi = l.text.indexOf(';');
    const digits = (semi < 0 ? l.text : l.text.slice(0, semi)).replace(/[ \t]+$/, '').replace(/^0+(?=.)/, '');
    if (!HEX.test(digits)) throw new HttpReadError('not-http', `a chunk size that is not hexadecimal: ${JSON.stringify(l.text.slice(0, 40))}`);
    if (digits.length > MAX_CHUNK_DIGITS) throw new HttpReadError('not-http', `a chunk size beyond 2^52 bytes: ${digits.slice(0, 40)}`);
    this.left = Number.parseInt(digits, 16);
    this.st = this.left === 0 ? St.Trailers : St.ChunkData;
    return l.next;
  }

  /** The CRLF (or bare LF) after a chunk's data. */
  private readChunkEnd(bytes: Buffer, at: number): number {
    const b = bytes[at]!;
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

  private readTrailers(bytes: Buffer, at: number): number {
    const l = this.line(bytes, at, MAX_HEAD_BYTES, 'the trailers are');
    if (!l) return bytes.length;
    this.trailerBytes += l.text.length + 2;
    if (this.trailerBytes > MAX_HEAD_BYTES) throw new HttpReadError('not-http', `the trailers are longer than ${MAX_HEAD_BYTES / 1024} KiB`);
    if (l.text === '') this.finish();
    return l.next;
  }
}

interface ParsedHead {
  status: number;
  headers: Record<string, string>;
  keepAlive: boolean;
  keepAliveMs: number | undefined;
}

/** Throws unless the bytes seen so far can begin `HTTP/1.`. */
function checkPrefix(buf: Buffer, from: number, limit: number): void {
  const n = Math.min(PREFIX.length, limit - from);
  for (let i = 0; i < n; i++) {
    if (buf[from + i] !== PREFIX.charCodeAt(i)) {
      const seen = buf.toString('latin1', from, Math.min(limit, from + 40)).replace(/[^\x20-\x7e]/g, '?');
      throw new HttpReadError('not-http', `the answer begins ${JSON.stringify(seen)}`);
    }
  }
}

/** The index just past the blank line ending a head in `buf[from, limit)`, or -1. */
function headEnd(buf: Buffer, from: number, limit: number): number {
  let i = from;
  for (;;) {
    const lf = buf.indexOf(LF, i);
    if (lf < 0 || lf + 1 >= limit) return -1;
    const next = buf[lf + 1];
    if (next === LF) return lf + 2;
    if (next === CR) {
      if (lf + 2 >= limit) return -1;
      if (buf[lf + 2] === LF) return lf + 3;
    }
    i = lf + 1;
  }
}

function parseHead(text: string): ParsedHead {
  const lines = text.split('\n');
  const statusLine = trimCr(lines[0]!);
  const m = STATUS_LINE.exec(statusLine);
  if (!m) throw new HttpReadError('not-http', `a malformed status line: ${JSON.stringify(statusLine.slice(0, 60))}`);
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (let i = 1; i < lines.length; i++) {
    const line = trimCr(lines[i]!);
    if (line === '') break;
    if (line[0] === ' ' || line[0] === '\t') {
      // obs-fold: the line continues the previous header's value (RFC 9112 5.2: replaced by a space).
      if (last === undefined) throw new HttpReadError('not-http', 'a header line begins with a space');
      fields.set(last, `${fields.get(last)!} ${trimOws(line)}`);
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon);
    if (!TOKEN.test(name)) throw new HttpReadError('not-http', `a malformed header line: ${JSON.stringify(line.slice(0, 60))}`);
    const value = trimOws(line.slice(colon + 1));
    if (value.includes('\0') || value.includes('\r')) throw new HttpReadError('not-http', `a header ${name} with control characters`);
    const key = name.toLowerCase();
    const prev = fields.get(key);
    fields.set(key, prev === undefined ? value : `${prev}, ${value}`);
    last = key;
  }
  const headers = Object.fromEntries(fields) as Record<string, string>;
  const tokens = (headers.connection ?? '').toLowerCase().split(',').map((t) => t.trim());
  const keepAlive = m[1] === '1' ? !tokens.includes('close') : tokens.includes('keep-alive');
  const hint = /(?:^|[,\s])timeout\s*=\s*(\d{1,9})/i.exec(headers['keep-alive'] ?? '');
  return { status: Number(m[2]), headers, keepAlive, keepAliveMs: hint ? Number(hint[1]) * 1000 : undefined };
}

/** A Content-Length value: digits; repeats (joined `a, b`) must all be the same. */
function contentLength(value: string): number {
  const parts = value.split(',').map(trimOws);
  const first = parts[0]!;
  if (!DIGITS.test(first) || parts.some((p) => p !== first)) throw new HttpReadError('not-http', `an invalid Content-Length: ${JSON.stringify(value.slice(0, 60))}`);
  const n = Number(first);
  if (!Number.isSafeInteger(n)) throw new HttpReadError('not-http', `a Content-Length beyond 2^53: ${first.slice(0, 30)}`);
  return n;
}

function trimCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function trimOws(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}
