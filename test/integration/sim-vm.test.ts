// The embedded simulator through the built CLI: the seed manual's VM, volume and image APIs and the scheduler, each
// created, queried, changed and deleted, and refused the way ZStack refuses (exit 1 with its error code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Zs } from './sim-cli.js';

let sim: Simulator;
let zs: Zs;
let vm: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
  zs = await new Zs(sim).login();
  const image = await zs.value('QueryImage', 'name=centos-7', '-c', 'uuid');
  const offering = await zs.value('QueryInstanceOffering', 'name=small', '-c', 'uuid');
  const l3 = await zs.value('QueryL3Network', 'name=l3-flat-1', '-c', 'uuid');
  vm = (await zs.ok('CreateVmInstance', 'name=cli-vm-1', `imageUuid=${image}`, `instanceOfferingUuid=${offering}`, `l3NetworkUuids=${l3}`)).inventory.uuid;
}, 120_000);
afterAll(() => sim?.close());

describe('VM settings', () => {
  it('hostname, boot order and HA level: set, read, delete', async () => {
    await zs.ok('SetVmHostname', `uuid=${vm}`, 'hostname=cli-1.example.org');
    expect(await zs.ok('GetVmHostname', `uuid=${vm}`)).toEqual({ hostname: 'cli-1.example.org' });
    await zs.ok('SetVmBootOrder', `uuid=${vm}`, 'bootOrder=CdRom,HardDisk');
    expect((await zs.ok('GetVmBootOrder', `uuid=${vm}`)).orders).toEqual(['CdRom', 'HardDisk']);
    await zs.ok('SetVmInstanceHaLevel', `uuid=${vm}`, 'level=NeverStop');
    expect(await zs.ok('GetVmInstanceHaLevel', `uuid=${vm}`)).toEqual({ level: 'NeverStop' });
    await zs.ok('DeleteVmInstanceHaLevel', `uuid=${vm}`);
    expect(await zs.ok('GetVmInstanceHaLevel', `uuid=${vm}`)).toEqual({});
    await zs.fails('SYS.1007', 'SetVmHostname', `uuid=${vm}`, 'hostname=not_valid!');
  }, 60_000);

  it('an ISO attached shows in the VM, and is detached', async () => {
    const iso = await zs.value('QueryImage', 'name=centos-7-iso', '-c', 'uuid');
    await zs.ok('AttachIsoToVmInstance', `vmInstanceUuid=${vm}`, `isoUuid=${iso}`);
    expect(await zs.value('QueryVmInstance', `uuid=${vm}`, '-c', 'vmCdRoms.isoUuid')).toBe(iso);
    await zs.ok('DetachIsoFromVmInstance', `vmInstanceUuid=${vm}`);
    await zs.fails('SYS.1006', 'DetachIsoFromVmInstance', `vmInstanceUuid=${vm}`);
  }, 60_000);

  it('refuses a state transition with the API code caused by VM.1010', async () => {
    const destroyed = await zs.value('QueryVmInstance', 'state=Destroyed', 'limit=1', '-c', 'uuid');
    const err = await zs.fails('VM.1001', 'StartVmInstance', `uuid=${destroyed}`);
    expect(err).toMatch(/caused by VM\.1010/);
    await zs.fails('SYS.1006', 'RecoverVmInstance', `uuid=${vm}`);
  }, 60_000);
});

describe('snapshots, volumes and templates', () => {
  it('a snapshot makes a tree; revert on the stopped VM; a volume and a template from it; delete', async () => {
    const root = await zs.value('QueryVmInstance', `uuid=${vm}`, '-c', 'rootVolumeUuid');
    const snap = (await zs.ok('CreateVolumeSnapshot', `volumeUuid=${root}`, 'name=cli-snap-1')).inventory;
    const tree = (await zs.ok('QueryVolumeSnapshotTree', `volumeUuid=${root}`)).inventories;
    expect(tree).toHaveLength(1);
    expect(tree[0].tree.inventory.uuid).toBe(snap.uuid);
    await zs.fails('SYS.1006', 'RevertVolumeFromSnapshot', `uuid=${snap.uuid as string}`);
    await zs.ok('StopVmInstance', `uuid=${vm}`);
    await zs.ok('RevertVolumeFromSnapshot', `uuid=${snap.uuid as string}`);
    const fromSnap = (await zs.ok('CreateDataVolumeFromVolumeSnapshot', `volumeSnapshotUuid=${snap.uuid as string}`, 'name=cli-from-snap')).inventory;
    expect(fromSnap).toMatchObject({ type: 'Data', status: 'Ready' });
    const template = (await zs.ok('CreateRootVolumeTemplateFromVolumeSnapshot', `snapshotUuid=${snap.uuid as string}`, 'name=cli-template', `backupStorageUuids=${await zs.value('QueryBackupStorage', 'name=bs-imagestore-1', '-c', 'uuid')}`)).inventory;
    expect(template).toMatchObject({ mediaType: 'RootVolumeTemplate', status: 'Ready' });
    await zs.ok('UpdateVolumeSnapshot', `uuid=${snap.uuid as string}`, 'name=cli-snap-renamed');
    expect(await zs.value('QueryVolumeSnapshot', `uuid=${snap.uuid as string}`, '-c', 'name')).toBe('cli-snap-renamed');
    await zs.ok('DeleteVolumeSnapshot', `uuid=${snap.uuid as string}`);
    expect((await zs.ok('QueryVolumeSnapshotTree', `volumeUuid=${root}`)).inventories).toEqual([]);
    await zs.ok('DeleteDataVolume', `uuid=${fromSnap.uuid as string}`);
    await zs.ok('ExpungeDataVolume', `uuid=${fromSnap.uuid as string}`);
  }, 90_000);
});

describe('scheduler', () => {
  it('a job and a trigger: create, query, link, run, delete', async () => {
    const job = (await zs.ok('CreateSchedulerJob', 'name=cli-start', 'type=startVm', `targetResourceUuid=${vm}`)).inventory;
    const trigger = (await zs.ok('CreateSchedulerTrigger', 'name=cli-hourly', 'schedulerType=simple', 'schedulerInterval=3600')).inventory;
    await zs.ok('AddSchedulerJobToSchedulerTrigger', `schedulerJobUuid=${job.uuid as string}`, `schedulerTriggerUuid=${trigger.uuid as string}`);
    expect((await zs.ok('QuerySchedulerTrigger', `uuid=${trigger.uuid as string}`)).inventories[0].jobsUuid).toEqual([job.uuid]);
    await zs.ok('RunSchedulerTrigger', `uuid=${trigger.uuid as string}`);
    expect(await zs.value('QueryVmInstance', `uuid=${vm}`, '-c', 'state')).toBe('Running');
    expect(await zs.value('QuerySchedulerJobHistory', `schedulerJobUuid=${job.uuid as string}`, '-c', 'success')).toBe('true');
    await zs.fails('SYS.1007', 'CreateSchedulerTrigger', 'name=bad', 'schedulerType=cron', 'cron=whenever');
    await zs.ok('DeleteSchedulerTrigger', `uuid=${trigger.uuid as string}`);
    await zs.ok('DeleteSchedulerJob', `uuid=${job.uuid as string}`);
    expect((await zs.ok('QuerySchedulerJob', `uuid=${job.uuid as string}`)).inventories).toEqual([]);
  }, 90_000);
});
