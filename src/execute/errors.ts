// Typed errors of the executor, the one kind -> exit-code mapping, and readable stderr rendering of ZStack errors.
import { vmStateHint } from './vm-state-hint.js';

/** What went wrong, coarse enough to choose an exit code and a reaction (e.g. re-login on `session-expired`). */
export type ErrorKind =
  | 'api' // the server refused or failed the API (503 JSON error, 4xx/5xx plain text)
  | 'protocol' // the server answered something ZStack never answers (202 on a sync API, 204, bad JSON)
  | 'job-not-found' // polling answered 404: the job expired or never existed
  | 'usage' // the user's input is wrong (bad profile, bad job uuid, bad port)
  | 'connection' // refused, DNS, TLS, unreachable, request timeout, reset
  | 'auth-failed' // ID.1000: wrong account name or password
  | 'session-expired' // ID.1001: invalid or expired session
  | 'not-logged-in' // an API needs a session and none is known
  | 'job-timeout' // an async job did not finish within the timeout
  | 'interrupted'; // Ctrl-C (abort signal)

/** The documented exit codes of zstack-cli. */
export const EXIT_CODES = {
  ok: 0,
  api: 1,
  usage: 2,
  connection: 3,
  auth: 4,
  jobTimeout: 8,
  interrupted: 130,
} as const;

/** The one mapping of error kinds to exit codes. */
export function exitCodeOf(kind: ErrorKind): number {
  switch (kind) {
    case 'api':
    case 'protocol':
    case 'job-not-found':
      return EXIT_CODES.api;
    case 'usage':
      return EXIT_CODES.usage;
    case 'connection':
      return EXIT_CODES.connection;
    case 'auth-failed':
    case 'session-expired':
    case 'not-logged-in':
      return EXIT_CODES.auth;
    case 'job-timeout':
      return EXIT_CODES.jobTimeout;
    case 'interrupted':
      return EXIT_CODES.interrupted;
  }
}

/** Exit code for anything thrown; errors that are not ours count as API/internal failures (1). */
export function exitCodeFor(err: unknown): number {
  return err instanceof CliError ? exitCodeOf(err.kind) : EXIT_CODES.api;
}

/** The JSON error ZStack puts in 503 bodies (`{"error": {...}}`) and in failed jobs. */
export interface ZStackErrorBody {
  code?: string;
  description?: string;
  details?: string;
  elaboration?: string;
  cause?: ZStackErrorBody;
  [key: string]: unknown;
}

/** Base of every error the executor throws. `hint` is one line telling the user what to do next. */
export abstract class CliError extends Error {
  abstract readonly kind: ErrorKind;
  hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
  /** Indented lines printed under the first line. */
  detailLines(): string[] {
    return [];
  }
}

export class UsageError extends CliError {
  readonly kind = 'usage' as const;
}

/** The server answered with an error: a ZStack JSON error (503) or a plain-text body (400/403/404/405/500). */
export class ApiError extends CliError {
  readonly kind: 'api' | 'job-not-found' = 'api';
  constructor(
    readonly status: number,
    /** Parsed ZStack error, when the body was one. */
    readonly error: ZStackErrorBody | undefined,
    /** Raw body text (plain text errors). */
    readonly bodyText: string,
    /** The job this error belongs to, when it came from polling. */
    readonly jobUuid?: string,
  ) {
    super(error ? zstackErrorLine(error) : plainTextLine(status, bodyText), error ? zstackErrorHint(error) : undefined);
  }
  override detailLines(): string[] {
    return this.error ? zstackErrorDetails(this.error, 1) : plainTextDetails(this.bodyText);
  }
}

/** Polling answered 404: the job expired (the server keeps results for hours) or never existed. */
export class JobNotFoundError extends ApiError {
  override readonly kind = 'job-not-found' as const;
  constructor(jobUuid: string, bodyText: string) {
    super(404, undefined, bodyText, jobUuid);
    this.message = `Error: job ${jobUuid} is unknown to the server (expired or never existed)`;
  }
  override detailLines(): string[] {
    return [];
  }
}

/** The server broke the REST protocol (e.g. 202 on a sync API, 204, a body that is not JSON). */
export class ProtocolError extends CliError {
  readonly kind = 'protocol' as const;
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(`Error: protocol: ${message}`);
  }
}

export type ConnectionReason = 'refused' | 'dns' | 'tls' | 'timeout' | 'reset' | 'unreachable' | 'other';

/** A network failure talking to `host:port`; the message is one clear line naming it. */
export class ConnectionError extends CliError {
  readonly kind = 'connection' as const;
  constructor(
    readonly reason: ConnectionReason,
    /** `host:port` as dialled. */
    readonly address: string,
    readonly detail?: string,
  ) {
    super(connectionLine(reason, address, detail), connectionHint(reason));
  }
}

function connectionLine(reason: ConnectionReason, address: string, detail?: string): string {
  const extra = detail ? ` (${detail})` : '';
  switch (reason) {
    case 'refused':
      return `Error: connection refused by ${address}; is the ZStack management node running there?`;
    case 'dns':
      return `Error: cannot resolve the host of ${address}${extra}`;
    case 'tls':
      return `Error: TLS handshake with ${address} failed${extra}`;
    case 'timeout':
      return `Error: no answer from ${address} in time${extra}`;
    case 'reset':
      return `Error: connection to ${address} was closed unexpectedly${extra}`;
    case 'unreachable':
      return `Error: ${address} is unreachable${extra}`;
    case 'other':
      return `Error: cannot talk to ${address}${extra}`;
  }
}

function connectionHint(reason: ConnectionReason): string | undefined {
  if (reason === 'tls') return 'Give the server certificate with --ca <file>, or skip verification with --insecure.';
  return undefined;
}

/** How to log in again, for hints. */
export function loginHint(account = 'admin'): string {
  return `Log in again: zstack-cli LogInByAccount accountName=${account}`;
}

export type AuthKind = 'auth-failed' | 'session-expired' | 'not-logged-in';

/** Authentication problems: bad credentials (ID.1000), invalid/expired session (ID.1001), or no session at all. */
export class AuthError extends CliError {
  constructor(
    readonly kind: AuthKind,
    message: string,
    hint: string | undefined,
    /** The server's error, when there was one. */
    readonly error?: ZStackErrorBody,
    readonly jobUuid?: string,
  ) {
    super(message, hint);
  }
  override detailLines(): string[] {
    return this.error ? zstackErrorDetails(this.error, 1) : [];
  }
  static sessionExpired(error: ZStackErrorBody | undefined, account?: string, jobUuid?: string): AuthError {
    const line = error ? zstackErrorLine(error) : 'Error ID.1001: the session is invalid or has expired';
    return new AuthError('session-expired', line, loginHint(account), error, jobUuid);
  }
  static badCredentials(error: ZStackErrorBody): AuthError {
    return new AuthError('auth-failed', zstackErrorLine(error), 'Check the account name and password.', error);
  }
  static notLoggedIn(apiName: string, account?: string): AuthError {
    return new AuthError('not-logged-in', `Error: ${apiName} needs a session and you are not logged in`, loginHint(account));
  }
}

/** True when the shell should offer to log in again and retry. */
export function isSessionExpired(err: unknown): err is AuthError {
  return err instanceof AuthError && err.kind === 'session-expired';
}

/** The async job did not finish within the timeout; it keeps running on the server. */
export class JobTimeoutError extends CliError {
  readonly kind = 'job-timeout' as const;
  constructor(
    readonly jobUuid: string,
    readonly timeoutMs: number,
  ) {
    super(
      `Error: job ${jobUuid} did not finish within ${formatDuration(timeoutMs)}; it keeps running on the server`,
      `Wait for it: zstack-cli job wait ${jobUuid}`,
    );
  }
}

/** Ctrl-C. When an async job was (possibly) accepted, carries its uuid and how to wait for it. */
export class InterruptedError extends CliError {
  readonly kind = 'interrupted' as const;
  constructor(
    readonly jobUuid?: string,
    /** True when the server surely accepted the job (202 seen); false when it may not have. */
    readonly accepted = true,
  ) {
    super(
      jobUuid
        ? accepted
          ? `Interrupted; job ${jobUuid} keeps running on the server`
          : `Interrupted; job ${jobUuid} may have been accepted by the server`
        : 'Interrupted',
      jobUuid ? `Wait for it: zstack-cli job wait ${jobUuid}` : undefined,
    );
  }
}

/** Renders any thrown value for stderr: a short first line, indented details, then the hint. */
export function renderError(err: unknown): string {
  if (err instanceof CliError) {
    const lines = [err.message, ...err.detailLines()];
    if (err.hint) lines.push(err.hint);
    return lines.join('\n');
  }
  if (err instanceof Error) return `Error: ${err.message}`;
  return `Error: ${String(err)}`;
}

/** Parses a ZStack JSON error body (`{"error": {...}}`, or a bare error object); undefined when it is not one. */
export function parseZStackError(text: string): ZStackErrorBody | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return asZStackError(v);
}

/** Picks the error object out of a parsed body (`{"error": {...}}` or a bare error); undefined otherwise. */
export function asZStackError(v: unknown): ZStackErrorBody | undefined {
  if (!isRecord(v)) return undefined;
  const e = isRecord(v.error) ? v.error : v;
  return typeof e.code === 'string' || typeof e.description === 'string' || typeof e.details === 'string'
    ? (e as ZStackErrorBody)
    : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MAX_CAUSE_DEPTH = 8;
const MAX_LINE = 400;

/** `Error SYS.1003: <description>` (falls back to details when there is no description). */
export function zstackErrorLine(e: ZStackErrorBody): string {
  const text = oneLine(str(e.description) ?? str(e.details) ?? 'unknown error');
  return `Error ${str(e.code) ?? '(no code)'}: ${text}`;
}

/**
 * Indented `details:`, `elaboration:` and `caused by ...` lines for an error and its cause chain.
 * Each text is printed once: ZStack repeats a cause's details in the error it wraps (VM.1001's
 * details are its cause VM.1010's), so a line already shown is left out.
 */
export function zstackErrorDetails(e: ZStackErrorBody, depth: number, seen: Set<string> = new Set([oneLine(str(e.description) ?? str(e.details) ?? '')])): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  const fresh = (v: unknown): string | undefined => {
    const t = str(v);
    if (t === undefined) return undefined;
    const line = oneLine(t);
    if (seen.has(line)) return undefined;
    seen.add(line);
    return line;
  };
  const details = fresh(e.details);
  if (details) out.push(`${pad}details: ${details}`);
  const elab = fresh(e.elaboration);
  if (elab) out.push(`${pad}elaboration: ${elab}`);
  const cause = isRecord(e.cause) ? (e.cause as ZStackErrorBody) : undefined;
  if (cause) {
    if (depth >= MAX_CAUSE_DEPTH) {
      out.push(`${pad}caused by ...`);
    } else {
      const desc = fresh(cause.description) ?? (str(cause.description) === undefined ? fresh(cause.details) : undefined);
      out.push(`${pad}caused by ${str(cause.code) ?? '(no code)'}${desc ? `: ${desc}` : ''}`);
      out.push(...zstackErrorDetails(cause, depth + 1, seen));
    }
  }
  return out;
}

/** Every details and elaboration text of an error chain (for hints). */
function chainTexts(e: ZStackErrorBody): string[] {
  const out: string[] = [];
  let cur: ZStackErrorBody | undefined = e;
  for (let i = 0; cur && i <= MAX_CAUSE_DEPTH; i++) {
    for (const v of [cur.details, cur.elaboration, cur.description]) if (typeof v === 'string') out.push(v);
    cur = isRecord(cur.cause) ? (cur.cause as ZStackErrorBody) : undefined;
  }
  return out;
}

/** What to do about a ZStack error, when it is one we know (a VM state refusal). */
export function zstackErrorHint(e: ZStackErrorBody): string | undefined {
  return vmStateHint(chainTexts(e));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const MAX_PLAIN_LINES = 10;

function plainLines(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
}

function plainTextLine(status: number, body: string): string {
  const head = `Error HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
  const first = plainLines(body)[0];
  return first ? `${head}: ${oneLine(first)}` : head;
}

function plainTextDetails(body: string): string[] {
  const rest = plainLines(body).slice(1);
  const shown = rest.slice(0, MAX_PLAIN_LINES).map((l) => `  ${oneLine(l)}`);
  if (rest.length > MAX_PLAIN_LINES) shown.push(`  ... (${rest.length - MAX_PLAIN_LINES} more lines)`);
  return shown;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Collapses newlines/control characters and clips very long text, so one item is one line. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 3)}...` : flat;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  return r ? `${m}m${r}s` : `${m}m`;
}
