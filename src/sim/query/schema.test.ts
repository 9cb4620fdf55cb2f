// The reply `schema` map: when a request asks for it, how kinds are noted while a handler runs, the map made from them
// (paths, parents first, only noted objects with a known server class), and the server classes themselves.
import { describe, expect, it, vi } from 'vitest';
import { SchemaRecorder, wantsSchema, type Kinds } from './schema.js';
import { world } from './testing.js';

const VM = 'org.zstack.header.vm.VmInstanceInventory';
const NIC = 'org.zstack.header.vm.VmNicInventory';
const USED_IP = 'org.zstack.header.network.l3.UsedIpInventory';
const ZONE = 'org.zstack.header.zone.ZoneInventory';

describe('wantsSchema', () => {
  it('is true only for the value true, in any case and with spaces around it; a repeated header counts its first value', () => {
    expect(wantsSchema({ 'x-json-schema': 'true' })).toBe(true);
    expect(wantsSchema({ 'x-json-schema': ' TRUE ' })).toBe(true);
    expect(wantsSchema({ 'x-json-schema': 'True' })).toBe(true);
    expect(wantsSchema({ 'x-json-schema': ['true', 'false'] })).toBe(true);
    expect(wantsSchema({ 'x-json-schema': ['false', 'true'] })).toBe(false);
    expect(wantsSchema({ 'x-json-schema': [] })).toBe(false);
    for (const v of ['false', '', 'yes', '1', 'truee']) expect(wantsSchema({ 'x-json-schema': v }), v).toBe(false);
    expect(wantsSchema({})).toBe(false);
    expect(wantsSchema({ 'x-json-schema-other': 'true' })).toBe(false);
  });
});

describe('SchemaRecorder', () => {
  it('notes kinds only while recording, into the map of the innermost recording', () => {
    const { schema } = world();
    const free = {};
    expect(schema.note(free, 'ZoneInventory')).toBe(free);
    const inner = {};
    const outer = {};
    const after = {};
    const kinds: Kinds = new Map();
    const got = schema.record(() => {
      schema.note(outer, 'ZoneInventory');
      const nested = schema.record(() => schema.note(inner, 'HostInventory'));
      expect(nested.value).toBe(inner);
      expect([...nested.kinds]).toEqual([[inner, 'HostInventory']]);
      schema.note(after, 'ClusterInventory');
      return 42;
    }, kinds);
    expect(got.value).toBe(42);
    expect(got.kinds).toBe(kinds);
    expect([...kinds]).toEqual([
      [outer, 'ZoneInventory'],
      [after, 'ClusterInventory'],
    ]);
    schema.note(free, 'ZoneInventory');
    expect(kinds.has(free)).toBe(false);
  });

  it('stops recording when the handler throws', () => {
    const { schema } = world();
    expect(() =>
      schema.record(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const kinds: Kinds = new Map();
    const obj = {};
    schema.note(obj, 'ZoneInventory');
    expect(schema.build({ inventory: obj }, kinds)).toEqual({});
  });

  it('maps each noted object of a reply by its path, parents before children', () => {
    const w = world();
    w.store.insert('VmInstanceInventory', { uuid: 'vm-1' });
    w.store.insert('VmNicInventory', { uuid: 'nic-1', vmInstanceUuid: 'vm-1' });
    w.store.insert('VmNicInventory', { uuid: 'nic-2', vmInstanceUuid: 'vm-1' });
    w.store.insert('UsedIpInventory', { uuid: 'ip-1', vmNicUuid: 'nic-2' });
    const zone = w.store.insert('ZoneInventory', { uuid: 'z-1' });
    const { value, kinds } = w.schema.record(() => ({
      inventories: w.store.all('VmInstanceInventory').map((r) => w.renderer.render('VmInstanceInventory', r)),
      zone: w.renderer.render('ZoneInventory', zone),
      success: true,
      note: null,
    }));
    const map = w.schema.build(value, kinds);
    expect(Object.entries(map)).toEqual([
      ['inventories[0]', VM],
      ['inventories[0].vmNics[0]', NIC],
      ['inventories[0].vmNics[1]', NIC],
      ['inventories[0].vmNics[1].usedIps[0]', USED_IP],
      ['zone', ZONE],
    ]);
  });

  it('walks every field of an object noted by name, only the nested fields of one noted by shape', () => {
    const { schema } = world();
    const zone = { uuid: 'z' };
    const host = { uuid: 'h' };
    const kinds: Kinds = new Map<object, string | { kind: string; nested?: string[] }>([
      [zone, 'ZoneInventory'],
      [host, 'HostInventory'],
    ]);
    const byName = { a: zone, list: [null, 1, [host], host], n: null, s: 'x' };
    kinds.set(byName, 'NoClassForThis');
    const byShape = { a: zone, b: host };
    kinds.set(byShape, { kind: 'ClusterInventory', nested: ['b', 'missing'] });
    const free = { inner: zone };
    expect(Object.entries(schema.build({ byName, byShape, free, top: [zone, null, 'x'], none: null, n: 1 }, kinds))).toEqual([
      ['byName.a', ZONE],
      ['byName.list[3]', 'org.zstack.header.host.HostInventory'],
      ['byShape', 'org.zstack.header.cluster.ClusterInventory'],
      ['byShape.b', 'org.zstack.header.host.HostInventory'],
      ['free.inner', ZONE],
      ['top[0]', ZONE],
    ]);
    // A shape without a nested list is walked like a name.
    kinds.set(byShape, { kind: 'ClusterInventory' });
    expect(schema.build({ byShape }, kinds)).toEqual({
      byShape: 'org.zstack.header.cluster.ClusterInventory',
      'byShape.a': ZONE,
      'byShape.b': 'org.zstack.header.host.HostInventory',
    });
    expect(schema.build({ byShape }, new Map())).toEqual({});
  });

  it('names the server classes: the registry`s, then those the SDK knows that the registry has not', async () => {
    // A fresh load: the table of the SDK's classes is built when the module loads.
    vi.resetModules();
    const { schema } = (await import('./testing.js')).world();
    expect(schema.serverClass('KVMHostInventory')).toBe('org.zstack.kvm.KVMHostInventory');
    // Classes the registry has not, named after the kind (nested classes after a `$`).
    const sdk = ['CloneVmInstanceResults', 'CloneVmInstanceInventory', 'ErrorCode', 'SnapshotLeafInventory', 'VolumeFormatReplyStruct', 'PolicyStatement', 'QuotaUsage'];
    const scheduler = ['SchedulerJobInventory', 'SchedulerTriggerInventory', 'SchedulerJobSchedulerTriggerInventory', 'SchedulerJobHistoryInventory'];
    for (const kind of [...sdk, ...scheduler]) {
      expect(schema.serverClass(kind), kind).toMatch(/^org\.zstack\.header\.[a-z.]+\.[A-Za-z$]+$/);
      expect(schema.serverClass(kind)!.split(/[.$]/).pop(), kind).toBe(kind);
    }
    for (const kind of scheduler) expect(schema.serverClass(kind)).toBe(`org.zstack.header.scheduler.${kind}`);
    expect(schema.serverClass('SnapshotLeafInventory')).toBe('org.zstack.header.storage.snapshot.VolumeSnapshotTree$SnapshotLeafInventory');
    expect(schema.serverClass('QuotaUsage')).toBe('org.zstack.header.identity.Quota$QuotaUsage');
    // Known to neither (asked twice: the miss is remembered, not turned into a class).
    for (let i = 0; i < 2; i++) {
      expect(schema.serverClass('SNSApplicationPlatformInventory')).toBeUndefined();
      expect(schema.serverClass('NoSuchThing')).toBeUndefined();
      expect(schema.serverClass('toString')).toBeUndefined();
    }
    expect(new SchemaRecorder(world().registry).serverClass('ZoneInventory')).toBe(ZONE);
  });
});
