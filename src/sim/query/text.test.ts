// The text writer of query replies: byte for byte JSON.stringify of the rendered inventory (whole rows through the
// generated code, selected fields field by field, cached rows), strings escaped as JSON does, and the `schema` entries
// in the order SchemaRecorder.build gives them.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Row } from '../store/table.js';
import { rowBytes } from './row-cache.js';
import type { JsonSchema } from './schema.js';
import { CLOCK, CLOCK_TEXT, inventory, registryOf, world, type World } from './testing.js';

const VM = 'org.zstack.header.vm.VmInstanceInventory';
const NIC = 'org.zstack.header.vm.VmNicInventory';
const USED_IP = 'org.zstack.header.network.l3.UsedIpInventory';
const VOLUME = 'org.zstack.header.volume.VolumeInventory';
const DATES = `"createDate":"${CLOCK_TEXT}","lastOpDate":"${CLOCK_TEXT}"`;

/** A store holding every way a field is written: nesting, derived lists, computed fields, kinds, escapes, odd numbers. */
function richWorld(make: typeof world = world): World {
  const w = make();
  const s = w.store;
  s.insert('VmInstanceInventory', { uuid: 'vm-1', name: 'web "01"', cpuNum: 2, memorySize: NaN, cpuSpeed: Infinity, reservedMemorySize: -0, hostUuid: 'h-1' });
  s.insert('VmInstanceInventory', { uuid: 'vm-2', name: 'plain', description: null, state: 'Stopped' });
  s.insert('VmInstanceInventory', { name: 'no uuid', createDate: null, lastOpDate: null });
  s.insert('VmInstanceInventory', { uuid: null, name: 'null uuid', createDate: null, lastOpDate: null });
  s.insert('VmNicInventory', { uuid: 'nic-1', vmInstanceUuid: 'vm-1', ip: '10.0.0.5', deviceId: 0 });
  s.insert('VmNicInventory', { uuid: 'nic-2', vmInstanceUuid: 'vm-1', ip: '10.0.1.5', deviceId: 1, metaData: 'tab\there' });
  s.insert('VmNicInventory', { uuid: 'nic-3', ip: '10.0.9.9' });
  s.insert('UsedIpInventory', { uuid: 'ip-1', vmNicUuid: 'nic-1', ip: '10.0.0.5' });
  s.insert('UsedIpInventory', { uuid: 'ip-2', vmNicUuid: 'nic-1', ip: '10.0.0.6' });
  s.insert('VolumeInventory', { uuid: 'vol-1', vmInstanceUuid: 'vm-1', type: 'Root', size: 2 ** 53 + 2 });
  s.insert('KVMHostInventory', { uuid: 'h-1', hypervisorType: 'KVM', username: 'root', sshPort: 22 });
  s.insert('HostInventory', { uuid: 'h-2', hypervisorType: 'Simulator', username: 'not shown' });
  s.insert('SNSApplicationPlatformInventory', { uuid: 'pf-1', name: 'email' });
  s.insert('SNSApplicationEndpointInventory', { uuid: 'ep-1', platformUuid: 'pf-1' });
  s.insert('SNSApplicationEndpointInventory', { uuid: 'ep-2', platformUuid: 'pf-gone' });
  s.insert('SNSApplicationEndpointInventory', { uuid: 'ep-3' });
  s.insert('L2NetworkInventory', { uuid: 'l2-1', name: 'l2', isolated: false });
  s.insert('L2NetworkClusterRefInventory', { l2NetworkUuid: 'l2-1', clusterUuid: 'c-1' });
  s.insert('L2NetworkClusterRefInventory', { l2NetworkUuid: 'l2-1', clusterUuid: 'c-2' });
  s.insert('L3NetworkInventory', { uuid: 'l3-1', dns: ['223.5.5.5', 'a"b'] });
  s.insert('PolicyInventory', { uuid: 'p-1', statements: [{ effect: 'Allow', actions: ['x:*'] }, { effect: 'Deny', actions: [] }] });
  s.insert('PolicyInventory', { uuid: 'p-2' });
  s.insert('VolumeSnapshotInventory', { uuid: 's-1', treeUuid: 't-1' });
  s.insert('VolumeSnapshotInventory', { uuid: 's-2', treeUuid: 't-1', parentUuid: 's-1' });
  s.insert('VolumeSnapshotInventory', { uuid: 's-3', treeUuid: 't-1', parentUuid: 's-2' });
  s.insert('VolumeSnapshotTreeInventory', { uuid: 't-1', current: true });
  s.insert('VolumeSnapshotTreeInventory', { uuid: 't-2' });
  s.insert('ZoneInventory', { uuid: 'z-1', name: 'a "quoted" \\ name\n', description: '"\\', state: '', type: '\ud800', isDefault: true });
  s.insert('AffinityGroupInventory', { uuid: 'ag-1' });
  s.insert('AffinityGroupUsageInventory', { uuid: 'u-1', affinityGroupUuid: 'ag-1', resourceUuid: 'vm-1' });
  s.insert('SchedulerJobInventory', { uuid: 'job-1' });
  s.insert('SchedulerJobSchedulerTriggerInventory', { uuid: 'ref-1', schedulerJobUuid: 'job-1', schedulerTriggerUuid: 'tr-1' });
  return w;
}

const RICH = [
  'VmInstanceInventory',
  'VmNicInventory',
  'UsedIpInventory',
  'VolumeInventory',
  'HostInventory',
  'KVMHostInventory',
  'SNSApplicationEndpointInventory',
  'L2NetworkInventory',
  'L3NetworkInventory',
  'PolicyInventory',
  'VolumeSnapshotInventory',
  'VolumeSnapshotTreeInventory',
  'ZoneInventory',
  'AffinityGroupInventory',
  'SchedulerJobInventory',
];

/** The schema map as the text writer writes its entries. */
function entriesOf(map: JsonSchema): string {
  return Object.entries(map)
    .map(([k, v]) => `"${k}":"${v}"`)
    .join(',');
}

/** What the renderer and the recorder give for a row at `path`: the reference the text writer must match. */
function reference(w: World, inv: string, row: Row, path: string, fields?: string[]): { json: string; schema: string } {
  const { value, kinds } = w.schema.record(() => w.renderer.render(inv, row, fields));
  return { json: JSON.stringify(value), schema: entriesOf(w.schema.build({ [path]: value }, kinds)) };
}

describe('RowText', () => {
  it('writes whole rows, cached or not, as JSON.stringify of the rendered inventory, and the same schema entries', () => {
    const w = richWorld();
    const plain = w.text();
    const cached = w.text(true);
    let rows = 0;
    for (const inv of RICH) {
      const { table } = w.store.scope(inv);
      cached.expectRows(table, [...table.ids()]);
      plain.expectRows(table, [...table.ids()]);
      for (const row of w.store.all(inv)) {
        const id = [...table.ids()].find((i) => table.get(i) === row)!;
        const want = reference(w, inv, row, 'inventories[3]');
        // Twice: the generated code is made on the first row of a kind, and a row's "no escapes" memo on its first write.
        for (let i = 0; i < 2; i++) {
          expect(plain.row(inv, row), inv).toBe(want.json);
          expect(rowBytes(plain.cachedRow(inv, table, id, row)).toString(), inv).toBe(want.json);
          expect(rowBytes(cached.cachedRow(inv, table, id, row)).toString(), inv).toBe(want.json);
          expect(plain.schema(inv, row, 'inventories[3]'), inv).toBe(want.schema);
          expect(plain.cachedSchema(inv, table, id, row, 'inventories[3]'), inv).toBe(want.schema);
          expect(cached.cachedSchema(inv, table, id, row, 'inventories[3]'), inv).toBe(want.schema);
        }
        rows++;
      }
    }
    expect(rows).toBeGreaterThan(25);
  });

  it('writes any selection of fields as JSON.stringify of the inventory rendered with them, and the same schema entries', () => {
    const w = richWorld();
    const text = w.text();
    const rows = RICH.flatMap((inv) => w.store.all(inv).map((row) => ({ inv, row, names: w.renderer.planOf(inv).fields.map((f) => f.name) })));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rows.length - 1 }).chain((i) => fc.tuple(fc.constant(rows[i]!), fc.subarray(rows[i]!.names))),
        ([{ inv, row }, fields]) => {
          const want = reference(w, inv, row, 'p', fields);
          expect(text.row(inv, row, fields)).toBe(want.json);
          expect(text.schema(inv, row, 'p', fields)).toBe(want.schema);
        },
      ),
    );
  });

  it('writes a VM with its nics, used IPs and volumes, numbers JSON cannot hold as null', () => {
    const w = richWorld();
    const vm = w.store.get('VmInstanceInventory', 'vm-1')!;
    const nic1 = `{"uuid":"nic-1","vmInstanceUuid":"vm-1","ip":"10.0.0.5","usedIps":[{"uuid":"ip-1","ip":"10.0.0.5","vmNicUuid":"nic-1",${DATES}},{"uuid":"ip-2","ip":"10.0.0.6","vmNicUuid":"nic-1",${DATES}}],"deviceId":0,${DATES}}`;
    const nic2 = `{"uuid":"nic-2","vmInstanceUuid":"vm-1","ip":"10.0.1.5","metaData":"tab\\there","usedIps":[],"deviceId":1,${DATES}}`;
    const vol = `{"uuid":"vol-1","vmInstanceUuid":"vm-1","type":"Root","size":9007199254740994,${DATES}}`;
    const whole = `{"uuid":"vm-1","name":"web \\"01\\"","hostUuid":"h-1","memorySize":null,"reservedMemorySize":0,"cpuNum":2,"cpuSpeed":null,${DATES},"vmNics":[${nic1},${nic2}],"allVolumes":[${vol}],"vmCdRoms":[]}`;
    expect(w.text().row('VmInstanceInventory', vm)).toBe(whole);
    expect(w.text().row('VmInstanceInventory', vm, ['name', 'memorySize', 'vmNics', 'vmCdRoms'])).toBe(
      `{"name":"web \\"01\\"","memorySize":null,"vmNics":[${nic1},${nic2}],"vmCdRoms":[]}`,
    );
    expect(w.text().schema('VmInstanceInventory', vm, 'inventories[0]')).toBe(
      `"inventories[0]":"${VM}","inventories[0].vmNics[0]":"${NIC}","inventories[0].vmNics[0].usedIps[0]":"${USED_IP}","inventories[0].vmNics[0].usedIps[1]":"${USED_IP}","inventories[0].vmNics[1]":"${NIC}","inventories[0].allVolumes[0]":"${VOLUME}"`,
    );
    expect(w.text().schema('VmInstanceInventory', vm, 'x', ['name'])).toBe(`"x":"${VM}"`);
    const bare = w.store.all('VmInstanceInventory')[2]!;
    expect(w.text().row('VmInstanceInventory', bare)).toBe('{"name":"no uuid","vmNics":[],"allVolumes":[],"vmCdRoms":[]}');
    expect(w.text().row('VmInstanceInventory', bare, ['name', 'vmNics', 'description'])).toBe('{"name":"no uuid","vmNics":[]}');
    expect(w.text().schema('VmInstanceInventory', bare, 'x')).toBe(`"x":"${VM}"`);
    expect(w.text().row('VmInstanceInventory', bare, ['createDate', 'name'])).toBe('{"name":"no uuid"}');
    // A null key joins nothing either (rows whose key is missing are not its rows).
    const nullKey = w.store.all('VmInstanceInventory')[3]!;
    expect(w.text().row('VmInstanceInventory', nullKey)).toBe('{"name":"null uuid","vmNics":[],"allVolumes":[],"vmCdRoms":[]}');
    expect(w.text().row('VmInstanceInventory', nullKey, ['vmNics'])).toBe('{"vmNics":[]}');
    expect(w.text().schema('VmInstanceInventory', nullKey, 'x')).toBe(`"x":"${VM}"`);
  });

  it('escapes strings as JSON does: quotes, backslashes, controls, lone surrogates', async () => {
    // A fresh load: the pattern of characters to escape is made when the module loads.
    vi.resetModules();
    const w = richWorld((await import('./testing.js')).world);
    const zone = w.store.get('ZoneInventory', 'z-1')!;
    const want = `{"uuid":"z-1","name":"a \\"quoted\\" \\\\ name\\n","description":"\\"\\\\","state":"","type":"\\ud800","isDefault":true,${DATES}}`;
    expect(w.text().row('ZoneInventory', zone)).toBe(want);
    expect(w.text().row('ZoneInventory', zone, ['description', 'name'])).toBe('{"name":"a \\"quoted\\" \\\\ name\\n","description":"\\"\\\\"}');
    const l3 = w.store.get('L3NetworkInventory', 'l3-1')!;
    expect(w.text().row('L3NetworkInventory', l3, ['dns', 'uuid'])).toBe('{"uuid":"l3-1","dns":["223.5.5.5","a\\"b"]}');
  });

  it('escapes a string an update brought in, in a row written before without escapes', () => {
    const w = richWorld();
    const text = w.text();
    const zone = w.store.insert('ZoneInventory', { uuid: 'z-9', name: 'calm', createDate: null, lastOpDate: null });
    expect(text.row('ZoneInventory', zone)).toBe('{"uuid":"z-9","name":"calm"}');
    w.store.update('ZoneInventory', 'z-9', { name: 'say "hi"', lastOpDate: null });
    expect(text.row('ZoneInventory', zone)).toBe('{"uuid":"z-9","name":"say \\"hi\\""}');
    w.store.update('ZoneInventory', 'z-9', { name: 'calm again', lastOpDate: null });
    expect(text.row('ZoneInventory', zone)).toBe('{"uuid":"z-9","name":"calm again"}');
  });

  it('writes a single nested inventory as an object, or not at all', () => {
    const w = richWorld();
    const ep = (uuid: string): Row => w.store.get('SNSApplicationEndpointInventory', uuid)!;
    const platform = `{"uuid":"pf-1","name":"email",${DATES}}`;
    expect(w.text().row('SNSApplicationEndpointInventory', ep('ep-1'))).toBe(`{"uuid":"ep-1","platformUuid":"pf-1",${DATES},"platform":${platform}}`);
    expect(w.text().row('SNSApplicationEndpointInventory', ep('ep-1'), ['platform'])).toBe(`{"platform":${platform}}`);
    expect(w.text().row('SNSApplicationEndpointInventory', ep('ep-2'))).toBe(`{"uuid":"ep-2","platformUuid":"pf-gone",${DATES}}`);
    expect(w.text().row('SNSApplicationEndpointInventory', ep('ep-2'), ['platform'])).toBe('{}');
    expect(w.text().row('SNSApplicationEndpointInventory', ep('ep-3'))).toBe(`{"uuid":"ep-3",${DATES}}`);
    expect(w.text().row('SNSApplicationEndpointInventory', ep('ep-3'), ['platform', 'uuid'])).toBe('{"uuid":"ep-3"}');
    // Neither the endpoint nor its platform has a server class.
    expect(w.text().schema('SNSApplicationEndpointInventory', ep('ep-1'), 'p')).toBe('');
  });

  it('writes a row as its own kind, with its own class', () => {
    const w = richWorld();
    const kvm = w.store.get('HostInventory', 'h-1')!;
    const { table } = w.store.scope('HostInventory');
    expect(w.text().row('HostInventory', kvm)).toBe(`{"uuid":"h-1","hypervisorType":"KVM",${DATES},"username":"root","sshPort":22}`);
    expect(w.text().row('HostInventory', kvm, ['sshPort'])).toBe('{"sshPort":22}');
    expect(rowBytes(w.text().cachedRow('HostInventory', table, table.idOf('h-1')!, kvm)).toString()).toBe(w.text().row('HostInventory', kvm));
    expect(w.text().schema('HostInventory', kvm, 'p')).toBe('"p":"org.zstack.kvm.KVMHostInventory"');
    expect(w.text(true).cachedSchema('HostInventory', table, table.idOf('h-1')!, kvm, 'q')).toBe('"q":"org.zstack.kvm.KVMHostInventory"');
    const other = w.store.get('HostInventory', 'h-2')!;
    expect(w.text().row('HostInventory', other)).toBe(`{"uuid":"h-2","hypervisorType":"Simulator",${DATES}}`);
  });

  it('writes computed fields (policy statements, snapshot trees) and their schema entries', () => {
    const w = richWorld();
    const policy = w.store.get('PolicyInventory', 'p-1')!;
    const statements = '[{"effect":"Allow","actions":["x:*"]},{"effect":"Deny","actions":[]}]';
    expect(w.text().row('PolicyInventory', policy)).toBe(`{"statements":${statements},"uuid":"p-1"}`);
    expect(w.text().row('PolicyInventory', policy, ['statements'])).toBe(`{"statements":${statements}}`);
    const statement = 'org.zstack.header.identity.PolicyStatement';
    expect(w.text().schema('PolicyInventory', policy, 'p')).toBe(
      `"p":"org.zstack.header.identity.PolicyInventory","p.statements[0]":"${statement}","p.statements[1]":"${statement}"`,
    );
    expect(w.text().schema('PolicyInventory', policy, 'p', ['uuid'])).toBe('"p":"org.zstack.header.identity.PolicyInventory"');
    const tree = w.store.get('VolumeSnapshotTreeInventory', 't-1')!;
    const snap = (uuid: string, parent?: string): string =>
      `{"uuid":"${uuid}","treeUuid":"t-1",${parent ? `"parentUuid":"${parent}",` : ''}${DATES},"backupStorageRefs":[]}`;
    const leaf3 = `{"inventory":${snap('s-3', 's-2')},"parentUuid":"s-2","children":[]}`;
    const leaf2 = `{"inventory":${snap('s-2', 's-1')},"parentUuid":"s-1","children":[${leaf3}]}`;
    const root = `{"inventory":${snap('s-1')},"children":[${leaf2}]}`;
    expect(w.text().row('VolumeSnapshotTreeInventory', tree)).toBe(`{"uuid":"t-1","current":true,"tree":${root},${DATES}}`);
    expect(w.text().row('VolumeSnapshotTreeInventory', tree, ['tree'])).toBe(`{"tree":${root}}`);
    const LEAF = 'org.zstack.header.storage.snapshot.VolumeSnapshotTree$SnapshotLeafInventory';
    const SNAP = 'org.zstack.header.storage.snapshot.VolumeSnapshotInventory';
    expect(w.text().schema('VolumeSnapshotTreeInventory', tree, 't')).toBe(
      [
        '"t":"org.zstack.header.storage.snapshot.VolumeSnapshotTreeInventory"',
        `"t.tree":"${LEAF}"`,
        `"t.tree.inventory":"${SNAP}"`,
        `"t.tree.children[0]":"${LEAF}"`,
        `"t.tree.children[0].inventory":"${SNAP}"`,
        `"t.tree.children[0].children[0]":"${LEAF}"`,
        `"t.tree.children[0].children[0].inventory":"${SNAP}"`,
      ].join(','),
    );
    const empty = w.store.get('VolumeSnapshotTreeInventory', 't-2')!;
    expect(w.text().row('VolumeSnapshotTreeInventory', empty)).toBe(`{"uuid":"t-2",${DATES}}`);
    expect(w.text().schema('VolumeSnapshotTreeInventory', empty, 't')).toBe('"t":"org.zstack.header.storage.snapshot.VolumeSnapshotTreeInventory"');
  });

  it('writes derived lists of uuids without schema entries', () => {
    const w = richWorld();
    const l2 = w.store.get('L2NetworkInventory', 'l2-1')!;
    expect(w.text().row('L2NetworkInventory', l2)).toBe(`{"uuid":"l2-1","name":"l2","isolated":false,${DATES},"attachedClusterUuids":["c-1","c-2"]}`);
    expect(w.text().row('L2NetworkInventory', l2, ['attachedClusterUuids'])).toBe('{"attachedClusterUuids":["c-1","c-2"]}');
    expect(w.text().schema('L2NetworkInventory', l2, 'p')).toBe('"p":"org.zstack.header.network.l2.L2NetworkInventory"');
    // The rows a list of uuids is picked from have a class of their own, but are not in the reply.
    const job = w.store.get('SchedulerJobInventory', 'job-1')!;
    expect(w.text().row('SchedulerJobInventory', job, ['triggersUuid'])).toBe('{"triggersUuid":["tr-1"]}');
    expect(w.text().schema('SchedulerJobInventory', job, 'p')).toBe('"p":"org.zstack.header.scheduler.SchedulerJobInventory"');
  });

  it('keeps a whole row`s text and entries in the cache until the store changes', () => {
    const w = richWorld();
    const text = w.text(true);
    const { table } = w.store.scope('ZoneInventory');
    const zone = w.store.insert('ZoneInventory', { uuid: 'z-5', name: 'before', createDate: null, lastOpDate: null });
    const id = table.idOf('z-5')!;
    expect(rowBytes(text.cachedRow('ZoneInventory', table, id, zone)).toString()).toBe('{"uuid":"z-5","name":"before"}');
    // Changed behind the store's back: the cache cannot know, and answers what it kept.
    zone.name = 'behind';
    expect(rowBytes(text.cachedRow('ZoneInventory', table, id, zone)).toString()).toBe('{"uuid":"z-5","name":"before"}');
    expect(text.cachedSchema('ZoneInventory', table, id, zone, 'inventories[1]')).toBe('"inventories[1]":"org.zstack.header.zone.ZoneInventory"');
    w.store.update('ZoneInventory', 'z-5', { name: 'after', lastOpDate: null });
    expect(rowBytes(text.cachedRow('ZoneInventory', table, id, zone)).toString()).toBe('{"uuid":"z-5","name":"after"}');
    // Without a cache every call writes the row afresh.
    const uncached = w.text();
    zone.name = 'now';
    expect(rowBytes(uncached.cachedRow('ZoneInventory', table, id, zone)).toString()).toBe('{"uuid":"z-5","name":"now"}');
    expect(uncached.cachedSchema('ZoneInventory', table, id, zone, 'inventories[0]')).toBe('"inventories[0]":"org.zstack.header.zone.ZoneInventory"');
  });
});

describe('RowText on a registry made for the test', () => {
  /** A -> B -> C -> D, each a list of the next: deeper than the nesting limit. Zones list their KVM hosts. */
  function chain(): World {
    const link = (name: string, back: string | undefined, next: [string, string, string] | undefined) =>
      inventory(
        `${name}Inventory`,
        ['uuid:String', ...(back ? [`${back}:String`] : []), ...(next ? [`${next[0]}:List`] : [])],
        next ? [[next[0], `${next[1]}Inventory`, 'uuid', next[2]]] : [],
        { serverClass: `test.${name}` },
      );
    const registry = registryOf([
      inventory(
        'AInventory',
        ['uuid:String', 'bs:List', 'topUuid:String', 'top:BInventory'],
        [
          ['bs', 'BInventory', 'uuid', 'aUuid'],
          ['top', 'BInventory', 'topUuid', 'uuid'],
        ],
        { serverClass: 'test.A' },
      ),
      link('B', 'aUuid', ['cs', 'C', 'bUuid']),
      link('C', 'bUuid', ['ds', 'D', 'cUuid']),
      link('D', 'cUuid', undefined),
      inventory('PlaceInventory', ['uuid:String', 'hosts:List'], [['hosts', 'KVMHostInventory', 'uuid', 'placeUuid']], { serverClass: 'test.Place' }),
      inventory('KVMHostInventory', ['uuid:String', 'placeUuid:String'], [], { serverClass: 'test.KVMHost' }),
      inventory('HostInventory', ['uuid:String', 'placeUuid:String'], [], { serverClass: 'test.Host' }),
      inventory('StampInventory', ['at:Timestamp']),
      inventory('PolicyInventory', ['uuid:String', 'statements:List']),
    ]);
    const w = world(registry);
    const add = (inv: string, row: Row): Row => w.store.insert(inv, { createDate: null, lastOpDate: null, ...row });
    add('AInventory', { uuid: 'a', topUuid: 'b2' });
    add('BInventory', { uuid: 'b1', aUuid: 'a' });
    add('BInventory', { uuid: 'b2', aUuid: 'a' });
    add('CInventory', { uuid: 'c', bUuid: 'b2' });
    add('DInventory', { uuid: 'd', cUuid: 'c' });
    add('PlaceInventory', { uuid: 'pl' });
    add('KVMHostInventory', { uuid: 'h1', placeUuid: 'pl', hypervisorType: 'KVM' });
    add('HostInventory', { uuid: 'h2', placeUuid: 'pl', hypervisorType: 'ESX' });
    add('KVMHostInventory', { uuid: 'h3', placeUuid: 'pl', hypervisorType: 'KVM' });
    add('StampInventory', { at: CLOCK });
    add('PolicyInventory', { uuid: 'po', statements: [{ effect: 'Allow' }] });
    return w;
  }

  it('stops nesting two levels down, in the text and in the schema entries', () => {
    const w = chain();
    const a = w.store.get('AInventory', 'a')!;
    const b2 = '{"uuid":"b2","aUuid":"a","cs":[{"uuid":"c","bUuid":"b2"}]}';
    const bs = `[{"uuid":"b1","aUuid":"a","cs":[]},${b2}]`;
    const want = `{"uuid":"a","bs":${bs},"topUuid":"b2","top":${b2}}`;
    expect(w.text().row('AInventory', a)).toBe(want);
    expect(w.text().row('AInventory', a, ['bs'])).toBe(`{"bs":${bs}}`);
    expect(w.text().row('AInventory', a, ['top'])).toBe(`{"top":${b2}}`);
    expect(JSON.stringify(w.renderer.render('AInventory', a))).toBe(want);
    const entries = '"p":"test.A","p.bs[0]":"test.B","p.bs[1]":"test.B","p.bs[1].cs[0]":"test.C","p.top":"test.B","p.top.cs[0]":"test.C"';
    expect(w.text().schema('AInventory', a, 'p')).toBe(entries);
    const { table } = w.store.scope('AInventory');
    expect(w.text(true).cachedSchema('AInventory', table, table.idOf('a')!, a, 'p')).toBe(entries);
  });

  it('writes a row with no plain field, and computed entries of a row without a class', () => {
    const w = chain();
    const stamp = w.store.all('StampInventory')[0]!;
    expect(w.text().row('StampInventory', stamp)).toBe(`{"at":"${CLOCK_TEXT}"}`);
    const policy = w.store.get('PolicyInventory', 'po')!;
    expect(w.text().schema('PolicyInventory', policy, 'p')).toBe('"p.statements[0]":"org.zstack.header.identity.PolicyStatement"');
  });

  it('nests only the rows of the listed kind from a table shared by kinds', () => {
    const w = chain();
    const place = w.store.get('PlaceInventory', 'pl')!;
    const want = '{"uuid":"pl","hosts":[{"uuid":"h1","placeUuid":"pl"},{"uuid":"h3","placeUuid":"pl"}]}';
    expect(w.text().row('PlaceInventory', place)).toBe(want);
    expect(w.text().row('PlaceInventory', place, ['hosts'])).toBe('{"hosts":[{"uuid":"h1","placeUuid":"pl"},{"uuid":"h3","placeUuid":"pl"}]}');
    expect(JSON.stringify(w.renderer.render('PlaceInventory', place))).toBe(want);
    expect(w.text().schema('PlaceInventory', place, 'p')).toBe('"p":"test.Place","p.hosts[0]":"test.KVMHost","p.hosts[1]":"test.KVMHost"');
  });
});
