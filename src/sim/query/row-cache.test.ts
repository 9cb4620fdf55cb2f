// The row cache: entries live until the store's version moves, are kept per table and row id for one kind, share
// schema templates, and stop being kept (but are still handed back) once the bound is reached.
import { describe, expect, it } from 'vitest';
import { Table } from '../store/table.js';
import { ROW_PATH, RowCache, rowBytes, type CachedRow } from './row-cache.js';

const text = (e: CachedRow): string => rowBytes(e).toString('utf8');

describe('RowCache', () => {
  it('hands back what was kept, until the store changes', () => {
    const store = { version: 1 };
    const cache = new RowCache(store);
    const t = new Table('VmInstanceInventory');
    const made = cache.set(t, 3, 'VmInstanceInventory', '{"name":"vm-é"}', `"${ROW_PATH}":"Vm","${ROW_PATH}.vmNics[0]":"Nic"`);
    expect(text(made)).toBe('{"name":"vm-é"}');
    const hit = cache.get(t, 3, 'VmInstanceInventory');
    expect(hit && text(hit)).toBe('{"name":"vm-é"}');
    expect(hit?.schema.join('inventories[7]')).toBe('"inventories[7]":"Vm","inventories[7].vmNics[0]":"Nic"');
    expect(cache.get(t, 3, 'ApplianceVmInventory')).toBeUndefined();
    expect(cache.get(t, 4, 'VmInstanceInventory')).toBeUndefined();
    expect(cache.get(new Table('VmInstanceInventory'), 3, 'VmInstanceInventory')).toBeUndefined();
    store.version = 2;
    expect(cache.get(t, 3, 'VmInstanceInventory')).toBeUndefined();
    cache.set(t, 4, 'VmInstanceInventory', '{"name":"b"}', '');
    expect(cache.get(t, 3, 'VmInstanceInventory')).toBeUndefined();
    expect(text(cache.get(t, 4, 'VmInstanceInventory')!)).toBe('{"name":"b"}');
  });

  it('shares one schema template between rows of the same shape', () => {
    const cache = new RowCache({ version: 0 });
    const t = new Table('VmInstanceInventory');
    const a = cache.set(t, 1, 'VmInstanceInventory', '{}', `"${ROW_PATH}":"Vm"`);
    const b = cache.set(t, 2, 'VmInstanceInventory', '{}', `"${ROW_PATH}":"Vm"`);
    expect(a.schema).toBe(b.schema);
  });

  it('keeps nothing more once the bound is reached, but still answers', () => {
    const cache = new RowCache({ version: 0 }, 100);
    const t = new Table('ZoneInventory');
    cache.set(t, 1, 'ZoneInventory', 'x'.repeat(20), '');
    const big = cache.set(t, 2, 'ZoneInventory', 'y'.repeat(60), '');
    expect(text(big)).toBe('y'.repeat(60));
    expect(cache.get(t, 1, 'ZoneInventory')).toBeDefined();
    expect(cache.get(t, 2, 'ZoneInventory')).toBeUndefined();
  });

  it('sizes its memory for the rows a reply says are coming, from the size of the first thousand, within the bound', () => {
    const store = { version: 0 };
    const t = new Table('VmInstanceInventory');
    const big = new RowCache(store);
    big.expect(100_000);
    // Rows with nothing in common: each is kept whole, 1000 bytes.
    const row = (id: number): string => `${id}:`.padEnd(1000, String.fromCharCode(97 + (id % 26)));
    const slabs = new Set<Buffer>();
    for (let id = 1; id <= 9000; id++) slabs.add(big.set(t, id, 'VmInstanceInventory', row(id), '').slab);
    const sizes = [...slabs].map((b) => b.length);
    expect(sizes[0]).toBe(8 * 1024 * 1024);
    // Once the first slab is full, the next holds the rest of the reply's rows.
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual((100_000 - 9000) * 1000);
    expect(text(big.get(t, 9000, 'VmInstanceInventory')!)).toBe(row(9000));
    const bounded = new RowCache(store, 1024 * 1024);
    bounded.expect(100_000);
    for (let id = 1; id <= 2000; id++) expect(bounded.set(t, id, 'VmInstanceInventory', row(id), '').slab.length).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
  it('keeps every row of a table, across replies, while the store does not change', () => {
    const store = { version: 5 };
    const cache = new RowCache(store);
    const t = new Table('ZoneInventory');
    cache.set(t, 1, 'ZoneInventory', '{"a":1}', '');
    cache.set(t, 2, 'ZoneInventory', '{"a":2}', '');
    cache.expect(10);
    expect(text(cache.get(t, 1, 'ZoneInventory')!)).toBe('{"a":1}');
    expect(text(cache.get(t, 2, 'ZoneInventory')!)).toBe('{"a":2}');
    store.version = 6;
    cache.expect(10);
    cache.set(t, 3, 'ZoneInventory', '{"a":3}', '');
    expect(cache.get(t, 1, 'ZoneInventory')).toBeUndefined();
    expect(text(cache.get(t, 3, 'ZoneInventory')!)).toBe('{"a":3}');
  });

});
