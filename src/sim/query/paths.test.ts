// Condition paths: joins and aliases as steps with keys (keys the registry lacks inferred from a kind's parent, a back
// reference or a forward reference), the final field's kind, tag pseudo-fields, and the SYS.1007 details of bad paths.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../schema/registry.js';
import { joinSteps, resolvePath } from './paths.js';
import { inventory, registryOf } from './testing.js';

const real = loadRegistry();
const inv = (name: string) => real.inventory(name)!;
const step = (from: string, to: string, foreignKey: string, targetKey: string) => ({ from, to, foreignKey, targetKey });

/** The SYS.1007 details a path is refused with. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: string; details?: string };
    expect(err.code).toBe('SYS.1007');
    return err.details ?? '';
  }
  throw new Error('not refused');
}

describe('joinSteps over the generated registry', () => {
  it('takes the keys a join has, and follows aliases hop by hop', () => {
    expect(joinSteps(real, inv('VmInstanceInventory'), 'vmNics')).toEqual([step('VmInstanceInventory', 'VmNicInventory', 'uuid', 'vmInstanceUuid')]);
    expect(joinSteps(real, inv('VmNicInventory'), 'securityGroup')).toEqual([
      step('VmNicInventory', 'VmNicSecurityGroupRefInventory', 'uuid', 'vmNicUuid'),
      step('VmNicSecurityGroupRefInventory', 'SecurityGroupInventory', 'securityGroupUuid', 'uuid'),
    ]);
    expect(joinSteps(real, inv('VmInstanceInventory'), 'nosuch')).toBeUndefined();
  });

  it('infers missing keys: a back reference, a forward reference, a kind`s parent join; else gives up', () => {
    expect(joinSteps(real, inv('AffinityGroupInventory'), 'usages')).toEqual([step('AffinityGroupInventory', 'AffinityGroupUsageInventory', 'uuid', 'affinityGroupUuid')]);
    expect(joinSteps(real, inv('AliyunEbsPrimaryStorageInventory'), 'zone')).toEqual([step('AliyunEbsPrimaryStorageInventory', 'ZoneInventory', 'zoneUuid', 'uuid')]);
    expect(joinSteps(real, inv('ImageStoreBackupStorageInventory'), 'image')).toEqual([
      step('ImageStoreBackupStorageInventory', 'ImageBackupStorageRefInventory', 'uuid', 'backupStorageUuid'),
      step('ImageBackupStorageRefInventory', 'ImageInventory', 'imageUuid', 'uuid'),
    ]);
    expect(joinSteps(real, inv('AliyunEbsPrimaryStorageInventory'), 'cluster')).toBeUndefined();
  });
});

describe('joinSteps over a registry made for the test', () => {
  const registry = registryOf([
    // A kind whose parent's join lacks keys too: the back reference (`kVMHostUuid`) is used.
    inventory('KVMHostInventory', ['uuid:String', 'rackUuid:String'], [
      ['nics', 'NicInventory', '', ''],
      ['rack', 'RackInventory', '', ''],
      ['gone', 'GoneInventory', '', ''],
      ['lost', 'GoneInventory', 'lostUuid', 'uuid'],
      ['away', 'NicInventory', '', ''],
      ['wide', 'NicInventory', '', ''],
    ], { aliases: { rackNic: 'rack.nics', lostNic: 'lost.nics' } }),
    inventory('HostInventory', ['uuid:String', 'rackUuid:String'], [
      ['nics', 'NicInventory', 'uuid', ''],
      ['away', 'GoneInventory', 'uuid', 'hostUuid'],
      ['rackRef', 'RackInventory', 'rackUuid', 'uuid'],
    ], { aliases: { wide: 'rackRef.hostNics' } }),
    inventory('NicInventory', ['uuid:String', 'kVMHostUuid:String', 'rackUuid:String', 'inventoryItemUuid:String']),
    inventory('RackInventory', ['uuid:String'], [
      ['nics', 'NicInventory', 'uuid', 'rackUuid'],
      ['hostNics', 'NicInventory', '', ''],
    ]),
    // `Inventory` inside the name: only the suffix goes.
    inventory('InventoryItemInventory', ['uuid:String'], [['nics', 'NicInventory', '', '']]),
    // A kind with no parent in the registry.
    inventory('SftpBackupStorageInventory', ['uuid:String', 'zoneUuid:String'], [['zone', 'ZoneInventory', '', '']]),
    inventory('ZoneInventory', ['uuid:String']),
  ]);
  const get = (name: string) => registry.inventory(name)!;

  it('falls back from a parent join without keys to the references', () => {
    expect(joinSteps(registry, get('KVMHostInventory'), 'nics')).toEqual([step('KVMHostInventory', 'NicInventory', 'uuid', 'kVMHostUuid')]);
    // The parent's alias has one hop with keys and one without: not usable.
    expect(joinSteps(registry, get('KVMHostInventory'), 'wide')).toEqual([step('KVMHostInventory', 'NicInventory', 'uuid', 'kVMHostUuid')]);
    expect(joinSteps(registry, get('InventoryItemInventory'), 'nics')).toEqual([step('InventoryItemInventory', 'NicInventory', 'uuid', 'inventoryItemUuid')]);
    // A join with one key is inferred like one with none (and the host has no reference to use).
    expect(joinSteps(registry, get('HostInventory'), 'nics')).toBeUndefined();
    expect(joinSteps(registry, get('KVMHostInventory'), 'rack')).toEqual([step('KVMHostInventory', 'RackInventory', 'rackUuid', 'uuid')]);
    expect(joinSteps(registry, get('SftpBackupStorageInventory'), 'zone')).toEqual([step('SftpBackupStorageInventory', 'ZoneInventory', 'zoneUuid', 'uuid')]);
  });

  it('chains an inferred hop into the next one of an alias', () => {
    expect(joinSteps(registry, get('KVMHostInventory'), 'rackNic')).toEqual([
      step('KVMHostInventory', 'RackInventory', 'rackUuid', 'uuid'),
      step('RackInventory', 'NicInventory', 'uuid', 'rackUuid'),
    ]);
  });

  it('gives up on a join to an inventory the registry lacks', () => {
    expect(joinSteps(registry, get('KVMHostInventory'), 'gone')).toBeUndefined();
    expect(joinSteps(registry, get('KVMHostInventory'), 'lost')).toBeUndefined();
    expect(joinSteps(registry, get('KVMHostInventory'), 'lostNic')).toBeUndefined();
  });

  it('refuses a path whose parent join leads to an inventory the registry lacks', () => {
    expect(joinSteps(registry, get('KVMHostInventory'), 'away')).toEqual([step('KVMHostInventory', 'GoneInventory', 'uuid', 'hostUuid')]);
    expect(refusal(() => resolvePath(registry, get('KVMHostInventory'), 'away.uuid'))).toBe('join[away] leads to an unknown inventory');
  });
});

describe('resolvePath', () => {
  const vm = inv('VmInstanceInventory');

  it('resolves an own field with its value kind', () => {
    expect(resolvePath(real, vm, 'name')).toEqual({ steps: [], inventory: 'VmInstanceInventory', field: 'name', kind: 'string' });
    expect(resolvePath(real, vm, 'cpuNum')).toEqual({ steps: [], inventory: 'VmInstanceInventory', field: 'cpuNum', kind: 'number' });
    expect(resolvePath(real, vm, 'createDate')).toEqual({ steps: [], inventory: 'VmInstanceInventory', field: 'createDate', kind: 'date' });
    expect(resolvePath(real, inv('ZoneInventory'), 'isDefault').kind).toBe('boolean');
  });

  it('resolves joins to any depth, through aliases, to the far inventory`s field', () => {
    expect(resolvePath(real, vm, 'vmNics.l3Network.name')).toEqual({
      steps: [step('VmInstanceInventory', 'VmNicInventory', 'uuid', 'vmInstanceUuid'), step('VmNicInventory', 'L3NetworkInventory', 'l3NetworkUuid', 'uuid')],
      inventory: 'L3NetworkInventory',
      field: 'name',
      kind: 'string',
    });
    expect(resolvePath(real, inv('VmNicInventory'), 'securityGroup.uuid').steps).toHaveLength(2);
  });

  it('reads the tag pseudo-fields, own or through a join', () => {
    expect(resolvePath(real, vm, '__systemTag__')).toEqual({ steps: [], inventory: 'VmInstanceInventory', field: '__systemTag__', kind: 'string', tag: 'System' });
    expect(resolvePath(real, vm, 'vmNics.__userTag__')).toEqual({
      steps: [step('VmInstanceInventory', 'VmNicInventory', 'uuid', 'vmInstanceUuid')],
      inventory: 'VmNicInventory',
      field: '__userTag__',
      kind: 'string',
      tag: 'Simple',
    });
  });

  it('takes a queryable name that is not a field as a string', () => {
    const registry = registryOf([inventory('ThingInventory', ['uuid:String'], [], { queryable: ['uuid', 'extra'] })]);
    expect(resolvePath(registry, registry.inventory('ThingInventory')!, 'extra')).toEqual({ steps: [], inventory: 'ThingInventory', field: 'extra', kind: 'string' });
  });

  it('refuses bad paths with SYS.1007 and what is wrong', () => {
    expect(refusal(() => resolvePath(real, vm, 'vmNics'))).toBe('field[vmNics] of VmInstanceInventory is not a primitive field and cannot be used in a condition');
    expect(refusal(() => resolvePath(real, vm, 'nosuch'))).toBe("VmInstanceInventory has no queryable field[nosuch] (condition path 'nosuch')");
    expect(refusal(() => resolvePath(real, vm, 'vmNics.nosuch'))).toBe("VmNicInventory has no queryable field[nosuch] (condition path 'vmNics.nosuch')");
    expect(refusal(() => resolvePath(real, vm, 'nosuch.name'))).toBe("VmInstanceInventory has no join[nosuch] (condition path 'nosuch.name')");
    expect(refusal(() => resolvePath(real, vm, 'name.x'))).toBe("VmInstanceInventory has no join[name] (condition path 'name.x')");
    expect(refusal(() => resolvePath(real, inv('AliyunEbsPrimaryStorageInventory'), 'cluster.name'))).toBe(
      'the join[cluster] of AliyunEbsPrimaryStorageInventory has no key metadata; it cannot be queried in the simulator',
    );
  });
});
