// Typed errors of the executor (API, protocol, connection, auth, job timeout, interrupt) and the
// readable rendering of ZStack error bodies. The base type and exit codes live in src/errors/, and so
// does the rendering of the first line (`Error: ` or `Error <code>: ` before the message).
import { CliError, jobWaitCommand } from '../errors/cli-error.js';
import { vmStateHint } from './vm-state-hint.js';
/** Sets the next command of an error and returns it. */
export function withNext(e, next) {
    e.next = next;
    return e;
}
/** The server answered with an error: a ZStack JSON error (503) or a plain-text body (400/403/404/405/500). */
export class ApiError extends CliError {
    status;
    error;
    bodyText;
    jobUuid;
    kind = 'api';
    constructor(status, 
    /** Parsed ZStack error, when the body was one. */
    error, 
    /** Raw body text (plain text errors). */
    bodyText, 
    /** The job this error belongs to, when it came from polling. */
    jobUuid) {
        super(error ? zstackErrorText(error) : plainTextLine(bodyText), error ? zstackErrorHint(error) : undefined);
        this.status = status;
        this.error = error;
        this.bodyText = bodyText;
        this.jobUuid = jobUuid;
        this.errorCode = error ? zstackErrorCode(error) : httpStatusLine(status);
    }
    detailLines() {
        return this.error ? zstackErrorDetails(this.error, 1) : plainTextDetails(this.bodyText);
    }
}
/** Polling answered 404: the job expired (the server keeps results for hours) or never existed. */
export class JobNotFoundError extends ApiError {
    kind = 'job-not-found';
    constructor(jobUuid, bodyText) {
        super(404, undefined, bodyText, jobUuid);
        this.errorCode = undefined;
        this.message = `job ${jobUuid} is unknown to the server (expired or never existed)`;
    }
    detailLines() {
        return [];
    }
}
/** The server broke the REST protocol (e.g. 202 on a sync API, 204, a body that is not JSON). */
export class ProtocolError extends CliError {
    status;
    kind = 'protocol';
    constructor(message, status) {
        super(`protocol: ${message}`);
        this.status = status;
    }
}
/** A network failure talking to `host:port`; the message is one clear line naming it. */
export class ConnectionError extends CliError {
    reason;
    address;
    detail;
    kind = 'connection';
    constructor(reason, 
    /** `host:port` as dialled. */
    address, detail) {
        super(connectionLine(reason, address, detail), connectionHint(reason));
        this.reason = reason;
        this.address = address;
        this.detail = detail;
    }
}
function connectionLine(reason, address, detail) {
    const extra = detail ? ` (${oneLine(detail)})` : '';
    switch (reason) {
        case 'refused':
            return `connection refused by ${address}; is the ZStack management node running there?`;
        case 'dns':
            return `cannot resolve the host of ${address}${extra}`;
        case 'tls':
            return `TLS handshake with ${address} failed${extra}`;
        case 'timeout':
            return `no answer from ${address} in time${extra}`;
        case 'idle':
            return `${address} stopped answering${extra}`;
        case 'not-http':
            return `${address} did not answer in HTTP${extra}`;
        case 'plain-http':
            return `${address} answered in plain HTTP, not TLS (https)`;
        case 'cert-name':
            return `the TLS certificate of ${address} is for another name${extra}`;
        case 'reset':
            return `connection to ${address} was closed unexpectedly${extra}`;
        case 'unreachable':
            return `${address} is unreachable${extra}`;
        case 'other':
            return `cannot talk to ${address}${extra}`;
    }
}
function connectionHint(reason) {
    switch (reason) {
        case 'tls':
            return 'Give the server certificate with --ca <file>, or skip verification with --insecure.';
        case 'idle':
            return 'If the server is only slow, give it longer with --read-timeout <duration> (e.g. 5m).';
        case 'not-http':
            return "Is that the management node's API port (8080 by default)?";
        case 'plain-http':
            return 'Drop --https (and any https:// in the host) for this port.';
        case 'cert-name':
            return 'Connect by a name the certificate has (--host <name>), or skip verification with --insecure.';
        default:
            return undefined;
    }
}
/** Adds `line` under an error's hint (an error may already have its own). */
export function addHint(err, line) {
    if (err.hint?.includes(line))
        return;
    err.hint = err.hint ? `${err.hint}\n${line}` : line;
}
/** An answer larger than the client reads (a server or proxy gone wrong, or a query without limit=). */
export class TooLargeError extends CliError {
    address;
    limitBytes;
    announcedBytes;
    kind = 'protocol';
    constructor(
    /** `host:port` as dialled. */
    address, limitBytes, 
    /** Announced by Content-Length, when it was. */
    announcedBytes) {
        super(`the answer from ${address} is larger than ${formatBytes(limitBytes)}${announcedBytes !== undefined ? ` (${formatBytes(announcedBytes)} announced)` : ''}; not read`);
        this.address = address;
        this.limitBytes = limitBytes;
        this.announcedBytes = announcedBytes;
    }
}
/** `64 MiB`, `1.5 GiB`, `900 bytes`. */
export function formatBytes(n) {
    const units = [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]];
    for (const [u, size] of units)
        if (n >= size)
            return `${Number((n / size).toFixed(1))} ${u}`;
    return `${n} bytes`;
}
/** How to log in again, as the next command. */
export function loginCommand(account = 'admin') {
    const slash = account.indexOf('/');
    const command = slash > 0 ? `LogInByUser accountName=${account.slice(0, slash)} userName=${account.slice(slash + 1)}` : `LogInByAccount accountName=${account}`;
    return { label: 'Log in again:', command };
}
/** Authentication problems: bad credentials (ID.1000), invalid/expired session (ID.1001), or no session at all. */
export class AuthError extends CliError {
    kind;
    error;
    jobUuid;
    constructor(kind, message, hint, 
    /** The server's error, when there was one. */
    error, jobUuid) {
        super(message, hint);
        this.kind = kind;
        this.error = error;
        this.jobUuid = jobUuid;
    }
    detailLines() {
        return this.error ? zstackErrorDetails(this.error, 1) : [];
    }
    static sessionExpired(error, account, jobUuid) {
        const e = new AuthError('session-expired', error ? zstackErrorText(error) : 'the session is invalid or has expired', undefined, error, jobUuid);
        e.errorCode = error ? zstackErrorCode(error) : 'ID.1001';
        return withNext(e, loginCommand(account));
    }
    static badCredentials(error) {
        const e = new AuthError('auth-failed', zstackErrorText(error), 'Check the account name and password.', error);
        e.errorCode = zstackErrorCode(error);
        return e;
    }
    static notLoggedIn(apiName, account) {
        return withNext(new AuthError('not-logged-in', `${apiName} needs a session and you are not logged in`, undefined), loginCommand(account));
    }
}
/** True when the shell should offer to log in again and retry. */
export function isSessionExpired(err) {
    return err instanceof AuthError && err.kind === 'session-expired';
}
/** The async job did not finish within the timeout; it keeps running on the server. */
export class JobTimeoutError extends CliError {
    jobUuid;
    timeoutMs;
    kind = 'job-timeout';
    constructor(jobUuid, timeoutMs) {
        super(`job ${jobUuid} did not finish within ${formatDuration(timeoutMs)}; it keeps running on the server`);
        this.jobUuid = jobUuid;
        this.timeoutMs = timeoutMs;
        this.next = jobWaitCommand(jobUuid);
    }
}
/** Ctrl-C. When an async job was (possibly) accepted, carries its uuid and how to wait for it. */
export class InterruptedError extends CliError {
    jobUuid;
    accepted;
    kind = 'interrupted';
    constructor(jobUuid, 
    /** True when the server surely accepted the job (202 seen); false when it may not have. */
    accepted = true) {
        super(jobUuid
            ? accepted
                ? `Interrupted; job ${jobUuid} keeps running on the server`
                : `Interrupted; job ${jobUuid} may have been accepted by the server`
            : 'Interrupted');
        this.jobUuid = jobUuid;
        this.accepted = accepted;
        if (jobUuid)
            this.next = jobWaitCommand(jobUuid);
    }
    get byUser() {
        return true;
    }
}
/** Parses a ZStack JSON error body (`{"error": {...}}`, or a bare error object); undefined when it is not one. */
export function parseZStackError(text) {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    return asZStackError(v);
}
/** Picks the error object out of a parsed body (`{"error": {...}}` or a bare error); undefined otherwise. */
export function asZStackError(v) {
    if (!isRecord(v))
        return undefined;
    const e = isRecord(v.error) ? v.error : v;
    return typeof e.code === 'string' || typeof e.description === 'string' || typeof e.details === 'string'
        ? e
        : undefined;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const MAX_CAUSE_DEPTH = 8;
const MAX_LINE = 400;
/** A ZStack error's code (`SYS.1003`), printed after `Error` on its first line. */
export function zstackErrorCode(e) {
    return oneLine(str(e.code) ?? '(no code)');
}
/** A ZStack error's description, as one line (falls back to details when there is no description). */
export function zstackErrorText(e) {
    return oneLine(str(e.description) ?? str(e.details) ?? 'unknown error');
}
/**
 * Indented `details:`, `elaboration:` and `caused by ...` lines for an error and its cause chain.
 * Each text is printed once: ZStack repeats a cause's details in the error it wraps (VM.1001's
 * details are its cause VM.1010's), so a line already shown is left out.
 */
export function zstackErrorDetails(e, depth, seen = new Set([oneLine(str(e.description) ?? str(e.details) ?? '')])) {
    const pad = '  '.repeat(depth);
    const out = [];
    const fresh = (v) => {
        const t = str(v);
        if (t === undefined)
            return undefined;
        const line = oneLine(t);
        if (seen.has(line))
            return undefined;
        seen.add(line);
        return line;
    };
    const details = fresh(e.details);
    if (details)
        out.push(`${pad}details: ${details}`);
    const elab = fresh(e.elaboration);
    if (elab)
        out.push(`${pad}elaboration: ${elab}`);
    const cause = isRecord(e.cause) ? e.cause : undefined;
    if (cause) {
        if (depth >= MAX_CAUSE_DEPTH) {
            out.push(`${pad}caused by ...`);
        }
        else {
            const desc = fresh(cause.description) ?? (str(cause.description) === undefined ? fresh(cause.details) : undefined);
            out.push(`${pad}caused by ${str(cause.code) ?? '(no code)'}${desc ? `: ${desc}` : ''}`);
            out.push(...zstackErrorDetails(cause, depth + 1, seen));
        }
    }
    return out;
}
/** Every details and elaboration text of an error chain (for hints). */
function chainTexts(e) {
    const out = [];
    let cur = e;
    for (let i = 0; cur && i <= MAX_CAUSE_DEPTH; i++) {
        for (const v of [cur.details, cur.elaboration, cur.description])
            if (typeof v === 'string')
                out.push(v);
        cur = isRecord(cur.cause) ? cur.cause : undefined;
    }
    return out;
}
/** What to do about a ZStack error, when it is one we know (a VM state refusal). */
export function zstackErrorHint(e) {
    return vmStateHint(chainTexts(e));
}
const STATUS_TEXT = {
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
function plainLines(body) {
    return body
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '');
}
/** `HTTP 404 Not Found`, printed after `Error` on the first line of a plain-text error. */
function httpStatusLine(status) {
    return `HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
}
/** What a plain-text error body says, in one line (empty when it says nothing). */
function plainTextLine(body) {
    if (looksLikeHtml(body))
        return `a web server or proxy answered, not the management node (${describeBody(body)})`;
    const first = plainLines(body)[0];
    return first ? oneLine(first) : '';
}
function plainTextDetails(body) {
    if (looksLikeHtml(body))
        return [];
    const rest = plainLines(body).slice(1);
    const shown = rest.slice(0, MAX_PLAIN_LINES).map((l) => `  ${oneLine(l)}`);
    if (rest.length > MAX_PLAIN_LINES)
        shown.push(`  ... (${rest.length - MAX_PLAIN_LINES} more lines)`);
    return shown;
}
/** A web page rather than an API answer (what proxies and web servers send on errors). */
export function looksLikeHtml(body) {
    const head = body.slice(0, 1024).trimStart().toLowerCase();
    return head.startsWith('<') && /<(!doctype html|html|head|body|title)[\s>]/.test(head);
}
const MAX_SHOWN_BODY = 80;
/**
 * A body described in one short line for an error message: an HTML page by its title (or first
 * heading), anything else by its first characters, control characters flattened.
 */
export function describeBody(body) {
    if (body.trim() === '')
        return 'an empty body';
    if (looksLikeHtml(body)) {
        const head = body.slice(0, 64 * 1024);
        const m = /<title[^>]*>([^<]*)<\/title>/i.exec(head) ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(head);
        const title = m ? oneLine(decodeEntities(m[1])) : '';
        return title ? `an HTML page: "${clip(title, MAX_SHOWN_BODY)}"` : 'an HTML page';
    }
    return `"${clip(oneLine(body.slice(0, 4 * MAX_SHOWN_BODY)), MAX_SHOWN_BODY)}"`;
}
function decodeEntities(s) {
    const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
    return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,6});/gi, (all, e) => {
        if (e[0] !== '#')
            return named[e.toLowerCase()] ?? all;
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    });
}
function clip(s, max) {
    return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}
function str(v) {
    if (typeof v === 'string')
        return v.trim() === '' ? undefined : v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return undefined;
}
/** Collapses newlines/control characters and clips very long text, so one item is one line. */
function oneLine(s) {
    // eslint-disable-next-line no-control-regex
    const flat = s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
    return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 3)}...` : flat;
}
export function formatDuration(ms) {
    if (ms < 1000)
        return `${ms} ms`;
    const s = Math.round(ms / 1000);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    const r = s % 60;
    return r ? `${m}m${r}s` : `${m}m`;
}
