// Rows kept at seeding (RowText.keepAll): every row of the inventory gets its text in the row cache, the same bytes as
// rendered afresh, and a change made afterwards (before any query) drops just what it reaches, which is then written
// again from the changed rows.
import { describe, expect, it, vi } from 'vitest';
import { SeedClock } from '../seed/clock.js';
import { keptInventories, parseSeed } from '../seed/index.js';
import { seedScale } from '../seed/scale.js';
import type { Table } from '../store/table.js';
import { RowCache, rowBytes } from './row-cache.js';
import { keepFresh } from './stale-rows.js';
import { RowText } from './text.js';
import { world } from './testing.js';

const VM = 'VmInstanceInventory';

function seeded(vms: number): { w: ReturnType<typeof world>; cache: RowCache; kept: RowText; fresh: RowText; table: Table } {
  const w = world();
  seedScale(w.store, new SeedClock(), vms);
  const cache = new RowCache(w.store);
  keepFresh(w.store, w.renderer, cache);
  const kept = new RowText(w.store, w.renderer, w.schema, new Map(), cache);
  expect(kept.keepAll(VM)).toBe(vms);
  return { w, cache, kept, fresh: w.text(), table: w.store.table(VM) };
}

/** How many rows of `table` the cache holds; and every row's text and schema entries from `kept` are `fresh`'s. */
function check(s: ReturnType<typeof seeded>): number {
  let hits = 0;
  for (const [id, row] of s.table.entries()) {
    if (s.cache.get(s.table, id, VM)) hits++;
    expect(rowBytes(s.kept.cachedRow(VM, s.table, id, row)).toString('utf8'), String(row.name)).toBe(s.fresh.row(VM, row));
    expect(s.kept.cachedSchema(VM, s.table, id, row, 'inventories[3]')).toBe(s.fresh.schema(VM, row, 'inventories[3]'));
  }
  return hits;
}

describe('RowText.keepAll', () => {
  it('keeps the text of every row of the inventory, as rendered afresh', () => {
    const s = seeded(600);
    let kept = 0;
    for (const [id] of s.table.entries()) if (s.cache.get(s.table, id, VM)) kept++;
    expect(kept).toBe(600);
    expect(check(s)).toBe(600);
  });

  it('drops what a change before the first query reaches (the row, the VM holding a nic or a used IP) and writes it anew', () => {
    const s = seeded(300);
    const { store } = s.w;
    const vms = [...s.table.values()];
    store.update(VM, String(vms[5]!.uuid), { name: 'renamed', state: 'Stopped' });
    const nic = store.find('VmNicInventory', 'vmInstanceUuid', vms[6]!.uuid)[0]!;
    store.update('VmNicInventory', String(nic.uuid), { mac: 'fa:16:3e:00:00:01' });
    const ip = store.find('UsedIpInventory', 'vmNicUuid', store.find('VmNicInventory', 'vmInstanceUuid', vms[7]!.uuid)[0]!.uuid)[0]!;
    store.update('UsedIpInventory', String(ip.uuid), { ip: '10.255.0.1' });
    store.remove(VM, String(vms[8]!.uuid));
    const stale = [5, 6, 7].map((i) => s.table.idOf(String(vms[i]!.uuid))!);
    for (const id of stale) expect(s.cache.get(s.table, id, VM)).toBeUndefined();
    // The rest is still kept; the changed rows are written again (and kept) when asked for.
    expect(check(s)).toBe(299 - 3);
    expect(check(s)).toBe(299);
    expect(rowBytes(s.kept.cachedRow(VM, s.table, stale[0]!, vms[5]!)).toString('utf8')).toContain('"name":"renamed"');
  });

  it('stops at the first row the cache has no room for', () => {
    const w = world();
    seedScale(w.store, new SeedClock(), 300);
    const cache = new RowCache(w.store, 64 * 1024);
    const made = vi.spyOn(cache, 'set');
    const kept = new RowText(w.store, w.renderer, w.schema, new Map(), cache).keepAll(VM);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(300);
    const table = w.store.table(VM);
    const ids = [...table.ids()];
    expect(ids.filter((id) => cache.get(table, id, VM)).length).toBe(kept);
    // Rows written whole (keyframes, and the one that found no room): a few, not the 300 - kept left.
    expect(made.mock.calls.length).toBeLessThan(kept + 10);
    expect(cache.get(table, ids[kept]!, VM)).toBeUndefined();
  });

  it('is done for the VMs of scale:N, and for no other seed', () => {
    expect(keptInventories(parseSeed('scale:10'))).toEqual([VM]);
    expect(keptInventories(parseSeed('demo'))).toEqual([]);
    expect(keptInventories(parseSeed('empty+unsupported=GetVersion'))).toEqual([]);
  });
});
