// The row cache kept fresh row by row: after each change (through the API, or straight to the store), every row of every
// query inventory has the same text and schema entries from the cache as rendered afresh, and a change to one row drops
// only the rows whose text holds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Renderer } from '../../src/sim/query/render.js';
import { RowCache, rowBytes } from '../../src/sim/query/row-cache.js';
import { SchemaRecorder } from '../../src/sim/query/schema.js';
import { keepFresh } from '../../src/sim/query/stale-rows.js';
import { RowText } from '../../src/sim/query/text.js';
import { login, ok, query } from './http.js';

let sim: Simulator;
let session: string;
let cache: RowCache;
let cached: RowText;
let fresh: RowText;
let inventories: string[];

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  session = await login(sim);
  const { store } = sim;
  const schema = new SchemaRecorder(store.registry);
  const renderer = new Renderer(store, store.registry, schema);
  cache = new RowCache(store);
  keepFresh(store, renderer, cache);
  cached = new RowText(store, renderer, schema, new Map(), cache);
  fresh = new RowText(store, new Renderer(store, store.registry, schema), schema);
  inventories = [
    ...new Set(
      store.registry
        .apiNames()
        .map((n) => store.registry.api(n)!)
        .filter((a) => a.query && a.inventory)
        .map((a) => a.inventory!),
    ),
  ];
});
afterAll(() => sim.close());

/** Every row of every query inventory: cached text and schema entries against fresh ones; how many came from the cache. */
function compareAll(): { rows: number; hits: number } {
  let rows = 0;
  let hits = 0;
  for (const inv of inventories) {
    const scope = sim.store.scope(inv);
    for (const [id, row] of scope.table.entries()) {
      if (!sim.store.inScope(scope, row)) continue;
      const kind = typeof row.__kind === 'string' ? row.__kind : inv;
      if (cache.get(scope.table, id, kind)) hits++;
      const path = `inventories[${rows % 7}]`;
      expect(rowBytes(cached.cachedRow(inv, scope.table, id, row)).toString('utf8'), `${inv} ${String(row.uuid)}`).toBe(fresh.row(inv, row));
      expect(cached.cachedSchema(inv, scope.table, id, row, path), `${inv} ${String(row.uuid)} schema`).toBe(fresh.schema(inv, row, path));
      rows++;
    }
  }
  return { rows, hits };
}

const first = async (path: string, cond: string): Promise<any> => (await query(sim, session, path, [['q', cond]])).inventories[0];

describe('the row cache, row by row', () => {
  it('keeps the rows a change does not reach, and drops those it does (the row, the rows holding it)', async () => {
    const all = compareAll();
    expect(all.rows).toBeGreaterThan(200);
    expect(compareAll().hits).toBe(all.rows);
    const vm = await first('/vm-instances', 'name=web-01');
    await ok(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { updateVmInstance: { description: 'row by row' } } });
    // The VM's own row, and rows holding it (none: a VM is nested nowhere at depth 1 of another query).
    const after = compareAll();
    expect(after.hits).toBeGreaterThanOrEqual(all.rows - 3);
    expect(after.hits).toBeLessThan(all.rows);
    // A used IP is held by its nic, which a VM holds: three rows go (the IP, its nic, the VM).
    const nic = vm.vmNics[0];
    const ipId = sim.store.table('UsedIpInventory').idOf(nic.usedIps[0].uuid)!;
    sim.store.table('UsedIpInventory').update(ipId, { usedFor: 'Cached?' });
    const ipTable = sim.store.table('UsedIpInventory');
    const nicTable = sim.store.table('VmNicInventory');
    const vmTable = sim.store.table('VmInstanceInventory');
    expect(cache.get(ipTable, ipId, 'UsedIpInventory')).toBeUndefined();
    expect(cache.get(nicTable, nicTable.idOf(nic.uuid)!, 'VmNicInventory')).toBeUndefined();
    expect(cache.get(vmTable, vmTable.idOf(vm.uuid)!, 'VmInstanceInventory')).toBeUndefined();
    const other = (await first('/vm-instances', 'name=web-02')).uuid as string;
    expect(cache.get(vmTable, vmTable.idOf(other)!, 'VmInstanceInventory')).toBeDefined();
    expect(compareAll().hits).toBeGreaterThanOrEqual(all.rows - 5);
  });

  it('gives fresh text after changes of every sort: VMs, nics, volumes, snapshots, security groups, removals', async () => {
    const image = await first('/images', 'name=centos-7');
    const offering = await first('/instance-offerings', 'name=small');
    const l3 = await first('/l3-networks', 'name=l3-flat-1');
    const l3b = await first('/l3-networks', 'name=l3-vlan-100');
    const disk = (await query(sim, session, '/disk-offerings')).inventories[0];
    compareAll();
    const vm = (await ok(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'fresh-1', imageUuid: image.uuid, instanceOfferingUuid: offering.uuid, l3NetworkUuids: [l3.uuid] } } }))
      .inventory;
    compareAll();
    await ok(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { stopVmInstance: {} } });
    compareAll();
    await ok(sim, 'POST', `/vm-instances/${vm.uuid as string}/l3-networks/${l3b.uuid as string}`, { session, body: { params: {} } });
    compareAll();
    const data = (await ok(sim, 'POST', '/volumes/data', { session, body: { params: { name: 'fresh-data', diskOfferingUuid: disk.uuid } } })).inventory;
    await ok(sim, 'POST', `/volumes/${data.uuid as string}/vm-instances/${vm.uuid as string}`, { session, body: { params: {} } });
    compareAll();
    const s1 = (await ok(sim, 'POST', `/volumes/${vm.rootVolumeUuid as string}/volume-snapshots`, { session, body: { params: { name: 's1' } } })).inventory;
    compareAll();
    await ok(sim, 'POST', `/volumes/${vm.rootVolumeUuid as string}/volume-snapshots`, { session, body: { params: { name: 's2' } } });
    compareAll();
    await ok(sim, 'PUT', `/volume-snapshots/${s1.uuid as string}/actions`, { session, body: { revertVolumeFromSnapshot: {} } });
    compareAll();
    await ok(sim, 'PUT', `/volume-snapshots/${s1.uuid as string}/actions`, { session, body: { updateVolumeSnapshot: { name: 's1-renamed' } } });
    compareAll();
    const sg = (await ok(sim, 'POST', '/security-groups', { session, body: { params: { name: 'fresh-sg' } } })).inventory;
    await ok(sim, 'POST', `/security-groups/${sg.uuid as string}/l3-networks/${l3.uuid as string}`, { session, body: { params: {} } });
    compareAll();
    await ok(sim, 'DELETE', `/volume-snapshots/${s1.uuid as string}`, { session });
    compareAll();
    await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}`, { session });
    compareAll();
    await ok(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { expungeVmInstance: {} } });
    compareAll();
  });

  it('gives fresh text after a nested row moves from one holder to another, or goes', () => {
    compareAll();
    const nics = sim.store.table('VmNicInventory');
    const [a, b] = [...nics.values()].filter((n) => typeof n.vmInstanceUuid === 'string');
    const id = nics.idOf(String(a!.uuid))!;
    nics.update(id, { vmInstanceUuid: b!.vmInstanceUuid });
    compareAll();
    nics.remove(id);
    compareAll();
  });

  it('drops everything after a change it was not told of', () => {
    compareAll();
    const unwatched = new RowCache(sim.store);
    const t = sim.store.table('ZoneInventory');
    unwatched.set(t, 1, 'ZoneInventory', '{}', '');
    expect(unwatched.get(t, 1, 'ZoneInventory')).toBeDefined();
    sim.store.update('ZoneInventory', String(t.get(1)!.uuid), { description: 'unwatched' });
    expect(unwatched.get(t, 1, 'ZoneInventory')).toBeUndefined();
    expect(compareAll().rows).toBeGreaterThan(200);
  });
});
