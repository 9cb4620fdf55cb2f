// Rows kept as differences from a keyframe found value by value (row-compare.ts, row-delta.ts): whatever the rows (values
// of every type, present or not, strings that need escapes, nested lists of any length, dates a few milliseconds
// apart, shapes of every sort), the text and schema entries the cache gives back are those of the rendered inventory,
// the first time (cold), the next (warm) and after changes; and rows much like their keyframe keep little.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Row } from '../store/table.js';
import { RowCache, rowBytes, type CachedRow } from './row-cache.js';
import { keepFresh } from './stale-rows.js';
import type { JsonSchema } from './schema.js';
import { RowText } from './text.js';
import { CLOCK, world, type World } from './testing.js';

/** Fewer property cases under mutation testing (each mutant runs them all). */
const propertyRuns = process.env.STRYKER_MUTATOR_WORKER === undefined ? 60 : 10;
const VM = 'VmInstanceInventory';

/** What the renderer and the recorder give for a row at `path`: the reference the cache must match. */
function reference(w: World, inv: string, row: Row, path: string): { json: string; schema: string } {
  const { value, kinds } = w.schema.record(() => w.renderer.render(inv, row));
  const map: JsonSchema = w.schema.build({ [path]: value }, kinds);
  return {
    json: JSON.stringify(value),
    schema: Object.entries(map)
      .map(([k, v]) => `"${k}":"${v}"`)
      .join(','),
  };
}

/** A world whose text writer keeps rows in a cache kept fresh by the store. */
function cachedWorld(reserve = 0): { w: World; text: RowText; cache: RowCache } {
  const w = world();
  const cache = new RowCache(w.store, undefined, reserve);
  keepFresh(w.store, w.renderer, cache);
  return { w, text: new RowText(w.store, w.renderer, w.schema, new Map(), cache), cache };
}

/** Checks every VM's text and entries from the cache against the reference; returns the entries. */
function checkAll(w: World, text: RowText): CachedRow[] {
  const { table } = w.store.scope(VM);
  const ids = [...table.ids()];
  text.expectRows(table, ids);
  return ids.map((id, i) => {
    const row = table.get(id)!;
    const want = reference(w, VM, row, `inventories[${i}]`);
    const e = text.cachedRow(VM, table, id, row);
    expect(rowBytes(e).toString('utf8'), String(row.name)).toBe(want.json);
    expect(text.cachedSchema(VM, table, id, row, `inventories[${i}]`)).toBe(want.schema);
    return e;
  });
}

const uuid = (n: number): string => n.toString(16).padStart(32, '0');

/** A VM much like the others: its own uuid, name and IPs; the zone, host and dates of its neighbours. */
function addVm(w: World, n: number, over: Row = {}, nics = 1, volumes = 1): Row {
  const vm = w.store.insert(VM, {
    uuid: uuid(n),
    name: `vm-${n}`,
    zoneUuid: uuid(1),
    clusterUuid: uuid(2),
    hostUuid: uuid(10 + (n % 3)),
    imageUuid: uuid(4),
    instanceOfferingUuid: uuid(5),
    defaultL3NetworkUuid: uuid(3),
    platform: 'Linux',
    architecture: 'x86_64',
    hypervisorType: 'KVM',
    allocatorStrategy: 'LastHostPreferredAllocatorStrategy',
    memorySize: 1073741824,
    cpuNum: 1,
    state: 'Running',
    type: 'UserVm',
    ...over,
  });
  for (let i = 0; i < nics; i++) {
    const nic = uuid(100_000 + n * 10 + i);
    const l3 = { l3NetworkUuid: uuid(3), netmask: '255.0.0.0', gateway: '10.0.0.1', ipVersion: 4 };
    w.store.insert('VmNicInventory', { uuid: nic, vmInstanceUuid: vm.uuid, ip: `10.0.${n}.${i}`, deviceId: i, hypervisorType: 'KVM', driverType: 'virtio', type: 'VNIC', state: 'enable', ...l3 });
    w.store.insert('UsedIpInventory', { uuid: uuid(200_000 + n * 10 + i), vmNicUuid: nic, ip: `10.0.${n}.${i}`, ipInLong: n * 256 + i, ipRangeUuid: uuid(6), usedFor: 'Application', ...l3 });
  }
  for (let i = 0; i < volumes; i++) {
    const volume = { primaryStorageUuid: uuid(7), format: 'qcow2', state: 'Enabled', status: 'Ready', isShareable: false, actualSize: 429496730 };
    w.store.insert('VolumeInventory', { uuid: uuid(300_000 + n * 10 + i), vmInstanceUuid: vm.uuid, type: i === 0 ? 'Root' : 'Data', size: 2 ** 31 + i, installPath: `/ps/${uuid(n)}-${i}`, ...volume });
  }
  return vm;
}

describe('rows compared with a keyframe value by value', () => {
  it('give the rendered text and entries, cold, warm and after changes; rows like their keyframe keep little', () => {
    const { w, text } = cachedWorld();
    for (let n = 1; n <= 40; n++) addVm(w, n);
    const cold = checkAll(w, text);
    // All but the first are differences from it: a fraction of their text each.
    const small = cold.filter((e) => e.end - e.start < e.size / 2);
    expect(small.length).toBeGreaterThanOrEqual(38);
    checkAll(w, text);
    w.store.update(VM, uuid(7), { name: 'renamed "seven"', state: 'Stopped', hostUuid: null });
    w.store.update('VolumeInventory', uuid(300_000 + 90), { size: 5 });
    w.store.remove('VmNicInventory', uuid(100_000 + 120));
    checkAll(w, text);
  });

  it('write the rows of any values and shapes as rendered (property)', () => {
    const str = fc.oneof(fc.constantFrom('Running', 'Stopped', 'a"b', 'back\\slash', 'tab\there', 'é-名前-\u{1f680}', '\ud800', ''), fc.string({ maxLength: 12 }));
    const value = fc.oneof(str, fc.constantFrom(null, undefined, 0, -0, 1.5, NaN, Infinity, 2 ** 53 + 2, true, false), fc.integer());
    const vm = fc.record({
      name: str,
      description: value,
      state: value,
      memorySize: value,
      platform: value,
      createDate: fc.oneof(fc.constant(CLOCK), fc.integer({ min: CLOCK - 2000, max: CLOCK + 2000 }), fc.constant(null), fc.constant('not a date')),
      nics: fc.nat({ max: 3 }),
      volumes: fc.nat({ max: 2 }),
      nicIp: str,
    });
    fc.assert(
      fc.property(fc.array(vm, { minLength: 1, maxLength: 25 }), fc.array(fc.tuple(fc.nat(), vm), { maxLength: 5 }), (vms, changes) => {
        const { w, text } = cachedWorld();
        vms.forEach((v, i) => {
          const row = addVm(w, i + 1, { name: v.name, description: v.description, state: v.state, memorySize: v.memorySize, platform: v.platform, createDate: v.createDate }, v.nics, v.volumes);
          if (v.nics > 0) w.store.update('VmNicInventory', uuid(100_000 + (i + 1) * 10), { ip: v.nicIp });
          return row;
        });
        checkAll(w, text);
        checkAll(w, text);
        for (const [at, v] of changes) {
          const n = (at % vms.length) + 1;
          w.store.update(VM, uuid(n), { name: v.name, platform: v.platform, memorySize: v.memorySize, createDate: v.createDate });
        }
        checkAll(w, text);
      }),
      { numRuns: propertyRuns },
    );
  });

  it('escape a string that differs from the keyframe`s plain one', () => {
    const { w, text } = cachedWorld();
    addVm(w, 1);
    addVm(w, 2, { name: 'quote " and \\ and \n' });
    addVm(w, 3, { name: 'lone \udc00 surrogate' });
    addVm(w, 4);
    checkAll(w, text);
  });

  it('take a value of another type, a value present against an absent one, other lists, as other shapes', () => {
    const { w, text } = cachedWorld();
    addVm(w, 1);
    addVm(w, 2, { memorySize: '1 GiB' });
    addVm(w, 3, { state: 7 });
    addVm(w, 4, { hostUuid: null, lastHostUuid: uuid(10) });
    addVm(w, 5, {}, 3, 0);
    addVm(w, 6, {}, 0, 2);
    addVm(w, 7, { cpuNum: undefined });
    addVm(w, 8, { memorySize: [1, 2] });
    for (let n = 9; n <= 20; n++) addVm(w, n, n % 2 ? { hostUuid: null } : {}, n % 3, 1);
    checkAll(w, text);
  });

  it('write dates that read the same as the keyframe`s from it, and others as their own', () => {
    const { w, text } = cachedWorld();
    addVm(w, 1, { createDate: CLOCK, lastOpDate: CLOCK });
    // 400 ms later: the same second, the same text.
    const same = addVm(w, 2, { createDate: CLOCK + 400, lastOpDate: CLOCK + 400 });
    addVm(w, 3, { createDate: CLOCK + 5000, lastOpDate: CLOCK + 5000 });
    const [first, second] = checkAll(w, text);
    expect(rowBytes(second!).toString()).toContain('"createDate":"Oct 17, 2024 5:45:35 AM"');
    expect(second!.end - second!.start).toBeLessThan(first!.size / 4);
    expect(same.createDate).toBe(CLOCK + 400);
  });

  it('write an object value as it is now, though the keyframe holds the very same object', () => {
    const { w, text } = cachedWorld();
    const list = ['223.5.5.5'];
    w.store.insert('L3NetworkInventory', { uuid: 'l3-1', name: 'a', dns: list });
    const { table } = w.store.scope('L3NetworkInventory');
    expect(rowBytes(text.cachedRow('L3NetworkInventory', table, 1, table.get(1)!)).toString()).toContain('"dns":["223.5.5.5"]');
    // Changed in place (not through the store): a row written after sees the list as it is.
    list.push('8.8.8.8');
    w.store.insert('L3NetworkInventory', { uuid: 'l3-2', name: 'b', dns: list });
    expect(rowBytes(text.cachedRow('L3NetworkInventory', table, 2, table.get(2)!)).toString()).toContain('"dns":["223.5.5.5","8.8.8.8"]');
  });

  it('make a row that drifted from its keyframe the keyframe of its shape, at most once per 256 rows', () => {
    const { w, text } = cachedWorld();
    // Rows a second apart every 100: their dates drift from the first row's.
    for (let n = 1; n <= 900; n++) addVm(w, n, { createDate: CLOCK + Math.floor(n / 100) * 1000, lastOpDate: CLOCK + Math.floor(n / 100) * 1000 });
    const entries = checkAll(w, text);
    const keyframes = new Set(entries.map((e) => e.keyframe));
    expect(keyframes.size).toBeGreaterThan(1);
    expect(keyframes.size).toBeLessThanOrEqual(1 + Math.ceil(900 / 256));
  });

  it('keep rows of more shapes than it has keyframes for, piece by piece', () => {
    const { w, text } = cachedWorld();
    // Twelve shapes: 0 to 3 nics, 0 to 2 volumes; each shape several times.
    for (let n = 1; n <= 60; n++) addVm(w, n, {}, n % 4, n % 3);
    checkAll(w, text);
    checkAll(w, text);
  });

  it('take its slabs from the memory set aside, and use it again once it starts again', () => {
    const w = world();
    const cache = new RowCache(w.store, undefined, 256 * 1024);
    const text = new RowText(w.store, w.renderer, w.schema, new Map(), cache);
    for (let n = 1; n <= 30; n++) addVm(w, n);
    const first = checkAll(w, text);
    const arena = first[0]!.slab.buffer;
    expect(first.every((e) => e.slab.buffer === arena)).toBe(true);
    // A change the cache is not told of: it starts again, in the same memory.
    w.store.update(VM, uuid(1), { name: 'renamed' });
    const second = checkAll(w, text);
    expect(second.every((e) => e.slab.buffer === arena)).toBe(true);
    expect(second[0]!.slab.byteOffset).toBe(first[0]!.slab.byteOffset);
  });

  it('give the right text when the cache starts again in the middle of a row (its memory used again)', () => {
    const w = world();
    // Room for a few dozen rows: kept rows made stale by changes soon fill it, and it starts again, in the same memory.
    const cache = new RowCache(w.store, 48 * 1024, 48 * 1024);
    keepFresh(w.store, w.renderer, cache);
    const text = new RowText(w.store, w.renderer, w.schema, new Map(), cache);
    for (let n = 1; n <= 120; n++) addVm(w, n);
    for (let round = 0; round < 12; round++) {
      checkAll(w, text);
      for (let n = 1 + (round % 3); n <= 120; n += 3) w.store.update(VM, uuid(n), { name: `vm-${n}-${round}` });
    }
    checkAll(w, text);
  });
});
