// The files zstack-cli keeps (sessions, profiles, history) as one port: read, and read-modify-write
// under the file's lock with an atomic write, all under the rules of safe-fs.ts. Every writer goes
// through `update` (or `locked`, for conf), so processes running at the same time merge their changes.
import { dirname } from 'node:path';
import { ConfigFileError } from './errors.js';
import { acquireLock } from './file-lock.js';
import { checkFile, checkWritableDir, ensureDir, readChecked, removeLeftovers, syncDir, writeAtomic } from './safe-fs.js';
/** How often `update` starts over when its lock was broken under it (the process was stopped > staleMs). */
const LOST_LOCK_RETRIES = 3;
export function configFiles(ctx, lock = {}) {
    const warned = new Set();
    const prepare = (path) => {
        ensureDir(dirname(path), ctx, warned);
        checkFile(path, ctx);
    };
    const locked = (path, write) => {
        prepare(path);
        const l = acquireLock(path, ctx, lock);
        try {
            removeLeftovers(path, ctx);
            return write(() => l.held());
        }
        finally {
            l.release();
        }
    };
    return {
        read: (path) => readChecked(path, ctx),
        update(path, edit) {
            for (let attempt = 1;; attempt++) {
                const done = locked(path, (held) => {
                    const next = edit(readChecked(path, ctx));
                    if (next === undefined)
                        return true;
                    // Broken as stale while we edited (a stopped process): another writer may have changed the file.
                    if (!held())
                        return false;
                    writeAtomic(path, next, ctx);
                    return true;
                });
                if (done)
                    return;
                if (attempt >= LOST_LOCK_RETRIES) {
                    throw new ConfigFileError(`${path}.lock`, 'the lock was broken again and again while writing', 'stop other zstack-cli processes that hang, then retry');
                }
            }
        },
        locked: (path, write) => locked(path, () => {
            const result = write();
            syncDir(dirname(path), ctx);
            return result;
        }),
        check(path, forWrite = true) {
            prepare(path);
            if (forWrite)
                checkWritableDir(dirname(path), ctx);
        },
    };
}
