import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpReadError, MAX_HEAD_BYTES, ResponseReader, type ResponseHead } from './http1-reader.js';

interface Read {
  heads: ResponseHead[];
  body: Buffer;
  ended: number;
  reader: ResponseReader;
}

function reader(headRequest = false): Read {
  const r: Read = { heads: [], body: Buffer.alloc(0), ended: 0, reader: undefined as unknown as ResponseReader };
  const parts: Buffer[] = [];
  r.reader = new ResponseReader(
    {
      head: (h) => r.heads.push(h),
      // Copied: the reader hands views of the bytes fed in.
      body: (b) => {
        parts.push(Buffer.from(b));
        r.body = Buffer.concat(parts);
      },
      end: () => r.ended++,
    },
    headRequest,
  );
  return r;
}

/** Feeds `text` in pieces cut at `cuts` (offsets). */
function feed(text: string | Buffer, cuts: number[] = [], headRequest = false): Read {
  const r = reader(headRequest);
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  let at = 0;
  for (const c of [...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length]) {
    r.reader.push(bytes.subarray(at, c));
    at = c;
  }
  return r;
}

/** The error feeding (and, with `close`, then ending) throws. */
function failure(text: string, close = false): HttpReadError {
  try {
    const r = feed(text);
    if (close) r.reader.close();
  } catch (e) {
    expect(e).toBeInstanceOf(HttpReadError);
    return e as HttpReadError;
  }
  throw new Error('expected a HttpReadError');
}

const OK = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"ok":true}';

describe('ResponseReader', () => {
  it('reads the status, headers and a Content-Length body, cut anywhere', () => {
    for (let cut = 0; cut <= OK.length; cut++) {
      const r = feed(OK, [cut]);
      expect(r.heads).toEqual([{ status: 200, headers: { 'content-type': 'application/json', 'content-length': '11' }, length: 11, reusable: true, keepAliveMs: undefined }]);
      expect(r.body.toString()).toBe('{"ok":true}');
      expect(r.ended).toBe(1);
      expect(r.reader.complete).toBe(true);
    }
    const byByte = feed(OK, Array.from({ length: OK.length }, (_, i) => i));
    expect(byByte.body.toString()).toBe('{"ok":true}');
  });

  it('names headers in lower case, joins repeats with ", ", unfolds folded lines and trims blanks', () => {
    const r = feed('HTTP/1.1 404 Not Found\r\nX-A: 1\r\nx-a:2 \r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Long: one\r\n\t two\r\nEmpty:\r\nContent-Length: 0\r\n\r\n');
    expect(r.heads[0]!.status).toBe(404);
    expect(r.heads[0]!.headers).toEqual({ 'x-a': '1, 2', 'set-cookie': 'a=1, b=2', 'x-long': 'one two', empty: '', 'content-length': '0' });
    expect(r.ended).toBe(1);
  });

  it('takes bare LF line ends, and a status line without a reason', () => {
    const r = feed('HTTP/1.1 200\nContent-Length: 2\n\nhi');
    expect(r.heads[0]!.status).toBe(200);
    expect(r.body.toString()).toBe('hi');
  });

  it('a header named like an Object member is just a header', () => {
    const r = feed('HTTP/1.1 200 OK\r\n__proto__: x\r\nconstructor: y\r\nContent-Length: 0\r\n\r\n');
    expect(Object.hasOwn(r.heads[0]!.headers, '__proto__')).toBe(true);
    expect(r.heads[0]!.headers.constructor).toBe('y');
  });

  it('reads a chunked body with extensions and trailers, cut anywhere', () => {
    const text = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0007 \r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const r = feed(text, [cut, cut + 7]);
      expect(r.body.toString()).toBe('hello, world');
      expect(r.heads[0]!.length).toBeUndefined();
      expect(r.heads[0]!.headers['x-trailer']).toBeUndefined();
      expect(r.ended).toBe(1);
    }
  });

  it('any body, any chunking, any cuts: the same bytes come out (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(700), { maxLength: 8 }), fc.array(fc.nat(1200), { maxLength: 10 }), fc.boolean(), (body, sizes, cuts, chunked) => {
        const b = Buffer.from(body);
        let framed: Buffer;
        if (chunked) {
          const pieces: Buffer[] = [Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n')];
          let at = 0;
          for (const n of [...sizes, b.length]) {
            const piece = b.subarray(at, at + Math.max(1, n));
            if (piece.length === 0) break;
            pieces.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
            at += piece.length;
          }
          pieces.push(Buffer.from('0\r\n\r\n'));
          framed = Buffer.concat(pieces);
        } else framed = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${b.length}\r\n\r\n`), b]);
        const r = feed(framed, cuts);
        expect(r.body.equals(b)).toBe(true);
        expect(r.ended).toBe(1);
        expect(r.reader.extra).toBe(false);
      }),
    );
  });

  it('reads a body with neither length nor chunking until the connection ends; that connection is not reused', () => {
    const r = feed('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome text');
    expect(r.heads[0]!.reusable).toBe(false);
    expect(r.ended).toBe(0);
    r.reader.push(Buffer.from(' and more'));
    r.reader.close();
    expect(r.body.toString()).toBe('some text and more');
    expect(r.ended).toBe(1);
  });

  it('skips 1xx interim answers (100 Continue, 103 Early Hints) for the real one', () => {
    const r = feed('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok', [10, 30]);
    expect(r.heads.map((h) => h.status)).toEqual([201]);
    expect(r.heads[0]!.headers.link).toBeUndefined();
    expect(r.body.toString()).toBe('ok');
  });

  it('204, 304 and an answer to HEAD have no body, whatever the headers say', () => {
    for (const text of ['HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n', 'HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n']) {
      const r = feed(text);
      expect(r.ended).toBe(1);
      expect(r.heads[0]!.reusable).toBe(true);
    }
    const head = feed('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', [], true);
    expect(head.ended).toBe(1);
    expect(head.body.length).toBe(0);
  });

  it('tells whether the connection may be reused, and the server keep-alive time', () => {
    const head = (text: string): ResponseHead => feed(`${text}\r\nContent-Length: 0\r\n\r\n`).heads[0]!;
    expect(head('HTTP/1.1 200 OK\r\nConnection: close').reusable).toBe(false);
    expect(head('HTTP/1.1 200 OK\r\nConnection: Upgrade, Close').reusable).toBe(false);
    expect(head('HTTP/1.0 200 OK').reusable).toBe(false);
    expect(head('HTTP/1.0 200 OK\r\nConnection: keep-alive').reusable).toBe(true);
    expect(head('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100').keepAliveMs).toBe(5000);
    expect(head('HTTP/1.1 200 OK\r\nKeep-Alive: max=100').keepAliveMs).toBeUndefined();
  });

  it('Transfer-Encoding and Content-Length together: read as chunked, and the connection is not reused', () => {
    const r = feed('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
    expect(r.body.toString()).toBe('hello');
    expect(r.heads[0]!.reusable).toBe(false);
  });

  it('repeats of one Content-Length are taken; differing or malformed ones are refused', () => {
    expect(feed('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok').body.toString()).toBe('ok');
    for (const cl of ['1, 2', '-1', '+1', '0x10', '1 2', '', '1e3', '99999999999999999999']) {
      const e = failure(`HTTP/1.1 200 OK\r\nContent-Length: ${cl}\r\n\r\n`);
      expect(e.reason, cl).toBe('not-http');
      expect(e.message, cl).toMatch(/Content-Length/);
    }
  });

  it('refuses what is not HTTP at once, without waiting for more', () => {
    const e = failure('SSH-2.0-OpenSSH_9.6\r\n');
    expect(e.reason).toBe('not-http');
    expect(e.message).toBe('the answer begins "SSH-2.0-OpenSSH_9.6??"');
    expect(failure('X').reason).toBe('not-http');
    expect(feed('HTTP/1.').reader.complete).toBe(false); // may still be HTTP: waits for more
    expect(failure('HTTP/2 200\r\n\r\n').message).toMatch(/begins/);
  });

  it('refuses a malformed status line or header line, and a header with control characters', () => {
    expect(failure('HTTP/1.1 20 OK\r\n\r\n').message).toMatch(/status line/);
    expect(failure('HTTP/1.1 OK\r\n\r\n').message).toMatch(/status line/);
    expect(failure('HTTP/1.1 200 OK\r\nno colon here\r\n\r\n').message).toMatch(/header line/);
    expect(failure('HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n').message).toMatch(/header line/);
    expect(failure('HTTP/1.1 200 OK\r\n: x\r\n\r\n').message).toMatch(/header line/);
    expect(failure('HTTP/1.1 200 OK\r\n folded-first\r\n\r\n').message).toMatch(/space/);
    expect(failure('HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n').message).toMatch(/control/);
    expect(failure('HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n').message).toMatch(/control/);
  });

  it('101 (no upgrade was asked for) and transfer codings other than chunked are refused', () => {
    expect(failure('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n').message).toMatch(/switched protocols/);
    expect(failure('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n').message).toMatch(/Transfer-Encoding: gzip, chunked/);
  });

  it('bounds the status line and headers: 64 KiB, whether in one read or many', () => {
    const big = `HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(MAX_HEAD_BYTES)}\r\n\r\n`;
    expect(failure(big).message).toBe('the status line and headers are longer than 64 KiB');
    const r = reader();
    const bytes = Buffer.from(big);
    let thrown: unknown;
    try {
      for (let at = 0; at < bytes.length; at += 1000) r.reader.push(bytes.subarray(at, at + 1000));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HttpReadError);
    // Headers just under the bound are fine.
    const fits = `HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(MAX_HEAD_BYTES - 100)}\r\nContent-Length: 0\r\n\r\n`;
    expect(feed(fits, Array.from({ length: 70 }, (_, i) => i * 1000)).ended).toBe(1);
  });

  it('refuses a chunk size that is not hex, negative, beyond 2^52 or on an endless line, and a chunk without CRLF after it', () => {
    const chunked = (rest: string): string => `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${rest}`;
    expect(failure(chunked('zz\r\n')).message).toMatch(/not hexadecimal/);
    expect(failure(chunked('-1\r\n')).message).toMatch(/not hexadecimal/);
    expect(failure(chunked('\r\n')).message).toMatch(/not hexadecimal/);
    expect(failure(chunked('0x5\r\n')).message).toMatch(/not hexadecimal/);
    expect(failure(chunked('10000000000000\r\n')).message).toMatch(/beyond 2\^52/);
    expect(feed(chunked('0000000000000000005\r\nhello\r\n0\r\n\r\n')).body.toString()).toBe('hello');
    expect(failure(chunked(`5;${'x'.repeat(5000)}`)).message).toMatch(/chunk-size line is longer/);
    expect(failure(chunked('5\r\nhelloXX')).message).toMatch(/not followed by CRLF/);
    expect(failure(chunked('5\r\nhello\rX')).message).toMatch(/not followed by CRLF/);
    expect(failure(chunked(`0\r\n${'X-T: a\r\n'.repeat(10_000)}`)).message).toMatch(/trailers are longer/);
  });

  it('a connection ending mid-answer is a reset naming where the answer was cut', () => {
    const cut = (text: string): string => {
      const e = failure(text, true);
      expect(e.reason).toBe('reset');
      return e.message;
    };
    expect(cut('')).toBe('the server closed the connection without answering');
    expect(cut('HTTP/1.1 200 OK\r\nContent-')).toBe("the connection closed in the middle of the answer's headers");
    expect(cut('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')).toBe('the answer was cut after 3 of 10 bytes');
    expect(cut('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel')).toBe('the answer was cut in the middle of its chunked body');
    expect(cut('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n')).toBe('the answer was cut in the middle of its chunked body');
    expect(feed('').reader.started).toBe(false);
  });

  it('bytes after the complete answer are noted, not read', () => {
    const r = feed(`${OK}HTTP/1.1 200 OK\r\n`);
    expect(r.body.toString()).toBe('{"ok":true}');
    expect(r.reader.extra).toBe(true);
    expect(feed(OK).reader.extra).toBe(false);
  });
});
