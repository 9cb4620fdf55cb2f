// Resolves where and how to connect: flags > environment > profile > defaults (localhost:8080),
// with host values checked (`host`, `host:port`, `[v6]:port`, `http(s)://host[:port]`). Pure.
import { isIPv6 } from 'node:net';
import { UsageError } from '../errors/cli-error.js';
import { confirmPolicy, CONFIRM_POLICIES, DEFAULT_CONFIRM_POLICY } from './confirm-policy.js';
export const DEFAULT_HOST = 'localhost';
export const DEFAULT_PORT = 8080;
/** Default overall timeout of a call (async jobs such as image downloads can be slow). */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Default read timeout: how long an answer may send nothing (the transports' default too). */
export const DEFAULT_READ_TIMEOUT_MS = 60_000;
export function resolveConnection(flags, env, profiles) {
    const profileName = nonEmpty(flags.profile) ?? nonEmpty(env.ZSTACK_PROFILE) ?? nonEmpty(profiles.default);
    let profile;
    if (profileName !== undefined) {
        profile = Object.hasOwn(profiles.profiles, profileName) ? profiles.profiles[profileName] : undefined;
        if (!profile) {
            const known = Object.keys(profiles.profiles);
            throw new UsageError(`no profile named ${profileName}`, known.length ? `known: ${known.join(', ')}` : 'none defined');
        }
    }
    const levels = [
        {
            host: given(flags.host, '--host'),
            port: flags.port !== undefined && flags.port !== '' ? { value: parsePort(flags.port, '--port'), source: '--port' } : undefined,
            https: flags.https !== undefined ? { value: flags.https, source: '--https' } : undefined,
            ca: given(flags.ca, '--ca'),
        },
        {
            host: given(env.ZSTACK_HOST, 'ZSTACK_HOST'),
            port: nonEmpty(env.ZSTACK_PORT) !== undefined ? { value: parsePort(env.ZSTACK_PORT, 'ZSTACK_PORT'), source: 'ZSTACK_PORT' } : undefined,
        },
        {
            host: given(profile?.host, `host of profile ${profileName}`),
            port: profile?.port !== undefined ? { value: parsePort(profile.port, `port of profile ${profileName}`), source: `port of profile ${profileName}` } : undefined,
            https: profile?.https !== undefined ? { value: profile.https, source: `https of profile ${profileName}` } : undefined,
            ca: given(profile?.ca, `ca of profile ${profileName}`),
        },
    ];
    const hostLevel = levels.find((l) => l.host);
    const spec = hostLevel ? parseHost(hostLevel.host.value, hostLevel.host.source) : { host: DEFAULT_HOST };
    const https = resolveHttps(levels, hostLevel, spec);
    const port = resolvePort(levels, hostLevel, spec);
    const timeoutMs = duration([flags.timeout, '--timeout'], [env.ZSTACK_TIMEOUT, 'ZSTACK_TIMEOUT'], DEFAULT_TIMEOUT_MS);
    const readTimeoutMs = duration([flags.readTimeout, '--read-timeout'], [env.ZSTACK_READ_TIMEOUT, 'ZSTACK_READ_TIMEOUT'], DEFAULT_READ_TIMEOUT_MS);
    // A CA file only matters for https; with https it is the nearest one given.
    const ca = https ? (levels.find((l) => l.ca)?.ca?.value) : undefined;
    const insecure = flags.insecure ?? profile?.insecure ?? false;
    // Like a CA file, skipping certificate checks only means something over https: say so rather than ignore it.
    if (insecure && !https) {
        const source = flags.insecure !== undefined ? '--insecure' : `insecure of profile ${profileName}`;
        throw new UsageError(`${source} skips TLS certificate checks, but the connection is plain http`, 'Drop it, or use https.');
    }
    const session = nonEmpty(flags.session) ?? nonEmpty(env.ZSTACK_SESSION);
    const account = nonEmpty(flags.account) ?? nonEmpty(profile?.account);
    const confirm = profileConfirm(profile, profileName);
    return {
        endpoint: { scheme: https ? 'https' : 'http', host: spec.host, port },
        server: serverKey(spec.host, port),
        ...(ca !== undefined ? { ca } : {}),
        insecure,
        timeoutMs,
        readTimeoutMs,
        ...(session !== undefined ? { session } : {}),
        ...(account !== undefined ? { account } : {}),
        ...(profileName !== undefined ? { profile: profileName } : {}),
        confirm,
    };
}
/** A profile's `confirm=` checked (a hand-edited file may say anything). */
function profileConfirm(profile, name) {
    const v = profile?.confirm;
    if (v === undefined)
        return DEFAULT_CONFIRM_POLICY;
    const policy = typeof v === 'string' ? confirmPolicy(v) : undefined;
    if (!policy)
        throw new UsageError(`confirm of profile ${name} must be ${CONFIRM_POLICIES.join(', ')}; got ${JSON.stringify(v).slice(0, 80)}`);
    return policy;
}
/** A duration from the flag, else the environment variable, else the default. */
function duration(flag, envVar, fallback) {
    if (flag[0] !== undefined && flag[0] !== '')
        return parseTimeout(flag[0], flag[1]);
    const v = nonEmpty(envVar[0]);
    return v !== undefined ? parseTimeout(v, envVar[1]) : fallback;
}
function given(v, source) {
    const t = nonEmpty(v);
    return t === undefined ? undefined : { value: t, source };
}
/**
 * The port: from the highest level that names one, where a port written in the host counts at the
 * host's level; the same level naming two different ports is a usage error. A URL without a port
 * means its scheme's (80, 443) only when no level names one; else 8080.
 */
function resolvePort(levels, hostLevel, spec) {
    for (const level of levels) {
        const inHost = level === hostLevel ? spec.port : undefined;
        const own = level.port;
        if (own && inHost !== undefined && own.value !== inHost)
            throw new UsageError(`${own.source} ${own.value} and the port in ${hostLevel.host.source} ${hostLevel.host.value} disagree`, 'Give the port once: in the host (host:port) or on its own.');
        if (own)
            return own.value;
        if (inHost !== undefined)
            return inHost;
    }
    if (spec.https !== undefined)
        return spec.https ? 443 : 80;
    return DEFAULT_PORT;
}
/**
 * https: from the highest level that says (`--https`, an `https://`/`http://` host, a profile's
 * https, or a CA file, which implies https); the same level saying both is a usage error.
 */
function resolveHttps(levels, hostLevel, spec) {
    for (const level of levels) {
        const said = [];
        if (level.https)
            said.push(level.https);
        if (level === hostLevel && spec.https !== undefined)
            said.push({ value: spec.https, source: `${level.host.source} ${level.host.value}` });
        if (said.length === 2 && said[0].value !== said[1].value)
            throw new UsageError(`${said[0].source} and ${said[1].source} disagree on https`, 'Say https once.');
        const explicit = said[0];
        if (level.ca && explicit?.value === false)
            throw new UsageError(`${level.ca.source} needs https, but ${explicit.source} says plain http`, 'Drop the CA file, or use https.');
        if (explicit)
            return explicit.value;
        if (level.ca)
            return true;
    }
    return false;
}
const HOST_FORMS = 'host, host:port, [v6]:port, or http(s)://host[:port]';
// Letter case spelled out rather than the `i` flag, whose case tables cost every command ~1 ms to compile.
const LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const HOSTNAME_RE = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
/**
 * Reads a host setting: `name`, `name:port`, an IPv4 address, a bare IPv6 address, `[v6]`,
 * `[v6]:port`, or `http://` / `https://` with any of those and an optional `/` at the end.
 * Anything else (paths, `#`, users, spaces, other schemes) is a usage error naming `source`.
 */
/**
 * A dotted-quad IPv4 address, as node:net's isIPv4 reads one (four decimal octets 0-255, no leading
 * zeros), without loading node:net (a --dry-run to 127.0.0.1 needs no socket code) and without a
 * regular expression of alternatives to compile at every start: an octet is the shortest decimal
 * form of its number (`String(Number(o)) === o` refuses `01`, ` 1`, `1e2`, `0x1`, `+1` and ``).
 */
export function isIPv4Literal(text) {
    const octets = text.split('.');
    return octets.length === 4 && octets.every((o) => {
        const n = Number(o);
        return String(n) === o && n >= 0 && n <= 255;
    });
}
export function parseHost(text, source) {
    const shown = (text.length > 100 ? `${text.slice(0, 97)}...` : text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
    const bad = (why) => new UsageError(`${source}: not a host: '${shown}': ${why}`, `Give ${HOST_FORMS}.`);
    let rest = text.trim();
    let https;
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
    if (scheme) {
        const name = scheme[1].toLowerCase();
        if (name !== 'http' && name !== 'https')
            throw bad(`unsupported scheme ${name}://`);
        https = name === 'https';
        rest = rest.slice(scheme[0].length).replace(/\/$/, '');
    }
    if (rest === '')
        throw bad('no host');
    if (/[/?#@%\s\\]/.test(rest))
        throw bad('a host has no path, query, #, user, % or spaces');
    let host;
    let portText;
    const bracket = /^\[([^\]]*)\](?::(.*))?$/.exec(rest);
    if (bracket) {
        host = bracket[1];
        portText = bracket[2];
        if (!isIPv6(host))
            throw bad('not an IPv6 address in brackets');
    }
    else if (rest.split(':').length > 2) {
        if (scheme)
            throw bad('an IPv6 address in a URL needs brackets: [v6]:port');
        host = rest;
        if (!isIPv6(host))
            throw bad('not an IPv6 address; put one in brackets with a port: [v6]:port');
    }
    else {
        const i = rest.indexOf(':');
        host = i < 0 ? rest : rest.slice(0, i);
        portText = i < 0 ? undefined : rest.slice(i + 1);
        if (host.length > 253 || !HOSTNAME_RE.test(host))
            throw bad('not a host name or address');
        // A name whose last label is a number is read by URLs as an IPv4 address (`0x7f.1` is 127.0.0.1): only accept real ones.
        const last = host.replace(/\.$/, '').split('.').pop();
        if (/^(\d+|0[xX][0-9A-Fa-f]*)$/.test(last) && !isIPv4Literal(host))
            throw bad('not an IPv4 address');
    }
    const spec = { host };
    if (portText !== undefined) {
        if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535)
            throw bad(`not a port number: '${portText}'`);
        spec.port = Number(portText);
    }
    if (https !== undefined)
        spec.https = https;
    return spec;
}
/** `host:port` (IPv6 in brackets, host lower-cased): the key sessions are stored under. */
export function serverKey(host, port) {
    const h = host.toLowerCase();
    return `${h.includes(':') ? `[${h}]` : h}:${port}`;
}
function nonEmpty(v) {
    if (v === undefined)
        return undefined;
    const t = v.trim();
    return t === '' ? undefined : t;
}
function parsePort(v, source) {
    const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 65535)
        throw new UsageError(`${source}: not a port number: ${String(v)}`);
    return n;
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Parses a timeout: a bare number is seconds; `500ms`, `90s`, `10m`, `1h`, `2d` are accepted (any length). */
export function parseTimeout(v, source) {
    let ms;
    if (typeof v === 'number')
        ms = v * 1000;
    else {
        const m = /^\s*(\d+(?:\.\d+)?)\s*([mM][sS]|[smhdSMHD])?\s*$/.exec(v);
        ms = m ? Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()] : NaN;
    }
    // Whole milliseconds, at least one: `0.0004` would otherwise round to a timeout of 0 (no time at all).
    if (!Number.isFinite(ms) || Math.round(ms) < 1)
        throw new UsageError(`${source}: not a timeout: ${String(v)}`, 'seconds, or e.g. 90s, 10m');
    return Math.round(ms);
}
