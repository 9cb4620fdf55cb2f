// Volumes over HTTP: create, attach/detach (with VM state checks), resize, snapshots, delete/recover/expunge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query } from './http.js';

let sim: Simulator;
let session: string;
const GiB = 1024 ** 3;

async function first(path: string, cond: string): Promise<any> {
  return (await query(sim, session, path, [['q', cond]])).inventories[0];
}

async function newVolume(name: string, size = 20 * GiB): Promise<any> {
  return (await ok(sim, 'POST', '/volumes/data', { session, body: { params: { name, diskSize: size } } })).inventory;
}

const attach = (vol: string, vm: string) => ok(sim, 'POST', `/volumes/${vol}/vm-instances/${vm}`, { session, body: { params: {} } });
const detach = (vol: string, vm?: string) => ok(sim, 'DELETE', `/volumes/${vol}/vm-instances${vm ? `?vmUuid=${vm}` : ''}`, { session });

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 5 });
  session = await login(sim);
});
afterAll(() => sim.close());

describe('data volumes', () => {
  it('creates a volume not yet instantiated, from a size or a disk offering', async () => {
    const v = await newVolume('vol-a');
    expect(v).toMatchObject({ name: 'vol-a', type: 'Data', status: 'NotInstantiated', state: 'Enabled', size: 20 * GiB, format: 'qcow2' });
    expect(v.primaryStorageUuid).toBeUndefined();
    const offering = await first('/disk-offerings', 'name=disk-50G');
    const w = (await ok(sim, 'POST', '/volumes/data', { session, body: { params: { name: 'vol-b', diskOfferingUuid: offering.uuid } } })).inventory;
    expect(w).toMatchObject({ size: 50 * GiB, diskOfferingUuid: offering.uuid });
    expect((await fails(sim, 'POST', '/volumes/data', { session, body: { params: { name: 'vol-c' } } })).code).toBe('SYS.1007');
  });

  it('attaches to a running VM (instantiating it on the VM storage) and detaches', async () => {
    const vm = await first('/vm-instances', 'state=Running');
    const v = await newVolume('vol-attach');
    const attached = (await attach(v.uuid, vm.uuid)).inventory;
    expect(attached).toMatchObject({ vmInstanceUuid: vm.uuid, status: 'Ready' });
    expect(attached.deviceId).toBeGreaterThan(0);
    const root = vm.allVolumes.find((x: { type: string }) => x.type === 'Root');
    expect(attached.primaryStorageUuid).toBe(root.primaryStorageUuid);
    const seen = await first('/vm-instances', `uuid=${vm.uuid as string}`);
    expect(seen.allVolumes.map((x: { uuid: string }) => x.uuid)).toContain(v.uuid);
    expect((await query(sim, session, '/vm-instances', [['q', `allVolumes.uuid=${v.uuid as string}`]])).inventories).toHaveLength(1);

    const again = await fails(sim, 'POST', `/volumes/${v.uuid as string}/vm-instances/${vm.uuid as string}`, { session, body: { params: {} } });
    expect(again.code).toBe('SYS.1006');

    const detached = (await detach(v.uuid, vm.uuid)).inventory;
    expect(detached.vmInstanceUuid).toBeUndefined();
    expect(detached.lastVmInstanceUuid).toBe(vm.uuid);
    expect((await fails(sim, 'DELETE', `/volumes/${v.uuid as string}/vm-instances`, { session })).code).toBe('SYS.1006');
  });

  it('refuses attach and detach when the VM state does not allow them (VM.1005 / VM.1006 caused by VM.1010)', async () => {
    const paused = await first('/vm-instances', 'state=Paused');
    const v = await newVolume('vol-paused');
    const err = await fails(sim, 'POST', `/volumes/${v.uuid as string}/vm-instances/${paused.uuid as string}`, { session, body: { params: {} } });
    expect(err).toMatchObject({ code: 'VM.1005', cause: { code: 'VM.1010' } });
    expect(err.details).toMatch(/APIAttachDataVolumeToVmMsg.*allowed states are \[Running, Stopped\]/);

    const stopped = await first('/vm-instances', 'state=Stopped');
    await attach(v.uuid, stopped.uuid);
    await ok(sim, 'DELETE', `/vm-instances/${stopped.uuid as string}`, { session });
    const det = await fails(sim, 'DELETE', `/volumes/${v.uuid as string}/vm-instances`, { session });
    expect(det).toMatchObject({ code: 'VM.1006', cause: { code: 'VM.1010' } });
  });

  it('refuses root volumes where a data volume is needed', async () => {
    const vm = await first('/vm-instances', 'state=Running');
    const err = await fails(sim, 'DELETE', `/volumes/${vm.rootVolumeUuid as string}`, { session });
    expect(err.code).toBe('SYS.1007');
  });

  it('resizes up but not down, data and root', async () => {
    const v = await newVolume('vol-resize', 10 * GiB);
    const bigger = (await ok(sim, 'PUT', `/volumes/data/resize/${v.uuid as string}/actions`, { session, body: { resizeDataVolume: { size: 30 * GiB } } })).inventory;
    expect(bigger.size).toBe(30 * GiB);
    const smaller = await fails(sim, 'PUT', `/volumes/data/resize/${v.uuid as string}/actions`, { session, body: { resizeDataVolume: { size: GiB } } });
    expect(smaller.code).toBe('SYS.1007');
    const vm = await first('/vm-instances', 'state=Running');
    const root = (await ok(sim, 'PUT', `/volumes/resize/${vm.rootVolumeUuid as string}/actions`, { session, body: { resizeRootVolume: { size: 200 * GiB } } })).inventory;
    expect(root).toMatchObject({ type: 'Root', size: 200 * GiB });
  });

  it('deletes (status Deleted, detached), recovers, expunges', async () => {
    const vm = await first('/vm-instances', 'state=Running');
    const v = await newVolume('vol-del');
    await attach(v.uuid, vm.uuid);
    expect(await ok(sim, 'DELETE', `/volumes/${v.uuid as string}`, { session })).toEqual({});
    const deleted = await first('/volumes', `uuid=${v.uuid as string}`);
    expect(deleted).toMatchObject({ status: 'Deleted', lastVmInstanceUuid: vm.uuid });
    expect(deleted.vmInstanceUuid).toBeUndefined();
    expect((await fails(sim, 'POST', `/volumes/${v.uuid as string}/vm-instances/${vm.uuid as string}`, { session, body: { params: {} } })).code).toBe('SYS.1006');
    expect((await ok(sim, 'PUT', `/volumes/${v.uuid as string}/actions`, { session, body: { recoverDataVolume: {} } })).inventory.status).toBe('Ready');
    expect((await fails(sim, 'PUT', `/volumes/${v.uuid as string}/actions`, { session, body: { expungeDataVolume: {} } })).code).toBe('SYS.1006');
    await ok(sim, 'DELETE', `/volumes/${v.uuid as string}`, { session });
    expect(await ok(sim, 'PUT', `/volumes/${v.uuid as string}/actions`, { session, body: { expungeDataVolume: {} } })).toEqual({});
    expect(await first('/volumes', `uuid=${v.uuid as string}`)).toBeUndefined();
  });

  it('takes snapshots of instantiated volumes, chaining them', async () => {
    const vm = await first('/vm-instances', 'state=Running');
    const s1 = (await ok(sim, 'POST', `/volumes/${vm.rootVolumeUuid as string}/volume-snapshots`, { session, body: { params: { name: 'snap-1' } } })).inventory;
    const s2 = (await ok(sim, 'POST', `/volumes/${vm.rootVolumeUuid as string}/volume-snapshots`, { session, body: { params: { name: 'snap-2' } } })).inventory;
    expect(s1).toMatchObject({ volumeUuid: vm.rootVolumeUuid, volumeType: 'Root', latest: true, status: 'Ready' });
    expect(s2).toMatchObject({ parentUuid: s1.uuid, treeUuid: s1.treeUuid, latest: true });
    expect((await first('/volume-snapshots', `uuid=${s1.uuid as string}`)).latest).toBe(false);
    const v = await newVolume('vol-nosnap');
    expect((await fails(sim, 'POST', `/volumes/${v.uuid as string}/volume-snapshots`, { session, body: { params: { name: 'x' } } })).code).toBe('SYS.1006');
  });

  it('lists attachable volumes of a VM and attachable VMs of a volume', async () => {
    const vm = await first('/vm-instances', 'state=Running');
    const v = await newVolume('vol-candidate');
    const cand = await query(sim, session, `/vm-instances/${vm.uuid as string}/data-volume-candidates`);
    expect(cand.inventories.map((x: { uuid: string }) => x.uuid)).toContain(v.uuid);
    const vms = await query(sim, session, `/volumes/${v.uuid as string}/candidate-vm-instances`);
    expect(vms.inventories.every((x: { state: string }) => x.state === 'Running' || x.state === 'Stopped')).toBe(true);
    expect(vms.inventories.length).toBeGreaterThan(0);
  });
});
