// Resolves where and how to connect: flags > environment > profile > defaults (localhost:8080). Pure.
import type { Endpoint } from '../plan/request.js';
import { UsageError } from '../execute/errors.js';
import type { Env } from './paths.js';

/** A named server profile. */
export interface Profile {
  host: string;
  port?: number;
  https?: boolean;
  /** Path of a PEM CA file to trust. */
  ca?: string;
  insecure?: boolean;
  /** Account to log in as / whose stored session to use. */
  account?: string;
}

export interface ProfilesData {
  /** Name of the profile used when none is chosen. */
  default?: string;
  profiles: Record<string, Profile>;
}

/** Command-line flags (all optional; strings as typed are accepted for numbers). */
export interface ConnectionFlags {
  host?: string;
  port?: number | string;
  https?: boolean;
  ca?: string;
  insecure?: boolean;
  profile?: string;
  /** Seconds, or a duration like `90s`, `10m`, `1h`, `500ms`. */
  timeout?: number | string;
  /** Explicit session uuid. */
  session?: string;
  account?: string;
}

export interface ResolvedConnection {
  endpoint: Endpoint;
  /** `host:port`, the key of the session store. */
  server: string;
  /** Path of the CA file (the caller reads it). */
  ca?: string;
  insecure: boolean;
  timeoutMs: number;
  /** Explicit session uuid (flag or ZSTACK_SESSION). */
  session?: string;
  account?: string;
  /** The profile used, if any. */
  profile?: string;
}

export const DEFAULT_HOST = 'localhost';
export const DEFAULT_PORT = 8080;
/** Default overall timeout of a call (async jobs such as image downloads can be slow). */
export const DEFAULT_TIMEOUT_MS = 30 * 60_000;

export function resolveConnection(flags: ConnectionFlags, env: Env, profiles: ProfilesData): ResolvedConnection {
  const profileName = nonEmpty(flags.profile) ?? nonEmpty(env.ZSTACK_PROFILE) ?? nonEmpty(profiles.default);
  let profile: Profile | undefined;
  if (profileName !== undefined) {
    profile = Object.hasOwn(profiles.profiles, profileName) ? profiles.profiles[profileName] : undefined;
    if (!profile) {
      const known = Object.keys(profiles.profiles);
      throw new UsageError(
        `Error: no profile named ${profileName}${known.length ? ` (known: ${known.join(', ')})` : ' (none defined)'}`,
      );
    }
  }

  const host = nonEmpty(flags.host) ?? nonEmpty(env.ZSTACK_HOST) ?? nonEmpty(profile?.host) ?? DEFAULT_HOST;
  const port =
    flags.port !== undefined && flags.port !== ''
      ? parsePort(flags.port, '--port')
      : nonEmpty(env.ZSTACK_PORT) !== undefined
        ? parsePort(env.ZSTACK_PORT!, 'ZSTACK_PORT')
        : profile?.port !== undefined
          ? parsePort(profile.port, `port of profile ${profileName}`)
          : DEFAULT_PORT;
  const timeoutMs =
    flags.timeout !== undefined && flags.timeout !== ''
      ? parseTimeout(flags.timeout, '--timeout')
      : nonEmpty(env.ZSTACK_TIMEOUT) !== undefined
        ? parseTimeout(env.ZSTACK_TIMEOUT!, 'ZSTACK_TIMEOUT')
        : DEFAULT_TIMEOUT_MS;
  const https = flags.https ?? profile?.https ?? false;
  const ca = nonEmpty(flags.ca) ?? nonEmpty(profile?.ca);
  const insecure = flags.insecure ?? profile?.insecure ?? false;
  const session = nonEmpty(flags.session) ?? nonEmpty(env.ZSTACK_SESSION);
  const account = nonEmpty(flags.account) ?? nonEmpty(profile?.account);
  const bareHost = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;

  return {
    endpoint: { scheme: https ? 'https' : 'http', host: bareHost, port },
    server: serverKey(bareHost, port),
    ...(ca !== undefined ? { ca } : {}),
    insecure,
    timeoutMs,
    ...(session !== undefined ? { session } : {}),
    ...(account !== undefined ? { account } : {}),
    ...(profileName !== undefined ? { profile: profileName } : {}),
  };
}

/** `host:port` (IPv6 in brackets, host lower-cased): the key sessions are stored under. */
export function serverKey(host: string, port: number): string {
  const h = host.toLowerCase();
  return `${h.includes(':') ? `[${h}]` : h}:${port}`;
}

function nonEmpty(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function parsePort(v: number | string, source: string): number {
  const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new UsageError(`Error: ${source}: not a port number: ${String(v)}`);
  return n;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a timeout: a bare number is seconds; `500ms`, `90s`, `10m`, `1h` are accepted. */
export function parseTimeout(v: number | string, source: string): number {
  let ms: number;
  if (typeof v === 'number') ms = v * 1000;
  else {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(v);
    ms = m ? Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]! : NaN;
  }
  if (!Number.isFinite(ms) || ms <= 0) throw new UsageError(`Error: ${source}: not a timeout: ${String(v)} (seconds, or e.g. 90s, 10m)`);
  return Math.round(ms);
}
