import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';

const reg = loadRegistry();

describe('registry', () => {
  it('holds every API and inventory of ZStack 5.2', () => {
    expect(reg.apiNames()).toHaveLength(1887);
    expect(reg.inventoryNames()).toHaveLength(547);
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
