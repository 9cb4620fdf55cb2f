// HTTP transport: the interface the executor sends through, and its undici implementation (loaded lazily).
import type { Readable } from 'node:stream';
import type { Agent } from 'undici';
import { ConnectionError, InterruptedError, type ConnectionReason } from './errors.js';

export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  signal?: AbortSignal;
  /** Overall deadline for this request (connect + answer), in ms. */
  timeoutMs?: number;
  /** Hand a 200 answer's body over unread as `TransportResponse.stream` (the caller reads and times it). */
  stream?: boolean;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body; '' when it comes as `stream`. */
  body: string;
  /** The unread body of a 200 answer to a `stream` request. */
  stream?: Readable;
}

/**
 * Sends one HTTP request. Network failures reject with `ConnectionError`; an abort through
 * `signal` rejects with `InterruptedError`. HTTP error statuses resolve normally.
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

/** An undici-backed transport with one keep-alive Agent; undici is imported on the first request. */
export function createUndiciTransport(opts: UndiciTransportOptions = {}): Transport {
  let agentP: Promise<Agent> | undefined;
  let closed = false;
  const load = opts.loadUndici ?? (() => import('undici'));

  function agent(): Promise<Agent> {
    agentP ??= load().then(
      (u) =>
        new u.Agent({
          keepAliveTimeout: opts.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_MS,
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
      if (closed) throw new Error('transport is closed');
      const url = new URL(req.url);
      const address = addressOf(url);
      if (req.signal?.aborted) throw new InterruptedError();
      const timeoutMs = req.timeoutMs ?? opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      const timer = new AbortController();
      const t = setTimeout(() => timer.abort(), Math.max(1, timeoutMs));
      const signal = req.signal ? AbortSignal.any([req.signal, timer.signal]) : timer.signal;
      try {
        const a = await agent();
        const res = await a.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: req.method as 'GET',
          headers: req.headers,
          body: req.body,
          signal,
        });
        if (req.stream && res.statusCode === 200) return { status: 200, headers: flattenHeaders(res.headers), body: '', stream: res.body };
        const body = await res.body.text();
        return { status: res.statusCode, headers: flattenHeaders(res.headers), body };
      } catch (e) {
        if (req.signal?.aborted) throw new InterruptedError();
        if (timer.signal.aborted) throw new ConnectionError('timeout', address, `no response within ${timeoutMs} ms`);
        throw toConnectionError(e, address);
      } finally {
        clearTimeout(t);
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
    if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT')
      return { reason: 'timeout', code };
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED')
      return { reason: 'reset', code };
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EHOSTDOWN' || code === 'ENETDOWN')
      return { reason: 'unreachable', code };
  }
  const first = errorCodes(e)[0];
  return first ? { reason: 'other', code: first } : { reason: 'other' };
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
  const { reason, code } = classifyNetworkError(e);
  const msg = e instanceof Error ? e.message : String(e);
  const detail = reason === 'tls' ? msg || code : reason === 'other' ? msg || code : code;
  return new ConnectionError(reason, address, detail);
}
