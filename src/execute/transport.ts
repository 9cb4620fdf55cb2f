// HTTP transport: the interface the executor sends through, the failure naming both implementations
// share, and the undici implementation (loaded lazily).
import type { Readable } from 'node:stream';
import type { Agent } from 'undici';
import { DEFAULT_READ_TIMEOUT_MS } from '../config/connection.js';
import { CliError } from '../errors/cli-error.js';
import { BodyBuffer } from './body-buffer.js';
import { ConnectionError, formatDuration, InterruptedError, TooLargeError, type ConnectionReason } from './errors.js';
import { HttpReadError } from './http1-reader.js';
import { deadlineSignal } from './long-timeout.js';

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal;
  /** Overall deadline for this request (connect + answer), in ms; any length (no 2^31 ms limit). */
  timeoutMs?: number;
  /** Largest answer body read, in bytes (default: the transport's); a larger one is refused with `TooLargeError`. */
  maxBodyBytes?: number;
  /**
   * Hand a 200 answer's body over unread as `TransportResponse.stream` (no size limit: the caller
   * reads it as it comes, and times it: the overall deadline and `readTimeoutMs` while it waits).
   */
  stream?: boolean;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body; '' when it comes as `stream`. */
  body: string;
  /** The unread body of a 200 answer to a `stream` request. */
  stream?: BodySource;
  /** With `stream`: the transport's read timeout, for the caller to apply while it waits for data. */
  readTimeoutMs?: number;
}

/** Receives a streamed body. */
export interface BodySink {
  /** A piece of the body, the receiver's to keep. */
  data(chunk: Buffer): void;
  end(): void;
  /** The body was cut or broken (a typed error or a network error); the connection is gone. */
  fail(e: unknown): void;
}

/** The unread body of a streamed answer. */
export interface BodySource {
  /** Starts handing the body to `sink` (once): its pieces, then `end()` or `fail()`. */
  start(sink: BodySink): void;
  /** Stops reading from the network until `resume()` (what arrived stays with the sender). */
  pause(): void;
  resume(): void;
  /** Stops reading and closes the connection (the rest is not wanted); the sink hears nothing more. */
  destroy(): void;
}

/** A Readable (undici's body) as a BodySource; a close before the end fails it as a cut connection. */
export function readableSource(stream: Readable, address: string): BodySource {
  let done = false;
  return {
    start(sink) {
      stream.on('data', (b: Buffer) => sink.data(b));
      stream.on('end', () => {
        done = true;
        sink.end();
      });
      stream.on('error', (e: unknown) => {
        if (!done) sink.fail(e);
        done = true;
      });
      stream.on('close', () => {
        if (!done) sink.fail(new ConnectionError('reset', address, 'the connection closed before the whole answer arrived'));
        done = true;
      });
    },
    pause: () => void stream.pause(),
    resume: () => void stream.resume(),
    destroy() {
      done = true;
      stream.destroy();
    },
  };
}

/**
 * Sends one HTTP request. Network failures reject with `ConnectionError`; an abort through
 * `signal` rejects with `InterruptedError`; a body over the limit with `TooLargeError`.
 * HTTP error statuses resolve normally.
 */
export interface Transport {
  send(req: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

/** What every transport is configured with (the same for undici and node:http). */
export interface TransportOptions {
  /** PEM contents of the CA certificate(s) to trust for https (not a path). */
  ca?: string | Buffer;
  /** Skip TLS certificate verification. */
  insecure?: boolean;
  /** TCP + TLS connect timeout in ms (default 10 s). */
  connectTimeoutMs?: number;
  /** Request timeout when a request gives none (default 5 min). */
  requestTimeoutMs?: number;
  /** Read timeout: a request fails when nothing arrives for this long (default 60 s). */
  readTimeoutMs?: number;
  /** Largest body read when a request gives no limit (default 64 MiB). */
  maxBodyBytes?: number;
  /** How long an idle keep-alive connection is kept (default 10 s). */
  keepAliveTimeoutMs?: number;
}

export interface UndiciTransportOptions extends TransportOptions {
  /** Loads undici; injectable for tests. */
  loadUndici?: () => Promise<typeof import('undici')>;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;
export const DEFAULT_KEEP_ALIVE_MS = 10_000;
/** ZStack answers other than queries are small; 64 MiB is far beyond any real one. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 2 ** 20;

/** A request under way: what both transports check first and need to name a failure. */
export interface Sending {
  url: URL;
  /** `host:port` as dialled. */
  address: string;
  timeoutMs: number;
  readTimeoutMs: number;
  connectTimeoutMs: number;
  maxBodyBytes: number;
  /** Aborts when the overall deadline passes. */
  deadline: AbortSignal;
  /** Stops the deadline timer. */
  done: () => void;
  /** Set once the status line and headers have arrived. */
  answered: boolean;
}

/** Checks a request and starts its deadline; throws for a closed transport or an aborted signal. */
export function beginSend(req: TransportRequest, opts: TransportOptions, closed: boolean): Sending {
  if (closed) throw new Error('transport is closed');
  const url = new URL(req.url);
  const address = addressOf(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConnectionError('other', address, `unsupported scheme ${url.protocol}`);
  if (req.signal?.aborted) throw new InterruptedError();
  const timeoutMs = Math.max(1, req.timeoutMs ?? opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  const { signal, clear } = deadlineSignal(timeoutMs);
  return {
    url,
    address,
    timeoutMs,
    readTimeoutMs: Math.max(1, opts.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS),
    connectTimeoutMs: Math.max(1, opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
    maxBodyBytes: req.maxBodyBytes ?? opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    deadline: signal,
    done: clear,
    answered: false,
  };
}

/** The connect (TCP, and TLS for https) did not finish within the connect timeout. */
export class ConnectTimeout extends Error {}

/** Nothing arrived for the read timeout. */
export class ReadTimeout extends Error {}

/** Names what went wrong with a request, as one of our errors. */
export function sendFailure(e: unknown, s: Sending, signal: AbortSignal | undefined): CliError {
  if (signal?.aborted) return new InterruptedError();
  if (s.deadline.aborted) return new ConnectionError('timeout', s.address, `no complete answer within ${formatDuration(s.timeoutMs)}`);
  if (e instanceof CliError) return e;
  if (e instanceof ConnectTimeout) return new ConnectionError('timeout', s.address, `not connected within ${formatDuration(s.connectTimeoutMs)}`);
  const { reason, code } = classifyNetworkError(e);
  if (e instanceof ReadTimeout || reason === 'idle') return new ConnectionError('idle', s.address, `nothing received for ${formatDuration(s.readTimeoutMs)}`);
  if (reason === 'tls' && s.url.protocol === 'https:' && isPlainHttpAnswer(e)) return new ConnectionError('plain-http', s.address);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new ConnectionError('cert-name', s.address, certNames(e));
  const err = toConnectionError(e, s.address);
  if (err.reason === 'reset' && !s.answered && s.url.protocol === 'http:') err.hint ??= 'If that port serves https, add --https.';
  return err;
}

/** An undici-backed transport with one keep-alive Agent; undici is imported on the first request. */
export function createUndiciTransport(opts: UndiciTransportOptions = {}): Transport {
  let agentP: Promise<Agent> | undefined;
  let closed = false;
  const load = opts.loadUndici ?? (() => import('undici'));
  const readTimeoutMs = Math.max(1, opts.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS);

  function agent(): Promise<Agent> {
    agentP ??= load().then(
      (u) =>
        new u.Agent({
          keepAliveTimeout: opts.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS,
          // undici's own read limits: until the headers are in, and between two body chunks.
          headersTimeout: readTimeoutMs,
          bodyTimeout: readTimeoutMs,
          connect: {
            timeout: opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
            ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
            rejectUnauthorized: !opts.insecure,
          },
        }),
    );
    return agentP;
  }

  return {
    async send(req) {
      const s = beginSend(req, opts, closed);
      const signal = req.signal ? AbortSignal.any([req.signal, s.deadline]) : s.deadline;
      try {
        const a = await agent();
        const res = await a.request({
          origin: s.url.origin,
          path: s.url.pathname + s.url.search,
          method: req.method as 'GET',
          headers: req.headers,
          body: req.body,
          signal,
        });
        s.answered = true;
        if (req.stream && res.statusCode === 200)
          return { status: 200, headers: flattenHeaders(res.headers), body: '', stream: readableSource(res.body, s.address), readTimeoutMs: s.readTimeoutMs };
        const body = new BodyBuffer(Number(res.headers['content-length'] ?? Number.NaN), s.maxBodyBytes);
        const tooLarge = (announced?: number): TooLargeError => {
          res.body.destroy();
          return new TooLargeError(s.address, body.limit, announced);
        };
        if (!body.fits(Number(res.headers['content-length']))) throw tooLarge(Number(res.headers['content-length']));
        for await (const chunk of res.body as AsyncIterable<Buffer>) if (!body.add(chunk)) throw tooLarge();
        return { status: res.statusCode, headers: flattenHeaders(res.headers), body: body.text() };
      } catch (e) {
        throw sendFailure(e, s, req.signal);
      } finally {
        s.done();
      }
    },
    async close() {
      closed = true;
      if (agentP) await (await agentP).close();
    },
  };
}

/** `host:port` as dialled, with the scheme's default port filled in. */
export function addressOf(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${url.hostname}:${port}`;
}

/** Response headers as `TransportResponse` has them: lower-case names, repeats joined with `, `. */
export function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const TLS_CODES = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
]);

/** Classifies a low-level network error (by its code, searching causes and aggregated errors). */
export function classifyNetworkError(e: unknown): { reason: ConnectionReason; code?: string } {
  for (const code of errorCodes(e)) {
    if (code === 'ECONNREFUSED') return { reason: 'refused', code };
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL')
      return { reason: 'dns', code };
    if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return { reason: 'tls', code };
    if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return { reason: 'timeout', code };
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return { reason: 'idle', code };
    if (code.startsWith('HPE_')) return { reason: 'not-http', code };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED')
      return { reason: 'reset', code };
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN' || code === 'ENETDOWN')
      return { reason: 'unreachable', code };
  }
  if (hasName(e, 'HTTPParserError')) return { reason: 'not-http' };
  const first = errorCodes(e)[0];
  return first ? { reason: 'other', code: first } : { reason: 'other' };
}

function hasName(e: unknown, name: string, depth = 0): boolean {
  if (depth > 4 || typeof e !== 'object' || e === null) return false;
  const o = e as { name?: unknown; cause?: unknown };
  return o.name === name || hasName(o.cause, name, depth + 1);
}

/** OpenSSL's words when a TLS client gets an HTTP answer instead of a handshake. */
function isPlainHttpAnswer(e: unknown): boolean {
  const codes = errorCodes(e);
  if (codes.includes('ERR_SSL_WRONG_VERSION_NUMBER') || codes.includes('ERR_SSL_PACKET_LENGTH_TOO_LONG')) return true;
  return /wrong version number|packet length too long|http request/i.test(e instanceof Error ? e.message : String(e));
}

/** `it names DNS:a, DNS:b; asked for c`, from Node's hostname-mismatch error. */
function certNames(e: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof e !== 'object' || e === null) return undefined;
  const o = e as { code?: unknown; host?: unknown; cert?: { subjectaltname?: unknown; subject?: { CN?: unknown } }; cause?: unknown };
  if (o.code !== 'ERR_TLS_CERT_ALTNAME_INVALID') return certNames(o.cause, depth + 1);
  const alt = typeof o.cert?.subjectaltname === 'string' ? o.cert.subjectaltname : undefined;
  const cn = typeof o.cert?.subject?.CN === 'string' ? `CN=${o.cert.subject.CN}` : undefined;
  const names = alt ?? cn ?? 'no names';
  const asked = typeof o.host === 'string' ? `; asked for ${o.host}` : '';
  return `it names ${names.length > 300 ? `${names.slice(0, 297)}...` : names}${asked}`;
}

function errorCodes(e: unknown, depth = 0): string[] {
  if (depth > 4 || typeof e !== 'object' || e === null) return [];
  const o = e as { code?: unknown; cause?: unknown; errors?: unknown };
  const out: string[] = typeof o.code === 'string' ? [o.code] : [];
  if (Array.isArray(o.errors)) for (const x of o.errors) out.push(...errorCodes(x, depth + 1));
  out.push(...errorCodes(o.cause, depth + 1));
  return out;
}

/** Wraps any network failure as a `ConnectionError` naming `host:port`. */
export function toConnectionError(e: unknown, address: string): ConnectionError {
  if (e instanceof ConnectionError) return e;
  // The HTTP/1.1 reader's own verdict on an answer: not HTTP, or cut short (and where).
  if (e instanceof HttpReadError) return new ConnectionError(e.reason, address, e.message);
  const { reason, code } = classifyNetworkError(e);
  const msg = firstLine(e instanceof Error ? e.message : String(e));
  const detail = reason === 'tls' ? msg || code : reason === 'other' || reason === 'not-http' ? msg || code : code;
  return new ConnectionError(reason, address, detail);
}

/** The first line of an error message, without OpenSSL's `error:0A00010B:SSL routines:...` prefix. */
function firstLine(msg: string): string {
  const line = msg.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const ssl = /error:[0-9A-F]+:SSL routines:[^:]*:([^:]+)/.exec(line);
  return (ssl ? ssl[1]! : line).trim();
}
