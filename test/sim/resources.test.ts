// Building a cloud from the empty seed over HTTP, then images, offerings, affinity groups, tags and delete rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query, send } from './http.js';

let sim: Simulator;
let session: string;
const id: Record<string, string> = {};
const GiB = 1024 ** 3;

const post = async (path: string, params: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<any> =>
  (await ok(sim, 'POST', path, { session, body: { params, ...extra } })).inventory;
const put = async (path: string, key: string, params: Record<string, unknown> = {}): Promise<any> => (await ok(sim, 'PUT', path, { session, body: { [key]: params } })).inventory;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'empty', jobDelayMs: 2 });
  session = await login(sim);
});
afterAll(() => sim.close());

describe('from an empty cloud to a running VM', () => {
  it('starts with only the admin account', async () => {
    expect((await query(sim, session, '/accounts')).inventories.map((a: { name: string }) => a.name)).toEqual(['admin']);
    expect((await query(sim, session, '/vm-instances')).inventories).toEqual([]);
    expect((await query(sim, session, '/zones')).inventories).toEqual([]);
  });

  it('creates zone, cluster, host, storage, networks, image and offering', async () => {
    id.zone = (await post('/zones', { name: 'z1' })).uuid;
    id.cluster = (await post('/clusters', { zoneUuid: id.zone, name: 'c1', hypervisorType: 'KVM' })).uuid;
    const host = await post('/hosts/kvm', { name: 'h1', managementIp: '192.0.2.10', clusterUuid: id.cluster, username: 'root', password: 'secret' });
    expect(host).toMatchObject({ status: 'Connected', zoneUuid: id.zone, hypervisorType: 'KVM', username: 'root' });
    id.host = host.uuid;
    expect((await fails(sim, 'POST', '/hosts/kvm', { session, body: { params: { name: 'h2', managementIp: '192.0.2.10', clusterUuid: id.cluster, username: 'root', password: 'x' } } })).code).toBe('SYS.1006');

    id.ps = (await post('/primary-storage/local-storage', { name: 'ps1', url: '/zstack_ps', zoneUuid: id.zone })).uuid;
    const attachedPs = await post(`/clusters/${id.cluster}/primary-storage/${id.ps}`, {});
    expect(attachedPs.attachedClusterUuids).toEqual([id.cluster]);
    expect((await fails(sim, 'POST', '/primary-storage/nfs', { session, body: { params: { name: 'bad', url: 'not-a-url', zoneUuid: id.zone } } })).code).toBe('SYS.1007');

    const bs = await post('/backup-storage/image-store', { name: 'bs1', url: '/bs', hostname: '192.0.2.20', username: 'root', password: 'secret' });
    expect(bs).toMatchObject({ type: 'ImageStoreBackupStorage', status: 'Connected' });
    id.bs = bs.uuid;
    expect((await post(`/zones/${id.zone}/backup-storage/${id.bs}`, {})).attachedZoneUuids).toEqual([id.zone]);

    id.l2 = (await post('/l2-networks/vlan', { name: 'l2', zoneUuid: id.zone, physicalInterface: 'eth0', vlan: 10 })).uuid;
    // AttachL2NetworkToCluster has no body wrapper.
    const l2 = await ok(sim, 'POST', `/l2-networks/${id.l2}/clusters/${id.cluster}`, { session });
    expect(l2.inventory).toMatchObject({ vlan: 10, type: 'L2VlanNetwork', attachedClusterUuids: [id.cluster] });
    id.l3 = (await post('/l3-networks', { name: 'l3', l2NetworkUuid: id.l2 })).uuid;
    const range = await post(`/l3-networks/${id.l3}/ip-ranges`, { name: 'r1', startIp: '10.0.0.2', endIp: '10.0.0.3', netmask: '255.255.255.0', gateway: '10.0.0.1' });
    expect(range).toMatchObject({ networkCidr: '10.0.0.0/24', gateway: '10.0.0.1' });
    const overlap = await fails(sim, 'POST', `/l3-networks/${id.l3}/ip-ranges`, { session, body: { params: { name: 'r2', startIp: '10.0.0.3', endIp: '10.0.0.9', netmask: '255.255.255.0' } } });
    expect(overlap.code).toBe('SYS.1007');

    const img = await post('/images', { name: 'img', url: 'http://x/img.qcow2', backupStorageUuids: [id.bs] });
    expect(img).toMatchObject({ status: 'Ready', mediaType: 'RootVolumeTemplate', format: 'qcow2' });
    expect(img.backupStorageRefs[0]).toMatchObject({ backupStorageUuid: id.bs, status: 'Ready' });
    id.image = img.uuid;
    id.offering = (await post('/instance-offerings', { name: 'o1', cpuNum: 2, memorySize: 2 * GiB })).uuid;
  });

  it('creates VMs until the IP range runs out', async () => {
    const create = (name: string) => ok(sim, 'POST', '/vm-instances', { session, body: { params: { name, instanceOfferingUuid: id.offering, imageUuid: id.image, l3NetworkUuids: [id.l3] } } });
    const a = (await create('vm-a')).inventory;
    expect(a).toMatchObject({ state: 'Running', hostUuid: id.host, zoneUuid: id.zone, clusterUuid: id.cluster, cpuNum: 2 });
    expect(a.vmNics[0].ip).toBe('10.0.0.2');
    expect(a.allVolumes[0]).toMatchObject({ type: 'Root', primaryStorageUuid: id.ps });
    expect((await create('vm-b')).inventory.vmNics[0].ip).toBe('10.0.0.3');
    const full = await fails(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'vm-c', instanceOfferingUuid: id.offering, imageUuid: id.image, l3NetworkUuids: [id.l3] } } });
    expect(full.code).toBe('VM.1000');
    // Expunging a VM gives its IP back.
    await ok(sim, 'DELETE', `/vm-instances/${a.uuid as string}`, { session });
    await ok(sim, 'PUT', `/vm-instances/${a.uuid as string}/actions`, { session, body: { expungeVmInstance: {} } });
    expect((await create('vm-c')).inventory.vmNics[0].ip).toBe('10.0.0.2');
  });

  it('refuses to delete resources still in use; the simulator does not cascade', async () => {
    const zone = await fails(sim, 'DELETE', `/zones/${id.zone}`, { session });
    expect(zone.code).toBe('SYS.1006');
    const host = await fails(sim, 'DELETE', `/hosts/${id.host}`, { session });
    expect(host.details).toMatch(/VmInstanceVO/);
  });

  it('a host that is disabled takes no new VMs', async () => {
    expect((await put(`/hosts/${id.host}/actions`, 'changeHostState', { stateEvent: 'disable' })).state).toBe('Disabled');
    const err = await fails(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'vm-d', instanceOfferingUuid: id.offering, imageUuid: id.image, l3NetworkUuids: [id.l3] } } });
    expect(err.code).toBe('VM.1000');
    expect((await put(`/hosts/${id.host}/actions`, 'changeHostState', { stateEvent: 'enable' })).state).toBe('Enabled');
  });
});

describe('images, offerings, affinity groups, tags', () => {
  it('image: update, state, delete, recover, expunge', async () => {
    const img = await post('/images', { name: 'tmp', url: 'http://x/tmp.iso', mediaType: 'ISO', backupStorageUuids: [id.bs] });
    expect(img.format).toBe('iso');
    expect((await put(`/images/${img.uuid as string}/actions`, 'updateImage', { name: 'tmp2', guestOsType: 'Linux' })).name).toBe('tmp2');
    expect((await put(`/images/${img.uuid as string}/actions`, 'changeImageState', { stateEvent: 'disable' })).state).toBe('Disabled');
    expect(await ok(sim, 'DELETE', `/images/${img.uuid as string}`, { session })).toEqual({});
    expect((await query(sim, session, `/images/${img.uuid as string}`)).inventories[0].status).toBe('Deleted');
    expect((await put(`/images/${img.uuid as string}/actions`, 'recoverImage')).status).toBe('Ready');
    expect((await fails(sim, 'PUT', `/images/${img.uuid as string}/actions`, { session, body: { expungeImage: {} } })).code).toBe('SYS.1006');
    await ok(sim, 'DELETE', `/images/${img.uuid as string}`, { session });
    expect(await ok(sim, 'PUT', `/images/${img.uuid as string}/actions`, { session, body: { expungeImage: {} } })).toEqual({});
    expect((await query(sim, session, `/images/${img.uuid as string}`)).inventories).toEqual([]);
  });

  it('offerings: create, update, state, delete', async () => {
    const io = await post('/instance-offerings', { name: 'tiny', cpuNum: 1, memorySize: 512 * 1024 ** 2 });
    expect(io).toMatchObject({ state: 'Enabled', type: 'UserVm', cpuNum: 1 });
    expect((await put(`/instance-offerings/${io.uuid as string}/actions`, 'updateInstanceOffering', { name: 'tiny-2' })).name).toBe('tiny-2');
    expect((await put(`/instance-offerings/${io.uuid as string}/actions`, 'changeInstanceOfferingState', { stateEvent: 'disable' })).state).toBe('Disabled');
    await ok(sim, 'DELETE', `/instance-offerings/${io.uuid as string}`, { session });
    expect((await query(sim, session, '/instance-offerings', [['q', 'name=tiny-2']])).inventories).toEqual([]);
    const disk = await post('/disk-offerings', { name: 'd1', diskSize: GiB });
    expect((await put(`/disk-offerings/${disk.uuid as string}/actions`, 'changeDiskOfferingState', { stateEvent: 'disable' })).state).toBe('Disabled');
    expect((await fails(sim, 'POST', '/disk-offerings', { session, body: { params: { name: 'd0', diskSize: 0 } } })).code).toBe('SYS.1007');
  });

  it('affinity groups: create, add and remove VMs, update, state, delete', async () => {
    const vm = (await query(sim, session, '/vm-instances', [['limit', '1']])).inventories[0];
    const ag = await post('/affinity-groups', { name: 'ag', policy: 'antiHard' });
    expect(ag).toMatchObject({ policy: 'antiHard', type: 'host', state: 'Enabled', usages: [] });
    const added = await post(`/affinity-groups/${ag.uuid as string}/vm-instances/${vm.uuid as string}`, {});
    expect(added.usages).toMatchObject([{ resourceUuid: vm.uuid, resourceType: 'VmInstanceVO' }]);
    expect((await query(sim, session, '/affinity-groups', [['q', `usages.resourceUuid=${vm.uuid as string}`]])).inventories).toHaveLength(1);
    expect((await ok(sim, 'DELETE', `/affinity-groups/${ag.uuid as string}/vm-instances?uuid=${vm.uuid as string}`, { session })).inventory.usages).toEqual([]);
    expect((await put(`/affinity-groups/${ag.uuid as string}/actions`, 'updateAffinityGroup', { description: 'x' })).description).toBe('x');
    expect((await put(`/affinity-groups/${ag.uuid as string}/actions`, 'changeAffinityGroupState', { stateEvent: 'disable' })).state).toBe('Disabled');
    await ok(sim, 'DELETE', `/affinity-groups/${ag.uuid as string}`, { session });
    expect((await query(sim, session, '/affinity-groups')).inventories).toEqual([]);
  });

  it('tags: create on a resource, query by them, delete', async () => {
    const tag = await post('/user-tags', { resourceType: 'ZoneVO', resourceUuid: id.zone, tag: 'gold' });
    expect(tag).toMatchObject({ resourceUuid: id.zone, tag: 'gold', type: 'Simple' });
    expect((await query(sim, session, '/zones', [['q', '__userTag__=gold']])).inventories).toHaveLength(1);
    await ok(sim, 'DELETE', `/tags/${tag.uuid as string}`, { session });
    expect((await query(sim, session, '/zones', [['q', '__userTag__=gold']])).inventories).toHaveLength(0);
    const missing = await fails(sim, 'POST', '/system-tags', { session, body: { params: { resourceType: 'ZoneVO', resourceUuid: 'b'.repeat(32), tag: 't' } } });
    expect(missing.code).toBe('SYS.1003');
  });

  it('systemTags given to a create API are recorded on the new resource', async () => {
    const z = await post('/zones', { name: 'tagged-zone' }, { systemTags: ['owner::ops'], userTags: ['silver'] });
    expect((await query(sim, session, '/zones', [['q', '__systemTag__=owner::ops']])).inventories.map((x: { uuid: string }) => x.uuid)).toEqual([z.uuid]);
    expect((await query(sim, session, '/zones', [['q', '__userTag__=silver']])).inventories).toHaveLength(1);
  });

  it('a resourceUuid chosen by the caller is used', async () => {
    const chosen = 'c'.repeat(32);
    expect((await post('/zones', { name: 'chosen', resourceUuid: chosen })).uuid).toBe(chosen);
    expect((await send(sim, 'GET', `/zones/${chosen}`, { session })).json.inventories).toHaveLength(1);
    const again = await fails(sim, 'POST', '/zones', { session, body: { params: { name: 'again', resourceUuid: chosen } } });
    expect(again.code).toBe('SYS.1007');
  });
});
