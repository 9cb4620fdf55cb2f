// A lock file beside a file zstack-cli keeps (`sessions.json.lock`), so that processes running at the
// same time take turns at read-modify-write instead of overwriting each other's changes. The lock
// names its holder (pid, host); a lock whose holder is dead, or older than any real hold (`staleMs`),
// is broken, so a process killed while holding it never blocks the others.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { ConfigFileError, fileError } from './errors.js';
import { fsOf } from './safe-fs.js';
export const DEFAULT_STALE_MS = 10_000;
const { O_CREAT, O_EXCL, O_NOFOLLOW, O_WRONLY } = constants;
const sleepSync = (ms) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
const codeOf = (e) => e?.code;
/** Takes the lock of `target` (waiting for a live holder), or throws a ConfigFileError naming it. */
export function acquireLock(target, ctx, opts = {}) {
    const fs = fsOf(ctx);
    const path = `${target}.lock`;
    const now = opts.now ?? Date.now;
    const staleMs = opts.staleMs ?? DEFAULT_STALE_MS;
    const deadline = now() + (opts.waitMs ?? staleMs + 2_000);
    const sleep = opts.sleep ?? sleepSync;
    const mine = `${JSON.stringify({ pid: ctx.me.pid, host: ctx.me.host, nonce: randomBytes(8).toString('hex'), since: new Date(now()).toISOString() })}\n`;
    const readMine = () => {
        try {
            return fs.readFileSync(path, 'utf8') === mine;
        }
        catch {
            return false;
        }
    };
    for (let attempt = 0;; attempt++) {
        try {
            const fd = fs.openSync(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
            try {
                fs.writeSync(fd, mine);
            }
            catch (e) {
                // An empty lock would hold the others back until it is stale.
                fs.closeSync(fd);
                fs.unlinkSync(path);
                throw e;
            }
            fs.closeSync(fd);
            return {
                path,
                held: readMine,
                release() {
                    if (!readMine())
                        return;
                    try {
                        fs.unlinkSync(path);
                    }
                    catch {
                        // Broken as stale meanwhile: nothing of ours to remove.
                    }
                },
            };
        }
        catch (e) {
            if (codeOf(e) !== 'EEXIST')
                throw fileError(path, e, 'create this lock file');
        }
        const holder = inspect(path, ctx);
        if (!holder)
            continue;
        if (isStale(holder, ctx, now(), staleMs)) {
            breakLock(path, holder, ctx);
            continue;
        }
        if (now() >= deadline) {
            throw new ConfigFileError(path, `locked by ${describe(holder)} for ${Math.round((now() - holder.mtimeMs) / 1000)} s`, 'remove it if no zstack-cli is running');
        }
        // 2, 4, 8 ... up to 50 ms, with jitter so that waiting processes do not move in step.
        sleep(Math.min(50, 2 << Math.min(attempt, 5)) * (0.5 + Math.random()));
    }
}
function inspect(path, ctx) {
    const fs = fsOf(ctx);
    try {
        const st = fs.lstatSync(path);
        const text = st.isFile() ? fs.readFileSync(path, 'utf8') : '';
        return { text, ino: st.ino, mtimeMs: st.mtimeMs };
    }
    catch (e) {
        if (codeOf(e) === 'ENOENT')
            return undefined;
        throw fileError(path, e, 'read this lock file');
    }
}
function ownerOf(h) {
    try {
        const v = JSON.parse(h.text);
        return { ...(typeof v.pid === 'number' ? { pid: v.pid } : {}), ...(typeof v.host === 'string' ? { host: v.host } : {}) };
    }
    catch {
        // Being written right now, or not ours: only its age can tell.
        return {};
    }
}
function describe(h) {
    const o = ownerOf(h);
    return o.pid !== undefined ? `pid ${o.pid}${o.host ? ` on ${o.host}` : ''}` : 'an unknown process';
}
function isStale(h, ctx, now, staleMs) {
    const o = ownerOf(h);
    // A pid says something only on its own host (a home directory may be shared over NFS). Our own pid
    // means a dead process that had it before: every hold here is synchronous and released before return.
    if (o.pid !== undefined && o.host === ctx.me.host && (o.pid === ctx.me.pid || !ctx.me.isRunning(o.pid)))
        return true;
    return now - h.mtimeMs > staleMs;
}
/**
 * Removes a stale lock without ever removing a fresh one: the lock is first renamed aside (atomic),
 * then checked to be the very file judged stale; a fresh lock taken meanwhile is put back.
 */
function breakLock(path, stale, ctx) {
    const fs = fsOf(ctx);
    const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
    try {
        fs.renameSync(path, aside);
    }
    catch (e) {
        if (codeOf(e) === 'ENOENT')
            return;
        throw fileError(path, e, 'remove this stale lock file');
    }
    const moved = inspect(aside, ctx);
    if (moved && (moved.ino !== stale.ino || moved.text !== stale.text)) {
        try {
            fs.linkSync(aside, path);
        }
        catch {
            // Someone took the lock again already; the holder of the moved one finds it lost and retries.
        }
    }
    try {
        fs.unlinkSync(aside);
    }
    catch {
        // Cleaned up by a lock holder already.
    }
}
