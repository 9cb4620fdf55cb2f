// How the session store and the capability cache read files they did not write (hand-edited, from
// another version, corrupt), and when they leave a file alone. Over an in-memory ConfigFiles that
// counts writes; the real files are tested in session-store.test.ts and capability-cache.test.ts.
import { describe, expect, it } from 'vitest';
import { CapabilityCache, type NodeCapabilities } from './capability-cache.js';
import type { ConfigFiles } from './config-files.js';
import { SessionStore, storeSessionProvider } from './session-store.js';

/** Files in memory; `reads` can make a read see other text than the next update (another process's write in between). */
class MemoryFiles implements ConfigFiles {
  readonly text = new Map<string, string>();
  writes = 0;
  checked: string[] = [];
  reads?: (path: string) => string | undefined;
  read(path: string): string | undefined {
    return this.reads ? this.reads(path) : this.text.get(path);
  }
  update(path: string, edit: (text: string | undefined) => string | undefined): void {
    const next = edit(this.text.get(path));
    if (next === undefined) return;
    this.writes++;
    this.text.set(path, next);
  }
  locked<T>(_path: string, write: () => T): T {
    return write();
  }
  check(path: string): void {
    this.checked.push(path);
  }
}

const SESSIONS = '/d/sessions.json';
const sessions = (raw: unknown) => {
  const files = new MemoryFiles();
  files.text.set(SESSIONS, typeof raw === 'string' ? raw : JSON.stringify(raw));
  return { files, store: new SessionStore({ dir: '/d', files, now: () => new Date('2024-01-01T00:00:00Z') }) };
};

describe('SessionStore reading files it did not write', () => {
  it('reads JSON that is not an object, or has no servers, as empty', async () => {
    for (const raw of ['null', '5', '"x"', '[]', '{}', '{"servers":null}', '{"servers":[{"accounts":{"a":{"uuid":"u"}}}]}', 'not json']) {
      expect(await sessions(raw).store.list(), raw).toEqual([]);
    }
  });

  it('drops servers and accounts of the wrong shape, keeps the good ones', async () => {
    const { store } = sessions({
      servers: {
        bad1: 'x',
        bad2: { accounts: 5 },
        bad3: { accounts: [{ uuid: 'u0' }] },
        bad4: null,
        good: { current: 'a', accounts: { a: { uuid: 'u1', savedAt: 'then' }, b: { uuid: 2 }, c: 'u3', d: [{ uuid: 'u4' }], e: { uuid: 'u5', savedAt: 5 } } },
      },
    });
    expect(await store.list()).toEqual([
      { server: 'good', account: 'a', uuid: 'u1', savedAt: 'then' },
      { server: 'good', account: 'e', uuid: 'u5', savedAt: '' },
    ]);
    expect(await store.current('good')).toEqual({ server: 'good', account: 'a', uuid: 'u1', savedAt: 'then' });
  });

  it('forgets a current account it has no session for, or one that is not a name', async () => {
    for (const current of ['ghost', 5, null]) {
      const { files, store } = sessions({ servers: { s: { current, accounts: { a: { uuid: 'u1', savedAt: '' } } } } });
      expect(await store.current('s')).toBeUndefined();
      await store.save('other', 'b', 'u2');
      expect(JSON.parse(files.text.get(SESSIONS)!).servers.s).toEqual({ accounts: { a: { uuid: 'u1', savedAt: '' } } });
    }
  });

  it('a current account must be named by a string, even when an account has that number as its name', async () => {
    const { store } = sessions({ servers: { s: { current: 5, accounts: { '5': { uuid: 'u5', savedAt: '' } } } } });
    expect(await store.current('s')).toBeUndefined();
    expect(await store.get('s', '5')).toEqual({ server: 's', account: '5', uuid: 'u5', savedAt: '' });
  });

  it('leaves the file alone when use() or forget() finds nothing to change', async () => {
    const compact = '{"version":1,"servers":{"s":{"current":"a","accounts":{"a":{"uuid":"u1","savedAt":""},"b":{"uuid":"u2","savedAt":""}}}}}';
    const { files, store } = sessions(compact);
    expect(await store.use('nowhere', 'a')).toBe(false);
    expect(await store.use('s', 'nobody')).toBe(false);
    await store.forget('nowhere', 'u1');
    await store.forget('s', 'u9');
    expect(files.writes).toBe(0);
    expect(files.text.get(SESSIONS)).toBe(compact);
    expect(await store.current('s')).toMatchObject({ account: 'a' });
  });

  it('forgetting a session that is not the current one keeps the current one', async () => {
    const { store } = sessions({ servers: { s: { current: 'a', accounts: { a: { uuid: 'u1' }, b: { uuid: 'u2' } } } } });
    await store.forget('s', 'u2');
    expect(await store.current('s')).toMatchObject({ account: 'a', uuid: 'u1' });
    expect(await store.list('s')).toHaveLength(1);
    await store.forget('s', 'u1');
    expect(await store.current('s')).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('forgets the same uuid under every account that has it, and drops a server left empty', async () => {
    const { files, store } = sessions({ servers: { s: { current: 'b', accounts: { a: { uuid: 'u1' }, b: { uuid: 'u1' }, c: { uuid: 'u3' } } }, t: { accounts: { a: { uuid: 'u1' } } } } });
    await store.forget('s', 'u1');
    expect(await store.list()).toEqual([
      { server: 's', account: 'c', uuid: 'u3', savedAt: '' },
      { server: 't', account: 'a', uuid: 'u1', savedAt: '' },
    ]);
    expect(await store.current('s')).toBeUndefined();
    await store.forget('t', 'u1');
    expect(Object.keys(JSON.parse(files.text.get(SESSIONS)!).servers)).toEqual(['s']);
  });

  it('re-checks under the lock: a session gone meanwhile is not written again', async () => {
    const { files, store } = sessions({ servers: { s: { accounts: { a: { uuid: 'u1' } } } } });
    const before = files.text.get(SESSIONS)!;
    // The lock-free read still sees u1 (another process forgets it before this one takes the lock).
    files.reads = () => before;
    files.text.set(SESSIONS, JSON.stringify({ version: 1, servers: { s: { accounts: { b: { uuid: 'u2' } } } } }));
    await store.forget('s', 'u1');
    expect(files.writes).toBe(0);
    files.text.set(SESSIONS, '{"version":1,"servers":{}}');
    await store.forget('s', 'u1');
    expect(files.writes).toBe(0);
  });

  it('check() asks the files whether this one can be written', () => {
    const { files, store } = sessions({});
    store.check();
    expect(files.checked).toEqual([SESSIONS]);
  });

  it('a provider drops its explicit session only when that one is forgotten', async () => {
    const { store } = sessions({ servers: { s: { current: 'a', accounts: { a: { uuid: 'u1' } } } } });
    const p = storeSessionProvider(store, 's', { explicit: 'e1' });
    await p.forget('u1');
    expect(await p.current()).toEqual({ uuid: 'e1' });
    await p.forget('e1');
    expect(await p.current()).toBeUndefined();
  });
});

const CAPS = '/d/capabilities.json';
const caps = (raw: unknown) => {
  const files = new MemoryFiles();
  if (raw !== undefined) files.text.set(CAPS, typeof raw === 'string' ? raw : JSON.stringify(raw));
  return { files, cache: new CapabilityCache('/d', files) };
};
const entry: NodeCapabilities = { version: '5', registryVersion: '5', unsupported: ['X'], checkedAt: '2026-01-01' };

describe('CapabilityCache reading files it did not write', () => {
  it('drops entries of the wrong shape; a missing list is unknown, a missing time empty', async () => {
    const { cache } = caps({
      servers: {
        a: 'x',
        b: { registryVersion: '5' },
        c: { version: '5' },
        d: { version: 5, registryVersion: '5' },
        e: { version: '5', registryVersion: '5', unsupported: ['Y', 3], checkedAt: 7 },
        f: [{ version: '5', registryVersion: '5' }],
      },
    });
    for (const s of ['a', 'b', 'c', 'd', 'f']) expect(await cache.get(s), s).toBeUndefined();
    const e = await cache.get('e');
    expect(e).toStrictEqual({ version: '5', registryVersion: '5', checkedAt: '' });
  });

  it('reads a file whose servers are not a map, or that is not JSON, as empty', async () => {
    for (const raw of ['[1]', '{"servers":[{"version":"5","registryVersion":"5"}]}', '{"servers":"x"}', 'nope', 'null']) {
      expect(await caps(raw).cache.get('0'), raw).toBeUndefined();
    }
    expect(await caps(undefined).cache.get('a')).toBeUndefined();
  });

  it('dropping an entry it does not have leaves the file alone', async () => {
    const compact = JSON.stringify({ version: 1, servers: { a: entry } });
    const { files, cache } = caps(compact);
    await cache.put('b', undefined);
    expect(files.writes).toBe(0);
    await cache.put('a', undefined);
    expect(files.writes).toBe(1);
    expect(JSON.parse(files.text.get(CAPS)!)).toEqual({ version: 1, servers: {} });
  });

  it('keeps entries exactly as given, without keys for what is unknown', async () => {
    const { cache } = caps(undefined);
    await cache.put('a', { version: '5', registryVersion: '5', checkedAt: 't' });
    expect(await cache.get('a')).toStrictEqual({ version: '5', registryVersion: '5', checkedAt: 't' });
    await cache.put('b', entry);
    expect(await cache.get('b')).toStrictEqual(entry);
    expect(await cache.get('a')).toStrictEqual({ version: '5', registryVersion: '5', checkedAt: 't' });
  });
});
