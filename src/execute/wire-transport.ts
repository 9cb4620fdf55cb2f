// The HTTP/1.1 transport of short-lived processes (one-shot commands, scripts, __complete, job wait):
// requests written and answers parsed by hand (http1-request.ts, http1-reader.ts) over node:net, or
// node:tls for https (imported on the first https request). Through node:http (its client, agent
// and parser modules, IncomingMessage streams) a one-shot query cost ~87 ms of CPU, ~67 ms this way,
// and receiving a 259 MB answer ~390 ms against ~235 ms (bench/receive.mjs); undici costs ~80 ms to
// import plus a WebAssembly compile, and is kept for the long-lived shell.
//
// Keep-alive: one idle connection per origin is kept for the next request (paging with --all sends
// one per page), unref'd so it never keeps the process alive, and closed after `keepAliveTimeoutMs`
// or the server's `Keep-Alive: timeout=` (less a second), or at once after `Connection: close`, an
// answer read until the close, or bytes beyond the answer. A GET or HEAD on a reused connection that
// ends before any byte of answer (the server closed it meanwhile) is sent once more on a new one.
import { BodyBuffer } from './body-buffer.js';
import { TooLargeError } from './errors.js';
import { ResponseReader, type ResponseHead } from './http1-reader.js';
import { requestText } from './http1-request.js';
import {
  beginSend,
  ConnectTimeout,
  DEFAULT_KEEP_ALIVE_MS,
  ReadTimeout,
  sendFailure,
  toConnectionError,
  type BodySink,
  type BodySource,
  type Sending,
  type Transport,
  type TransportOptions,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';
import { WireConnection, type Target } from './wire-connection.js';

/** A request on a reused keep-alive connection failed before any answer: the server had closed it. */
class StaleSocket extends Error {
  constructor(readonly error: unknown) {
    super('stale keep-alive connection');
  }
}

/** Methods safe to send again when a reused connection turns out closed. */
const RETRYABLE = new Set(['GET', 'HEAD']);

/** Errors that mean the server closed a kept connection before reading our request. */
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * `localhost` (the default host) is connected to as 127.0.0.1, then ::1, as curl does (RFC 6761: it
 * is the loopback, whatever a resolver says): no DNS lookup (getaddrinfo on the thread pool cost a
 * one-shot command ~10 ms). The Host header and a TLS name stay `localhost`.
 */
const LOOPBACK: Readonly<Record<string, readonly string[]>> = { localhost: ['127.0.0.1', '::1'] };

/** Errors after which the next loopback address is tried: nothing listens on this one. */
const NOT_LISTENING = new Set(['ECONNREFUSED', 'EADDRNOTAVAIL', 'EAFNOSUPPORT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** An IP address is no TLS server name (RFC 6066; node warns when given one): the address is checked instead. */
const IP_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|.*:.*)$/;

type TlsModule = typeof import('node:tls');

export function createWireTransport(opts: TransportOptions = {}): Transport {
  const keepAliveMs = opts.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS;
  const idle = new Map<string, WireConnection>();
  let tls: Promise<TlsModule> | undefined;
  let closed = false;

  /** Takes the idle connection to `origin`, if one is left. */
  function take(origin: string): WireConnection | undefined {
    const c = idle.get(origin);
    if (!c) return undefined;
    idle.delete(origin);
    if (c.socket.destroyed) return undefined;
    c.socket.ref();
    return c;
  }

  /** After a complete answer: keeps the connection for the next request, or closes it. */
  function release(origin: string, c: WireConnection, head: ResponseHead, reader: ResponseReader): void {
    c.user = undefined;
    const ms = Math.min(keepAliveMs, head.keepAliveMs === undefined ? Infinity : head.keepAliveMs - 1000);
    if (closed || !head.reusable || reader.extra || ms <= 0 || idle.has(origin) || c.socket.destroyed) {
      c.destroy();
      return;
    }
    c.socket.setTimeout(ms);
    c.socket.unref();
    c.socket.resume(); // a streamed body paused it; an idle connection must still hear the server close it
    idle.set(origin, c);
    c.onClose = () => {
      if (idle.get(origin) === c) idle.delete(origin);
    };
  }

  async function target(s: Sending, address: string): Promise<Target> {
    const port = Number(s.url.port) || (s.url.protocol === 'https:' ? 443 : 80);
    if (s.url.protocol !== 'https:') return { host: address, port };
    const t = await (tls ??= import('node:tls'));
    const name = bare(s.url.hostname);
    return { host: address, port, tls: { connect: t.connect, servername: IP_LITERAL.test(name) ? undefined : name, ca: opts.ca, insecure: opts.insecure === true } };
  }

  return {
    async send(req) {
      const s = beginSend(req, opts, closed);
      const stops = req.signal ? [req.signal, s.deadline] : [s.deadline];
      const origin = `${s.url.protocol}//${s.url.host}`;
      const x: Exchange = { req, s, stops, done: (c, head, reader) => release(origin, c, head, reader) };
      try {
        const attempt = async (address: string): Promise<TransportResponse> => {
          const kept = take(origin);
          if (kept) {
            try {
              return await exchange(kept, x);
            } catch (e) {
              // A fresh connection for a request safe to repeat; the stale one is closed.
              if (!(e instanceof StaleSocket) || !RETRYABLE.has(req.method.toUpperCase())) throw e;
            }
          }
          return await exchange(await connect(await target(s, address), s, stops), x);
        };
        const name = bare(s.url.hostname);
        const addresses = Object.hasOwn(LOOPBACK, name) ? LOOPBACK[name]! : [name];
        for (let i = 0; ; i++) {
          try {
            return await attempt(addresses[i]!);
          } catch (e) {
            // The next loopback address only when nothing listens on this one.
            if (i + 1 === addresses.length || !NOT_LISTENING.has((e as NodeJS.ErrnoException).code ?? '') || stops.some((t) => t.aborted)) throw e;
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
      for (const c of idle.values()) c.destroy();
      idle.clear();
    },
  };
}

/** `[::1]` as URL.hostname has it → `::1`. */
function bare(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Opens a connection; rejects with node's error, `ConnectTimeout`, or a plain error once a stop aborts. */
function connect(target: Target, s: Sending, stops: AbortSignal[]): Promise<WireConnection> {
  return new Promise((resolve, reject) => {
    if (stops.some((t) => t.aborted)) return void reject(new Error('aborted'));
    const c = new WireConnection(target);
    const timer = setTimeout(() => fail(new ConnectTimeout()), s.connectTimeoutMs);
    const stop = (): void => fail(new Error('aborted'));
    for (const t of stops) t.addEventListener('abort', stop, { once: true });
    const clear = (): void => {
      clearTimeout(timer);
      for (const t of stops) t.removeEventListener('abort', stop);
    };
    function fail(e: unknown): void {
      clear();
      c.destroy();
      reject(e);
    }
    c.user = {
      data: () => false,
      end: () => fail(Object.assign(new Error('the connection closed while it was being made'), { code: 'ECONNRESET' })),
      error: fail,
      timeout: () => undefined,
    };
    c.socket.once(c.readyEvent, () => {
      clear();
      c.user = undefined;
      resolve(c);
    });
  });
}

interface Exchange {
  req: TransportRequest;
  s: Sending;
  /** Abort signals that end the exchange: the caller's and the deadline. */
  stops: AbortSignal[];
  /** Called with the connection once its answer is complete. */
  done: (c: WireConnection, head: ResponseHead, reader: ResponseReader) => void;
}

/**
 * One request and its answer on `c`. Rejects with the network error as node reports it, an
 * `HttpReadError`, `ReadTimeout`, `StaleSocket`, `TooLargeError`, or a plain error once a stop aborts
 * (the caller tells which it was). A streamed body's own failures go to its sink.
 */
function exchange(c: WireConnection, x: Exchange): Promise<TransportResponse> {
  const { req, s, stops } = x;
  const reused = c.uses++ > 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    let head: ResponseHead | undefined;
    let body: BodyBuffer | undefined;
    let stream: WireBody | undefined;
    let kept = false;
    const reader = new ResponseReader(
      {
        head(h) {
          head = h;
          s.answered = true;
          if (req.stream && h.status === 200) {
            // The caller reads the body from here on, and times it: its own pauses (a slow stdout)
            // must not count as the server going quiet.
            c.socket.setTimeout(0);
            stream = new WireBody(c, s.address);
            settle();
            resolve({ status: 200, headers: h.headers, body: '', stream, readTimeoutMs: s.readTimeoutMs });
            return;
          }
          body = new BodyBuffer(h.length ?? Number.NaN, s.maxBodyBytes);
          if (!body.fits(h.length ?? Number.NaN)) throw new TooLargeError(s.address, body.limit, h.length);
        },
        body(bytes) {
          if (stream) {
            stream.data(bytes);
            kept = true;
          } else if (!body!.add(bytes)) throw new TooLargeError(s.address, body!.limit);
        },
        end() {
          // Handled in complete(): the reader has finished its own bookkeeping by then.
        },
      },
      req.method.toUpperCase() === 'HEAD',
    );

    const stop = (): void => fail(new Error('aborted'));
    for (const t of stops) t.addEventListener('abort', stop, { once: true });
    function settle(): void {
      settled = true;
      for (const t of stops) t.removeEventListener('abort', stop);
    }
    function fail(e: unknown): void {
      c.destroy();
      if (stream) return stream.fail(toConnectionError(e, s.address));
      if (settled) return;
      settle();
      reject(e);
    }
    function complete(): void {
      x.done(c, head!, reader);
      if (stream) return stream.end();
      settle();
      resolve({ status: head!.status, headers: head!.headers, body: body!.text() });
    }
    const stale = (e: unknown): unknown => (reused && !reader.started ? new StaleSocket(e) : e);

    c.user = {
      data(bytes) {
        kept = false;
        try {
          reader.push(bytes);
        } catch (e) {
          fail(e);
          return false;
        }
        if (reader.complete) complete();
        return kept;
      },
      end() {
        try {
          reader.close();
        } catch (e) {
          fail(stale(e));
          return;
        }
        complete();
      },
      error: (e) => fail(STALE_CODES.has((e as NodeJS.ErrnoException).code ?? '') ? stale(e) : e),
      timeout: () => fail(new ReadTimeout()),
    };
    if (stops.some((t) => t.aborted)) return stop();
    let text: string;
    try {
      text = requestText(req.method, s.url, req.headers, req.body);
    } catch (e) {
      return fail(e);
    }
    // Idle time once connected: the read timeout (a kept connection had its keep-alive time).
    c.socket.setTimeout(s.readTimeoutMs);
    c.socket.write(text);
  });
}

/**
 * A streamed body on its connection. The socket is paused from the head until `start` (the pieces
 * of the head's read wait here), and pausing stops reading from the network.
 */
class WireBody implements BodySource {
  private sink: BodySink | undefined;
  private readonly early: Buffer[] = [];
  /** The end or a failure, once it came (before `start`: kept for it). */
  private last: { failure: unknown } | { end: true } | undefined;

  constructor(
    private readonly c: WireConnection,
    readonly address: string,
  ) {
    c.socket.pause();
  }

  start(sink: BodySink): void {
    this.sink = sink;
    for (const b of this.early) sink.data(b);
    this.early.length = 0;
    if (this.last) this.deliver();
    else this.c.socket.resume();
  }

  data(b: Buffer): void {
    if (this.sink) this.sink.data(b);
    else this.early.push(b);
  }

  end(): void {
    this.finish({ end: true });
  }

  fail(e: unknown): void {
    this.finish({ failure: e });
  }

  pause(): void {
    if (!this.last) this.c.socket.pause();
  }

  resume(): void {
    if (!this.last && this.sink) this.c.socket.resume();
  }

  destroy(): void {
    if (this.last) return;
    this.last = { end: true };
    this.sink = undefined;
    this.c.destroy();
  }

  private finish(last: NonNullable<WireBody['last']>): void {
    if (this.last) return;
    this.last = last;
    if (this.sink) this.deliver();
  }

  private deliver(): void {
    const last = this.last!;
    const sink = this.sink!;
    this.sink = undefined;
    if ('end' in last) sink.end();
    else sink.fail(last.failure);
  }
}
