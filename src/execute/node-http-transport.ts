// HTTP transport on node:http / node:https with keep-alive agents, for short-lived processes
// (one-shot commands, scripts, __complete, job wait): it costs a few ms to load, where undici costs
// ~80 ms to import plus a WebAssembly compile that the process waits for at exit.
import { Agent, request, type IncomingMessage, type RequestOptions } from 'node:http';
import type { Socket } from 'node:net';
import { BodyBuffer } from './body-buffer.js';
import { TooLargeError } from './errors.js';
import {
  beginSend,
  ConnectTimeout,
  DEFAULT_KEEP_ALIVE_MS,
  flattenHeaders,
  ReadTimeout,
  sendFailure,
  type Sending,
  type Transport,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';

/** One scheme's request function and its keep-alive agent. */
interface Client {
  request: typeof request;
  agent: Agent;
  tls: boolean;
}

/** A request on a reused keep-alive socket failed before any answer: the server had closed it. */
class StaleSocket extends Error {
  constructor(readonly error: unknown) {
    super('stale keep-alive socket');
  }
}

/** Methods safe to send again when a reused socket turns out closed. */
const RETRYABLE = new Set(['GET', 'HEAD']);

/**
 * `localhost` (the default host) is connected to as 127.0.0.1, then ::1, as curl does (RFC 6761: it
 * is the loopback, whatever a resolver says): no DNS lookup and none of node's parsing of a name as
 * an IPv6 address, which cost a one-shot command ~10 ms (getaddrinfo on the thread pool and a large
 * regular expression compiled on first use). The Host header and a TLS name stay `localhost`.
 */
const LOOPBACK: Readonly<Record<string, readonly string[]>> = { localhost: ['127.0.0.1', '::1'] };

/** Errors after which the next loopback address is tried: nothing listens on this one. */
const NOT_LISTENING = new Set(['ECONNREFUSED', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A node:http transport; node:https is imported on the first https request. */
export function createNodeHttpTransport(opts: TransportOptions = {}): Transport {
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
    plain ??= { request, agent: new Agent(agentOptions), tls: false };
    return plain;
  }

  return {
    async send(req) {
      const s = beginSend(req, opts, closed);
      const stops = req.signal ? [req.signal, s.deadline] : [s.deadline];
      try {
        const c = await client(s.url.protocol);
        const attempt = async (address: string | undefined): Promise<TransportResponse> => {
          try {
            return await exchange(c, req, s, stops, address);
          } catch (e) {
            // One more try on a fresh socket (the stale one has been destroyed).
            if (e instanceof StaleSocket && RETRYABLE.has(req.method.toUpperCase())) return await exchange(c, req, s, stops, address);
            throw e;
          }
        };
        const addresses = Object.hasOwn(LOOPBACK, s.url.hostname) ? LOOPBACK[s.url.hostname]! : [undefined];
        for (let i = 0; ; i++) {
          try {
            return await attempt(addresses[i]);
          } catch (e) {
            // The next loopback address only when nothing listens on this one.
            if (i + 1 === addresses.length || !NOT_LISTENING.has((e as NodeJS.ErrnoException).code ?? '') || stops.some((x) => x.aborted)) throw e;
          }
        }
      } catch (e) {
        throw sendFailure(e instanceof StaleSocket ? e.error : e, s, req.signal);
      } finally {
        s.done();
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
 * `ReadTimeout`, `StaleSocket`, `TooLargeError`, or a plain error once any of `stops` aborts (the
 * caller tells which one it was).
 */
function exchange(c: Client, req: TransportRequest, s: Sending, stops: AbortSignal[], address?: string): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    if (stops.some((x) => x.aborted)) {
      reject(new Error('aborted'));
      return;
    }
    const headers = { ...req.headers };
    if (req.body !== null && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length'))
      headers['Content-Length'] = String(Buffer.byteLength(req.body, 'utf8'));
    const options: RequestOptions = { method: req.method, headers, agent: c.agent };
    if (address !== undefined) {
      // The connection goes to `address`; the server still sees the name it was given.
      if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.Host = s.url.host;
      Object.assign(options, { protocol: s.url.protocol, hostname: address, port: s.url.port, path: `${s.url.pathname}${s.url.search}`, ...(c.tls ? { servername: s.url.hostname } : {}) });
    }
    const r = address === undefined ? c.request(s.url, options) : c.request(options);
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;

    const stop = (): void => fail(new Error('aborted'));
    for (const x of stops) x.addEventListener('abort', stop, { once: true });
    function finish(): void {
      settled = true;
      clearTimeout(connectTimer);
      for (const x of stops) x.removeEventListener('abort', stop);
    }
    function fail(e: unknown): void {
      if (settled) return;
      finish();
      r.destroy();
      reject(e);
    }

    r.on('socket', (socket: Socket) => {
      if (r.reusedSocket) return;
      connectTimer = setTimeout(() => fail(new ConnectTimeout()), s.connectTimeoutMs);
      socket.once(c.tls ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    // Idle time on the socket once connected (node arms it after the connect): the read timeout.
    r.setTimeout(s.readTimeoutMs, () => fail(new ReadTimeout()));
    r.on('error', (e: NodeJS.ErrnoException) => {
      const stale = r.reusedSocket && !s.answered && (e.code === 'ECONNRESET' || e.code === 'EPIPE');
      fail(stale ? new StaleSocket(e) : e);
    });
    r.on('response', (res: IncomingMessage) => {
      s.answered = true;
      if (req.stream && res.statusCode === 200) {
        // The caller reads the body from here on, and times it: its own pauses (a slow stdout)
        // must not count as the server going quiet.
        r.setTimeout(0);
        finish();
        resolve({ status: 200, headers: flattenHeaders(res.headers), body: '', stream: res, readTimeoutMs: s.readTimeoutMs });
        return;
      }
      const announced = req.method.toUpperCase() === 'HEAD' ? Number.NaN : Number(res.headers['content-length'] ?? Number.NaN);
      const body = new BodyBuffer(announced, s.maxBodyBytes);
      if (!body.fits(announced)) return fail(new TooLargeError(s.address, body.limit, announced));
      res.on('data', (chunk: Buffer) => {
        if (!body.add(chunk)) fail(new TooLargeError(s.address, body.limit));
      });
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
