// The rest of the manual's VM APIs over HTTP: settings kept as system tags, static IPs, ISOs, nics, images of the root
// disk, and the candidate queries for creating and starting VMs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query, send, uuidOf } from './http.js';

let sim: Simulator;
let session: string;
const ids: Record<string, string> = {};

async function newVm(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  return (await ok(sim, 'POST', '/vm-instances', { session, body: { params: { name, instanceOfferingUuid: ids.small, imageUuid: ids.centos, l3NetworkUuids: [ids.l3], ...extra } } })).inventory;
}

const act = (uuid: string, key: string, params: Record<string, unknown> = {}) => ['PUT', `/vm-instances/${uuid}/actions`, { session, body: { [key]: params } }] as const;
const get = async (path: string): Promise<any> => {
  const a = await send(sim, 'GET', path, { session });
  expect(a.status, a.text).toBe(200);
  return a.json;
};

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  session = await login(sim);
  ids.small = await uuidOf(sim, session, '/instance-offerings', 'small');
  ids.centos = await uuidOf(sim, session, '/images', 'centos-7');
  ids.ubuntu = await uuidOf(sim, session, '/images', 'ubuntu-22.04');
  ids.iso = await uuidOf(sim, session, '/images', 'centos-7-iso');
  ids.l3 = await uuidOf(sim, session, '/l3-networks', 'l3-flat-1');
  ids.vlan = await uuidOf(sim, session, '/l3-networks', 'l3-vlan-100');
  ids.disk = await uuidOf(sim, session, '/disk-offerings', 'disk-10G');
});
afterAll(() => sim.close());

describe('settings kept as system tags', () => {
  it('ssh key, console password, hostname: set, get, delete', async () => {
    const vm = await newVm('settings-1');
    expect((await ok(sim, ...act(vm.uuid, 'setVmSshKey', { SshKey: 'ssh-rsa AAAA test@host' }))).inventory.uuid).toBe(vm.uuid);
    expect(await get(`/vm-instances/${vm.uuid as string}/ssh-keys`)).toEqual({ sshKey: 'ssh-rsa AAAA test@host' });
    await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}/ssh-keys`, { session });
    expect(await get(`/vm-instances/${vm.uuid as string}/ssh-keys`)).toEqual({});

    await ok(sim, ...act(vm.uuid, 'setVmConsolePassword', { consolePassword: 'secret-1' }));
    expect(await get(`/vm-instances/${vm.uuid as string}/console-passwords`)).toEqual({ password: 'secret-1' });
    await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}/console-password`, { session });
    expect(await get(`/vm-instances/${vm.uuid as string}/console-passwords`)).toEqual({});

    expect(await ok(sim, ...act(vm.uuid, 'setVmHostname', { hostname: 'web-1.example.org' }))).toEqual({});
    expect(await get(`/vm-instances/${vm.uuid as string}/hostnames`)).toEqual({ hostname: 'web-1.example.org' });
    expect((await fails(sim, ...act(vm.uuid, 'setVmHostname', { hostname: 'bad_name!' }))).code).toBe('SYS.1007');
    // The tags are real system tags: queries see them.
    const tagged = await query(sim, session, '/vm-instances', [['q', '__systemTag__=hostname::web-1.example.org'], ['fields', 'uuid']]);
    expect(tagged.inventories).toEqual([{ uuid: vm.uuid }]);
  });

  it('boot order, HA level, qga, RDP and monitor number', async () => {
    const vm = await newVm('settings-2');
    expect(await get(`/vm-instances/${vm.uuid as string}/boot-orders`)).toEqual({ orders: ['HardDisk'] });
    await ok(sim, ...act(vm.uuid, 'setVmBootOrder', { bootOrder: ['CdRom', 'HardDisk'] }));
    expect(await get(`/vm-instances/${vm.uuid as string}/boot-orders`)).toEqual({ orders: ['CdRom', 'HardDisk'] });
    expect((await fails(sim, ...act(vm.uuid, 'setVmBootOrder', { bootOrder: ['Floppy'] }))).code).toBe('SYS.1007');

    await ok(sim, 'POST', `/vm-instances/${vm.uuid as string}/ha-levels`, { session, body: { params: { level: 'NeverStop' } } });
    expect(await get(`/vm-instances/${vm.uuid as string}/ha-levels`)).toEqual({ level: 'NeverStop' });
    await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}/ha-levels`, { session });
    expect(await get(`/vm-instances/${vm.uuid as string}/ha-levels`)).toEqual({});

    expect(await get(`/vm-instances/${vm.uuid as string}/qga`)).toEqual({ enable: false });
    await ok(sim, ...act(vm.uuid, 'setVmQga', { enable: true }));
    expect(await get(`/vm-instances/${vm.uuid as string}/qga`)).toEqual({ enable: true });
    await ok(sim, ...act(vm.uuid, 'setVmRDP', { enable: true }));
    expect(await get(`/vm-instances/${vm.uuid as string}/rdp`)).toEqual({ enable: true });
    expect(await get(`/vm-instances/${vm.uuid as string}/monitorNumber`)).toEqual({ monitorNumber: 1 });
    await ok(sim, ...act(vm.uuid, 'setVmMonitorNumber', { monitorNumber: 2 }));
    expect(await get(`/vm-instances/${vm.uuid as string}/monitorNumber`)).toEqual({ monitorNumber: 2 });
    expect((await get(`/vm-instances/${vm.uuid as string}/capabilities`)).capabilities).toMatchObject({ LiveMigration: false, VolumeMigration: true, Reimage: true });
  });

  it('changes the guest password only on a running VM (VM.1011)', async () => {
    const vm = await newVm('password-1');
    expect(await ok(sim, ...act(vm.uuid, 'changeVmPassword', { account: 'root', password: 'new-pass' }))).toEqual({});
    await ok(sim, ...act(vm.uuid, 'stopVmInstance'));
    expect((await fails(sim, ...act(vm.uuid, 'changeVmPassword', { account: 'root', password: 'new-pass' }))).code).toBe('VM.1011');
  });

  it('nic QoS: set, read (-1 when not limited), delete one direction', async () => {
    const vm = await newVm('qos-1');
    const nic = vm.vmNics[0].uuid as string;
    expect(await get(`/vm-instances/${nic}/nic-qos`)).toMatchObject({ outboundBandwidth: -1, inboundBandwidth: -1 });
    await ok(sim, 'PUT', `/vm-instances/${nic}/actions`, { session, body: { setNicQos: { outboundBandwidth: 819200, inboundBandwidth: 409600 } } });
    expect(await get(`/vm-instances/${nic}/nic-qos`)).toMatchObject({ outboundBandwidth: 819200, inboundBandwidth: 409600 });
    await ok(sim, 'DELETE', `/vm-instances/${nic}/nic-qos?direction=in`, { session });
    expect(await get(`/vm-instances/${nic}/nic-qos`)).toMatchObject({ outboundBandwidth: 819200, inboundBandwidth: -1 });
    expect((await fails(sim, 'PUT', `/vm-instances/${nic}/actions`, { session, body: { setNicQos: { outboundBandwidth: 1 } } })).code).toBe('SYS.1007');
  });
});

describe('IPs and nics', () => {
  it('sets a static IP (the nic moves to it) and deletes the static IP tag', async () => {
    const vm = await newVm('static-1');
    await ok(sim, ...act(vm.uuid, 'setVmStaticIp', { l3NetworkUuid: ids.l3, ip: '192.168.1.240' }));
    const nic = (await query(sim, session, '/vm-instances/nics', [['q', `vmInstanceUuid=${vm.uuid as string}`]])).inventories[0];
    expect(nic.ip).toBe('192.168.1.240');
    expect((await query(sim, session, '/l3-networks/ip-address', [['q', 'ip=192.168.1.240']])).inventories).toHaveLength(1);
    expect((await query(sim, session, '/l3-networks/ip-address', [['q', `ip=${vm.vmNics[0].ip as string}`]])).inventories).toHaveLength(0);
    const other = await newVm('static-2');
    expect((await fails(sim, ...act(other.uuid, 'setVmStaticIp', { l3NetworkUuid: ids.l3, ip: '192.168.1.240' }))).code).toBe('SYS.1006');
    expect((await fails(sim, ...act(other.uuid, 'setVmStaticIp', { l3NetworkUuid: ids.l3, ip: '10.9.9.9' }))).code).toBe('SYS.1007');
    await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}/static-ips?l3NetworkUuid=${ids.l3}`, { session });
    expect((await query(sim, session, '/system-tags', [['q', `resourceUuid=${vm.uuid as string}`], ['q', 'tag~=staticIp::%']])).inventories).toEqual([]);
  });

  it('attaches an L3 from the attachable ones and detaches the nic', async () => {
    const vm = await newVm('nics-1');
    const attachable = (await get(`/vm-instances/${vm.uuid as string}/l3-networks-candidates`)).inventories.map((l: { uuid: string }) => l.uuid);
    expect(attachable).toContain(ids.vlan);
    expect(attachable).not.toContain(ids.l3);
    const after = (await ok(sim, 'POST', `/vm-instances/${vm.uuid as string}/l3-networks/${ids.vlan}`, { session, body: { params: {} } })).inventory;
    expect(after.vmNics.map((n: { l3NetworkUuid: string }) => n.l3NetworkUuid)).toEqual([ids.l3, ids.vlan]);
    expect(after.vmNics[1].deviceId).toBe(1);
    expect((await fails(sim, 'POST', `/vm-instances/${vm.uuid as string}/l3-networks/${ids.vlan}`, { session, body: { params: {} } })).code).toBe('SYS.1006');
    const detached = (await ok(sim, 'DELETE', `/vm-instances/nics/${after.vmNics[1].uuid as string}`, { session })).inventory;
    expect(detached.vmNics).toHaveLength(1);
  });

  it('changes a nic MAC only while its VM is stopped, to a unicast MAC nobody else has', async () => {
    const vm = await newVm('mac-1', { strategy: 'CreateStopped' });
    const nic = vm.vmNics[0].uuid as string;
    const body = (mac: string) => ({ session, body: { updateVmNicMac: { mac } } });
    expect((await ok(sim, 'PUT', `/vm-instances/nics/${nic}/actions`, body('fa:4c:ee:9a:76:00'))).inventory.mac).toBe('fa:4c:ee:9a:76:00');
    expect((await fails(sim, 'PUT', `/vm-instances/nics/${nic}/actions`, body('fb:00:00:00:00:01'))).code).toBe('SYS.1007');
    const running = await newVm('mac-2');
    expect((await fails(sim, 'PUT', `/vm-instances/nics/${running.vmNics[0].uuid as string}/actions`, body('fa:4c:ee:9a:76:01'))).code).toBe('SYS.1006');
  });
});

describe('ISOs', () => {
  it('attaches an ISO from the candidates, boots from it by default, and detaches it', async () => {
    const vm = await newVm('iso-1');
    expect((await get(`/vm-instances/${vm.uuid as string}/iso-candidates`)).inventories.map((i: { uuid: string }) => i.uuid)).toEqual([ids.iso]);
    expect((await get(`/images/iso/${ids.iso}/vm-candidates`)).inventories.map((v: { uuid: string }) => v.uuid)).toContain(vm.uuid);
    const attached = (await ok(sim, 'POST', `/vm-instances/${vm.uuid as string}/iso/${ids.iso}`, { session, body: {} })).inventory;
    expect(attached.vmCdRoms).toMatchObject([{ isoUuid: ids.iso, deviceId: 0 }]);
    expect(await get(`/vm-instances/${vm.uuid as string}/boot-orders`)).toEqual({ orders: ['CdRom', 'HardDisk'] });
    expect((await get(`/vm-instances/${vm.uuid as string}/iso-candidates`)).inventories).toEqual([]);
    expect((await fails(sim, 'POST', `/vm-instances/${vm.uuid as string}/iso/${ids.centos}`, { session, body: {} })).code).toBe('SYS.1007');
    const detached = (await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}/iso`, { session })).inventory;
    expect(detached.vmCdRoms[0].isoUuid).toBeUndefined();
    expect((await fails(sim, 'DELETE', `/vm-instances/${vm.uuid as string}/iso`, { session })).code).toBe('SYS.1006');
  });
});

describe('the root disk', () => {
  it('changes the image of a stopped VM (a new root volume) and reimages it', async () => {
    const vm = await newVm('image-1', { strategy: 'CreateStopped' });
    const candidates = (await get(`/vm-instances/${vm.uuid as string}/image-candidates`)).inventories.map((i: { uuid: string }) => i.uuid);
    expect(candidates).toContain(ids.ubuntu);
    expect(candidates).not.toContain(ids.centos);
    const changed = (await ok(sim, ...act(vm.uuid, 'changeVmImage', { imageUuid: ids.ubuntu }))).inventory;
    expect(changed.imageUuid).toBe(ids.ubuntu);
    expect(changed.rootVolumeUuid).not.toBe(vm.rootVolumeUuid);
    expect((await query(sim, session, `/volumes/${vm.rootVolumeUuid as string}`)).inventories).toEqual([]);
    expect((await ok(sim, ...act(vm.uuid, 'reimageVmInstance'))).inventory.rootVolumeUuid).toBe(changed.rootVolumeUuid);
    await ok(sim, ...act(vm.uuid, 'startVmInstance'));
    expect((await fails(sim, ...act(vm.uuid, 'reimageVmInstance'))).code).toBe('VM.1014');
    expect((await fails(sim, ...act(vm.uuid, 'changeVmImage', { imageUuid: ids.centos }))).code).toBe('SYS.1006');
  });
});

describe('candidates for creating and starting VMs', () => {
  it('zones, clusters and hosts that reach the L3s and can hold the offering', async () => {
    const a = await get(`/vm-instances/candidate-destinations?imageUuid=${ids.centos}&l3NetworkUuids=${ids.l3}&instanceOfferingUuid=${ids.small}`);
    expect(a.zones.map((z: { name: string }) => z.name)).toEqual(['zone-1']);
    expect(a.clusters.map((c: { name: string }) => c.name).sort()).toEqual(['cluster-1a', 'cluster-1b']);
    expect(a.hosts.map((h: { name: string }) => h.name)).not.toContain('host-5');
    expect(a.hosts.length).toBeGreaterThan(2);
    const ps = await get(`/vm-instances/candidate-storages?imageUuid=${ids.centos}&l3NetworkUuids=${ids.l3}&dataDiskOfferingUuids=${ids.disk}`);
    expect(ps.rootVolumePrimaryStorages.map((p: { name: string }) => p.name).sort()).toEqual(['ps-local-1', 'ps-nfs-1']);
    expect(Object.keys(ps.dataVolumePrimaryStorages)).toEqual([ids.disk]);
  });

  it('hosts a stopped VM can start on', async () => {
    const vm = await newVm('starter-1', { strategy: 'CreateStopped' });
    const a = await get(`/vm-instances/${vm.uuid as string}/starting-target-hosts`);
    expect(a.hosts.length).toBeGreaterThan(0);
    expect(a.clusters.map((c: { uuid: string }) => c.uuid)).toEqual([vm.clusterUuid]);
    await ok(sim, ...act(vm.uuid, 'startVmInstance'));
    expect((await send(sim, 'GET', `/vm-instances/${vm.uuid as string}/starting-target-hosts`, { session })).json.error).toMatchObject({ code: 'SYS.1006', cause: { code: 'VM.1010' } });
  });

  it('L3 networks for an image in a zone, and images for L3 networks', async () => {
    const zone = await uuidOf(sim, session, '/zones', 'zone-1');
    const l3s = (await get(`/images-l3networks/dependencies?zoneUuid=${zone}&imageUuid=${ids.centos}`)).inventories.map((l: { name: string }) => l.name);
    expect(l3s).toEqual(expect.arrayContaining(['l3-flat-1', 'l3-vlan-100']));
    const images = (await get(`/images-l3networks/dependencies?zoneUuid=${zone}&l3NetworkUuids=${ids.l3}`)).inventories.map((i: { name: string }) => i.name);
    expect(images).toContain('centos-7');
    expect(images).not.toContain('fedora-38');
  });
});
