// Login sessions: creation with cryptographically random uuids, validation with sliding expiry, logout, and a sweep
// that forgets expired sessions now and then so memory stays flat however many logins there are.
import { randomUUID } from 'node:crypto';

export interface Session {
  uuid: string;
  accountUuid: string;
  userUuid: string;
  userType: 'Account' | 'User';
  createDate: number;
  expiredDate: number;
}

/** ZStack's default session timeout (global config `identity.session.timeout`, 7200 s). */
export const DEFAULT_SESSION_TIMEOUT_MS = 7_200_000;

/** A session uuid as ZStack writes them: a random v4 uuid without dashes. */
export function randomZStackUuid(): string {
  return randomUUID().replace(/-/g, '');
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private lastSweep: number;
  /** Expired sessions are dropped at least this often (a quarter of the timeout, at most a minute). */
  private readonly sweepEveryMs: number;

  constructor(
    private readonly now: () => number,
    private readonly timeoutMs: number,
  ) {
    this.lastSweep = now();
    this.sweepEveryMs = Math.max(1, Math.min(60_000, Math.floor(timeoutMs / 4)));
  }

  create(accountUuid: string, userUuid: string, userType: Session['userType']): Session {
    const now = this.now();
    this.sweepIfDue(now);
    const s: Session = { uuid: randomZStackUuid(), accountUuid, userUuid, userType, createDate: now, expiredDate: now + this.timeoutMs };
    this.sessions.set(s.uuid, s);
    return s;
  }

  /** The live session, its expiry pushed forward; undefined when unknown or expired (then it is forgotten). */
  validate(uuid: string): Session | undefined {
    const now = this.now();
    this.sweepIfDue(now);
    const s = this.sessions.get(uuid);
    if (!s) return undefined;
    if (now >= s.expiredDate) {
      this.sessions.delete(uuid);
      return undefined;
    }
    s.expiredDate = now + this.timeoutMs;
    return s;
  }

  /** Looks without renewing. */
  peek(uuid: string): Session | undefined {
    const s = this.sessions.get(uuid);
    return s && this.now() < s.expiredDate ? s : undefined;
  }

  /** Pushes a live session's expiry `ms` (default: the session timeout) from now. */
  renew(uuid: string, ms = this.timeoutMs): void {
    const s = this.peek(uuid);
    if (s) s.expiredDate = this.now() + ms;
  }

  remove(uuid: string): boolean {
    return this.sessions.delete(uuid);
  }

  /** Ends every session of an account (when it is deleted). */
  removeAccount(accountUuid: string): void {
    for (const [id, s] of this.sessions) if (s.accountUuid === accountUuid) this.sessions.delete(id);
  }

  /** Test hook: the session counts as expired from now on. */
  expire(uuid: string): boolean {
    const s = this.sessions.get(uuid);
    if (!s) return false;
    s.expiredDate = this.now();
    return true;
  }

  /** Drops every expired session. */
  sweep(): void {
    const now = this.now();
    this.lastSweep = now;
    for (const [id, s] of this.sessions) if (now >= s.expiredDate) this.sessions.delete(id);
  }

  get size(): number {
    return this.sessions.size;
  }

  private sweepIfDue(now: number): void {
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep();
  }
}
