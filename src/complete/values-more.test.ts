// The live value cache (values.ts) at its edges: exact TTL and retry times, default limits,
// invalidation during a fetch, a signal aborted before the call, rows without usable names.
import { describe, expect, it } from 'vitest';
import { ManualTimers, manualFetch } from './testing.js';
import { cachedValueSource, type ResourceRow, type Timers } from './values.js';
import type { ValueRequest } from './types.js';

const req = (queryApi = 'QueryVmInstance', prefix = '', field: 'uuid' | 'name' = 'uuid'): ValueRequest => ({ queryApi, inventory: `${queryApi.slice(5)}Inventory`, field, prefix });
const tick = () => new Promise<void>((r) => setImmediate(r));

describe('cachedValueSource edges', () => {
  it('rows are fresh until exactly the TTL; the fetch is told which resource', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers, ttlMs: 1000 });
    const p = src.values(req());
    expect(calls[0]!.ref).toEqual({ queryApi: 'QueryVmInstance', inventory: 'VmInstanceInventory' });
    calls[0]!.resolve([{ uuid: 'a' }]);
    await p;
    timers.advance(999);
    await src.values(req());
    expect(calls).toHaveLength(1);
    timers.advance(1);
    void src.values(req());
    expect(calls).toHaveLength(2);
  });

  it('after a failure, tries again after exactly 5 s by default', async () => {
    const timers = new ManualTimers();
    timers.advance(100_000);
    let n = 0;
    const src = cachedValueSource({ timers, fetch: () => (n++, Promise.reject(new Error('503'))) });
    await src.values(req());
    timers.advance(4999);
    await src.values(req());
    expect(n).toBe(1);
    timers.advance(1);
    await src.values(req());
    expect(n).toBe(2);
  });

  it('aborts a fetch after 15 s by default, not before', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers });
    const p = src.values(req());
    timers.advance(14_999);
    expect(calls[0]!.signal.aborted).toBe(false);
    timers.advance(1);
    expect(calls[0]!.signal.aborted).toBe(true);
    await p;
  });

  it('rows stored in the future (a clock set back) are not fresh', async () => {
    let now = 10_000;
    const timers: Timers = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
    let n = 0;
    const src = cachedValueSource({ timers, fetch: async () => [{ uuid: `u${++n}` }] });
    expect(await src.values(req())).toEqual([{ value: 'u1' }]);
    now = 5_000;
    expect(await src.values(req())).toEqual([{ value: 'u2' }]);
  });

  it('an answer to a fetch started before invalidate() is not kept', async () => {
    const timers = new ManualTimers();
    const { fetch, calls } = manualFetch();
    const src = cachedValueSource({ fetch, timers, timeoutMs: 200 });
    const first = src.values(req());
    src.invalidate();
    calls[0]!.resolve([{ uuid: 'old' }]);
    await tick();
    timers.advance(200);
    await first;
    const again = src.values(req());
    expect(calls).toHaveLength(2);
    calls[1]!.resolve([{ uuid: 'new' }]);
    expect(await again).toEqual([{ value: 'new' }]);
  });

  it('invalidating one resource keeps the others', async () => {
    const timers = new ManualTimers();
    const fetched: string[] = [];
    const src = cachedValueSource({ timers, fetch: async (ref) => (fetched.push(ref.queryApi), [{ uuid: ref.queryApi }]) });
    await src.values(req('QueryVmInstance'));
    await src.values(req('QueryHost'));
    src.invalidate('QueryVmInstance');
    await src.values(req('QueryHost'));
    await src.values(req('QueryVmInstance'));
    expect(fetched).toEqual(['QueryVmInstance', 'QueryHost', 'QueryVmInstance']);
  });

  it('a signal aborted before the call answers at once', async () => {
    const timers = new ManualTimers();
    const { fetch } = manualFetch();
    const src = cachedValueSource({ fetch, timers, timeoutMs: 10_000 });
    const ctl = new AbortController();
    ctl.abort();
    let done = false;
    const p = src.values(req(), ctl.signal).then((v) => ((done = true), v));
    await tick();
    expect(done).toBe(true);
    expect(await p).toEqual([]);
  });

  it('names must be non-empty strings; uuids are labelled only with such names', async () => {
    const timers = new ManualTimers();
    const rows = [{ uuid: 'a1', name: 5 }, { uuid: 'a2', name: '' }, { uuid: 'a3', name: 'x' }, { uuid: 'a4' }] as unknown as ResourceRow[];
    const src = cachedValueSource({ timers, fetch: async () => rows });
    expect(await src.values(req('QueryVmInstance', '', 'name'))).toEqual([{ value: 'x' }]);
    expect(await src.values(req('QueryVmInstance', 'A'))).toEqual([{ value: 'a1' }, { value: 'a2' }, { value: 'a3', label: 'x' }, { value: 'a4' }]);
  });

  it('works with the system clock and timers when none are given', async () => {
    let n = 0;
    const src = cachedValueSource({ fetch: async () => [{ uuid: `u${++n}` }] });
    expect(await src.values(req())).toEqual([{ value: 'u1' }]);
    expect(await src.values(req())).toEqual([{ value: 'u1' }]);
    const never = cachedValueSource({ fetch: () => new Promise<ResourceRow[]>(() => undefined), timeoutMs: 5 });
    expect(await never.values(req())).toEqual([]);
  });
});
