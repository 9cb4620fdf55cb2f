// The rules for every file zstack-cli keeps (sessions, profiles, history): never read or written
// through a symbolic link, never in a file someone else owns, the directory 0700 and files 0600, and
// every write atomic (a temp file in the same directory, fsync, rename, fsync of the directory), so
// that a crash or kill -9 at any point leaves the old file or the new one, never a half-written one.
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, closeSync, constants, fchmodSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigFileError, ELSEWHERE, fileError } from './errors.js';
/** No file zstack-cli writes comes near this; a bigger one is not read (bounded work). */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
const { O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = constants;
/**
 * node:fs's calls by name (not `import * as`: the bundle would copy all of node:fs's ~100 exports
 * into a fresh object, a getter each, in every process that reads a config file).
 */
const nodeFs = { accessSync, chmodSync, closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync };
export const fsOf = (ctx) => ctx.fs ?? nodeFs;
const codeOf = (e) => e?.code;
/** The file's stats, or undefined when it does not exist; refuses a link, a non-file or someone else's file. */
export function checkFile(path, ctx) {
    let st;
    try {
        st = fsOf(ctx).lstatSync(path);
    }
    catch (e) {
        if (codeOf(e) === 'ENOENT')
            return undefined;
        throw fileError(path, e, 'read it');
    }
    if (st.isSymbolicLink())
        throw fileError(path, Object.assign(new Error('link'), { code: 'ELOOP' }), 'use it');
    if (st.isDirectory())
        throw fileError(path, Object.assign(new Error('dir'), { code: 'EISDIR' }), 'use it');
    if (!st.isFile())
        throw new ConfigFileError(path, 'is not a regular file', 'remove it');
    if (ctx.me.uid !== undefined && st.uid !== ctx.me.uid) {
        throw new ConfigFileError(path, `is owned by uid ${st.uid}, not by you`, `remove it, ${ELSEWHERE}`);
    }
    if (st.size > MAX_FILE_BYTES)
        throw new ConfigFileError(path, `is larger than ${MAX_FILE_BYTES >> 20} MiB, far more than zstack-cli ever writes`, 'move it away');
    return st;
}
/** The file's text, or undefined when it does not exist (checked as above, opened without following links). */
export function readChecked(path, ctx) {
    if (!checkFile(path, ctx))
        return undefined;
    const fs = fsOf(ctx);
    let fd;
    try {
        fd = fs.openSync(path, O_RDONLY | O_NOFOLLOW);
        return fs.readFileSync(fd, 'utf8');
    }
    catch (e) {
        if (codeOf(e) === 'ENOENT')
            return undefined;
        throw fileError(path, e, 'read it');
    }
    finally {
        if (fd !== undefined)
            fs.closeSync(fd);
    }
}
/**
 * Makes sure `dir` is a directory zstack-cli may keep files in: created 0700 when missing, tightened
 * to 0700 when looser; one that someone else owns is used with a warning (`warned` keeps it to once).
 */
export function ensureDir(dir, ctx, warned) {
    const fs = fsOf(ctx);
    const warn = (line) => {
        if (warned.has(dir))
            return;
        warned.add(dir);
        ctx.warn?.(line);
    };
    let st;
    try {
        st = fs.statSync(dir);
    }
    catch (e) {
        if (codeOf(e) !== 'ENOENT')
            throw fileError(dir, e, 'use this directory');
        try {
            fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
            fs.chmodSync(dir, 0o700);
        }
        catch (e2) {
            throw fileError(dir, e2, 'create this directory');
        }
        return;
    }
    if (!st.isDirectory())
        throw new ConfigFileError(dir, 'is a file where zstack-cli keeps its directory', `remove or rename it, ${ELSEWHERE}`);
    if (ctx.me.uid !== undefined && st.uid !== ctx.me.uid) {
        warn(`warning: ${dir} is owned by uid ${st.uid}, not by you: its owner can read and replace your sessions (${ELSEWHERE.replace(/^or /, '')})`);
        return;
    }
    if ((st.mode & 0o1000) !== 0) {
        // /tmp and the like are shared on purpose: never chmod them.
        warn(`warning: ${dir} is a shared directory (sticky bit): others can see which files zstack-cli keeps there (${ELSEWHERE.replace(/^or /, '')})`);
        return;
    }
    if ((st.mode & 0o077) !== 0) {
        try {
            fs.chmodSync(dir, 0o700);
        }
        catch (e) {
            warn(`warning: ${dir} is readable by others and cannot be made private (chmod 700: ${codeOf(e) ?? 'failed'})`);
        }
    }
}
/** Fails now, with the line a write would fail with later, when files cannot be written in `dir`. */
export function checkWritableDir(dir, ctx) {
    try {
        fsOf(ctx).accessSync(dir, constants.W_OK | constants.X_OK);
    }
    catch (e) {
        throw fileError(dir, e, 'write files in this directory');
    }
}
function writeAll(fs, fd, data) {
    for (let off = 0; off < data.length;)
        off += fs.writeSync(fd, data, off, data.length - off);
}
/** Replaces `path` with `text` atomically, mode 0600, data and directory entry flushed to disk. */
export function writeAtomic(path, text, ctx) {
    const fs = fsOf(ctx);
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    let fd;
    try {
        fd = fs.openSync(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
        writeAll(fs, fd, Buffer.from(text, 'utf8'));
        fs.fchmodSync(fd, 0o600);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = undefined;
        fs.renameSync(tmp, path);
    }
    catch (e) {
        if (fd !== undefined)
            fs.closeSync(fd);
        try {
            fs.unlinkSync(tmp);
        }
        catch {
            // Not created, or already renamed.
        }
        throw fileError(path, e, 'write it');
    }
    syncDir(dirname(path), ctx);
}
/** Flushes a directory entry (the rename) to disk; file systems that cannot are left as they are. */
export function syncDir(dir, ctx) {
    const fs = fsOf(ctx);
    let fd;
    try {
        fd = fs.openSync(dir, O_RDONLY);
        fs.fsyncSync(fd);
    }
    catch {
        // EISDIR/EINVAL on some platforms: the rename is still atomic, only its durability is the OS's.
    }
    finally {
        if (fd !== undefined)
            fs.closeSync(fd);
    }
}
/**
 * Removes what writers of `path` killed mid-write left behind: our temp files, conf's
 * (`name.tmp-<digits><hex>`) and lock files moved aside. Only called while holding the file's lock,
 * when no writer of it can be running.
 */
export function removeLeftovers(path, ctx) {
    const fs = fsOf(ctx);
    const base = basename(path);
    let names;
    try {
        names = fs.readdirSync(dirname(path));
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(`${base}.`))
            continue;
        const rest = name.slice(base.length + 1);
        if (!/^(?:[0-9a-f]{12}\.tmp|tmp-\d{10}[0-9a-f]{6}|lock\.[0-9a-f]{12}\.stale)$/.test(rest))
            continue;
        try {
            fs.unlinkSync(join(dirname(path), name));
        }
        catch {
            // Gone already.
        }
    }
}
