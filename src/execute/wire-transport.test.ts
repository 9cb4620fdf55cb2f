// The hand-written HTTP/1.1 transport against tiny servers that write exact bytes: framing, broken
// answers, keep-alive and its limits. (transport.test.ts runs the contract both transports share.)
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, TooLargeError } from './errors.js';
import type { Transport, TransportRequest } from './transport.js';
import { createWireTransport } from './wire-transport.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Seen {
  /** The request's head and body as received. */
  text: string;
  /** Which connection it came on (1, 2, ...). */
  connection: number;
  /** Its number on that connection (1, 2, ...). */
  nth: number;
}

/**
 * A server that reads requests (head, and a Content-Length body) and lets `answer` write raw bytes to
 * the socket for each. Connections and their closes are counted.
 */
async function rawServer(answer: (socket: Socket, req: Seen) => void): Promise<{ url: string; seen: Seen[]; open: () => number }> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buf = '';
    let nth = 0;
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => {
      buf += d;
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        const req = { text: buf.slice(0, end + 4 + length), connection, nth: ++nth };
        buf = buf.slice(end + 4 + length);
        seen.push(req);
        answer(socket, req);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, open: () => sockets.size };
}

function transport(...args: Parameters<typeof createWireTransport>): Transport {
  const t = createWireTransport(...args);
  cleanups.push(() => t.close());
  return t;
}

function get(url: string, more: Partial<TransportRequest> = {}): TransportRequest {
  return { method: 'GET', url, headers: {}, body: null, ...more };
}

async function rejection(p: Promise<unknown>): Promise<ConnectionError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectionError);
    return e as ConnectionError;
  }
  throw new Error('expected a rejection');
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('wire transport: answers as servers write them', () => {
  it('reads a chunked body with extensions and trailers, after a 100 Continue, and reuses the connection', async () => {
    const srv = await rawServer((s) => s.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A: 1\r\nX-A: 2\r\n\r\n4;ext=1\r\n{"a"\r\n3\r\n:1}\r\n0\r\nX-Sum: 0\r\n\r\n'));
    const t = transport();
    for (let i = 0; i < 3; i++) {
      const r = await t.send(get(`${srv.url}/x`));
      expect(r).toEqual({ status: 200, headers: { 'transfer-encoding': 'chunked', 'x-a': '1, 2' }, body: '{"a":1}' });
    }
    expect(srv.seen.map((s) => s.connection)).toEqual([1, 1, 1]);
    expect(srv.seen[0]!.text).toBe(`GET /x HTTP/1.1\r\nHost: ${srv.url.slice(7)}\r\n\r\n`);
  });

  it('HEAD, 204 and 304 have no body even when the headers announce one; the connection is reused after each', async () => {
    const srv = await rawServer((s, req) => {
      if (req.text.startsWith('HEAD')) s.write('HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n');
      else if (req.nth === 2) s.write('HTTP/1.1 204 No Content\r\n\r\n');
      else s.write('HTTP/1.1 304 Not Modified\r\nContent-Length: 20\r\n\r\n');
    });
    const t = transport();
    expect((await t.send(get(`${srv.url}/`, { method: 'HEAD' }))).body).toBe('');
    expect((await t.send(get(`${srv.url}/`))).status).toBe(204);
    expect((await t.send(get(`${srv.url}/`))).status).toBe(304);
    expect(srv.seen.map((s) => s.connection)).toEqual([1, 1, 1]);
  });

  it('a body until the close, Connection: close, HTTP/1.0 and bytes after the answer: the next request takes a new connection', async () => {
    const answers = [
      (s: Socket) => s.end('HTTP/1.1 200 OK\r\n\r\nuntil the close'),
      (s: Socket) => s.write('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok'),
      (s: Socket) => s.write('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok'),
      (s: Socket) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n'),
      (s: Socket) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nKeep-Alive: timeout=1\r\n\r\nok'),
      (s: Socket) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'),
    ];
    let n = 0;
    const srv = await rawServer((s) => answers[n++]!(s));
    const t = transport();
    expect((await t.send(get(`${srv.url}/`))).body).toBe('until the close');
    for (let i = 1; i < answers.length; i++) expect((await t.send(get(`${srv.url}/`))).body).toBe('ok');
    // Each answer but the last retired its connection (a keep-alive hint of 1 s leaves no time to keep one).
    expect(srv.seen.map((s) => s.connection)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('both Content-Length and Transfer-Encoding: read as chunked, and the connection is not reused', async () => {
    const srv = await rawServer((s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'));
    const t = transport();
    expect((await t.send(get(srv.url))).body).toBe('hello');
    expect((await t.send(get(srv.url))).body).toBe('hello');
    expect(srv.seen.map((s) => s.connection)).toEqual([1, 2]);
  });

  it.each([
    ['garbage', 'SSH-2.0-OpenSSH_9.6\r\n', /did not answer in HTTP \(the answer begins "SSH-2\.0-OpenSSH_9\.6\?\?"\)$/],
    ['conflicting Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok', /did not answer in HTTP \(an invalid Content-Length: "2, 3"\)$/],
    ['a negative chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n', /did not answer in HTTP \(a chunk size that is not hexadecimal: "-5"\)$/],
    ['endless headers', `HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(70_000)}`, /did not answer in HTTP \(the status line and headers are longer than 64 KiB\)$/],
  ])('%s is not HTTP: one line naming it, the connection closed', async (_what, bytes, message) => {
    const srv = await rawServer((s) => s.write(bytes));
    const e = await rejection(transport().send(get(srv.url, { timeoutMs: 5000 })));
    expect(e.reason).toBe('not-http');
    expect(e.message).toMatch(message);
    for (let i = 0; i < 100 && srv.open() > 0; i++) await wait(10);
    expect(srv.open()).toBe(0);
  });

  it.each([
    ['mid-body', 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', 'the answer was cut after 3 of 10 bytes'],
    ['mid-chunk', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel', 'the answer was cut in the middle of its chunked body'],
    ['mid-headers', 'HTTP/1.1 200 OK\r\nContent-Le', "the connection closed in the middle of the answer's headers"],
  ])('a connection closed %s is a reset naming the cut', async (_where, bytes, detail) => {
    const srv = await rawServer((s) => s.end(bytes));
    const e = await rejection(transport().send(get(srv.url)));
    expect(e.reason).toBe('reset');
    expect(e.message).toBe(`connection to ${srv.url.slice(7)} was closed unexpectedly (${detail})`);
  });

  it('a streamed body cut mid-chunk fails with the same reset', async () => {
    const srv = await rawServer((s) => s.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel'));
    const r = await transport().send(get(srv.url, { stream: true }));
    const failed = await new Promise<unknown>((resolve) => r.stream!.start({ data: () => undefined, end: () => resolve('ended'), fail: resolve }));
    expect(failed).toBeInstanceOf(ConnectionError);
    expect((failed as ConnectionError).message).toMatch(/\(the answer was cut in the middle of its chunked body\)$/);
  });

  it('a server closing at once without answering on plain http: a reset hinting at --https', async () => {
    const srv = await rawServer((s) => s.end());
    const e = await rejection(transport().send(get(srv.url)));
    expect(e.reason).toBe('reset');
    expect(e.hint).toContain('--https');
  });

  it('a body announced over the limit is refused before it is read', async () => {
    const srv = await rawServer((s) => s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${2 ** 40}\r\n\r\n`));
    await expect(transport().send(get(srv.url, { maxBodyBytes: 1024 }))).rejects.toBeInstanceOf(TooLargeError);
  });
});

describe('wire transport: keep-alive', () => {
  it('a GET on a kept connection the server closed without answering is sent again on a new one; a POST is not', async () => {
    const srv = await rawServer((s, req) => {
      if (req.nth > 1) return void s.end(); // the server's idle timeout won the race
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    const t = transport();
    expect((await t.send(get(srv.url))).body).toBe('ok');
    expect((await t.send(get(srv.url))).body).toBe('ok');
    expect(srv.seen.map((s) => [s.connection, s.nth])).toEqual([
      [1, 1],
      [1, 2],
      [2, 1],
    ]);
    const post = await rejection(t.send({ method: 'POST', url: srv.url, headers: {}, body: '{}' }));
    expect(post.reason).toBe('reset');
    expect(srv.seen.filter((s) => s.text.startsWith('POST'))).toHaveLength(1);
  });

  it('an idle connection is closed after keepAliveTimeoutMs', async () => {
    const srv = await rawServer((s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const t = transport({ keepAliveTimeoutMs: 50 });
    await t.send(get(srv.url));
    expect(srv.open()).toBe(1);
    for (let i = 0; i < 200 && srv.open() > 0; i++) await wait(10);
    expect(srv.open()).toBe(0);
    expect((await t.send(get(srv.url))).body).toBe('ok');
    expect(srv.seen.map((s) => s.connection)).toEqual([1, 2]);
  });

  it('a connection the server ends while idle is dropped, not used for the next request', async () => {
    const srv = await rawServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'));
    const t = transport();
    await t.send(get(srv.url));
    await wait(50);
    expect((await t.send(get(srv.url))).body).toBe('ok');
    expect(srv.seen.map((s) => [s.connection, s.nth])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});
