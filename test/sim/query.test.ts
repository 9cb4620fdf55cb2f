// The query engine over the demo seed: every operator, value typing, joins and aliases to depth >= 4, tags, paging, count, sort, fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { login, names, query, send } from './http.js';

let sim: Simulator;
let session: string;
const GiB = 1024 ** 3;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 5 });
  session = await login(sim);
});
afterAll(() => sim.close());

const vms = (...q: string[]) => query(sim, session, '/vm-instances', q.map((c) => ['q', c]));
const offerings = (...q: string[]) => query(sim, session, '/instance-offerings', q.map((c) => ['q', c]));

describe('operators', () => {
  it('= and != (SQL-like: != leaves out nulls)', async () => {
    expect(names(await vms('name=web-01'))).toEqual(['web-01']);
    const all = (await query(sim, session, '/vm-instances', [['count', 'true']])).total as number;
    const notWeb01 = (await query(sim, session, '/vm-instances', [['q', 'name!=web-01'], ['count', 'true']])).total;
    expect(notWeb01).toBe(all - 1);
    const withHost = (await query(sim, session, '/vm-instances', [['q', 'hostUuid not null'], ['count', 'true']])).total as number;
    const host = (await vms('name=web-01')).inventories[0].hostUuid ?? (await vms('hostUuid not null')).inventories[0].hostUuid;
    const onOtherHosts = (await query(sim, session, '/vm-instances', [['q', `hostUuid!=${host}`], ['count', 'true']])).total as number;
    const onThatHost = (await query(sim, session, '/vm-instances', [['q', `hostUuid=${host}`], ['count', 'true']])).total as number;
    expect(onOtherHosts + onThatHost).toBe(withHost);
  });

  it('> < >= <= compare numbers numerically', async () => {
    // As strings "17179869184" < "4294967296"; numerically xlarge (16 GiB) is the biggest.
    expect(names(await offerings(`memorySize>${4 * GiB}`))).toEqual(['large', 'xlarge']);
    expect(names(await offerings(`memorySize>=${4 * GiB}`))).toEqual(['large', 'medium', 'xlarge']);
    expect(names(await offerings(`memorySize<${4 * GiB}`))).toEqual(['small']);
    expect(names(await offerings(`memorySize<=${4 * GiB}`))).toEqual(['medium', 'small']);
    expect(names(await offerings('cpuNum>2', 'cpuNum<8'))).toEqual(['large']);
  });

  it('> < compare strings as strings', async () => {
    expect(names(await query(sim, session, '/zones', [['q', 'name>zone-1']]))).toEqual(['zone-2']);
    expect(names(await query(sim, session, '/zones', [['q', 'name<zone-2']]))).toEqual(['zone-1']);
  });

  it('?= and !?= take comma lists', async () => {
    expect(names(await vms('name?=web-01,db-02,nope'))).toEqual(['db-02', 'web-01']);
    expect(names(await offerings('name!?=small,medium'))).toEqual(['large', 'xlarge']);
    expect(names(await offerings('cpuNum?=1,8'))).toEqual(['small', 'xlarge']);
  });

  it('~= and !~= are SQL LIKE with % and _', async () => {
    expect(names(await vms('name~=web-0_'))).toEqual(['web-01', 'web-02', 'web-03', 'web-04', 'web-05', 'web-06', 'web-07', 'web-08', 'web-09']);
    expect(names(await vms('name~=%-1_', 'name~=web%'))).toEqual(['web-10', 'web-11', 'web-12']);
    expect(names(await vms('name~=d%'))).toEqual(['db-01', 'db-02', 'db-03', 'db-04', 'db-05', 'db-06']);
    expect(names(await vms('name!~=%-0%'))).toEqual(['app-10', 'app-11', 'app-12', 'app-13', 'app-14', 'app-15', 'app-16', 'app-17', 'app-18', 'app-19', 'app-20', 'test-10', 'web-10', 'web-11', 'web-12']);
    // `.` is a plain character, not a regex wildcard.
    expect(names(await query(sim, session, '/images', [['q', 'name~=ubuntu-22.04']]))).toEqual(['ubuntu-22.04']);
    expect(names(await query(sim, session, '/images', [['q', 'name~=ubuntu-22x04']]))).toEqual([]);
  });

  it('is null and not null', async () => {
    const total = (await query(sim, session, '/vm-instances', [['count', 'true']])).total as number;
    const nul = (await vms('hostUuid is null')).inventories as { state: string; hostUuid?: string }[];
    const notNul = (await vms('hostUuid not null')).inventories as { state: string }[];
    expect(nul.length + notNul.length).toBe(total);
    expect(nul.every((v) => v.hostUuid === undefined)).toBe(true);
    expect(new Set(notNul.map((v) => v.state))).not.toContain('Stopped');
    expect(names(await query(sim, session, '/volumes', [['q', 'primaryStorageUuid is null']]))).toEqual(['new-data-1', 'tenant-data-1']);
  });

  it('splits at the first operator in ZStack order, so a value holding an earlier operator is read differently', async () => {
    // `name=a!=b` splits at `!=` (tried before `=`): field `name=a`, which does not exist.
    const a = await send(sim, 'GET', `/vm-instances?q=${encodeURIComponent('name=a!=b')}`, { session });
    expect(a.status).toBe(503);
    expect(a.json.error.code).toBe('SYS.1007');
    // A value may hold a later operator: `=` is found before `>`.
    expect((await vms('description=a>b')).inventories).toEqual([]);
  });

  it('refuses unknown fields, non-primitive fields, bad numbers and conditions without an operator', async () => {
    for (const c of ['nosuchfield=1', 'vmNics=x', 'cpuNum>many', 'nosuch.name=x', 'just-a-word']) {
      const a = await send(sim, 'GET', `/vm-instances?q=${encodeURIComponent(c)}`, { session });
      expect(a.status, c).toBe(503);
      expect(a.json.error.code, c).toBe('SYS.1007');
    }
  });

  it('booleans and timestamps', async () => {
    expect(names(await query(sim, session, '/zones', [['q', 'isDefault=true']]))).toEqual(['zone-1']);
    const zone1 = (await query(sim, session, '/zones', [['q', 'name=zone-1']])).inventories[0];
    expect(zone1.createDate).toBe('Oct 17, 2024 5:45:35 AM');
    expect(names(await query(sim, session, '/zones', [['q', 'createDate>=2024-10-17 05:45:35'], ['q', 'name~=zone-%']]))).toEqual(['zone-1', 'zone-2']);
    expect(names(await query(sim, session, '/zones', [['q', 'createDate<Oct 17, 2024 5:45:35 AM']]))).toEqual([]);
  });
});

describe('joins', () => {
  it('one hop: vmNics.ip, host.name', async () => {
    const vm = (await vms('name=db-03')).inventories[0];
    const ip = vm.vmNics[1].ip as string;
    expect(names(await vms(`vmNics.ip=${ip}`))).toEqual(['db-03']);
    const onHost6 = await vms('host.name=host-6');
    expect(onHost6.inventories.length).toBeGreaterThan(0);
    expect(onHost6.inventories.every((v: { name: string }) => v.name.startsWith('test-'))).toBe(true);
  });

  it('depth 3 and 4, through aliases: zone.cluster.l2Network.l3Network.name', async () => {
    expect(names(await vms('vmNics.l3Network.zone.name=zone-2'))).toEqual(names(await vms('name~=test-%')));
    // zone -> cluster -> (alias l2Network = l2NetworkRef.l2Network) -> l3Network: every VM of zone-1.
    const viaZone = names(await vms('zone.cluster.l2Network.l3Network.name=l3-vlan-100'));
    expect(viaZone).toEqual(names(await vms('zone.name=zone-1')));
    expect(viaZone).not.toContain('test-01');
    // vmNics -> l3Network -> l2Network -> (alias cluster) -> name: VMs on an L2 attached to cluster-2a.
    expect(names(await vms('vmNics.l3Network.l2Network.cluster.name=cluster-2a'))).toEqual(names(await vms('name~=test-%')));
  });

  it('depth 5: vmNics.l3Network.zone.cluster.host.name', async () => {
    const a = names(await vms('vmNics.l3Network.zone.cluster.host.name=host-7'));
    expect(a).toEqual(names(await vms('name~=test-%')));
    expect(names(await vms('vmNics.l3Network.zone.cluster.host.name=no-such-host'))).toEqual([]);
  });

  it('joins AND together with own-field conditions, and non-equality ops work at the far end', async () => {
    const a = names(await vms('vmNics.l3Network.name=l3-vlan-100', 'name~=db%'));
    expect(a).toEqual(['db-01', 'db-02', 'db-03', 'db-04', 'db-05', 'db-06']);
    expect(names(await vms('allVolumes.size>=536870912000'))).toEqual([]);
    expect(names(await vms('allVolumes.size>=53687091200', 'name~=db%'))).toEqual(['db-01', 'db-02', 'db-03', 'db-04', 'db-05', 'db-06']);
  });

  it('other inventories: images by backup storage alias, volumes by vm name, hosts by vm state', async () => {
    expect(names(await query(sim, session, '/images', [['q', 'backupStorage.name=bs-sftp-1']]))).toEqual(['debian-12']);
    const vols = names(await query(sim, session, '/volumes', [['q', 'vmInstance.name=db-01']]));
    expect(vols).toEqual(['ROOT-for-db-01', 'db-01-data-1', 'db-01-data-2']);
    const clusters = names(await query(sim, session, '/clusters', [['q', 'l2Network.l3Network.name=l3-flat-2']]));
    expect(clusters).toEqual(['cluster-2a']);
  });

  it('GET /<resources>/{uuid} answers inventories', async () => {
    const vm = (await vms('name=web-03')).inventories[0];
    const one = await query(sim, session, `/vm-instances/${vm.uuid as string}`);
    expect(one.inventories).toHaveLength(1);
    expect(one.inventories[0].name).toBe('web-03');
    expect((await query(sim, session, `/vm-instances/${'0'.repeat(32)}`)).inventories).toEqual([]);
  });
});

describe('tags', () => {
  it('__systemTag__ and __userTag__ with positive and negated operators', async () => {
    expect(names(await vms('__systemTag__=ha::NeverStop'))).toEqual(['db-01', 'db-02', 'db-03', 'db-04', 'db-05', 'db-06']);
    expect((await vms('__userTag__=production')).inventories).toHaveLength(12);
    expect((await vms('__userTag__~=test%')).inventories).toHaveLength(10);
    const total = (await query(sim, session, '/vm-instances', [['count', 'true']])).total as number;
    expect((await query(sim, session, '/vm-instances', [['q', '__userTag__!=production'], ['count', 'true']])).total).toBe(total - 12);
    expect((await query(sim, session, '/vm-instances', [['q', '__userTag__ is null'], ['count', 'true']])).total).toBe(total - 22);
    expect(names(await vms('__userTag__?=testing,production', 'name~=%-10'))).toEqual(['test-10', 'web-10']);
  });

  it('tags through a join, and tag queries themselves', async () => {
    const vols = await query(sim, session, '/volumes', [['q', 'vmInstance.__systemTag__=ha::NeverStop'], ['q', 'type=Root']]);
    expect(vols.inventories).toHaveLength(6);
    const tags = await query(sim, session, '/system-tags', [['q', 'tag=ha::NeverStop']]);
    expect(tags.inventories).toHaveLength(6);
    expect(tags.inventories[0]).toMatchObject({ resourceType: 'VmInstanceVO', type: 'System', inherent: false });
    expect((await query(sim, session, '/user-tags', [['q', 'tag=production']])).inventories).toHaveLength(12);
  });
});

describe('paging, count, sort, fields', () => {
  it('count=true answers only the total; replyWithCount adds it to the page', async () => {
    const c = await query(sim, session, '/vm-instances', [['q', 'name~=app%'], ['count', 'true']]);
    expect(c).toEqual({ total: 20, schema: {} });
    const p = await query(sim, session, '/vm-instances', [['q', 'name~=app%'], ['replyWithCount', 'true'], ['limit', '5']]);
    expect(p.total).toBe(20);
    expect(p.inventories).toHaveLength(5);
    const plain = await query(sim, session, '/vm-instances', [['q', 'name~=app%']]);
    expect(plain.total).toBeUndefined();
  });

  it('sort=+f / -f with limit and start pages through in order', async () => {
    const asc = await query(sim, session, '/vm-instances', [['q', 'name~=app%'], ['sort', '+name'], ['limit', '3'], ['start', '2']]);
    expect(asc.inventories.map((v: { name: string }) => v.name)).toEqual(['app-03', 'app-04', 'app-05']);
    const desc = await query(sim, session, '/vm-instances', [['q', 'name~=app%'], ['sort', '-name'], ['limit', '2']]);
    expect(desc.inventories.map((v: { name: string }) => v.name)).toEqual(['app-20', 'app-19']);
    const bySize = await query(sim, session, '/instance-offerings', [['sort', '-memorySize']]);
    expect(bySize.inventories.map((o: { name: string }) => o.name)).toEqual(['xlarge', 'large', 'medium', 'small']);
    const past = await query(sim, session, '/vm-instances', [['q', 'name~=app%'], ['start', '100']]);
    expect(past.inventories).toEqual([]);
  });

  it('fields selects primitive fields; only the first fields value is read', async () => {
    const a = await query(sim, session, '/vm-instances', [['q', 'name=web-01'], ['fields', 'name,state']]);
    expect(Object.keys(a.inventories[0]).sort()).toEqual(['name', 'state']);
    const b = await query(sim, session, '/vm-instances', [['q', 'name=web-01'], ['fields', 'name'], ['fields', 'uuid']]);
    expect(Object.keys(b.inventories[0])).toEqual(['name']);
    const bad = await send(sim, 'GET', '/vm-instances?fields=vmNics', { session });
    expect(bad.json.error.code).toBe('SYS.1007');
  });

  it('refuses a bad limit or sort field', async () => {
    expect((await send(sim, 'GET', '/vm-instances?limit=-1', { session })).json.error.code).toBe('SYS.1007');
    expect((await send(sim, 'GET', '/vm-instances?sort=%2Bnosuch', { session })).json.error.code).toBe('SYS.1007');
  });
});

describe('inventories', () => {
  it('renders the registry fields, nested nics/volumes and derived lists', async () => {
    const vm = (await vms('name=db-02')).inventories[0];
    expect(vm.vmNics).toHaveLength(2);
    expect(vm.vmNics[0]).toMatchObject({ vmInstanceUuid: vm.uuid, deviceId: 0, netmask: '255.255.255.0' });
    expect(vm.vmNics[0].usedIps[0].ip).toBe(vm.vmNics[0].ip);
    expect(vm.allVolumes.map((v: { type: string }) => v.type).sort()).toEqual(['Data', 'Data', 'Root']);
    expect(vm.allVolumes.find((v: { type: string }) => v.type === 'Root').uuid).toBe(vm.rootVolumeUuid);
    expect(vm.vmCdRoms).toEqual([]);
    const l2 = (await query(sim, session, '/l2-networks', [['q', 'name=l2-flat-1']])).inventories[0];
    expect(l2.attachedClusterUuids).toHaveLength(2);
    const l3 = (await query(sim, session, '/l3-networks', [['q', 'name=l3-flat-1']])).inventories[0];
    expect(l3.ipRanges[0]).toMatchObject({ startIp: '192.168.1.10', networkCidr: '192.168.1.0/24', prefixLen: 24 });
    expect(l3.dns).toEqual(['223.5.5.5']);
    const ag = (await query(sim, session, '/affinity-groups', [['q', 'name=ag-web']])).inventories[0];
    expect(ag.usages).toHaveLength(4);
  });

  it('sub-kinds share their parent table: VLAN L2s, KVM hosts, image-store backup storage', async () => {
    expect(names(await query(sim, session, '/l2-networks/vlan'))).toEqual(['l2-vlan-100']);
    const all = await query(sim, session, '/l2-networks');
    expect(all.inventories).toHaveLength(3);
    expect(all.inventories.find((l: { name: string }) => l.name === 'l2-vlan-100').vlan).toBe(100);
    expect(names(await query(sim, session, '/backup-storage/image-store'))).toEqual(['bs-imagestore-1']);
    expect(names(await query(sim, session, '/backup-storage/sftp'))).toEqual(['bs-sftp-1']);
    const host = (await query(sim, session, '/hosts', [['q', 'name=host-1']])).inventories[0];
    expect(host).toMatchObject({ hypervisorType: 'KVM', username: 'root', sshPort: 22, status: 'Connected' });
  });

  it('query APIs with no data, or no known inventory, answer empty lists', async () => {
    expect(await query(sim, session, '/vm-instances/xml-hook-script')).toEqual({ inventories: [], schema: {} });
    expect(await query(sim, session, '/vm-instances/xml-hook-script', [['count', 'true']])).toEqual({ total: 0, schema: {} });
    expect(await query(sim, session, '/baremetal/chassis', [['q', 'name=web-01']])).toEqual({ inventories: [], schema: {} });
    expect(await query(sim, session, '/zwatch/alarm-records')).toEqual({ inventories: [], schema: {} });
  });
});
