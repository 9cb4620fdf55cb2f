// HTTP transport on node:http / node:https with keep-alive agents, for short-lived processes
// (one-shot commands, scripts, __complete, job wait): it costs a few ms to load, where undici costs
// ~80 ms to import plus a WebAssembly compile that the process waits for at exit.
import http from 'node:http';
import type { Socket } from 'node:net';
import { ConnectionError, InterruptedError } from './errors.js';
import {
  addressOf,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_KEEP_ALIVE_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  flattenHeaders,
  toConnectionError,
  type Transport,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';

/** One scheme's request function and its keep-alive agent. */
interface Client {
  request: typeof http.request;
  agent: http.Agent;
  tls: boolean;
}

/** The connect (TCP, and TLS for https) did not finish within the connect timeout. */
class ConnectTimeout extends Error {}

/** A request on a reused keep-alive socket failed before any answer: the server had closed it. */
class StaleSocket extends Error {
  constructor(readonly error: unknown) {
    super('stale keep-alive socket');
  }
}

/** Methods safe to send again when a reused socket turns out closed. */
const RETRYABLE = new Set(['GET', 'HEAD']);

/** A node:http transport; node:https is imported on the first https request. */
export function createNodeHttpTransport(opts: TransportOptions = {}): Transport {
  const connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  // The agents' socket timeout: how long a free socket stays in the pool (the server's
  // `Keep-Alive: timeout=` hint shortens it). Active requests are timed by `send` itself.
  const agentOptions = { keepAlive: true, timeout: opts.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS };
  let plain: Client | undefined;
  let secure: Promise<Client> | undefined;
  let closed = false;

  function client(protocol: string): Client | Promise<Client> {
    if (protocol === 'https:') {
      secure ??= import('node:https').then((https) => ({
        request: https.request,
        agent: new https.Agent({
          ...agentOptions,
          ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
          rejectUnauthorized: !opts.insecure,
        }),
        tls: true,
      }));
      return secure;
    }
    plain ??= { request: http.request, agent: new http.Agent(agentOptions), tls: false };
    return plain;
  }

  return {
    async send(req) {
      if (closed) throw new Error('transport is closed');
      const url = new URL(req.url);
      const address = addressOf(url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConnectionError('other', address, `unsupported scheme ${url.protocol}`);
      if (req.signal?.aborted) throw new InterruptedError();
      const timeoutMs = req.timeoutMs ?? opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      const timer = new AbortController();
      const t = setTimeout(() => timer.abort(), Math.max(1, timeoutMs));
      const stops = req.signal ? [req.signal, timer.signal] : [timer.signal];
      try {
        const c = await client(url.protocol);
        try {
          return await exchange(c, url, req, stops, connectTimeoutMs);
        } catch (e) {
          // One more try on a fresh socket (the stale one has been destroyed).
          if (e instanceof StaleSocket && RETRYABLE.has(req.method.toUpperCase())) return await exchange(c, url, req, stops, connectTimeoutMs);
          throw e;
        }
      } catch (e) {
        if (req.signal?.aborted) throw new InterruptedError();
        if (timer.signal.aborted) throw new ConnectionError('timeout', address, `no response within ${timeoutMs} ms`);
        if (e instanceof ConnectTimeout) throw new ConnectionError('timeout', address, `not connected within ${connectTimeoutMs} ms`);
        throw toConnectionError(e instanceof StaleSocket ? e.error : e, address);
      } finally {
        clearTimeout(t);
      }
    },
    async close() {
      closed = true;
      plain?.agent.destroy();
      if (secure) (await secure).agent.destroy();
    },
  };
}

/**
 * One request/response on `c`. Rejects with the network error as node reports it, `ConnectTimeout`,
 * `StaleSocket`, or a plain error once any of `stops` aborts (the caller tells which one it was).
 */
function exchange(c: Client, url: URL, req: TransportRequest, stops: AbortSignal[], connectTimeoutMs: number): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    if (stops.some((s) => s.aborted)) {
      reject(new Error('aborted'));
      return;
    }
    const headers = { ...req.headers };
    if (req.body !== null && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length'))
      headers['Content-Length'] = String(Buffer.byteLength(req.body, 'utf8'));
    const r = c.request(url, { method: req.method, headers, agent: c.agent });
    let settled = false;
    let answered = false;
    let connectTimer: NodeJS.Timeout | undefined;

    const stop = (): void => fail(new Error('aborted'));
    for (const s of stops) s.addEventListener('abort', stop, { once: true });
    function finish(): void {
      settled = true;
      clearTimeout(connectTimer);
      for (const s of stops) s.removeEventListener('abort', stop);
    }
    function fail(e: unknown): void {
      if (settled) return;
      finish();
      r.destroy();
      reject(e);
    }

    r.on('socket', (socket: Socket) => {
      if (r.reusedSocket) return;
      connectTimer = setTimeout(() => fail(new ConnectTimeout()), Math.max(1, connectTimeoutMs));
      socket.once(c.tls ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    r.on('error', (e: NodeJS.ErrnoException) => {
      const stale = r.reusedSocket && !answered && (e.code === 'ECONNRESET' || e.code === 'EPIPE');
      fail(stale ? new StaleSocket(e) : e);
    });
    r.on('response', (res: http.IncomingMessage) => {
      answered = true;
      if (req.stream && res.statusCode === 200) {
        finish();
        resolve({ status: 200, headers: flattenHeaders(res.headers), body: '', stream: res });
        return;
      }
      const body = new BodyBuffer(req.method.toUpperCase() === 'HEAD' ? Number.NaN : Number(res.headers['content-length'] ?? Number.NaN));
      res.on('data', (chunk: Buffer) => body.add(chunk));
      res.on('end', () => {
        if (settled) return;
        finish();
        resolve({ status: res.statusCode ?? 0, headers: flattenHeaders(res.headers), body: body.text() });
      });
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('the connection closed before the whole answer arrived'), { code: 'ECONNRESET' }));
      });
    });
    r.end(req.body ?? undefined);
  });
}

/** Largest announced body read into one buffer allocated up front. */
const MAX_PREALLOCATED = 2 ** 30;
const FIRST_BLOCK = 64 * 1024;
const BLOCK = 1024 * 1024;

/**
 * A response body, decoded as UTF-8 once at the end (so a character split across chunks decodes
 * whole). Chunks are copied into one buffer of the announced length, or else into 1 MiB blocks
 * joined once: never quadratic, and a server writing tiny chunks does not leave millions of small
 * Buffer objects alive until the end.
 */
class BodyBuffer {
  private readonly full: Buffer[] = [];
  private block: Buffer;
  private used = 0;

  constructor(announced: number) {
    const known = Number.isSafeInteger(announced) && announced >= 0 && announced <= MAX_PREALLOCATED;
    this.block = Buffer.allocUnsafe(known ? announced : FIRST_BLOCK);
  }

  add(chunk: Buffer): void {
    let from = 0;
    while (from < chunk.length) {
      if (this.used === this.block.length) {
        this.full.push(this.block);
        this.block = Buffer.allocUnsafe(BLOCK);
        this.used = 0;
      }
      const n = chunk.copy(this.block, this.used, from);
      this.used += n;
      from += n;
    }
  }

  text(): string {
    const last = this.block.subarray(0, this.used);
    if (this.full.length === 0) return last.toString('utf8');
    const all = Buffer.concat([...this.full, last]);
    this.full.length = 0;
    return all.toString('utf8');
  }
}
