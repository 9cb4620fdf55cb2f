// VM lifecycle over HTTP: create strategies, state transitions per vm-states.md, VM.1010 refusals, migrate, clone, expunge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, jobPath, login, ok, query, send, uuidOf } from './http.js';

let sim: Simulator;
let session: string;
const ids: Record<string, string> = {};

async function createVm(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  const body = await ok(sim, 'POST', '/vm-instances', {
    session,
    body: { params: { name, instanceOfferingUuid: ids.small, imageUuid: ids.centos, l3NetworkUuids: [ids.l3], ...extra } },
  });
  return body.inventory;
}

const action = (uuid: string, key: string, params: Record<string, unknown> = {}) => ['PUT', `/vm-instances/${uuid}/actions`, { session, body: { [key]: params } }] as const;

async function vm(uuid: string): Promise<any> {
  return (await query(sim, session, `/vm-instances/${uuid}`)).inventories[0];
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 5 });
  session = await login(sim);
  ids.small = await uuidOf(sim, session, '/instance-offerings', 'small');
  ids.large = await uuidOf(sim, session, '/instance-offerings', 'large');
  ids.xlarge = await uuidOf(sim, session, '/instance-offerings', 'xlarge');
  ids.centos = await uuidOf(sim, session, '/images', 'centos-7');
  ids.l3 = await uuidOf(sim, session, '/l3-networks', 'l3-flat-1');
  ids.vlan = await uuidOf(sim, session, '/l3-networks', 'l3-vlan-100');
  ids.disk = await uuidOf(sim, session, '/disk-offerings', 'disk-10G');
});
afterAll(() => sim.close());

describe('CreateVmInstance', () => {
  it('creates a running VM with a nic on each L3, an IP from the range, and root + data volumes', async () => {
    const inv = await createVm('created-1', { l3NetworkUuids: [ids.l3, ids.vlan], defaultL3NetworkUuid: ids.vlan, dataDiskOfferingUuids: [ids.disk], description: 'made by a test' });
    expect(inv).toMatchObject({ name: 'created-1', state: 'Running', description: 'made by a test', defaultL3NetworkUuid: ids.vlan, cpuNum: 1, type: 'UserVm', hypervisorType: 'KVM' });
    expect(inv.hostUuid).toMatch(/^[0-9a-f]{32}$/);
    expect(inv.vmNics.map((n: { l3NetworkUuid: string }) => n.l3NetworkUuid)).toEqual([ids.l3, ids.vlan]);
    expect(inv.vmNics[0].ip).toMatch(/^192\.168\.1\.\d+$/);
    expect(inv.vmNics[1].ip).toMatch(/^10\.100\.0\.\d+$/);
    expect(inv.allVolumes.map((v: { type: string; deviceId: number }) => `${v.type}:${v.deviceId}`).sort()).toEqual(['Data:1', 'Root:0']);
    // The IPs are taken: no other nic has them.
    const sameIp = await query(sim, session, '/vm-instances/nics', [['q', `ip=${inv.vmNics[0].ip as string}`]]);
    expect(sameIp.inventories).toHaveLength(1);
  });

  it('is Starting while the job runs', async () => {
    const slow = await startSimulator({ seed: 'demo', jobDelayMs: 60_000 });
    try {
      const s = await login(slow);
      const l3 = (await query(slow, s, '/l3-networks', [['q', 'name=l3-flat-1']])).inventories[0].uuid;
      const img = (await query(slow, s, '/images', [['q', 'name=centos-7']])).inventories[0].uuid;
      const a = await send(slow, 'POST', '/vm-instances', { session: s, body: { params: { name: 'in-flight', cpuNum: 1, memorySize: 1 << 30, imageUuid: img, l3NetworkUuids: [l3] } } });
      expect(a.status).toBe(202);
      const seen = (await query(slow, s, '/vm-instances', [['q', 'name=in-flight']])).inventories[0];
      expect(seen.state).toBe('Starting');
      expect((await send(slow, 'GET', jobPath(a.json.location))).status).toBe(202);
    } finally {
      await slow.close();
    }
  });

  it('honours CreateStopped and JustCreate', async () => {
    const stopped = await createVm('created-stopped', { strategy: 'CreateStopped' });
    expect(stopped.state).toBe('Stopped');
    expect(stopped.hostUuid).toBeUndefined();
    const created = await createVm('created-only', { strategy: 'JustCreate' });
    expect(created.state).toBe('Created');
  });

  it('records system and user tags and joins an affinity group from its system tag', async () => {
    const ag = await uuidOf(sim, session, '/affinity-groups', 'ag-web');
    const inv = await createVm('tagged-1', { systemTags: [`affinityGroupUuid::${ag}`], userTags: ['blue'] });
    expect((await query(sim, session, '/vm-instances', [['q', '__userTag__=blue']])).inventories.map((v: { uuid: string }) => v.uuid)).toEqual([inv.uuid]);
    const group = (await query(sim, session, `/affinity-groups`, [['q', `uuid=${ag}`]])).inventories[0];
    expect(group.usages.map((u: { resourceUuid: string }) => u.resourceUuid)).toContain(inv.uuid);
  });

  it('fails the job for unknown or unusable references', async () => {
    const noImage = await fails(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'x', instanceOfferingUuid: ids.small, imageUuid: 'a'.repeat(32), l3NetworkUuids: [ids.l3] } } });
    expect(noImage.code).toBe('SYS.1003');
    const disabled = await fails(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'x', instanceOfferingUuid: ids.xlarge, imageUuid: ids.centos, l3NetworkUuids: [ids.l3] } } });
    expect(disabled.code).toBe('SYS.1006');
    const noL3 = await fails(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'x', instanceOfferingUuid: ids.small, imageUuid: ids.centos } } });
    expect(noL3.code).toBe('SYS.1007');
    const badStrategy = await fails(sim, 'POST', '/vm-instances', { session, body: { params: { name: 'x', instanceOfferingUuid: ids.small, imageUuid: ids.centos, l3NetworkUuids: [ids.l3], strategy: 'Later' } } });
    expect(badStrategy.code).toBe('SYS.1007');
    expect((await query(sim, session, '/vm-instances', [['q', 'name=x']])).inventories).toEqual([]);
  });
});

describe('state transitions', () => {
  it('stop, start, pause, resume, reboot follow the state machine', async () => {
    const { uuid, hostUuid } = await createVm('cycle-1');
    const stopped = (await ok(sim, ...action(uuid, 'stopVmInstance'))).inventory;
    expect(stopped.state).toBe('Stopped');
    expect(stopped.hostUuid).toBeUndefined();
    expect(stopped.lastHostUuid).toBe(hostUuid);
    // Stop on a stopped VM is accepted and changes nothing.
    expect((await ok(sim, ...action(uuid, 'stopVmInstance'))).inventory.state).toBe('Stopped');
    expect((await ok(sim, ...action(uuid, 'startVmInstance'))).inventory).toMatchObject({ state: 'Running', hostUuid });
    expect((await ok(sim, ...action(uuid, 'pauseVmInstance'))).inventory.state).toBe('Paused');
    expect((await ok(sim, ...action(uuid, 'resumeVmInstance'))).inventory.state).toBe('Running');
    expect((await ok(sim, ...action(uuid, 'rebootVmInstance'))).inventory.state).toBe('Running');
    expect((await ok(sim, ...action(uuid, 'startVmInstance'))).inventory.state).toBe('Running');
  });

  it("refuses APIs the state does not allow: the API's own code caused by VM.1010, with ZStack-style details", async () => {
    const { uuid } = await createVm('refused-1', { strategy: 'CreateStopped' });
    const pause = await fails(sim, ...action(uuid, 'pauseVmInstance'));
    const details = "current vm instance state[Stopped] doesn't allow to proceed message[APIPauseVmInstanceMsg], allowed states are [Running]";
    expect(pause).toMatchObject({ code: 'VM.1012', details, cause: { code: 'VM.1010', details } });
    expect(await fails(sim, ...action(uuid, 'resumeVmInstance'))).toMatchObject({ code: 'VM.1013', cause: { code: 'VM.1010' } });
    const reboot = await fails(sim, ...action(uuid, 'rebootVmInstance'));
    expect(reboot).toMatchObject({ code: 'VM.1003', cause: { code: 'VM.1010' } });
    expect(reboot.details).toMatch(/allowed states are \[Running, Crashed, NoState\]/);
    expect(await fails(sim, ...action(uuid, 'recoverVmInstance'))).toMatchObject({ code: 'SYS.1006', cause: { code: 'VM.1010' } });
    expect(await fails(sim, ...action(uuid, 'expungeVmInstance'))).toMatchObject({ code: 'SYS.1006', cause: { code: 'VM.1010' } });
    expect((await vm(uuid)).state).toBe('Stopped');
  });

  it('destroy, recover (to Stopped), destroy again, expunge', async () => {
    const inv = await createVm('doomed-1', { dataDiskOfferingUuids: [ids.disk] });
    const dataUuid = inv.allVolumes.find((v: { type: string }) => v.type === 'Data').uuid as string;
    const destroyed = await runDelete(`/vm-instances/${inv.uuid as string}`);
    expect(destroyed).toEqual({});
    expect((await vm(inv.uuid)).state).toBe('Destroyed');
    expect(await fails(sim, ...action(inv.uuid, 'startVmInstance'))).toMatchObject({ code: 'VM.1001', cause: { code: 'VM.1010' } });
    expect(await fails(sim, ...action(inv.uuid, 'stopVmInstance'))).toMatchObject({ code: 'VM.1002', cause: { code: 'VM.1010' } });
    expect((await ok(sim, ...action(inv.uuid, 'recoverVmInstance'))).inventory.state).toBe('Stopped');
    await runDelete(`/vm-instances/${inv.uuid as string}`);
    expect(await ok(sim, ...action(inv.uuid, 'expungeVmInstance'))).toEqual({});
    expect(await vm(inv.uuid)).toBeUndefined();
    // Its nics and IPs are gone, its data volume stays, detached.
    expect((await query(sim, session, '/vm-instances/nics', [['q', `vmInstanceUuid=${inv.uuid as string}`]])).inventories).toEqual([]);
    const data = (await query(sim, session, `/volumes/${dataUuid}`)).inventories[0];
    expect(data.vmInstanceUuid).toBeUndefined();
    expect(data.lastVmInstanceUuid).toBe(inv.uuid);
  });

  it('a transitional state allows only destroy, and the interrupted job fails', async () => {
    const slow = await startSimulator({ seed: 'demo', jobDelayMs: 1500 });
    try {
      const s = await login(slow);
      const web = (await query(slow, s, '/vm-instances', [['q', 'name=web-01']])).inventories[0];
      const running = web.state === 'Running' ? web : (await query(slow, s, '/vm-instances', [['q', 'state=Running'], ['limit', '1']])).inventories[0];
      const stop = await send(slow, 'PUT', `/vm-instances/${running.uuid as string}/actions`, { session: s, body: { stopVmInstance: {} } });
      expect((await query(slow, s, `/vm-instances/${running.uuid as string}`)).inventories[0].state).toBe('Stopping');
      const start = await send(slow, 'PUT', `/vm-instances/${running.uuid as string}/actions`, { session: s, body: { startVmInstance: {} } });
      const destroy = await send(slow, 'DELETE', `/vm-instances/${running.uuid as string}`, { session: s });
      await slow.idle();
      const startResult = await send(slow, 'GET', jobPath(start.json.location));
      expect(startResult.json.error).toMatchObject({ code: 'VM.1001', cause: { code: 'VM.1010' } });
      expect(startResult.json.error.details).toMatch(/state\[Stopping\]/);
      expect((await send(slow, 'GET', jobPath(destroy.json.location))).status).toBe(200);
      expect((await send(slow, 'GET', jobPath(stop.json.location))).json.error.code).toBe('SYS.1006');
      expect((await query(slow, s, `/vm-instances/${running.uuid as string}`)).inventories[0].state).toBe('Destroyed');
    } finally {
      await slow.close();
    }
  });
});

async function runDelete(path: string): Promise<unknown> {
  return ok(sim, 'DELETE', path, { session });
}

describe('other VM APIs', () => {
  it('migrates a running VM to another host of its cluster, or to a chosen one', async () => {
    const inv = await createVm('mover-1', { clusterUuid: await uuidOf(sim, session, '/clusters', 'cluster-1a') });
    const moved = (await ok(sim, 'PUT', `/vm-instances/${inv.uuid as string}/actions`, { session, body: { migrateVm: {} } })).inventory;
    expect(moved.state).toBe('Running');
    expect(moved.hostUuid).not.toBe(inv.hostUuid);
    expect(moved.clusterUuid).toBe(inv.clusterUuid);
    const back = (await ok(sim, 'PUT', `/vm-instances/${inv.uuid as string}/actions`, { session, body: { migrateVm: { hostUuid: inv.hostUuid } } })).inventory;
    expect(back.hostUuid).toBe(inv.hostUuid);
    const same = await fails(sim, 'PUT', `/vm-instances/${inv.uuid as string}/actions`, { session, body: { migrateVm: { hostUuid: inv.hostUuid } } });
    expect(same.code).toBe('SYS.1007');
  });

  it('changes the instance offering and updates fields', async () => {
    const inv = await createVm('resized-1');
    const changed = (await ok(sim, 'PUT', `/vm-instances/${inv.uuid as string}/actions`, { session, body: { changeInstanceOffering: { instanceOfferingUuid: ids.large } } })).inventory;
    expect(changed).toMatchObject({ instanceOfferingUuid: ids.large, cpuNum: 4, memorySize: 8 * 1024 ** 3 });
    const updated = (await ok(sim, ...action(inv.uuid, 'updateVmInstance', { name: 'renamed-1', description: 'new' }))).inventory;
    expect(updated).toMatchObject({ name: 'renamed-1', description: 'new' });
    expect((await fails(sim, ...action(inv.uuid, 'updateVmInstance', { defaultL3NetworkUuid: ids.vlan }))).code).toBe('SYS.1007');
  });

  it('clones a VM into new ones with their own nics', async () => {
    const src = await createVm('source-1');
    const res = await ok(sim, 'PUT', `/vm-instances/${src.uuid as string}/actions`, { session, body: { cloneVmInstance: { names: ['clone-1', 'clone-2'], strategy: 'CreateStopped' } } });
    expect(res.result.numberOfClonedVm).toBe(2);
    const clones = res.result.inventories.map((i: { inventory: { name: string; state: string; vmNics: { ip: string }[] } }) => i.inventory);
    expect(clones.map((c: { name: string }) => c.name)).toEqual(['clone-1', 'clone-2']);
    expect(clones.every((c: { state: string }) => c.state === 'Stopped')).toBe(true);
    expect(new Set([src.vmNics[0].ip, ...clones.map((c: { vmNics: { ip: string }[] }) => c.vmNics[0]!.ip)]).size).toBe(3);
  });

  it('gives console addresses and migration candidates only in states that allow them', async () => {
    const inv = await createVm('console-1');
    const c = await send(sim, 'GET', `/vm-instances/${inv.uuid as string}/console-addresses`, { session });
    expect(c.status).toBe(200);
    expect(c.json).toMatchObject({ protocol: 'vnc' });
    expect(c.json.hostIp).toMatch(/^10\.0\.\d+\.\d+$/);
    const hosts = await send(sim, 'GET', `/vm-instances/${inv.uuid as string}/migration-target-hosts`, { session });
    expect(hosts.json.inventories.map((h: { uuid: string }) => h.uuid)).not.toContain(inv.hostUuid);
    await ok(sim, ...action(inv.uuid, 'stopVmInstance'));
    const refused = await send(sim, 'GET', `/vm-instances/${inv.uuid as string}/console-addresses`, { session });
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatchObject({ code: 'SYS.1006', cause: { code: 'VM.1010' } });
  });
});
