// The file rules of safe-fs.ts when the file system fails (injected through FsOps), the one-line
// messages of errors.ts, and the small rules beside them (paths, confirm policies).
import * as nodeFs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmPolicy } from './confirm-policy.js';
import { ConfigFileError, fileError } from './errors.js';
import type { ProcessIdentity } from './identity.js';
import { cliHome } from './paths.js';
import { failure } from './testing.js';
import { checkFile, ensureDir, MAX_FILE_BYTES, readChecked, removeLeftovers, syncDir, writeAtomic, type FsOps } from './safe-fs.js';
import { renderError } from '../errors/report.js';

const me: ProcessIdentity = { uid: process.getuid?.(), pid: process.pid, host: 'here', isRunning: () => true };
const errno = (code: string): Error => Object.assign(new Error(`${code}: failed`), { code });
const failing = (code: string) => (): never => {
  throw errno(code);
};
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zs-safe-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));


describe('fileError', () => {
  const line = (code: string | undefined, e: unknown = code ? errno(code) : new Error('odd\nsecond line')) => renderError(fileError('/p/f', e, 'write it'));
  const HOME = 'or set ZSTACK_CLI_HOME to a directory of yours';

  it('says what to do for each fs error, in one line naming the path', () => {
    expect(line('EACCES')).toBe(`Error: /p/f: no permission to write it (fix its permissions, ${HOME})`);
    expect(line('EPERM')).toBe(`Error: /p/f: no permission to write it (fix its permissions, ${HOME})`);
    expect(line('ENOSPC')).toBe('Error: /p/f: no space left to write it (free some space on that disk and retry)');
    expect(line('EDQUOT')).toBe('Error: /p/f: no space left to write it (free some space on that disk and retry)');
    expect(line('EROFS')).toBe('Error: /p/f: cannot write it: the file system is read-only (set ZSTACK_CLI_HOME to a writable directory)');
    expect(line('EISDIR')).toBe('Error: /p/f: a directory is where zstack-cli keeps a file (remove or rename that directory)');
    expect(line('ENOTDIR')).toBe(`Error: /p/f: a file is where a directory should be on this path (remove or rename that file, ${HOME})`);
    expect(line('ELOOP')).toBe('Error: /p/f: is a symbolic link, and zstack-cli never writes through links (replace it with a regular file)');
  });

  it('names any other error by its code, else the first line of its message, else its text', () => {
    expect(line('EIO')).toBe(`Error: /p/f: cannot write it (EIO) (check the path, ${HOME})`);
    expect(line(undefined)).toBe(`Error: /p/f: cannot write it (odd) (check the path, ${HOME})`);
    expect(line(undefined, 'a string')).toBe(`Error: /p/f: cannot write it (a string) (check the path, ${HOME})`);
    expect(renderError(fileError('/p/f', undefined, 'write it'))).toBe(`Error: /p/f: cannot write it (undefined) (check the path, ${HOME})`);
  });

  it('passes a ConfigFileError through unchanged', () => {
    const e = new ConfigFileError('/q', 'problem', 'fix');
    expect(fileError('/p/f', e, 'read it')).toBe(e);
    expect(renderError(e)).toBe('Error: /q: problem (fix)');
    expect(e.path).toBe('/q');
  });
});

describe('paths and policies', () => {
  it('ZSTACK_CLI_HOME wins over the config directory', () => {
    expect(cliHome({ ZSTACK_CLI_HOME: '/mine' }, '/home/u')).toBe('/mine');
    expect(cliHome({ XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/zstack-cli');
    expect(cliHome({}, '/home/u')).toBe('/home/u/.config/zstack-cli');
  });

  it('a confirm policy is read in any case; anything else names none', () => {
    expect(confirmPolicy('ALWAYS')).toBe('always');
    expect(confirmPolicy('Never')).toBe('never');
    expect(confirmPolicy('destructive')).toBe('destructive');
    expect(confirmPolicy('sometimes')).toBeUndefined();
    expect(confirmPolicy('')).toBeUndefined();
  });
});

describe('checkFile and readChecked', () => {
  it('a missing file is undefined; an unreadable one a one-line error', () => {
    const f = join(dir, 'f');
    expect(checkFile(f, { me })).toBeUndefined();
    expect(readChecked(f, { me })).toBeUndefined();
    const denied: FsOps = { ...nodeFs, lstatSync: failing('EACCES') as FsOps['lstatSync'] };
    expect(failure(() => checkFile(f, { me, fs: denied }))).toMatch(/^Error: .*\/f: no permission to read it /);
  });

  it('refuses a file that is not a regular file, and one that is far too big', () => {
    const fifo: FsOps = {
      ...nodeFs,
      lstatSync: ((p: string) => ({ ...nodeFs.lstatSync(p), isSymbolicLink: () => false, isDirectory: () => false, isFile: () => false })) as FsOps['lstatSync'],
    };
    const f = join(dir, 'f');
    writeFileSync(f, 'x');
    expect(failure(() => checkFile(f, { me, fs: fifo }))).toBe(`Error: ${f}: is not a regular file (remove it)`);
    const huge = (size: number): FsOps => ({
      ...nodeFs,
      lstatSync: ((p: string) => Object.assign(nodeFs.lstatSync(p), { size })) as FsOps['lstatSync'],
    });
    expect(failure(() => checkFile(f, { me, fs: huge(MAX_FILE_BYTES + 1) }))).toBe(
      `Error: ${f}: is larger than 8 MiB, far more than zstack-cli ever writes (move it away)`,
    );
    expect(checkFile(f, { me, fs: huge(MAX_FILE_BYTES) })?.size).toBe(MAX_FILE_BYTES);
  });

  it('does not check the owner where there are no uids', () => {
    const f = join(dir, 'f');
    writeFileSync(f, 'x');
    expect(checkFile(f, { me: { ...me, uid: undefined } })?.isFile()).toBe(true);
    expect(failure(() => checkFile(f, { me: { ...me, uid: (me.uid ?? 0) + 1 } }))).toMatch(/is owned by uid \d+, not by you/);
  });

  it('reads the text, closing the file; a file gone between the check and the open is undefined', () => {
    const f = join(dir, 'f');
    writeFileSync(f, 'text ü\n');
    const closed: number[] = [];
    const tracking: FsOps = { ...nodeFs, closeSync: (fd) => (closed.push(fd), nodeFs.closeSync(fd)) };
    expect(readChecked(f, { me, fs: tracking })).toBe('text ü\n');
    expect(closed).toHaveLength(1);
    const gone: FsOps = { ...nodeFs, openSync: failing('ENOENT') as FsOps['openSync'] };
    expect(readChecked(f, { me, fs: gone })).toBeUndefined();
    const broken: FsOps = { ...tracking, readFileSync: failing('EIO') as FsOps['readFileSync'] };
    expect(failure(() => readChecked(f, { me, fs: broken }))).toMatch(/: cannot read it \(EIO\)/);
    expect(closed).toHaveLength(2);
  });
});

describe('ensureDir', () => {
  it('a directory that cannot be looked at or created is a one-line error', () => {
    const d = join(dir, 'sub');
    const noStat: FsOps = { ...nodeFs, statSync: failing('EACCES') as FsOps['statSync'] };
    expect(failure(() => ensureDir(d, { me, fs: noStat }, new Set()))).toBe(`Error: ${d}: no permission to use this directory (fix its permissions, or set ZSTACK_CLI_HOME to a directory of yours)`);
    const noMkdir: FsOps = { ...nodeFs, mkdirSync: failing('EROFS') as FsOps['mkdirSync'] };
    expect(failure(() => ensureDir(d, { me, fs: noMkdir }, new Set()))).toBe(
      `Error: ${d}: cannot create this directory: the file system is read-only (set ZSTACK_CLI_HOME to a writable directory)`,
    );
  });

  it('creates a missing directory 0700 (whatever the umask), with its parents', () => {
    const d = join(dir, 'a', 'b');
    ensureDir(d, { me }, new Set());
    expect(statSync(d).mode & 0o777).toBe(0o700);
  });

  it('warns once when a loose directory cannot be made private, and leaves a private one alone', () => {
    const d = join(dir, 'loose');
    mkdirSync(d, { mode: 0o755 });
    nodeFs.chmodSync(d, 0o755);
    const warnings: string[] = [];
    const noChmod: FsOps = { ...nodeFs, chmodSync: failing('EPERM') as FsOps['chmodSync'] };
    const warned = new Set<string>();
    ensureDir(d, { me, fs: noChmod, warn: (l) => warnings.push(l) }, warned);
    ensureDir(d, { me, fs: noChmod, warn: (l) => warnings.push(l) }, warned);
    expect(warnings).toEqual([`warning: ${d} is readable by others and cannot be made private (chmod 700: EPERM)`]);
    const p = join(dir, 'private');
    mkdirSync(p, { mode: 0o700 });
    let chmods = 0;
    const counting: FsOps = { ...nodeFs, chmodSync: (a, m) => (chmods++, nodeFs.chmodSync(a, m)) };
    ensureDir(p, { me, fs: counting }, new Set());
    expect(chmods).toBe(0);
    // Group-writable only is loose too.
    nodeFs.chmodSync(p, 0o720);
    ensureDir(p, { me, fs: counting }, new Set());
    expect(chmods).toBe(1);
    expect(statSync(p).mode & 0o777).toBe(0o700);
  });
});

describe('writeAtomic', () => {
  it('writes all of the text even when the fs takes it in pieces', () => {
    const f = join(dir, 'f');
    const text = 'x'.repeat(10_000) + 'ü';
    const dribbling: FsOps = {
      ...nodeFs,
      writeSync: ((fd: number, data: Buffer, off: number, len: number) => nodeFs.writeSync(fd, data, off, Math.min(len, 777))) as FsOps['writeSync'],
    };
    writeAtomic(f, text, { me, fs: dribbling });
    expect(readFileSync(f, 'utf8')).toBe(text);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['f']);
  });

  it('a failed write closes and removes its temp file, leaves the old file, and names the file', () => {
    const f = join(dir, 'f');
    writeFileSync(f, 'old');
    const closed: number[] = [];
    const full: FsOps = {
      ...nodeFs,
      closeSync: (fd) => (closed.push(fd), nodeFs.closeSync(fd)),
      fsyncSync: failing('ENOSPC') as FsOps['fsyncSync'],
    };
    expect(failure(() => writeAtomic(f, 'new', { me, fs: full }))).toBe(`Error: ${f}: no space left to write it (free some space on that disk and retry)`);
    expect(closed).toHaveLength(1);
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['f']);
  });

  it('a failed rename closes nothing twice and leaves no temp file', () => {
    const f = join(dir, 'f');
    const closed: number[] = [];
    const noRename: FsOps = { ...nodeFs, closeSync: (fd) => (closed.push(fd), nodeFs.closeSync(fd)), renameSync: failing('EXDEV') as FsOps['renameSync'] };
    expect(failure(() => writeAtomic(f, 'new', { me, fs: noRename }))).toMatch(/cannot write it \(EXDEV\)/);
    expect(closed).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('flushes the directory after the rename; a directory that cannot be flushed is left as it is', () => {
    const f = join(dir, 'f');
    const synced: number[] = [];
    const closed: number[] = [];
    const watching: FsOps = { ...nodeFs, fsyncSync: (fd) => (synced.push(fd), nodeFs.fsyncSync(fd)), closeSync: (fd) => (closed.push(fd), nodeFs.closeSync(fd)) };
    writeAtomic(f, 'a', { me, fs: watching });
    expect(synced).toHaveLength(2);
    expect(closed).toEqual(synced);
    const noDirSync: FsOps = { ...watching, fsyncSync: (fd) => (synced.push(fd), fd === synced[0] ? undefined : failing('EINVAL')()) };
    expect(() => syncDir(dir, { me, fs: noDirSync })).not.toThrow();
    expect(closed).toHaveLength(3);
    const noOpen: FsOps = { ...nodeFs, openSync: failing('EISDIR') as FsOps['openSync'] };
    expect(() => syncDir(dir, { me, fs: noOpen })).not.toThrow();
  });
});

describe('removeLeftovers', () => {
  it('removes only what writers of this file leave behind', () => {
    const f = join(dir, 'sessions.json');
    const leftovers = ['sessions.json.0123456789ab.tmp', 'sessions.json.tmp-1700000000a1b2c3', 'sessions.json.lock.abcdef012345.stale'];
    const kept = [
      'sessions.json',
      'sessions.json.lock',
      'sessions.json.0123456789a.tmp',
      'sessions.json.0123456789abc.tmp',
      'sessions.json.0123456789AB.tmp',
      'sessions.json.0123456789ab.tmpx',
      'sessions.json.tmp-170000000a1b2c3',
      'sessions.json.lock.abcdef012345.stalex',
      'x.sessions.json.0123456789ab.tmp',
      'sessionsxjson.0123456789ab.tmp',
    ];
    for (const n of [...leftovers, ...kept]) writeFileSync(join(dir, n), '');
    removeLeftovers(f, { me });
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
  });

  it('does nothing when the directory cannot be listed, and goes on past a file it cannot remove', () => {
    const f = join(dir, 'f');
    writeFileSync(join(dir, 'f.0123456789ab.tmp'), '');
    writeFileSync(join(dir, 'f.ba9876543210.tmp'), '');
    expect(() => removeLeftovers(f, { me, fs: { ...nodeFs, readdirSync: failing('EACCES') as FsOps['readdirSync'] } })).not.toThrow();
    expect(readdirSync(dir)).toHaveLength(2);
    let first = true;
    const flaky: FsOps = {
      ...nodeFs,
      unlinkSync: (p) => {
        if (first) {
          first = false;
          throw errno('ENOENT');
        }
        nodeFs.unlinkSync(p);
      },
    };
    removeLeftovers(f, { me, fs: flaky });
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
