import * as nodeFs from 'node:fs';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemIdentity } from '../cli/system.js';
import { renderError } from '../errors/report.js';
import { configFiles } from './config-files.js';
import type { FsOps } from './safe-fs.js';
import { SESSION_FILE, SessionStore as Store, promptLabel, storeSessionProvider, type SessionStoreOptions } from './session-store.js';

const files = configFiles({ me: systemIdentity() });
/** A store on real files with this process's identity. */
class SessionStore extends Store {
  constructor(opts: Omit<SessionStoreOptions, 'files'> & { fs?: FsOps }) {
    super({ ...opts, files: opts.fs ? configFiles({ me: systemIdentity(), fs: opts.fs }) : files });
  }
}

const S1 = '00d038b699b74e76a01705918d48d939';
const S2 = '34cbfddd470a47d8bdb0727cd2182618';
let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'zs-sess-')), 'nested', 'zstack-cli');
});
afterEach(() => rmSync(join(dir, '..', '..'), { recursive: true, force: true }));

const fixedNow = () => new Date('2024-05-01T10:00:00Z');

describe('SessionStore', () => {
  it('creates the directory 0700 and the file 0600', async () => {
    await new SessionStore({ dir, now: fixedNow }).save('10.0.0.1:8080', 'admin', S1);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, SESSION_FILE)).mode & 0o777).toBe(0o600);
  });

  it('keeps 0600 when rewriting a file someone made world-readable', async () => {
    const store = new SessionStore({ dir });
    await store.save('h:1', 'admin', S1);
    chmodSync(store.path, 0o644);
    await store.save('h:1', 'admin', S2);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('is reused by a later process (a new store on the same directory)', async () => {
    await new SessionStore({ dir, now: fixedNow }).save('10.0.0.1:8080', 'admin', S1);
    const later = new SessionStore({ dir });
    expect(await later.current('10.0.0.1:8080')).toEqual({ server: '10.0.0.1:8080', account: 'admin', uuid: S1, savedAt: '2024-05-01T10:00:00.000Z' });
    expect(await later.current('10.0.0.2:8080')).toBeUndefined();
  });

  it('keys sessions by server and account; the last login is current; use() switches', async () => {
    const store = new SessionStore({ dir });
    await store.save('a:8080', 'admin', S1);
    await store.save('a:8080', 'ops', S2);
    await store.save('b:8080', 'admin', S2);
    expect((await store.current('a:8080'))?.account).toBe('ops');
    expect((await store.get('a:8080', 'admin'))?.uuid).toBe(S1);
    expect(await store.use('a:8080', 'admin')).toBe(true);
    expect((await store.current('a:8080'))?.uuid).toBe(S1);
    expect(await store.use('a:8080', 'nobody')).toBe(false);
    expect((await store.list('a:8080')).map((s) => s.account).sort()).toEqual(['admin', 'ops']);
    expect(await store.list()).toHaveLength(3);
  });

  it('forget() removes a session uuid and clears current when it was current', async () => {
    const store = new SessionStore({ dir });
    await store.save('a:8080', 'admin', S1);
    await store.save('a:8080', 'ops', S2);
    await store.forget('a:8080', S2);
    expect(await store.current('a:8080')).toBeUndefined();
    expect((await store.get('a:8080', 'admin'))?.uuid).toBe(S1);
    await store.forget('a:8080', S1);
    expect(JSON.parse(readFileSync(store.path, 'utf8')).servers).toEqual({});
  });

  it('writes atomically: a failed write leaves the old file intact, no temp file behind, one line naming the file', async () => {
    const store = new SessionStore({ dir });
    await store.save('a:8080', 'admin', S1);
    const before = readFileSync(store.path, 'utf8');
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    for (const broken of ['writeSync', 'fsyncSync', 'renameSync'] as const) {
      // Only the session file's temp file fails (the lock file is written too).
      const temps = new Set<number>();
      const failing: FsOps = {
        ...nodeFs,
        openSync: ((p: string, flags: number, mode?: number) => {
          const fd = nodeFs.openSync(p, flags, mode);
          if (String(p).endsWith('.tmp')) temps.add(fd);
          return fd;
        }) as FsOps['openSync'],
        [broken]: (...args: unknown[]) => {
          if (broken === 'renameSync' || temps.has(args[0] as number)) throw diskFull;
          return (nodeFs[broken] as (...a: unknown[]) => unknown)(...args);
        },
      };
      const err = await new SessionStore({ dir, fs: failing }).save('a:8080', 'admin', S2).catch((e: Error) => e);
      expect(renderError(err)).toContain(`${store.path}: no space left to write it (free some space on that disk and retry)`);
      expect(readFileSync(store.path, 'utf8')).toBe(before);
      expect(readdirSync(dir)).toEqual([SESSION_FILE]);
    }
  });

  it('writes through a temp file in the same directory (0600, never through a link), then renames it over the file', async () => {
    const calls: string[] = [];
    const spy: FsOps = {
      ...nodeFs,
      openSync: ((p: string, flags: number, mode?: number) => {
        if (String(p).endsWith('.tmp')) {
          const c = nodeFs.constants;
          calls.push(`open ${String(p).slice(dir.length + 1)} ${(mode ?? 0).toString(8)} ${(flags & (c.O_EXCL | c.O_NOFOLLOW)) === (c.O_EXCL | c.O_NOFOLLOW) ? 'excl,nofollow' : 'FOLLOWS'}`);
        }
        return nodeFs.openSync(p, flags, mode);
      }) as FsOps['openSync'],
      fsyncSync: (fd) => {
        calls.push('fsync');
        nodeFs.fsyncSync(fd);
      },
      renameSync: (a, b) => {
        calls.push(`rename -> ${String(b).slice(dir.length + 1)}`);
        nodeFs.renameSync(a, b);
      },
    };
    await new SessionStore({ dir, fs: spy }).save('a:8080', 'admin', S1);
    expect(calls[0]).toMatch(/^open sessions\.json\.[0-9a-f]{12}\.tmp 600 excl,nofollow$/);
    expect(calls.slice(1)).toEqual(['fsync', 'rename -> sessions.json', 'fsync']);
  });

  it('treats a corrupt file as empty and drops malformed entries', async () => {
    const store = new SessionStore({ dir });
    await store.save('a:8080', 'admin', S1);
    writeFileSync(store.path, '{not json');
    expect(await store.current('a:8080')).toBeUndefined();
    writeFileSync(store.path, JSON.stringify({ servers: { 'a:8080': { current: 'x', accounts: { x: { uuid: 5 }, y: { uuid: S2 } } } } }));
    expect(await store.current('a:8080')).toBeUndefined();
    expect((await store.get('a:8080', 'y'))?.uuid).toBe(S2);
    await store.save('a:8080', 'admin', S1);
    expect((await store.current('a:8080'))?.uuid).toBe(S1);
  });
});

describe('storeSessionProvider', () => {
  it('gives the current session with its account, records logins, forgets on logout/ID.1001', async () => {
    const store = new SessionStore({ dir });
    const p = storeSessionProvider(store, 'a:8080');
    expect(await p.current()).toBeUndefined();
    await p.loggedIn('admin', S1);
    expect(await p.current()).toEqual({ uuid: S1, account: 'admin' });
    expect(await storeSessionProvider(new SessionStore({ dir }), 'a:8080').current()).toEqual({ uuid: S1, account: 'admin' });
    await p.forget(S1);
    expect(await p.current()).toBeUndefined();
  });

  it('an explicit session (ZSTACK_SESSION) wins and is never written; a new login replaces it', async () => {
    const store = new SessionStore({ dir });
    await store.save('a:8080', 'admin', S1);
    const p = storeSessionProvider(store, 'a:8080', { explicit: S2 });
    expect(await p.current()).toEqual({ uuid: S2 });
    expect(JSON.stringify(await store.list())).not.toContain(S2);
    await p.loggedIn('ops', S2);
    expect(await p.current()).toEqual({ uuid: S2, account: 'ops' });
  });

  it('a pinned account uses that account\'s session', async () => {
    const store = new SessionStore({ dir });
    await store.save('a:8080', 'admin', S1);
    await store.save('a:8080', 'ops', S2);
    expect(await storeSessionProvider(store, 'a:8080', { account: 'admin' }).current()).toEqual({ uuid: S1, account: 'admin' });
  });
});

describe('promptLabel', () => {
  it('is account@host, with the port only when it is not 8080', () => {
    expect(promptLabel('admin', '10.0.0.1', 8080)).toBe('admin@10.0.0.1');
    expect(promptLabel('admin', '10.0.0.1', 8443)).toBe('admin@10.0.0.1:8443');
    expect(promptLabel(undefined, 'zs', 8080)).toBe('zs');
  });
});
