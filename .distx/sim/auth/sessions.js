// Login sessions: creation with cryptographically random uuids, validation with sliding expiry, logout, and a sweep
// that forgets expired sessions now and then so memory stays flat however many logins there are.
import { randomUUID } from 'node:crypto';
/** ZStack's default session timeout (global config `identity.session.timeout`, 7200 s). */
export const DEFAULT_SESSION_TIMEOUT_MS = 7_200_000;
/** A session uuid as ZStack writes them: a random v4 uuid without dashes. */
export function randomZStackUuid() {
    return randomUUID().replace(/-/g, '');
}
export class Sessions {
    now;
    timeoutMs;
    sessions = new Map();
    lastSweep;
    /** Expired sessions are dropped at least this often (a quarter of the timeout, at most a minute). */
    sweepEveryMs;
    constructor(now, timeoutMs) {
        this.now = now;
        this.timeoutMs = timeoutMs;
        this.lastSweep = now();
        this.sweepEveryMs = Math.max(1, Math.min(60_000, Math.floor(timeoutMs / 4)));
    }
    create(accountUuid, userUuid, userType) {
        const now = this.now();
        this.sweepIfDue(now);
        const s = { uuid: randomZStackUuid(), accountUuid, userUuid, userType, createDate: now, expiredDate: now + this.timeoutMs };
        this.sessions.set(s.uuid, s);
        return s;
    }
    /** The live session, its expiry pushed forward; undefined when unknown or expired (then it is forgotten). */
    validate(uuid) {
        const now = this.now();
        this.sweepIfDue(now);
        const s = this.sessions.get(uuid);
        if (!s)
            return undefined;
        if (now >= s.expiredDate) {
            this.sessions.delete(uuid);
            return undefined;
        }
        s.expiredDate = now + this.timeoutMs;
        return s;
    }
    /** Looks without renewing. */
    peek(uuid) {
        const s = this.sessions.get(uuid);
        return s && this.now() < s.expiredDate ? s : undefined;
    }
    /** Pushes a live session's expiry `ms` (default: the session timeout) from now. */
    renew(uuid, ms = this.timeoutMs) {
        const s = this.peek(uuid);
        if (s)
            s.expiredDate = this.now() + ms;
    }
    remove(uuid) {
        return this.sessions.delete(uuid);
    }
    /** Ends every session of an account (when it is deleted). */
    removeAccount(accountUuid) {
        for (const [id, s] of this.sessions)
            if (s.accountUuid === accountUuid)
                this.sessions.delete(id);
    }
    /** Test hook: the session counts as expired from now on. */
    expire(uuid) {
        const s = this.sessions.get(uuid);
        if (!s)
            return false;
        s.expiredDate = this.now();
        return true;
    }
    /** Drops every expired session. */
    sweep() {
        const now = this.now();
        this.lastSweep = now;
        for (const [id, s] of this.sessions)
            if (now >= s.expiredDate)
                this.sessions.delete(id);
    }
    get size() {
        return this.sessions.size;
    }
    sweepIfDue(now) {
        if (now - this.lastSweep >= this.sweepEveryMs)
            this.sweep();
    }
}
