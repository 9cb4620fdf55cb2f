import { describe, expect, it } from 'vitest';
import { ManualTimers, manualFetch } from './testing.js';
import { cachedValueSource, type ResourceRow } from './values.js';
import type { ValueRequest } from './types.js';

const vmReq = (prefix = '', field: 'uuid' | 'name' = 'uuid'): ValueRequest => ({ queryApi: 'QueryVmInstance', inventory: 'VmInstanceInventory', field, prefix });
const ROWS: ResourceRow[] = [
  { uuid: 'aa11', name: 'web' },
  { uuid: 'bb22', name: 'db' },
  { uuid: 'cc33', name: 'web' },
];

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('cachedValueSource', () => {
  it('fetches once, then answers from the cache until the TTL passes', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers, ttlMs: 30_000, timeoutMs: 200 });
    const first = src.values(vmReq('a'));
    calls[0]!.resolve(ROWS);
    expect(await first).toEqual([{ value: 'aa11', label: 'web' }]);
    timers.advance(29_000);
    expect(await src.values(vmReq())).toHaveLength(3);
    expect(calls).toHaveLength(1);
    timers.advance(2_000);
    const again = src.values(vmReq());
    expect(calls).toHaveLength(2);
    calls[1]!.resolve([{ uuid: 'dd44' }]);
    expect(await again).toEqual([{ value: 'dd44' }]);
  });

  it('gives up waiting after the time limit, and the late answer fills the cache', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers, timeoutMs: 200 });
    let settled = false;
    const slow = src.values(vmReq()).then((v) => ((settled = true), v));
    timers.advance(199);
    await tick();
    expect(settled).toBe(false);
    timers.advance(1);
    expect(await slow).toEqual([]);
    expect(calls[0]!.signal.aborted).toBe(false);
    calls[0]!.resolve(ROWS);
    await tick();
    expect(await src.values(vmReq('b'))).toEqual([{ value: 'bb22', label: 'db' }]);
    expect(calls).toHaveLength(1);
  });

  it('shares one fetch between concurrent callers', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers });
    const a = src.values(vmReq());
    const b = src.values(vmReq('c'));
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(ROWS);
    expect((await a).length).toBe(3);
    expect(await b).toEqual([{ value: 'cc33', label: 'web' }]);
  });

  it('keeps serving stale rows while a refresh is slow', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers, ttlMs: 1000, timeoutMs: 200 });
    const p = src.values(vmReq());
    calls[0]!.resolve(ROWS);
    await p;
    timers.advance(1500);
    const stale = src.values(vmReq());
    timers.advance(200);
    expect((await stale).length).toBe(3);
    expect(calls).toHaveLength(2);
  });

  it('never throws: a rejected or throwing fetch gives no values, retried after a pause', async () => {
    const timers = new ManualTimers();
    let n = 0;
    const src = cachedValueSource({
      timers,
      retryMs: 5000,
      fetch: () => {
        n++;
        if (n === 1) throw new Error('sync');
        return Promise.reject(new Error('http 503'));
      },
    });
    expect(await src.values(vmReq())).toEqual([]);
    expect(await src.values(vmReq())).toEqual([]);
    expect(n).toBe(1);
    timers.advance(5000);
    expect(await src.values(vmReq())).toEqual([]);
    expect(n).toBe(2);
  });

  it('ignores malformed rows and filters by prefix case-insensitively; names are distinct', async () => {
    const timers = new ManualTimers();
    const src = cachedValueSource({
      timers,
      fetch: async () => [...ROWS, null, { name: 'x' }, { uuid: 'AB99', name: 'Web2' }] as unknown as ResourceRow[],
    });
    expect((await src.values(vmReq('ab'))).map((v) => v.value)).toEqual(['AB99']);
    expect((await src.values(vmReq('w', 'name'))).map((v) => v.value)).toEqual(['web', 'Web2']);
  });

  it('stops waiting when the caller aborts', async () => {
    const timers = new ManualTimers();
    const { fetch } = manualFetch();
    const src = cachedValueSource({ fetch, timers, timeoutMs: 10_000 });
    const ctl = new AbortController();
    const p = src.values(vmReq(), ctl.signal);
    ctl.abort();
    expect(await p).toEqual([]);
  });

  it('aborts a background fetch that outlives maxFetchMs', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers, maxFetchMs: 15_000 });
    const p = src.values(vmReq());
    timers.advance(15_000);
    await p;
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('forgets rows on invalidate', async () => {
    const timers = new ManualTimers();
    let n = 0;
    const src = cachedValueSource({ timers, fetch: async () => [{ uuid: `u${++n}` }] });
    expect(await src.values(vmReq())).toEqual([{ value: 'u1' }]);
    src.invalidate('QueryVmInstance');
    expect(await src.values(vmReq())).toEqual([{ value: 'u2' }]);
    src.invalidate();
    expect(await src.values(vmReq())).toEqual([{ value: 'u3' }]);
  });
});
