// The query engine on small stores: row ids in order, paging, count and replyWithCount, the account filter, sorting
// with ties and nulls, joins walked back to the root (through kinds sharing a table, never through a missing key), tags,
// and the SYS.1007 details of bad fields and sorts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, QueryEngine, type QueryAnswer, type QuerySpec } from './engine.js';
import { inventory, registryOf, world, type World } from './testing.js';

/** The answer without its scope (a live table). */
function plain(a: QueryAnswer): Omit<QueryAnswer, 'scope'> {
  const { scope: _scope, ...rest } = a;
  return rest;
}

/** VMs 1..4 on KVM hosts A and B (VM 3 on none), with system and user tags on VMs and on a host. */
function vms(): { w: World; engine: QueryEngine; ids: (...q: string[]) => number[] } {
  const w = world();
  const s = w.store;
  s.insert('KVMHostInventory', { uuid: 'h-A', name: 'A', hypervisorType: 'KVM' });
  s.insert('KVMHostInventory', { uuid: 'h-B', name: 'B', hypervisorType: 'KVM' });
  s.insert('VmInstanceInventory', { uuid: 'vm-1', name: 'one', cpuNum: 2, hostUuid: 'h-B' });
  s.insert('VmInstanceInventory', { uuid: 'vm-2', name: 'two', cpuNum: 1, hostUuid: 'h-A' });
  s.insert('VmInstanceInventory', { uuid: 'vm-3', name: 'three', cpuNum: 2 });
  s.insert('VmInstanceInventory', { uuid: 'vm-4', name: 'four', cpuNum: 2, hostUuid: 'h-A' });
  s.insert('TagInventory', { uuid: 't-1', type: 'System', tag: 'ha::NeverStop', resourceUuid: 'h-A' });
  s.insert('TagInventory', { uuid: 't-2', type: 'System', tag: 'ha::NeverStop', resourceUuid: 'vm-2' });
  s.insert('TagInventory', { uuid: 't-3', type: 'Simple', tag: 'prod', resourceUuid: 'vm-1' });
  s.insert('TagInventory', { uuid: 't-4', type: 'Simple', tag: 'prod', resourceUuid: 'vm-gone' });
  const engine = new QueryEngine(s, w.registry);
  return { w, engine, ids: (...q) => engine.run('VmInstanceInventory', { conditions: q }).ids };
}

function details(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect((e as { code?: string }).code).toBe('SYS.1007');
    return (e as { details: string }).details;
  }
  throw new Error('not refused');
}

describe('QueryEngine.run', () => {
  it('answers nothing for an inventory the registry does not know, even with rows stored under its name', () => {
    const w = world();
    w.store.insert('NoSuchInventory', { uuid: 'x' });
    const engine = new QueryEngine(w.store, w.registry);
    expect(plain(engine.run('NoSuchInventory', { conditions: [] }))).toEqual({ inventory: 'NoSuchInventory', ids: [], countOnly: false });
    expect(plain(engine.run('NoSuchInventory', { conditions: [], count: true }))).toEqual({ inventory: 'NoSuchInventory', ids: [], countOnly: true, total: 0 });
    expect(plain(engine.run('NoSuchInventory', { conditions: [], replyWithCount: true }))).toEqual({ inventory: 'NoSuchInventory', ids: [], countOnly: false, total: 0 });
  });

  it('pages, counts and adds the total when asked', () => {
    const { engine } = vms();
    const run = (spec: Omit<QuerySpec, 'conditions'>, ...q: string[]) => plain(engine.run('VmInstanceInventory', { conditions: q, ...spec }));
    expect(run({})).toEqual({ inventory: 'VmInstanceInventory', ids: [1, 2, 3, 4], countOnly: false });
    expect(run({ count: true }, 'cpuNum=2')).toEqual({ inventory: 'VmInstanceInventory', ids: [], countOnly: true, total: 3 });
    expect(run({ replyWithCount: true, limit: 1, start: 1 }, 'cpuNum=2')).toEqual({ inventory: 'VmInstanceInventory', ids: [3], countOnly: false, total: 3 });
    expect(run({ limit: 4 }).ids).toEqual([1, 2, 3, 4]);
    expect(run({ limit: 3 }).ids).toEqual([1, 2, 3]);
    expect(run({ limit: 0 }).ids).toEqual([]);
    expect(run({ limit: -5 }).ids).toEqual([]);
    expect(run({ start: -2, limit: 2 }).ids).toEqual([1, 2]);
    expect(run({ start: 3 }).ids).toEqual([4]);
    expect(run({ start: 9 }).ids).toEqual([]);
    expect(run({ fields: ['name', 'uuid'] })).toEqual({ inventory: 'VmInstanceInventory', ids: [1, 2, 3, 4], countOnly: false, fields: ['name', 'uuid'] });
    expect(DEFAULT_LIMIT).toBe(1000);
  });

  it('narrows to the rows an account may see, before counting', () => {
    const { engine } = vms();
    const only = () => new Set([2, 4, 9]);
    expect(engine.run('VmInstanceInventory', { conditions: [] }, only).ids).toEqual([2, 4]);
    expect(engine.run('VmInstanceInventory', { conditions: ['cpuNum=2'], count: true }, only).total).toBe(1);
    expect(engine.run('VmInstanceInventory', { conditions: [], replyWithCount: true, limit: 1 }, only).total).toBe(2);
  });

  it('sorts by a field up or down, nulls first, ties in row order', () => {
    const { engine } = vms();
    const sorted = (sort: string) => engine.run('VmInstanceInventory', { conditions: [], sort }).ids;
    expect(sorted('+cpuNum')).toEqual([2, 1, 3, 4]);
    expect(sorted('cpuNum')).toEqual([2, 1, 3, 4]);
    expect(sorted('-cpuNum')).toEqual([1, 3, 4, 2]);
    expect(sorted('hostUuid')).toEqual([3, 2, 4, 1]);
    expect(sorted('-hostUuid')).toEqual([1, 2, 4, 3]);
    expect(sorted('-name')).toEqual([2, 3, 1, 4]);
  });

  it('refuses a condition without an operator, and fields or sorts that are not primitive fields', () => {
    const { engine } = vms();
    const run = (spec: Partial<QuerySpec>) => () => engine.run('VmInstanceInventory', { conditions: [], ...spec });
    expect(details(run({ conditions: ['name=one', 'justaword'] }))).toBe('invalid query condition[justaword]: no operator found');
    expect(details(run({ fields: ['name', 'vmNics'] }))).toBe("field[vmNics] is not a primitive field of VmInstanceInventory; it cannot be selected in 'fields'");
    expect(details(run({ fields: ['nosuch'] }))).toBe("field[nosuch] is not a primitive field of VmInstanceInventory; it cannot be selected in 'fields'");
    expect(details(run({ sort: '-vmNics' }))).toBe('cannot sort by field[vmNics]: not a primitive field of VmInstanceInventory');
    expect(details(run({ sort: 'no-such' }))).toBe('cannot sort by field[no-such]: not a primitive field of VmInstanceInventory');
    expect(details(run({ sort: 'name ' }))).toBe('cannot sort by field[name ]: not a primitive field of VmInstanceInventory');
    expect(details(run({ sort: ' name' }))).toBe(
      "cannot sort by field[ name]: not a primitive field of VmInstanceInventory (an unencoded '+' in a query string reads as a space: send %2B)",
    );
  });
});

describe('QueryEngine.select', () => {
  it('answers ids in row order whatever order a join found them in', () => {
    const { ids } = vms();
    expect(ids('host.name?=A,B')).toEqual([1, 2, 4]);
    expect(ids('host.name?=A,B', 'cpuNum?=2,1', 'name!=two')).toEqual([1, 4]);
    expect(ids('host.name=A')).toEqual([2, 4]);
  });

  it('compares at the far end of a join with any operator', () => {
    const { ids } = vms();
    expect(ids('host.name>A')).toEqual([1]);
    expect(ids('host.name<B')).toEqual([2, 4]);
    expect(ids('host.name!=A')).toEqual([1]);
    expect(ids('host.name~=%')).toEqual([1, 2, 4]);
  });

  it('matches tags of the queried rows only, positive and negated', () => {
    const { ids } = vms();
    expect(ids('__systemTag__=ha::NeverStop')).toEqual([2]);
    expect(ids('__systemTag__!=ha::NeverStop')).toEqual([1, 3, 4]);
    expect(ids('__systemTag__!?=ha::NeverStop,x')).toEqual([1, 3, 4]);
    expect(ids('__userTag__=prod')).toEqual([1]);
    expect(ids('__userTag__ is null')).toEqual([2, 3, 4]);
    expect(ids('__userTag__ not null')).toEqual([1]);
    expect(ids('__userTag__~=pr%')).toEqual([1]);
    expect(ids('__userTag__!~=pr%')).toEqual([2, 3, 4]);
    expect(ids('host.__systemTag__=ha::NeverStop')).toEqual([2, 4]);
  });
});

describe('QueryEngine.select through kinds and missing keys', () => {
  /** Places list their KVM hosts (a kind in the hosts' table); hosts have nics; places may have an owner. */
  function places(): { ids: (...q: string[]) => number[] } {
    const registry = registryOf([
      inventory(
        'PlaceInventory',
        ['uuid:String', 'name:String', 'ownerUuid:String'],
        [
          ['hosts', 'KVMHostInventory', 'uuid', 'placeUuid'],
          ['owner', 'OwnerInventory', 'ownerUuid', 'uuid'],
        ],
      ),
      inventory('KVMHostInventory', ['uuid:String', 'name:String', 'placeUuid:String'], [['nics', 'NicInventory', 'uuid', 'hostUuid']]),
      inventory('HostInventory', ['uuid:String', 'name:String', 'placeUuid:String'], [['nics', 'NicInventory', 'uuid', 'hostUuid']]),
      inventory('NicInventory', ['uuid:String', 'ip:String', 'hostUuid:String']),
      inventory('OwnerInventory', ['uuid:String', 'name:String']),
      inventory('TagInventory', ['uuid:String', 'type:String', 'tag:String', 'resourceUuid:String']),
    ]);
    const w = world(registry);
    const s = w.store;
    s.insert('PlaceInventory', { uuid: 'p-1', name: 'one', ownerUuid: 'o-1' });
    s.insert('PlaceInventory', { uuid: 'p-2', name: 'two' });
    s.insert('OwnerInventory', { uuid: 'o-1', name: 'ann' });
    s.insert('OwnerInventory', { name: 'nobody' });
    s.insert('OwnerInventory', { uuid: null, name: 'null-key' });
    s.insert('KVMHostInventory', { uuid: 'h-1', name: 'kvm', placeUuid: 'p-1', hypervisorType: 'KVM' });
    s.insert('HostInventory', { uuid: 'h-2', name: 'esx', placeUuid: 'p-2', hypervisorType: 'ESX' });
    s.insert('HostInventory', { uuid: 'h-3', name: 'esx2', placeUuid: 'p-1', hypervisorType: 'ESX' });
    s.insert('NicInventory', { uuid: 'n-1', ip: '10.0.0.1', hostUuid: 'h-1' });
    s.insert('NicInventory', { uuid: 'n-2', ip: '10.0.0.2', hostUuid: 'h-2' });
    s.insert('TagInventory', { uuid: 't-1', type: 'System', tag: 'esx-only', resourceUuid: 'h-2' });
    s.insert('TagInventory', { uuid: 't-2', type: 'System', tag: 'kvm-only', resourceUuid: 'h-1' });
    const engine = new QueryEngine(s, registry);
    return { ids: (...q) => engine.run('PlaceInventory', { conditions: q }).ids };
  }

  it('counts only rows of the joined kind, at the far end and on the way back', () => {
    const { ids } = places();
    expect(ids('hosts.name=kvm')).toEqual([1]);
    expect(ids('hosts.name=esx')).toEqual([]);
    expect(ids('hosts.name?=esx,esx2')).toEqual([]);
    expect(ids('hosts.name~=esx%')).toEqual([]);
    expect(ids('hosts.nics.ip=10.0.0.2')).toEqual([]);
    expect(ids('hosts.nics.ip=10.0.0.1')).toEqual([1]);
    expect(ids('hosts.__systemTag__=esx-only')).toEqual([]);
    expect(ids('hosts.__systemTag__=kvm-only')).toEqual([1]);
    expect(ids('hosts.__systemTag__!=esx-only')).toEqual([1]);
  });

  it('joins nothing through a missing key', () => {
    const { ids } = places();
    expect(ids('owner.name=nobody')).toEqual([]);
    expect(ids('owner.name=null-key')).toEqual([]);
    expect(ids('owner.name=ann')).toEqual([1]);
    expect(ids('owner.name is null')).toEqual([]);
  });
});
