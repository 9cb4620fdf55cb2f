// Snapshot trees, revert, volumes and templates made from volumes and snapshots, disk QoS, and the volume questions
// (formats, capabilities, size sync) over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query, send } from './http.js';

let sim: Simulator;
let session: string;
const GiB = 1024 ** 3;
let vm: any;
let bs: string;

async function first(path: string, cond: string): Promise<any> {
  return (await query(sim, session, path, [['q', cond]])).inventories[0];
}

const snapshot = async (volumeUuid: string, name: string): Promise<any> =>
  (await ok(sim, 'POST', `/volumes/${volumeUuid}/volume-snapshots`, { session, body: { params: { name } } })).inventory;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  session = await login(sim);
  const image = await first('/images', 'name=centos-7');
  const offering = await first('/instance-offerings', 'name=small');
  const l3 = await first('/l3-networks', 'name=l3-flat-1');
  vm = (await ok(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'snapper', imageUuid: image.uuid, instanceOfferingUuid: offering.uuid, l3NetworkUuids: [l3.uuid] } } })).inventory;
  bs = (await first('/backup-storage', 'name=bs-imagestore-1')).uuid;
});
afterAll(() => sim.close());

describe('snapshot trees', () => {
  it('QueryVolumeSnapshotTree has a row per tree once a snapshot is taken, with the snapshots nested', async () => {
    const root = vm.rootVolumeUuid as string;
    expect((await query(sim, session, '/volume-snapshots/trees', [['q', `volumeUuid=${root}`]])).inventories).toEqual([]);
    const s1 = await snapshot(root, 's1');
    const s2 = await snapshot(root, 's2');
    const trees = (await query(sim, session, '/volume-snapshots/trees', [['q', `volumeUuid=${root}`]])).inventories;
    expect(trees).toHaveLength(1);
    expect(trees[0]).toMatchObject({ uuid: s1.treeUuid, volumeUuid: root, current: true, status: 'Completed' });
    expect(trees[0].tree.inventory.uuid).toBe(s1.uuid);
    expect(trees[0].tree.children.map((c: { inventory: { uuid: string }; parentUuid: string }) => [c.inventory.uuid, c.parentUuid])).toEqual([[s2.uuid, s1.uuid]]);
    const schema = (await query(sim, session, '/volume-snapshots/trees', [['q', `volumeUuid=${root}`]])).schema;
    expect(schema['inventories[0].tree.children[0].inventory']).toBe('org.zstack.header.storage.snapshot.VolumeSnapshotInventory');
  });

  it('reverts a volume of a stopped VM: the next snapshot branches from the reverted one', async () => {
    const root = vm.rootVolumeUuid as string;
    const [s1] = (await query(sim, session, '/volume-snapshots', [['q', `volumeUuid=${root}`], ['q', 'name=s1']])).inventories;
    const revert = ['PUT', `/volume-snapshots/${s1.uuid as string}/actions`, { session, body: { revertVolumeFromSnapshot: {} } }] as const;
    expect((await fails(sim, ...revert)).code).toBe('SYS.1006');
    await ok(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { stopVmInstance: {} } });
    expect(await ok(sim, ...revert)).toEqual({});
    expect((await first('/volume-snapshots', `uuid=${s1.uuid as string}`)).latest).toBe(true);
    const s3 = await snapshot(root, 's3');
    expect(s3.parentUuid).toBe(s1.uuid);
    const tree = (await query(sim, session, '/volume-snapshots/trees', [['q', `volumeUuid=${root}`]])).inventories[0].tree;
    expect(tree.children.map((c: { inventory: { name: string } }) => c.inventory.name).sort()).toEqual(['s2', 's3']);
  });

  it('deleting a snapshot deletes its descendants, and the tree with the last one', async () => {
    const root = vm.rootVolumeUuid as string;
    const [s1] = (await query(sim, session, '/volume-snapshots', [['q', `volumeUuid=${root}`], ['q', 'name=s1']])).inventories;
    await ok(sim, 'DELETE', `/volume-snapshots/${s1.uuid as string}`, { session });
    expect((await query(sim, session, '/volume-snapshots', [['q', `volumeUuid=${root}`]])).inventories).toEqual([]);
    expect((await query(sim, session, '/volume-snapshots/trees', [['q', `volumeUuid=${root}`]])).inventories).toEqual([]);
  });
});

describe('volumes and templates from volumes and snapshots', () => {
  it('a data volume from a snapshot, and one from a data volume template', async () => {
    const s = await snapshot(vm.rootVolumeUuid, 'for-volume');
    const fromSnap = (await ok(sim, 'POST', `/volumes/data/from/volume-snapshots/${s.uuid as string}`, { session, body: { params: { name: 'from-snap' } } })).inventory;
    expect(fromSnap).toMatchObject({ name: 'from-snap', type: 'Data', status: 'Ready', primaryStorageUuid: s.primaryStorageUuid });
    const template = await first('/images', 'name=data-template-1');
    const ps = await first('/primary-storage', 'name=ps-nfs-1');
    const fromTemplate = (await ok(sim, 'POST', `/volumes/data/from/data-volume-templates/${template.uuid as string}`, { session, body: { params: { name: 'from-tpl', primaryStorageUuid: ps.uuid } } })).inventory;
    expect(fromTemplate).toMatchObject({ size: template.size, primaryStorageUuid: ps.uuid, status: 'Ready' });
    const centos = await first('/images', 'name=centos-7');
    expect((await fails(sim, 'POST', `/volumes/data/from/data-volume-templates/${centos.uuid as string}`, { session, body: { params: { name: 'x', primaryStorageUuid: ps.uuid } } })).code).toBe('SYS.1007');
  });

  it('root volume templates from a root volume and from a snapshot; a data volume template from a volume', async () => {
    const cand = (await query(sim, session, '/images/candidate-backup-storage', [['volumeUuid', vm.rootVolumeUuid]])).inventories.map((b: { uuid: string }) => b.uuid);
    expect(cand).toContain(bs);
    const fromRoot = (await ok(sim, 'POST', `/images/root-volume-templates/from/volumes/${vm.rootVolumeUuid as string}`, { session, body: { params: { name: 'tpl-root', platform: 'Linux' } } })).inventory;
    expect(fromRoot).toMatchObject({ name: 'tpl-root', mediaType: 'RootVolumeTemplate', status: 'Ready', platform: 'Linux' });
    expect(fromRoot.backupStorageRefs.map((r: { backupStorageUuid: string; status: string }) => [r.backupStorageUuid, r.status])).toEqual([[bs, 'Ready']]);
    const s = await snapshot(vm.rootVolumeUuid, 'for-template');
    const fromSnap = await ok(sim, 'POST', `/images/root-volume-templates/from/volume-snapshots/${s.uuid as string}`, { session, body: { params: { name: 'tpl-snap', backupStorageUuids: [bs] } } });
    expect(fromSnap.inventory.mediaType).toBe('RootVolumeTemplate');
    expect(fromSnap.failures).toEqual([]);
    const data = (await query(sim, session, '/volumes', [['q', `vmInstanceUuid=${vm.uuid as string}`], ['q', 'type=Root']])).inventories[0];
    const dvt = (await ok(sim, 'POST', `/images/data-volume-templates/from/volumes/${data.uuid as string}`, { session, body: { params: { name: 'tpl-data', backupStorageUuids: [bs] } } })).inventory;
    expect(dvt.mediaType).toBe('DataVolumeTemplate');
    const notReady = (await ok(sim, 'POST', '/volumes/data', { session, body: { params: { name: 'blank', diskSize: GiB } } })).inventory;
    expect((await fails(sim, 'POST', `/images/data-volume-templates/from/volumes/${notReady.uuid as string}`, { session, body: { params: { name: 'x' } } })).code).toBe('SYS.1006');
  });

  it('image qga is the bare qemuga tag', async () => {
    const img = await first('/images', 'name=ubuntu-22.04');
    expect((await send(sim, 'GET', `/images/${img.uuid as string}/qga`, { session })).json).toEqual({ enable: false });
    await ok(sim, 'PUT', `/images/${img.uuid as string}/actions`, { session, body: { setImageQga: { enable: true } } });
    expect((await send(sim, 'GET', `/images/${img.uuid as string}/qga`, { session })).json).toEqual({ enable: true });
    expect((await query(sim, session, '/system-tags', [['q', `resourceUuid=${img.uuid as string}`]])).inventories.map((t: { tag: string }) => t.tag)).toEqual(['qemuga']);
  });
});

describe('volume questions and QoS', () => {
  it('formats, capabilities by primary storage type, size sync', async () => {
    expect((await send(sim, 'GET', '/volumes/formats', { session })).json.formats.map((f: { format: string }) => f.format)).toEqual(['qcow2', 'raw']);
    const local = await first('/volumes', `uuid=${vm.rootVolumeUuid as string}`);
    const caps = (await send(sim, 'GET', `/volumes/${local.uuid as string}/capabilities`, { session })).json.capabilities;
    const psType = (await first('/primary-storage', `uuid=${local.primaryStorageUuid as string}`)).type;
    expect(caps.MigrationToOtherPrimaryStorage).toBe(psType !== 'LocalStorage');
    const synced = (await ok(sim, 'PUT', `/volumes/${local.uuid as string}/actions`, { session, body: { syncVolumeSize: {} } })).inventory;
    expect(synced.actualSize).toBeGreaterThan(0);
  });

  it('sets, reads and deletes disk QoS', async () => {
    const uuid = vm.rootVolumeUuid as string;
    expect((await send(sim, 'GET', `/volumes/${uuid}/qos`, { session })).json).toMatchObject({ volumeUuid: uuid, volumeBandwidth: -1, iopsTotal: -1 });
    await ok(sim, 'PUT', `/volumes/${uuid}/actions`, { session, body: { setVolumeQos: { volumeBandwidth: 10_000, mode: 'read' } } });
    await ok(sim, 'PUT', `/volumes/${uuid}/actions`, { session, body: { setVolumeQos: { totalIOPS: 500 } } });
    expect((await send(sim, 'GET', `/volumes/${uuid}/qos`, { session })).json).toMatchObject({ volumeBandwidthRead: 10_000, iopsTotal: 500, volumeBandwidth: -1 });
    await ok(sim, 'DELETE', `/volumes/${uuid}/qos?mode=read`, { session });
    expect((await send(sim, 'GET', `/volumes/${uuid}/qos`, { session })).json).toMatchObject({ volumeBandwidthRead: -1, iopsTotal: 500 });
    await ok(sim, 'DELETE', `/volumes/${uuid}/qos`, { session });
    expect((await send(sim, 'GET', `/volumes/${uuid}/qos`, { session })).json.iopsTotal).toBe(-1);
  });
});
