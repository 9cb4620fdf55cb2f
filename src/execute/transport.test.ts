import dns from 'node:dns';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createTcp, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderError } from '../errors/report.js';
import { ConnectionError, InterruptedError } from './errors.js';
import { hasOpenssl, selfSignedCert } from './testing.js';
import { classifyNetworkError, createUndiciTransport, type BodySource, type Transport, type TransportOptions } from './transport.js';
import { createWireTransport } from './wire-transport.js';

/** Both implementations answer to the same contract. */
const IMPLEMENTATIONS: Array<[string, (opts?: TransportOptions) => Transport]> = [
  ['undici', createUndiciTransport],
  ['wire (HTTP/1.1 over node:net)', createWireTransport],
];

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function track(t: Transport): Transport {
  cleanups.push(() => t.close());
  return t;
}

async function listen(server: Server, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((r) => server.listen(0, host, r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return (server.address() as AddressInfo).port;
}

async function httpServer(handler: Handler): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const server = createHttp((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => handler(req, res, body));
  });
  server.on('connection', () => connections++);
  const port = await listen(server);
  return { port, connections: () => connections };
}

async function closedPort(): Promise<number> {
  const s = createHttp();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A streamed body read to its end, as text. */
function readSource(source: BodySource): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    source.start({ data: (b) => parts.push(b), end: () => resolve(Buffer.concat(parts).toString()), fail: reject });
  });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe.each(IMPLEMENTATIONS)('%s transport against a local server', (_name, createTransport) => {
  it('sends method, headers and body, and reuses keep-alive connections', async () => {
    const seen: Array<{ method?: string; url?: string; auth?: string; body: string }> = [];
    const srv = await httpServer((req, res, body) => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json', 'X-Thing': 'a' });
      res.end('{"ok":true}');
    });
    const t = track(createTransport());
    const url = `http://127.0.0.1:${srv.port}/zstack/v1/zones?q=name%3Dz`;
    for (let i = 0; i < 6; i++) {
      const r = await t.send({ method: 'PUT', url, headers: { Authorization: 'OAuth abc' }, body: `{"n":${i}}` });
      expect(r).toMatchObject({ status: 200, body: '{"ok":true}', headers: { 'x-thing': 'a' } });
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5].map((n) => ({ method: 'PUT', url: '/zstack/v1/zones?q=name%3Dz', auth: 'OAuth abc', body: `{"n":${n}}` })));
    // undici may open a second socket while the first is finishing a response; after that both are reused.
    expect(srv.connections()).toBeLessThanOrEqual(2);
  });

  it('passes a plain-text 400 through as a response, not an error', async () => {
    const srv = await httpServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Invalid header X-Job-UUID');
    });
    const t = track(createTransport());
    const r = await t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}/x`, headers: {}, body: null });
    expect(r.status).toBe(400);
    expect(r.body).toBe('Invalid header X-Job-UUID');
  });

  it('with stream, hands a 200 body over unread (read on its own time) and reads other answers whole', async () => {
    const srv = await httpServer((req, res) => {
      if (req.url === '/fail') {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"SYS.1000"}}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"inventories":[');
      setTimeout(() => res.end('1,2]}'), 30);
    });
    const t = track(createTransport());
    const base = `http://127.0.0.1:${srv.port}`;
    for (let i = 0; i < 2; i++) {
      const r = await t.send({ method: 'GET', url: `${base}/ok`, headers: {}, body: null, stream: true });
      expect(r.status).toBe(200);
      expect(r.body).toBe('');
      expect(await readSource(r.stream!)).toBe('{"inventories":[1,2]}');
    }
    const e = await t.send({ method: 'GET', url: `${base}/fail`, headers: {}, body: null, stream: true });
    expect(e).toMatchObject({ status: 503, body: '{"error":{"code":"SYS.1000"}}' });
    expect(e.stream).toBeUndefined();
  });

  it('connection refused on a closed port names host:port', async () => {
    const port = await closedPort();
    const t = track(createTransport());
    const e = await rejection(t.send({ method: 'GET', url: `http://127.0.0.1:${port}/zstack/v1/zones`, headers: {}, body: null }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('refused');
    expect((e as ConnectionError).message).toContain(`127.0.0.1:${port}`);
  });

  it('an unresolvable host (.invalid, RFC 2606) is a DNS failure', async () => {
    const t = track(createTransport());
    const e = await rejection(t.send({ method: 'GET', url: 'http://zstack-mn.invalid:8080/zstack/v1/zones', headers: {}, body: null }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('dns');
    expect((e as ConnectionError).message).toContain('zstack-mn.invalid:8080');
  });

  it('a server that never answers times out', async () => {
    const srv = await httpServer(() => {
      /* never answer */
    });
    const t = track(createTransport());
    const e = await rejection(t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}/slow`, headers: {}, body: null, timeoutMs: 50 }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('timeout');
    expect((e as ConnectionError).address).toBe(`127.0.0.1:${srv.port}`);
  });

  it('an abort signal rejects with InterruptedError', async () => {
    const ac = new AbortController();
    const srv = await httpServer(() => ac.abort());
    const t = track(createTransport());
    const e = await rejection(t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}/`, headers: {}, body: null, signal: ac.signal }));
    expect(e).toBeInstanceOf(InterruptedError);
  });

  it('https to a plain-http port says so and hints to drop --https, in one line', async () => {
    const srv = await httpServer((_req, res) => res.end('plain'));
    const t = track(createTransport());
    const e = await rejection(t.send({ method: 'GET', url: `https://127.0.0.1:${srv.port}/`, headers: {}, body: null, timeoutMs: 5000 }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('plain-http');
    expect(renderError(e).split('\n')[0]).toBe(`Error: 127.0.0.1:${srv.port} answered in plain HTTP, not TLS (https)`);
    expect((e as ConnectionError).hint).toContain('Drop --https');
  });

  it('a TLS handshake that never finishes hits the connect timeout, not the request timeout', async () => {
    const sockets: Socket[] = [];
    const server = createTcp((s) => sockets.push(s)); // accepts, never says a word
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }));
    const port = (server.address() as AddressInfo).port;
    const t = track(createTransport({ connectTimeoutMs: 100 }));
    const started = Date.now();
    const e = await rejection(t.send({ method: 'GET', url: `https://127.0.0.1:${port}/`, headers: {}, body: null, timeoutMs: 10_000 }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('timeout');
    expect((e as ConnectionError).address).toBe(`127.0.0.1:${port}`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('reads a large body whole, multi-byte characters split across chunks included', async () => {
    const piece = 'zone-é-集群-🙂,'; // 1, 2, 3 and 4-byte UTF-8 sequences
    const pieces = 400_000; // ~8 MB
    const all = Buffer.concat(Array.from({ length: pieces / 1000 }, () => Buffer.from(piece.repeat(1000))));
    const srv = await httpServer((req, res) => {
      // Announced (content-length) or not (chunked).
      res.writeHead(200, { 'content-type': 'application/json', ...(req.url === '/announced' ? { 'content-length': all.length } : {}) });
      // Odd-sized writes, so chunk boundaries fall inside characters.
      let i = 0;
      const step = 7919;
      const write = (): void => {
        while (i < all.length) {
          const ok = res.write(all.subarray(i, i + step));
          i += step;
          if (!ok) return void res.once('drain', write);
        }
        res.end();
      };
      write();
    });
    const t = track(createTransport());
    for (const path of ['/announced', '/chunked']) {
      const r = await t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}${path}`, headers: {}, body: null });
      expect(r.status).toBe(200);
      expect(r.body.length).toBe(piece.length * pieces);
      expect(r.body === piece.repeat(pieces)).toBe(true);
    }
  });

  it('an answer cut short is a reset connection', async () => {
    const srv = await httpServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
      res.write('{"inventories":[', () => req.socket.destroy());
    });
    const t = track(createTransport());
    const e = await rejection(t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}/`, headers: {}, body: null }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('reset');
  });

  it('a GET on a keep-alive connection the server has dropped is sent again on a new one', async () => {
    const perSocket = new Map<Socket, number>();
    let answered = 0;
    const server = createHttp((req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      // The second request on a connection finds it closed, as when the server's idle timeout won the race.
      if (n > 1) return void req.socket.destroy();
      answered++;
      res.end(`{"n":${answered}}`);
    });
    const port = await listen(server);
    const t = track(createTransport());
    const url = `http://127.0.0.1:${port}/zstack/v1/zones`;
    expect((await t.send({ method: 'GET', url, headers: {}, body: null })).body).toBe('{"n":1}');
    expect((await t.send({ method: 'GET', url, headers: {}, body: null })).body).toBe('{"n":2}');
    expect(perSocket.size).toBe(2);
  });

  it('close() ends the pooled keep-alive connections', async () => {
    let open = 0;
    const server = createHttp((_req, res) => res.end('{}'));
    server.on('connection', (s) => {
      open++;
      s.on('close', () => open--);
    });
    const port = await listen(server);
    const t = createTransport();
    await t.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, body: null });
    expect(open).toBe(1);
    await t.close();
    for (let i = 0; i < 100 && open > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(open).toBe(0);
    await expect(t.send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {}, body: null })).rejects.toThrow('closed');
  });
});

describe.skipIf(!hasOpenssl).each(IMPLEMENTATIONS)(`%s transport with a self-signed https server${hasOpenssl ? '' : ' (skipped: openssl is not installed)'}`, (_name, createTransport) => {
  async function tlsServer(host = '127.0.0.1'): Promise<{ port: number; certPem: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'zs-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { keyFile, certFile } = selfSignedCert(dir, 'localhost', 'IP:127.0.0.1,DNS:localhost');
    const certPem = readFileSync(certFile, 'utf8');
    const server = createHttps({ key: readFileSync(keyFile), cert: certPem }, (_req, res) => res.end('{"secure":true}'));
    const port = await listen(server, host);
    return { port, certPem };
  }

  it('a certificate for other names: the error names them instead of suggesting --ca', async () => {
    const { port, certPem } = await tlsServer('127.0.0.2');
    const e = await rejection(track(createTransport({ ca: certPem })).send({ method: 'GET', url: `https://127.0.0.2:${port}/`, headers: {}, body: null }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('cert-name');
    expect(renderError(e).split('\n')[0]).toBe(
      `Error: the TLS certificate of 127.0.0.2:${port} is for another name (it names IP Address:127.0.0.1, DNS:localhost; asked for 127.0.0.2)`,
    );
    expect((e as ConnectionError).hint).not.toContain('--ca');
  });

  it('rejects an untrusted certificate, trusts it with ca, and skips checks with insecure', async () => {
    const { port, certPem } = await tlsServer();
    const req = { method: 'GET', url: `https://127.0.0.1:${port}/`, headers: {}, body: null };
    const e = await rejection(track(createTransport()).send(req));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('tls');
    expect((e as ConnectionError).hint).toContain('--ca');
    expect((await track(createTransport({ ca: certPem })).send(req)).body).toBe('{"secure":true}');
    expect((await track(createTransport({ insecure: true })).send(req)).status).toBe(200);
  });
});

/** Whether this machine can listen on the IPv6 loopback. */
const hasIpv6Loopback = await new Promise<boolean>((resolve) => {
  const s = createTcp();
  s.once('error', () => resolve(false));
  s.listen(0, '::1', () => s.close(() => resolve(true)));
});

describe('wire transport to localhost', () => {
  async function hostEcho(host: string): Promise<number> {
    const server = createHttp((req, res) => res.end(JSON.stringify({ host: req.headers.host })));
    return listen(server, host);
  }

  it('connects to 127.0.0.1 without a DNS lookup; the server still sees Host localhost', async () => {
    const port = await hostEcho('127.0.0.1');
    const lookup = vi.spyOn(dns, 'lookup');
    cleanups.push(() => lookup.mockRestore());
    const r = await track(createWireTransport()).send({ method: 'GET', url: `http://localhost:${port}/x?y=1`, headers: {}, body: null });
    expect(JSON.parse(r.body)).toEqual({ host: `localhost:${port}` });
    expect(lookup).not.toHaveBeenCalled();
    // A name that is not localhost is looked up as before.
    await track(createWireTransport()).send({ method: 'GET', url: `http://LocalHost.:${port}/`, headers: {}, body: null }).catch(() => undefined);
    expect(lookup).toHaveBeenCalled();
  });

  it.skipIf(!hasIpv6Loopback)(`falls back to ::1 when nothing listens on 127.0.0.1${hasIpv6Loopback ? '' : ' (skipped: no IPv6 loopback here)'}`, async () => {
    const port = await hostEcho('::1');
    const r = await track(createWireTransport()).send({ method: 'POST', url: `http://localhost:${port}/`, headers: {}, body: '{}' });
    expect(JSON.parse(r.body)).toEqual({ host: `localhost:${port}` });
  });

  it('refused on both addresses: one connection error naming localhost', async () => {
    const port = await closedPort();
    const e = await rejection(track(createWireTransport()).send({ method: 'GET', url: `http://localhost:${port}/`, headers: {}, body: null }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(renderError(e).split("\n")[0]).toMatch(new RegExp(`^Error: connection refused by localhost:${port}(;|$)`));
  });

  it.skipIf(!hasOpenssl)(`checks a TLS certificate against the name localhost, not the address${hasOpenssl ? '' : ' (skipped: openssl is not installed)'}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { keyFile, certFile } = selfSignedCert(dir, 'localhost', 'DNS:localhost');
    const certPem = readFileSync(certFile, 'utf8');
    const server = createHttps({ key: readFileSync(keyFile), cert: certPem }, (req, res) => res.end(JSON.stringify({ host: req.headers.host })));
    const port = await listen(server);
    const r = await track(createWireTransport({ ca: certPem })).send({ method: 'GET', url: `https://localhost:${port}/`, headers: {}, body: null });
    expect(JSON.parse(r.body)).toEqual({ host: `localhost:${port}` });
  });
});

describe('undici transport', () => {
  it('loads undici only on the first request', async () => {
    let loads = 0;
    const t = track(
      createUndiciTransport({
        loadUndici: () => {
          loads++;
          return import('undici');
        },
      }),
    );
    expect(loads).toBe(0);
    const srv = await httpServer((_req, res) => res.end('{}'));
    await t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}/`, headers: {}, body: null });
    await t.send({ method: 'GET', url: `http://127.0.0.1:${srv.port}/`, headers: {}, body: null });
    expect(loads).toBe(1);
  });
});

describe('classifyNetworkError', () => {
  it('finds codes in causes and aggregated errors', () => {
    const agg = Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]), {});
    expect(classifyNetworkError(agg).reason).toBe('refused');
    expect(classifyNetworkError(new Error('x', { cause: { code: 'ENOTFOUND' } })).reason).toBe('dns');
    expect(classifyNetworkError({ code: 'EAI_AGAIN' }).reason).toBe('dns');
    expect(classifyNetworkError({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }).reason).toBe('tls');
    expect(classifyNetworkError({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }).reason).toBe('tls');
    expect(classifyNetworkError({ code: 'UND_ERR_CONNECT_TIMEOUT' }).reason).toBe('timeout');
    expect(classifyNetworkError({ code: 'ECONNRESET' }).reason).toBe('reset');
    expect(classifyNetworkError({ code: 'EHOSTUNREACH' }).reason).toBe('unreachable');
    expect(classifyNetworkError(new Error('weird'))).toEqual({ reason: 'other' });
  });
});
