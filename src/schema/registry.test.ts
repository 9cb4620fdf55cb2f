import { describe, expect, it } from 'vitest';
import { isPrimitiveType, loadRegistry } from './registry.js';

const reg = loadRegistry();

describe('registry', () => {
  it('holds every API and inventory of ZStack 5.2', () => {
    expect(reg.apiNames()).toHaveLength(1887);
    expect(reg.inventoryNames()).toHaveLength(547);
  });

  it('says whether a word is an API name in its exact case, and no built-in command is one', async () => {
    expect(reg.hasApi('QueryVmInstance')).toBe(true);
    expect(reg.hasApi('queryvminstance')).toBe(false);
    expect(reg.hasApi('QueryVmInstanc')).toBe(false);
    expect(reg.hasApi('VmInstanceInventory')).toBe(false);
    // main.ts runs a word that names an API without looking in the command table.
    const { BUILTINS } = await import('../commands/table.js');
    const words = BUILTINS.flatMap((b) => [b.name, ...(b.aliases ?? [])]);
    expect(words.length).toBeGreaterThan(10);
    for (const w of words) expect(reg.hasApi(w), w).toBe(false);
  });

  it('finds APIs case-insensitively and suggests close names', () => {
    expect(reg.api('startvminstance')?.name).toBe('StartVmInstance');
    expect(reg.api('StartVmInstanec')).toBeUndefined();
    expect(reg.suggestApis('StartVmInstanec')[0]).toBe('StartVmInstance');
    expect(reg.suggestApis('QueryVmInstnce')).toContain('QueryVmInstance');
  });

  it('knows params, wrapper keys and async-ness', () => {
    const start = reg.api('StartVmInstance')!;
    expect(start.wrapper).toBe('startVmInstance');
    expect(start.async).toBe(true);
    expect(reg.param(start, 'hostUuid')).toMatchObject({ in: 'body', type: 'string', resourceType: 'HostVO' });
    expect(reg.param(start, 'uuid')).toMatchObject({ in: 'path', required: true });
    expect(reg.param(start, 'sessionId')).toBeUndefined();
    const login = reg.api('LogInByAccount')!;
    expect(login.needSession).toBe(false);
    expect(reg.param(login, 'password')).toMatchObject({ hashed: true, secret: true });
  });

  it('gives query APIs the common query params and their inventory', () => {
    const q = reg.api('QueryVmInstance')!;
    expect(reg.params(q).map((p) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'start', 'count', 'replyWithCount', 'sortBy', 'sortDirection', 'fields', 'groupBy', 'filterName']),
    );
    expect(reg.inventoryOf(q)?.name).toBe('VmInstanceInventory');
  });

  it('knows the server class of inventories, sub-kinds included', () => {
    expect(reg.inventory('VmInstanceInventory')?.serverClass).toBe('org.zstack.header.vm.VmInstanceInventory');
    expect(reg.inventory('KVMHostInventory')?.serverClass).toBe('org.zstack.kvm.KVMHostInventory');
    expect(reg.inventory('L2VlanNetworkInventory')?.serverClass).toBe('org.zstack.header.network.l2.L2VlanNetworkInventory');
    // Not in the API facts; from the SDK's mapping table.
    expect(reg.inventory('ImageStoreBackupStorageInventory')?.serverClass).toBe(
      'org.zstack.storage.backup.imagestore.ImageStoreBackupStorageInventory',
    );
    expect(reg.inventory('SessionInventory')?.serverClass).toBe('org.zstack.header.identity.SessionInventory');
  });

  it('resolves dotted join paths to any depth', () => {
    const vm = reg.inventory('VmInstanceInventory')!;
    const r = reg.resolvePath(vm, 'zone.cluster.l2Network.l3Network.name');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.inventory.name).toBe('L3NetworkInventory');
      expect(r.field?.name).toBe('name');
      expect(r.joins.map((j) => j.name)).toEqual(['zone', 'cluster', 'l2NetworkRef', 'l2Network', 'l3Network']) // the alias l2Network walks its ref table;
    }
    const j = reg.resolvePath(vm, 'vmNics');
    expect(j).toMatchObject({ ok: true, endsAtJoin: true });
    const bad = reg.resolvePath(vm, 'vmNics.ipp');
    expect(bad).toMatchObject({ ok: false, segment: 1 });
    if (!bad.ok) expect(bad.suggestions).toContain('ip');
    expect(reg.resolvePath(vm, '__systemTag__')).toMatchObject({ ok: true, endsAtJoin: false });
  });
});

describe('registry lookups, corner by corner', () => {
  const vm = reg.inventory('VmInstanceInventory')!;
  const aliased = reg.inventoryNames().map((n) => reg.inventory(n)!).find((i) => Object.keys(i.aliases ?? {}).length > 0)!;

  it('finds a param by exact name first, then ignoring case; suggests params and fields', () => {
    const start = reg.api('StartVmInstance')!;
    expect(reg.param(start, 'HOSTUUID')?.name).toBe('hostUuid');
    expect(reg.param(start, 'hostUuids')).toBeUndefined();
    expect(reg.suggestParams(start, 'hostUid')).toEqual(['hostUuid']);
    expect(reg.suggestParams(start, 'u', 1)).toHaveLength(1);
    expect(reg.suggestFieldNames(vm, 'nme')).toContain('name');
    expect(reg.suggestFieldNames(vm, 'stat', 1)).toEqual(['state']);
    expect(reg.suggestApis('QueryZon', 1)).toEqual(['QueryZone']);
    expect(reg.params(start)).toBe(start.params);
    expect(reg.inventoryOf(start)).toBeUndefined();
  });

  it('tells comparable field types from lists, maps, objects and inventories', () => {
    for (const t of ['String', 'Long', 'Timestamp', 'Boolean', 'VmState', 'Listing', 'MapX']) expect(isPrimitiveType(t), t).toBe(true);
    for (const t of ['List', 'Set', 'Map', 'LinkedHashMap', 'HashMap', 'Object', 'byte[]', 'VmNicInventory']) expect(isPrimitiveType(t), t).toBe(false);
  });

  it('names the conditions of an inventory: queryable and primitive fields, tags, joins and aliases', () => {
    const { fields, joins } = reg.conditionNames(vm);
    expect(fields).toEqual(expect.arrayContaining(['name', 'uuid', '__systemTag__', '__userTag__']));
    expect(fields).not.toContain('vmNics');
    expect(joins).toEqual(expect.arrayContaining(['zone', 'vmNics']));
    expect(reg.conditionNames(aliased).joins).toEqual(expect.arrayContaining(Object.keys(aliased.aliases!)));
  });

  it('follows aliases through their joins, and never finds Object.prototype names', () => {
    for (const [alias, path] of Object.entries(aliased.aliases!)) expect(reg.join(aliased, alias)!.map((j) => j.name)).toEqual(path.split('.'));
    expect(reg.join(vm, 'zone')!.map((j) => j.name)).toEqual(['zone']);
    expect(reg.join(vm, 'toString')).toBeUndefined();
    expect(reg.join(vm, 'nosuch')).toBeUndefined();
  });

  it('says why a path does not resolve, with suggestions only when asked', () => {
    expect(reg.resolvePath(vm, 'name.x')).toMatchObject({ ok: false, segment: 0, problem: 'field-not-join' });
    const noJoin = reg.resolvePath(vm, 'zoen.name');
    expect(noJoin).toMatchObject({ ok: false, segment: 0, problem: 'no-join' });
    if (!noJoin.ok) expect(noJoin.suggestions).toContain('zone');
    const noField = reg.resolvePath(vm, 'nme');
    expect(noField).toMatchObject({ ok: false, segment: 0, problem: 'no-field' });
    if (!noField.ok) expect(noField.suggestions).toContain('name');
    const quiet = reg.resolvePath(vm, 'nme', false);
    if (!quiet.ok) expect(quiet.suggestions).toEqual([]);
    expect(quiet.ok).toBe(false);
    const zone = reg.resolvePath(vm, 'zone.name');
    expect(zone.ok && [zone.inventory.name, zone.field?.name, zone.endsAtJoin]).toEqual(['ZoneInventory', 'name', false]);
  });

  it('finds manual text by the API in any case, and nothing for Object.prototype names', () => {
    expect(reg.doc('querylocalrAidController')).toBeUndefined();
    const some = reg.apiNames().find((n) => reg.doc(n));
    expect(some).toBeDefined();
    expect(reg.doc(some!.toLowerCase())).toEqual(reg.doc(some!));
    expect(reg.doc('toString')).toBeUndefined();
    expect(reg.fieldDoc('VmInstanceInventory', 'toString')).toBeUndefined();
    expect(reg.fieldDoc('toString', '')).toBeUndefined();
  });
});
