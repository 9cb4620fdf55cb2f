import * as nodeFs from 'node:fs';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemIdentity } from '../cli/system.js';
import { configFiles, type ConfigFiles } from './config-files.js';
import type { ProcessIdentity } from './identity.js';
import type { FsOps } from './safe-fs.js';
import { failure } from './testing.js';

const me = systemIdentity();
let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zs-files-'));
  dir = join(root, 'zstack-cli');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (p: string): number => statSync(p).mode & 0o777;
const append = (line: string) => (text: string | undefined) => `${text ?? ''}${line}\n`;


describe('configFiles: where and how files are written', () => {
  it('creates the directory 0700 and files 0600, and tightens a looser directory', () => {
    const files = configFiles({ me });
    files.update(join(dir, 'f'), append('a'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'f'))).toBe(0o600);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'f'), 0o644);
    files.update(join(dir, 'f'), append('b'));
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'f'))).toBe(0o600);
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('a\nb\n');
    expect(readdirSync(dir)).toEqual(['f']);
  });

  it('never chmods a shared (sticky) directory such as /tmp: a warning instead', () => {
    mkdirSync(dir);
    chmodSync(dir, 0o1777);
    const warnings: string[] = [];
    configFiles({ me, warn: (l) => warnings.push(l) }).update(join(dir, 'f'), append('a'));
    expect(statSync(dir).mode & 0o7777).toBe(0o1777);
    expect(mode(join(dir, 'f'))).toBe(0o600);
    expect(warnings).toEqual([`warning: ${dir} is a shared directory (sticky bit): others can see which files zstack-cli keeps there (set ZSTACK_CLI_HOME to a directory of yours)`]);
  });

  it('never reads or writes through a symbolic link: one line naming the path, the target untouched', () => {
    mkdirSync(dir, { mode: 0o700 });
    const target = join(root, 'elsewhere');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, join(dir, 'sessions.json'));
    const files = configFiles({ me });
    const line = `Error: ${join(dir, 'sessions.json')}: is a symbolic link, and zstack-cli never writes through links (replace it with a regular file)`;
    expect(failure(() => files.update(join(dir, 'sessions.json'), append('x')))).toBe(line);
    expect(failure(() => files.read(join(dir, 'sessions.json')))).toBe(line);
    expect(failure(() => files.check(join(dir, 'sessions.json')))).toBe(line);
    expect(failure(() => files.locked(join(dir, 'sessions.json'), () => 1))).toBe(line);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it("never writes into a file someone else owns", () => {
    const files = configFiles({ me });
    files.update(join(dir, 'f'), append('a'));
    const stranger: ProcessIdentity = { ...me, uid: (me.uid ?? 0) + 1 };
    const warnings: string[] = [];
    const theirs = configFiles({ me: stranger, warn: (l) => warnings.push(l) });
    expect(failure(() => theirs.update(join(dir, 'f'), append('b')))).toBe(
      `Error: ${join(dir, 'f')}: is owned by uid ${me.uid}, not by you (remove it, or set ZSTACK_CLI_HOME to a directory of yours)`,
    );
    expect(readFileSync(join(dir, 'f'), 'utf8')).toBe('a\n');
    // The directory is someone else's too: said once, as a warning.
    theirs.check(join(dir, 'other'), false);
    theirs.check(join(dir, 'other2'), false);
    expect(warnings).toEqual([`warning: ${dir} is owned by uid ${me.uid}, not by you: its owner can read and replace your sessions (set ZSTACK_CLI_HOME to a directory of yours)`]);
  });

  it('says in one line what to do about a directory where the file should be, or a file where the directory should be', () => {
    const files = configFiles({ me });
    mkdirSync(join(dir, 'sessions.json'), { recursive: true });
    expect(failure(() => files.check(join(dir, 'sessions.json')))).toBe(
      `Error: ${join(dir, 'sessions.json')}: a directory is where zstack-cli keeps a file (remove or rename that directory)`,
    );
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a directory');
    expect(failure(() => files.check(join(dir, 'sessions.json')))).toBe(
      `Error: ${dir}: is a file where zstack-cli keeps its directory (remove or rename it, or set ZSTACK_CLI_HOME to a directory of yours)`,
    );
    expect(failure(() => files.update(join(dir, 'sub', 'f'), append('a')))).toMatch(/a file is where a directory should be on this path/);
  });

  it('says so before anything is sent when the directory may not be written', () => {
    const denied: FsOps = {
      ...nodeFs,
      accessSync: () => {
        throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      },
    };
    const files = configFiles({ me, fs: denied });
    expect(failure(() => files.check(join(dir, 'sessions.json')))).toBe(
      `Error: ${dir}: no permission to write files in this directory (fix its permissions, or set ZSTACK_CLI_HOME to a directory of yours)`,
    );
    expect(() => files.check(join(dir, 'sessions.json'), false)).not.toThrow();
  });

  it('removes temp files and moved-aside locks that killed writers left behind', () => {
    const files = configFiles({ me });
    mkdirSync(dir, { mode: 0o700 });
    for (const name of ['f.0123456789ab.tmp', 'f.tmp-17000000001a2b3c', 'f.lock.0123456789ab.stale', 'g.0123456789ab.tmp', 'f.keep']) writeFileSync(join(dir, name), 'x');
    files.update(join(dir, 'f'), append('a'));
    expect(readdirSync(dir).sort()).toEqual(['f', 'f.keep', 'g.0123456789ab.tmp']);
  });
});

describe('configFiles: the lock', () => {
  const lockOf = (p: string): string => `${p}.lock`;
  const holder = (pid: number, host = me.host): string => `${JSON.stringify({ pid, host, nonce: 'n', since: new Date().toISOString() })}\n`;

  function withClock(files: (o: { now: () => number; sleep: (ms: number) => void }) => ConfigFiles, start = Date.now()): { files: ConfigFiles; slept: () => number } {
    let t = start;
    let slept = 0;
    return {
      files: files({
        now: () => t,
        sleep: (ms) => {
          t += ms;
          slept += ms;
        },
      }),
      slept: () => slept,
    };
  }

  it('breaks at once a lock whose holder is dead (kill -9), and releases its own', () => {
    const f = join(dir, 'f');
    configFiles({ me }).update(f, append('a'));
    const dead = 2 ** 22 + 12345;
    writeFileSync(lockOf(f), holder(dead));
    const { files, slept } = withClock((o) => configFiles({ me: { ...me, isRunning: (p) => p !== dead } }, o));
    files.update(f, append('b'));
    expect(slept()).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe('a\nb\n');
    expect(existsSync(lockOf(f))).toBe(false);
  });

  it('waits for a live holder, and breaks its lock only once it is older than any real hold', () => {
    const f = join(dir, 'f');
    configFiles({ me }).update(f, append('a'));
    const live = me.pid + 1;
    writeFileSync(lockOf(f), holder(live));
    // The lock's age is read from its mtime: start the fake clock exactly there (whole seconds, as
    // every filesystem keeps them).
    const t0 = Math.floor(Date.now() / 1000) * 1000;
    utimesSync(lockOf(f), t0 / 1000, t0 / 1000);
    const { files, slept } = withClock((o) => configFiles({ me: { ...me, isRunning: () => true } }, { ...o, staleMs: 1_000, waitMs: 5_000 }), t0);
    files.update(f, append('b'));
    expect(slept()).toBeGreaterThan(1_000);
    expect(readFileSync(f, 'utf8')).toBe('a\nb\n');
  });

  it('a lock of another host is judged by its age only; giving up names the lock and its holder', () => {
    const f = join(dir, 'f');
    configFiles({ me }).update(f, append('a'));
    writeFileSync(lockOf(f), holder(1, 'other-host'));
    const { files } = withClock((o) => configFiles({ me: { ...me, isRunning: () => false } }, { ...o, staleMs: 60_000, waitMs: 500 }));
    expect(failure(() => files.update(f, append('b')))).toMatch(
      new RegExp(`^Error: ${lockOf(f)}: locked by pid 1 on other-host for \\d+ s \\(remove it if no zstack-cli is running\\)$`),
    );
    expect(readFileSync(f, 'utf8')).toBe('a\n');
  });

  it('never removes a fresh lock taken while it broke a stale one', () => {
    const f = join(dir, 'f');
    configFiles({ me }).update(f, append('a'));
    const dead = 2 ** 22 + 777;
    writeFileSync(lockOf(f), holder(dead));
    const fresh = holder(process.ppid);
    // Another process breaks the stale lock and takes its own just before this one moves it aside.
    let raced = false;
    const racing: FsOps = {
      ...nodeFs,
      renameSync: (a, b) => {
        if (!raced && String(a) === lockOf(f)) {
          raced = true;
          nodeFs.unlinkSync(a);
          nodeFs.writeFileSync(a, fresh);
        }
        nodeFs.renameSync(a, b);
      },
    };
    const { files } = withClock((o) => configFiles({ me: { ...me, isRunning: (p) => p !== dead }, fs: racing }, { ...o, waitMs: 200 }));
    expect(failure(() => files.update(f, append('b')))).toMatch(/locked by pid \d+/);
    expect(readFileSync(lockOf(f), 'utf8')).toBe(fresh);
    expect(readFileSync(f, 'utf8')).toBe('a\n');
  });
});
