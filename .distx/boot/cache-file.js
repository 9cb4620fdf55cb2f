// Where compiled-code caches live and how they are read and written: a private directory under the
// user's cache home, files opened without following symlinks, accepted only when they are ours,
// written whole under a temporary name and renamed into place. Nothing here throws: a cache that
// cannot be read or written is simply not used.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
/** Larger files are not read (a compiled-code cache of the CLI is a few hundred KB). */
export const MAX_CACHE_BYTES = 32 * 2 ** 20;
/** A temporary file this old was left by a writer that died; the next writer removes it. */
const STALE_TEMP_MS = 10 * 60_000;
/** Opened without following a symlink where the platform allows it. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/**
 * `$XDG_CACHE_HOME/zstack-cli` (absolute paths only, as the XDG spec says), else
 * `~/.cache/zstack-cli`; undefined without a home directory or when `ZSTACK_CLI_NO_CODE_CACHE` is set.
 */
export function codeCacheDir(env, homedir) {
    if (env.ZSTACK_CLI_NO_CODE_CACHE)
        return undefined;
    const xdg = env.XDG_CACHE_HOME;
    if (xdg && isAbsolute(xdg))
        return join(xdg, 'zstack-cli');
    const home = env.HOME || homedir();
    return home && isAbsolute(home) ? join(home, '.cache', 'zstack-cli') : undefined;
}
/**
 * Is `dir` a directory of ours that nobody else can write to? A symlink, a directory owned by
 * another user, or one writable by group or others is not used (its contents could be swapped).
 */
export function isPrivateDir(dir, uid) {
    try {
        const st = lstatSync(dir);
        return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
    }
    catch {
        return false;
    }
}
/** The file's bytes when it is a regular file of ours, not empty, not too large, in a private `dir`. */
export function readCacheFile(dir, name, uid) {
    if (!isPrivateDir(dir, uid))
        return undefined;
    let fd;
    try {
        fd = openSync(join(dir, name), constants.O_RDONLY | NOFOLLOW);
    }
    catch {
        return undefined;
    }
    try {
        const st = fstatSync(fd);
        if (!st.isFile() || (uid !== undefined && st.uid !== uid) || st.size === 0 || st.size > MAX_CACHE_BYTES)
            return undefined;
        const bytes = Buffer.allocUnsafe(st.size);
        let at = 0;
        while (at < bytes.length) {
            const n = readSync(fd, bytes, at, bytes.length - at, at);
            if (n === 0)
                return undefined;
            at += n;
        }
        return bytes;
    }
    catch {
        return undefined;
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Writes `data` as `dir/name` (mode 0600; `dir` created 0700): into a new temporary file first,
 * then renamed over the old one, so a reader sees the old file or the new one, never part of one,
 * also when two processes write at once. Then removes what `obsolete` names (older caches). Returns
 * whether the file was written.
 */
export function writeCacheFile(dir, name, data, uid, obsolete = () => false) {
    try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    catch {
        return false;
    }
    if (!isPrivateDir(dir, uid))
        return false;
    const temp = join(dir, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);
    let fd;
    try {
        fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
    }
    catch {
        return false;
    }
    let written = false;
    try {
        let at = 0;
        while (at < data.length)
            at += writeSync(fd, data, at, data.length - at);
        written = true;
    }
    catch {
        // Disk full, quota: the temporary file goes below.
    }
    finally {
        closeSync(fd);
    }
    try {
        if (!written)
            throw new Error('not written');
        renameSync(temp, join(dir, name));
    }
    catch {
        removeQuietly(temp);
        return false;
    }
    removeObsolete(dir, name, obsolete);
    return true;
}
function removeObsolete(dir, keep, obsolete) {
    let files;
    try {
        files = readdirSync(dir);
    }
    catch {
        return;
    }
    for (const f of files) {
        if (f === keep)
            continue;
        if (obsolete(f))
            removeQuietly(join(dir, f));
        else if (f.endsWith('.tmp') && f.startsWith('.') && olderThan(join(dir, f), STALE_TEMP_MS))
            removeQuietly(join(dir, f));
    }
}
function olderThan(path, ms) {
    try {
        return Date.now() - lstatSync(path).mtimeMs > ms;
    }
    catch {
        return false;
    }
}
function removeQuietly(path) {
    try {
        unlinkSync(path);
    }
    catch {
        // Gone already, or not ours to remove.
    }
}
