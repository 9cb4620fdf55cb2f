// X-JSON-Schema: true adds ZStack's `schema` map (path -> server class) to successful replies, as the Java SDK needs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/schema/registry.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { jobPath, login, send, sha512 } from './http.js';

const SCHEMA = { 'X-JSON-Schema': 'true' };
const VM = 'org.zstack.header.vm.VmInstanceInventory';
const NIC = 'org.zstack.header.vm.VmNicInventory';
const USED_IP = 'org.zstack.header.network.l3.UsedIpInventory';
const VOLUME = 'org.zstack.header.volume.VolumeInventory';

let sim: Simulator;
let session: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 5 });
  session = await login(sim);
});
afterAll(() => sim.close());

async function get(path: string, headers: Record<string, string> = SCHEMA): Promise<any> {
  const a = await send(sim, 'GET', path, { session, headers });
  expect(a.status, a.text).toBe(200);
  return a.json;
}

/** Every path to a non-null object (not array) in the reply, as ZStack writes them. */
function objectPaths(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((e, i) => {
        if (e !== null && typeof e === 'object') walk(e, `${path}[${i}]`);
      });
      return;
    }
    out.push(path);
    for (const [k, c] of Object.entries(v)) if (c !== null && typeof c === 'object') walk(c, `${path}.${k}`);
  };
  for (const [k, v] of Object.entries(body)) if (k !== 'schema') walk(v, k);
  return out;
}

describe('queries', () => {
  it('maps every VM, nic, used IP and volume to its server class, parents first', async () => {
    const body = await get('/vm-instances?q=name=web-01');
    expect(body.inventories).toHaveLength(1);
    const vm = body.inventories[0];
    expect(vm.vmNics.length).toBeGreaterThan(0);
    expect(vm.vmNics[0].usedIps.length).toBeGreaterThan(0);
    expect(body.schema['inventories[0]']).toBe(VM);
    expect(body.schema['inventories[0].vmNics[0]']).toBe(NIC);
    expect(body.schema['inventories[0].vmNics[0].usedIps[0]']).toBe(USED_IP);
    expect(body.schema['inventories[0].allVolumes[0]']).toBe(VOLUME);
    // One entry per object in the reply, and each parent comes before its children.
    const keys = Object.keys(body.schema);
    expect([...keys].sort()).toEqual(objectPaths(body).sort());
    for (const [i, k] of keys.entries()) {
      const parent = k.replace(/\.[^.]+$/, '');
      if (parent !== k) expect(keys.indexOf(parent)).toBeLessThan(i);
    }
  });

  it('numbers every element of a multi-row reply', async () => {
    const body = await get('/vm-instances?q=state=Running&limit=3');
    expect(body.inventories).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(body.schema[`inventories[${i}]`]).toBe(VM);
  });

  it('names sub-kinds by their own class: KVM hosts, VLAN L2s, image-store and sftp backup storage', async () => {
    const hosts = await get('/hosts');
    expect(hosts.inventories.length).toBeGreaterThan(0);
    expect(hosts.schema['inventories[0]']).toBe('org.zstack.kvm.KVMHostInventory');
    const l2s = await get('/l2-networks');
    const byName = (n: string): number => l2s.inventories.findIndex((l: { name: string }) => l.name === n);
    expect(l2s.schema[`inventories[${byName('l2-vlan-100')}]`]).toBe('org.zstack.header.network.l2.L2VlanNetworkInventory');
    expect(l2s.schema[`inventories[${byName('l2-flat-1')}]`]).toBe('org.zstack.header.network.l2.L2NetworkInventory');
    const bs = await get('/backup-storage');
    const classes = bs.inventories.map((_: unknown, i: number) => bs.schema[`inventories[${i}]`]);
    expect(classes).toEqual(
      expect.arrayContaining([
        'org.zstack.storage.backup.imagestore.ImageStoreBackupStorageInventory',
        'org.zstack.storage.backup.sftp.SftpBackupStorageInventory',
      ]),
    );
  });

  it('covers every object of every query with rows in the demo seed', async () => {
    const registry = loadRegistry();
    let checked = 0;
    for (const name of registry.apiNames()) {
      const api = registry.api(name)!;
      if (!api.query || !api.inventory || api.path.includes('{')) continue;
      if (sim.store.count(api.inventory) === 0) continue;
      const body = await get(`${api.path}?limit=5`);
      expect(Object.keys(body.schema).sort(), name).toEqual(objectPaths(body).sort());
      for (const cls of Object.values(body.schema)) expect(cls, name).toMatch(/^org\.zstack\./);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('is on every query reply, with or without the header, as ZStack 5.2 does', async () => {
    expect((await get('/vm-instances?limit=1', {})).schema['inventories[0]']).toBe(VM);
    expect((await get('/vm-instances?limit=1', { 'X-JSON-Schema': 'false' })).schema['inventories[0]']).toBe(VM);
    expect((await get('/vm-instances?limit=1', { 'x-json-schema': 'TRUE' })).schema['inventories[0]']).toBe(VM);
  });

  it('is only on other sync replies when the header asks for it (true, compared case-insensitively)', async () => {
    const ask = async (headers: Record<string, string>): Promise<unknown> =>
      (await send(sim, 'PUT', '/accounts/login', { body: { logInByAccount: { accountName: 'admin', password: sha512('password') } }, headers })).json.schema;
    expect(await ask({})).toBeUndefined();
    expect(await ask({ 'X-JSON-Schema': 'false' })).toBeUndefined();
    expect(await ask({ 'x-json-schema': 'TRUE' })).toEqual({ inventory: 'org.zstack.header.identity.SessionInventory' });
  });

  it('gives an empty map when the reply holds no object (count)', async () => {
    const body = await get('/vm-instances?count=true');
    expect(body.schema).toEqual({});
    expect(typeof body.total).toBe('number');
  });
});

describe('other sync replies', () => {
  it('types the session of a login', async () => {
    const a = await send(sim, 'PUT', '/accounts/login', {
      body: { logInByAccount: { accountName: 'admin', password: sha512('password') } },
      headers: SCHEMA,
    });
    expect(a.status).toBe(200);
    expect(a.json.schema).toEqual({ inventory: 'org.zstack.header.identity.SessionInventory' });
  });

  it('adds no schema to errors', async () => {
    const a = await send(sim, 'GET', '/vm-instances?q=bogus', { session: '0'.repeat(32), headers: SCHEMA });
    expect(a.status).toBe(503);
    expect(a.json.schema).toBeUndefined();
  });
});

describe('async jobs', () => {
  async function stoppedVm(): Promise<string> {
    const body = await get('/vm-instances?q=state=Stopped&limit=1', {});
    return body.inventories[0].uuid as string;
  }

  it('adds the schema to the poll answer and the webhook body of a StartVmInstance sent with the header', async () => {
    const hits: string[] = [];
    const hook: Server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        hits.push(text);
        res.end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const uuid = await stoppedVm();
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      const a = await send(sim, 'PUT', `/vm-instances/${uuid}/actions`, {
        session,
        body: { startVmInstance: {} },
        headers: { ...SCHEMA, 'X-Web-Hook': url },
      });
      expect(a.status).toBe(202);
      expect(a.json.schema).toBeUndefined();
      await sim.idle();
      // The starting request asked for it: polls get it with or without the header.
      for (const headers of [SCHEMA, {}]) {
        const done = await send(sim, 'GET', jobPath(a.json.location), { headers });
        expect(done.status).toBe(200);
        expect(done.json.inventory.state).toBe('Running');
        expect(done.json.schema.inventory).toBe(VM);
        expect(done.json.schema['inventory.vmNics[0]']).toBe(NIC);
        expect(done.json.schema['inventory.vmNics[0].usedIps[0]']).toBe(USED_IP);
      }
      expect(hits).toHaveLength(1);
      const hooked = JSON.parse(hits[0]!);
      expect(hooked.inventory.uuid).toBe(uuid);
      expect(hooked.schema.inventory).toBe(VM);
      expect(hooked.schema['inventory.allVolumes[0]']).toBe(VOLUME);
    } finally {
      hook.close();
    }
  });

  it('honours the header on the poll alone, and leaves it out when neither asks', async () => {
    const uuid = await stoppedVm();
    const a = await send(sim, 'PUT', `/vm-instances/${uuid}/actions`, { session, body: { startVmInstance: {} } });
    await sim.idle();
    const plain = await send(sim, 'GET', jobPath(a.json.location));
    expect(plain.json.schema).toBeUndefined();
    const asked = await send(sim, 'GET', jobPath(a.json.location), { headers: SCHEMA });
    expect(asked.json.schema.inventory).toBe(VM);
  });

  it('types the results of a CloneVmInstance (results, each clone, its VM)', async () => {
    const uuid = await stoppedVm();
    const a = await send(sim, 'PUT', `/vm-instances/${uuid}/actions`, {
      session,
      body: { cloneVmInstance: { names: ['schema-clone'], strategy: 'JustCreate' } },
      headers: SCHEMA,
    });
    expect(a.status, a.text).toBe(202);
    await sim.idle();
    const done = await send(sim, 'GET', jobPath(a.json.location));
    expect(done.status, done.text).toBe(200);
    expect(done.json.schema).toMatchObject({
      result: 'org.zstack.header.vm.CloneVmInstanceResults',
      'result.inventories[0]': 'org.zstack.header.vm.CloneVmInstanceInventory',
      'result.inventories[0].inventory': VM,
    });
  });
});
