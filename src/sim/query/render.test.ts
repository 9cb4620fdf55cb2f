// The renderer: stored rows as inventories (registry fields in order, ZStack dates, nested and derived lists, computed
// fields, sub-kinds, the nesting limit) and the plans it keeps per inventory.
import { describe, expect, it, vi } from 'vitest';
import type { Row } from '../store/table.js';
import { MAX_DEPTH } from './render.js';
import { CLOCK_TEXT, inventory, registryOf, world } from './testing.js';

const DATES = { createDate: CLOCK_TEXT, lastOpDate: CLOCK_TEXT };

describe('Renderer.render', () => {
  it('writes the registry fields in their order, leaves out null and missing ones, dates as ZStack text', () => {
    const w = world();
    const zone = w.store.insert('ZoneInventory', { uuid: 'z-1', name: 'zone-1', description: null, state: 'Enabled', isDefault: false, __rev: 3 });
    expect(JSON.stringify(w.renderer.render('ZoneInventory', zone))).toBe(
      `{"uuid":"z-1","name":"zone-1","state":"Enabled","isDefault":false,"createDate":"${CLOCK_TEXT}","lastOpDate":"${CLOCK_TEXT}"}`,
    );
    // A date that is not a number of milliseconds is left out.
    const odd = w.store.insert('ZoneInventory', { uuid: 'z-2', createDate: 'yesterday' });
    expect(w.renderer.render('ZoneInventory', odd)).toEqual({ uuid: 'z-2' });
  });

  it('writes only the selected fields', () => {
    const w = world();
    const zone = w.store.insert('ZoneInventory', { uuid: 'z-1', name: 'zone-1', state: 'Enabled' });
    expect(w.renderer.render('ZoneInventory', zone, ['name', 'createDate'])).toEqual({ name: 'zone-1', createDate: CLOCK_TEXT });
    expect(w.renderer.render('ZoneInventory', zone, [])).toEqual({});
  });

  it('nests a VM`s nics (with their used IPs) and volumes, and lists with no rows as []', () => {
    const w = world();
    const vm = w.store.insert('VmInstanceInventory', { uuid: 'vm-1', name: 'web', cpuNum: 2, memorySize: 2 ** 40 + 1 });
    w.store.insert('VmNicInventory', { uuid: 'nic-1', vmInstanceUuid: 'vm-1', ip: '10.0.0.5', deviceId: 0 });
    w.store.insert('VmNicInventory', { uuid: 'nic-2', vmInstanceUuid: 'vm-1', ip: '10.0.1.5', deviceId: 1 });
    w.store.insert('VmNicInventory', { uuid: 'nic-9', vmInstanceUuid: 'vm-other', ip: '10.0.9.5' });
    w.store.insert('UsedIpInventory', { uuid: 'ip-1', vmNicUuid: 'nic-1', ip: '10.0.0.5' });
    w.store.insert('VolumeInventory', { uuid: 'vol-1', vmInstanceUuid: 'vm-1', type: 'Root' });
    const out = w.renderer.render('VmInstanceInventory', vm);
    expect(Object.keys(out)).toEqual(['uuid', 'name', 'memorySize', 'cpuNum', 'createDate', 'lastOpDate', 'vmNics', 'allVolumes', 'vmCdRoms']);
    expect(out).toEqual({
      uuid: 'vm-1',
      name: 'web',
      memorySize: 2 ** 40 + 1,
      cpuNum: 2,
      ...DATES,
      vmNics: [
        { uuid: 'nic-1', vmInstanceUuid: 'vm-1', ip: '10.0.0.5', deviceId: 0, usedIps: [{ uuid: 'ip-1', ip: '10.0.0.5', vmNicUuid: 'nic-1', ...DATES }], ...DATES },
        { uuid: 'nic-2', vmInstanceUuid: 'vm-1', ip: '10.0.1.5', deviceId: 1, usedIps: [], ...DATES },
      ],
      allVolumes: [{ uuid: 'vol-1', vmInstanceUuid: 'vm-1', type: 'Root', ...DATES }],
      vmCdRoms: [],
    });
  });

  it(`stops nesting at depth ${MAX_DEPTH}`, () => {
    const w = world();
    const vm = w.store.insert('VmInstanceInventory', { uuid: 'vm-1', name: 'web' });
    w.store.insert('VmNicInventory', { uuid: 'nic-1', vmInstanceUuid: 'vm-1' });
    w.store.insert('UsedIpInventory', { uuid: 'ip-1', vmNicUuid: 'nic-1' });
    expect(w.renderer.render('VmInstanceInventory', vm, undefined, 1).vmNics).toEqual([{ uuid: 'nic-1', vmInstanceUuid: 'vm-1', ...DATES }]);
    expect(w.renderer.render('VmInstanceInventory', vm, undefined, 2)).toEqual({ uuid: 'vm-1', name: 'web', ...DATES });
  });

  it('a row without the key a nested list hangs on gets [], a nested object is left out', () => {
    const w = world();
    w.store.insert('VmNicInventory', { uuid: 'nic-x', ip: '10.0.0.9' });
    const vm = w.store.insert('VmInstanceInventory', { name: 'no-uuid', createDate: null, lastOpDate: null });
    expect(w.renderer.render('VmInstanceInventory', vm)).toStrictEqual({ name: 'no-uuid', vmNics: [], allVolumes: [], vmCdRoms: [] });
    const nullKey = w.store.insert('VmInstanceInventory', { uuid: null, name: 'null-uuid', createDate: null, lastOpDate: null });
    expect(w.renderer.render('VmInstanceInventory', nullKey)).toStrictEqual({ name: 'null-uuid', vmNics: [], allVolumes: [], vmCdRoms: [] });
    const lone = w.store.insert('SNSApplicationEndpointInventory', { uuid: 'ep-1', createDate: null, lastOpDate: null });
    expect(w.renderer.render('SNSApplicationEndpointInventory', lone)).toEqual({ uuid: 'ep-1' });
  });

  it('nests a single inventory as an object, and leaves it out when its row is gone', () => {
    const w = world();
    w.store.insert('SNSApplicationPlatformInventory', { uuid: 'pf-1', name: 'dingtalk' });
    w.store.insert('SNSApplicationPlatformInventory', { uuid: 'pf-2', name: 'email' });
    const ep = w.store.insert('SNSApplicationEndpointInventory', { uuid: 'ep-1', platformUuid: 'pf-2' });
    expect(w.renderer.render('SNSApplicationEndpointInventory', ep).platform).toEqual({ uuid: 'pf-2', name: 'email', ...DATES });
    const orphan = w.store.insert('SNSApplicationEndpointInventory', { uuid: 'ep-2', platformUuid: 'pf-gone' });
    expect(w.renderer.render('SNSApplicationEndpointInventory', orphan)).toEqual({ uuid: 'ep-2', platformUuid: 'pf-gone', ...DATES });
  });

  it('renders a row as its own kind: a KVM host asked for as a host has the KVM fields', () => {
    const w = world();
    const kvm = w.store.insert('KVMHostInventory', { uuid: 'h-1', hypervisorType: 'KVM', username: 'root', sshPort: 22 });
    const plain = w.store.insert('HostInventory', { uuid: 'h-2', hypervisorType: 'Simulator', username: 'nobody' });
    expect(w.renderer.render('HostInventory', kvm)).toEqual({ uuid: 'h-1', hypervisorType: 'KVM', username: 'root', sshPort: 22, ...DATES });
    expect(w.renderer.render('HostInventory', plain)).toEqual({ uuid: 'h-2', hypervisorType: 'Simulator', ...DATES });
  });

  it('derives the lists ZStack computes from other tables', async () => {
    // A fresh load: the table of derived lists is built when the module loads.
    vi.resetModules();
    const w = (await import('./testing.js')).world();
    const { store } = w;
    const one = (inv: string, row: Row, field: string): unknown => w.renderer.render(inv, store.insert(inv, row), [field])[field];
    store.insert('L2NetworkClusterRefInventory', { l2NetworkUuid: 'l2-1', clusterUuid: 'c-1' });
    store.insert('L2NetworkClusterRefInventory', { l2NetworkUuid: 'l2-1', clusterUuid: 'c-2' });
    store.insert('L2NetworkClusterRefInventory', { l2NetworkUuid: 'l2-9', clusterUuid: 'c-9' });
    expect(one('L2NetworkInventory', { uuid: 'l2-1' }, 'attachedClusterUuids')).toEqual(['c-1', 'c-2']);
    store.insert('PrimaryStorageClusterRefInventory', { primaryStorageUuid: 'ps-1', clusterUuid: 'c-3' });
    expect(one('PrimaryStorageInventory', { uuid: 'ps-1' }, 'attachedClusterUuids')).toEqual(['c-3']);
    store.insert('BackupStorageZoneRefInventory', { backupStorageUuid: 'bs-1', zoneUuid: 'z-1' });
    expect(one('BackupStorageInventory', { uuid: 'bs-1' }, 'attachedZoneUuids')).toEqual(['z-1']);
    store.insert('AffinityGroupUsageInventory', { uuid: 'u-1', affinityGroupUuid: 'ag-1', resourceUuid: 'vm-1', resourceType: 'VmInstanceVO' });
    expect(one('AffinityGroupInventory', { uuid: 'ag-1' }, 'usages')).toEqual([
      { uuid: 'u-1', affinityGroupUuid: 'ag-1', resourceUuid: 'vm-1', resourceType: 'VmInstanceVO', ...DATES },
    ]);
    store.insert('SecurityGroupL3NetworkRefInventory', { securityGroupUuid: 'sg-1', l3NetworkUuid: 'l3-1' });
    expect(one('SecurityGroupInventory', { uuid: 'sg-1' }, 'attachedL3NetworkUuids')).toEqual(['l3-1']);
    store.insert('LoadBalancerListenerVmNicRefInventory', { id: 7, listenerUuid: 'lbl-1', vmNicUuid: 'nic-1', status: 'Active' });
    expect(one('LoadBalancerListenerInventory', { uuid: 'lbl-1' }, 'vmNicRefs')).toEqual([
      { id: 7, listenerUuid: 'lbl-1', vmNicUuid: 'nic-1', status: 'Active', ...DATES },
    ]);
    store.insert('SchedulerJobSchedulerTriggerInventory', { uuid: 'ref-1', schedulerJobUuid: 'job-1', schedulerTriggerUuid: 'tr-1' });
    store.insert('SchedulerJobSchedulerTriggerInventory', { uuid: 'ref-2', schedulerJobUuid: 'job-2', schedulerTriggerUuid: 'tr-1' });
    expect(one('SchedulerJobInventory', { uuid: 'job-1' }, 'triggersUuid')).toEqual(['tr-1']);
    expect(one('SchedulerTriggerInventory', { uuid: 'tr-1' }, 'jobsUuid')).toEqual(['job-1', 'job-2']);
  });

  it('writes policy statements as stored, as copies', () => {
    const w = world();
    const statements = [{ name: 's', effect: 'Allow', actions: ['org.zstack.header.vm.*'] }];
    const policy = w.store.insert('PolicyInventory', { uuid: 'p-1', name: 'vm-admin', statements });
    const out = w.renderer.render('PolicyInventory', policy);
    expect(out).toEqual({ uuid: 'p-1', name: 'vm-admin', statements });
    expect((out.statements as unknown[])[0]).not.toBe(statements[0]);
    const none = w.store.insert('PolicyInventory', { uuid: 'p-2', statements: 'not a list' });
    expect(w.renderer.render('PolicyInventory', none)).toEqual({ uuid: 'p-2', statements: [] });
  });

  it('builds a snapshot tree from the root down, children in insertion order', () => {
    const w = world();
    const snap = (uuid: string, parentUuid?: string, treeUuid = 't-1'): Row =>
      w.store.insert('VolumeSnapshotInventory', { uuid, treeUuid, ...(parentUuid ? { parentUuid } : {}) });
    snap('s-2', 's-1');
    snap('s-1');
    snap('s-3', 's-1');
    snap('s-4', 's-2');
    snap('s-9', undefined, 't-2');
    const tree = w.store.insert('VolumeSnapshotTreeInventory', { uuid: 't-1', current: true });
    const inv = (uuid: string, parentUuid?: string): Record<string, unknown> => ({
      uuid,
      treeUuid: 't-1',
      ...(parentUuid ? { parentUuid } : {}),
      ...DATES,
      backupStorageRefs: [],
    });
    expect(w.renderer.render('VolumeSnapshotTreeInventory', tree)).toStrictEqual({
      uuid: 't-1',
      current: true,
      tree: {
        inventory: inv('s-1'),
        children: [
          { inventory: inv('s-2', 's-1'), parentUuid: 's-1', children: [{ inventory: inv('s-4', 's-2'), parentUuid: 's-2', children: [] }] },
          { inventory: inv('s-3', 's-1'), parentUuid: 's-1', children: [] },
        ],
      },
      ...DATES,
    });
    const bare = w.store.insert('VolumeSnapshotTreeInventory', { uuid: 't-3' });
    expect(w.renderer.render('VolumeSnapshotTreeInventory', bare)).toStrictEqual({ uuid: 't-3', ...DATES });
  });
});

describe('Renderer.planOf', () => {
  it('says how each field is made, and which fields hold rendered inventories', () => {
    const w = world();
    const how = (inv: string): string[] => w.renderer.planOf(inv).fields.map((p) => `${p.name}:${p.how}`);
    expect(how('ZoneInventory')).toEqual(['uuid:plain', 'name:plain', 'description:plain', 'state:plain', 'type:plain', 'isDefault:plain', 'createDate:date', 'lastOpDate:date']);
    expect(w.renderer.planOf('VmInstanceInventory').shape).toEqual({ kind: 'VmInstanceInventory', nested: ['vmNics', 'allVolumes', 'vmCdRoms'] });
    // Lists of uuids hold no inventories; computed fields do.
    expect(w.renderer.planOf('L2NetworkInventory').shape).toEqual({ kind: 'L2NetworkInventory', nested: [] });
    expect(w.renderer.planOf('PolicyInventory').shape).toEqual({ kind: 'PolicyInventory', nested: ['statements'] });
    expect(w.renderer.planOf('VolumeSnapshotTreeInventory').shape.nested).toEqual(['tree']);
    expect(w.renderer.planOf('ZoneInventory')).toBe(w.renderer.planOf('ZoneInventory'));
    expect(w.renderer.planOf('NoSuchInventory')).toEqual({ fields: [], shape: { kind: 'NoSuchInventory', nested: [] } });
  });

  it('reads Date and Timestamp as dates, other non-scalars without a one-hop join as plain values', () => {
    const registry = registryOf([
      inventory(
        'ThingInventory',
        ['uuid:String', 'when:Date', 'at:Timestamp', 'meta:Map', 'hw:HwMonitorStatus', 'parts:List', 'owner:OwnerInventory', 'far:List', 'ownerUuid:String'],
        [
          ['parts', 'PartInventory', 'uuid', 'thingUuid'],
          ['ownerUuid', 'OwnerInventory', 'ownerUuid', 'uuid'],
          ['owner', 'OwnerInventory', 'ownerUuid', 'uuid'],
          ['ownerRef', 'OwnerInventory', 'ownerUuid', 'uuid'],
        ],
        { aliases: { far: 'ownerRef.parts' } },
      ),
      inventory('PartInventory', ['uuid:String', 'thingUuid:String', 'bits:List'], [['bits', 'BitInventory', 'uuid', 'partUuid']]),
      inventory('BitInventory', ['uuid:String', 'partUuid:String']),
      inventory('OwnerInventory', ['uuid:String', 'parts:List'], [['parts', 'PartInventory', 'uuid', 'ownerUuid']]),
    ]);
    const w = world(registry);
    expect(w.renderer.planOf('ThingInventory').fields).toEqual([
      { name: 'uuid', how: 'plain' },
      { name: 'when', how: 'date' },
      { name: 'at', how: 'date' },
      { name: 'meta', how: 'plain' },
      { name: 'hw', how: 'plain' },
      { name: 'parts', how: 'nested', inventory: 'PartInventory', ownKey: 'uuid', key: 'thingUuid', list: true },
      { name: 'owner', how: 'nested', inventory: 'OwnerInventory', ownKey: 'ownerUuid', key: 'uuid', list: false },
      { name: 'far', how: 'plain' },
      { name: 'ownerUuid', how: 'plain' },
    ]);
    const thing = w.store.insert('ThingInventory', { uuid: 't', when: 0, at: 'now', meta: { a: 1 }, hw: 'Ok', ownerUuid: 'o', far: ['x'] });
    w.store.insert('OwnerInventory', { uuid: 'o', createDate: null, lastOpDate: null });
    w.store.insert('PartInventory', { uuid: 'p', ownerUuid: 'o', thingUuid: 't', createDate: null, lastOpDate: null });
    w.store.insert('BitInventory', { uuid: 'b', partUuid: 'p', createDate: null, lastOpDate: null });
    // The owner is one level down, so its parts are at the last level and their bits are left out.
    expect(w.renderer.render('ThingInventory', thing)).toStrictEqual({
      uuid: 't',
      when: 'Jan 1, 1970 12:00:00 AM',
      meta: { a: 1 },
      hw: 'Ok',
      parts: [{ uuid: 'p', thingUuid: 't', bits: [{ uuid: 'b', partUuid: 'p' }] }],
      owner: { uuid: 'o', parts: [{ uuid: 'p', thingUuid: 't' }] },
      far: ['x'],
      ownerUuid: 'o',
    });
  });
});
