// Login sessions: creation, validation with sliding expiry, logout, and a test hook to expire one at once.
import type { IdSource } from '../store/ids.js';

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

export class Sessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ids: IdSource,
    private readonly now: () => number,
    private readonly timeoutMs: number,
  ) {}

  create(accountUuid: string, userUuid: string, userType: Session['userType']): Session {
    const now = this.now();
    const s: Session = { uuid: this.ids.uuid(), accountUuid, userUuid, userType, createDate: now, expiredDate: now + this.timeoutMs };
    this.sessions.set(s.uuid, s);
    return s;
  }

  /** The live session, its expiry pushed forward; undefined when unknown or expired (then it is forgotten). */
  validate(uuid: string): Session | undefined {
    const s = this.sessions.get(uuid);
    if (!s) return undefined;
    const now = this.now();
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

  remove(uuid: string): boolean {
    return this.sessions.delete(uuid);
  }

  /** Test hook: the session counts as expired from now on. */
  expire(uuid: string): boolean {
    const s = this.sessions.get(uuid);
    if (!s) return false;
    s.expiredDate = this.now();
    return true;
  }

  get size(): number {
    return this.sessions.size;
  }
}
