// The files zstack-cli keeps (sessions, profiles, history) as one port: read, and read-modify-write
// under the file's lock with an atomic write, all under the rules of safe-fs.ts. Every writer goes
// through `update` (or `locked`, for conf), so processes running at the same time merge their changes.
import { dirname } from 'node:path';
import { ConfigFileError } from './errors.js';
import { acquireLock, type LockOptions } from './file-lock.js';
import { checkFile, checkWritableDir, ensureDir, readChecked, removeLeftovers, syncDir, writeAtomic, type FileContext } from './safe-fs.js';

export interface ConfigFiles {
  /** The file's text, or undefined when there is none yet. */
  read(path: string): string | undefined;
  /**
   * Under the file's lock: reads it, gives the text to `edit` (undefined when there is no file) and
   * writes what `edit` returns atomically (nothing when it returns undefined).
   */
  update(path: string, edit: (text: string | undefined) => string | undefined): void;
  /** Runs `write` under the file's lock, after the checks a write needs (for writers such as conf). */
  locked<T>(path: string, write: () => T): T;
  /**
   * Fails now (one line, exit 2) with what a later read, or with `forWrite` a write, of `path` would
   * fail with. Creates the directory (0700) when it is missing.
   */
  check(path: string, forWrite?: boolean): void;
}

/** How often `update` starts over when its lock was broken under it (the process was stopped > staleMs). */
const LOST_LOCK_RETRIES = 3;

export function configFiles(ctx: FileContext, lock: LockOptions = {}): ConfigFiles {
  const warned = new Set<string>();
  const prepare = (path: string): void => {
    ensureDir(dirname(path), ctx, warned);
    checkFile(path, ctx);
  };
  const locked = <T>(path: string, write: (held: () => boolean) => T): T => {
    prepare(path);
    const l = acquireLock(path, ctx, lock);
    try {
      removeLeftovers(path, ctx);
      return write(() => l.held());
    } finally {
      l.release();
    }
  };
  return {
    read: (path) => readChecked(path, ctx),
    update(path, edit) {
      for (let attempt = 1; ; attempt++) {
        const done = locked(path, (held) => {
          const next = edit(readChecked(path, ctx));
          if (next === undefined) return true;
          // Broken as stale while we edited (a stopped process): another writer may have changed the file.
          if (!held()) return false;
          writeAtomic(path, next, ctx);
          return true;
        });
        if (done) return;
        if (attempt >= LOST_LOCK_RETRIES) {
          throw new ConfigFileError(`${path}.lock`, 'the lock was broken again and again while writing', 'stop other zstack-cli processes that hang, then retry');
        }
      }
    },
    locked: (path, write) =>
      locked(path, () => {
        const result = write();
        syncDir(dirname(path), ctx);
        return result;
      }),
    check(path, forWrite = true) {
      prepare(path);
      if (forWrite) checkWritableDir(dirname(path), ctx);
    },
  };
}
