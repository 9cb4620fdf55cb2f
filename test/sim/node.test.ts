// What a client learns about the node: the /v1 root without the /zstack context path, GetVersion and GetSupportAPIs
// (and APIs made unsupported), streamed query replies that match the object renderer byte for byte, and random ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Renderer } from '../../src/sim/query/render.js';
import { SchemaRecorder } from '../../src/sim/query/schema.js';
import { RowText } from '../../src/sim/query/text.js';
import { jobPath, login, query, send } from './http.js';

let sim: Simulator;
let session: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  session = await login(sim);
});
afterAll(() => sim.close());

describe('the /v1 root (an SDK without the zstack context path)', () => {
  it('answers the same APIs below /v1, and polls jobs below the root it was called on', async () => {
    const a = await fetch(`${sim.url}/v1/vm-instances?q=name=web-01`, { headers: { Authorization: `OAuth ${session}` } });
    expect(a.status).toBe(200);
    expect(((await a.json()) as { inventories: { name: string }[] }).inventories.map((i) => i.name)).toEqual(['web-01']);
    const z = await fetch(`${sim.url}/v1/zones`, { method: 'POST', headers: { Authorization: `OAuth ${session}` }, body: JSON.stringify({ params: { name: 'bare-root-zone' } }) });
    expect(z.status).toBe(202);
    const { location } = (await z.json()) as { location: string };
    expect(location).toMatch(new RegExp(`^${sim.url}/v1/api-jobs/[0-9a-f]{32}$`));
    await sim.idle();
    const done = await fetch(location);
    expect(((await done.json()) as { inventory: { name: string } }).inventory.name).toBe('bare-root-zone');
  });

  it('is still 404 outside both roots', async () => {
    for (const p of ['/v2/vm-instances', '/zstack/vm-instances', '/v1x/zones']) expect((await fetch(`${sim.url}${p}`)).status).toBe(404);
  });
});

describe('GetVersion and GetSupportAPIs', () => {
  it('answer like a ZStack 5.2 node, without a session', async () => {
    const v = await send(sim, 'PUT', '/management-nodes/actions', { body: { getVersion: {} } });
    expect(v.json).toEqual({ version: '5.2.0' });
    const s = await send(sim, 'PUT', '/management-nodes/actions', { body: { getSupportAPIs: {} } });
    expect(s.json.supportApis).toContain('APIStartVmInstanceMsg');
    expect(s.json.supportApis).toContain('APIQueryVmInstanceMsg');
    expect(s.json.supportApis.length).toBeGreaterThan(1800);
  });

  it('leave out APIs the node is made not to support, which then are not routed', async () => {
    const partial = await startSimulator({ seed: 'empty+unsupported=SetVmQga,QueryEip', unsupportedApis: ['CreateEip'], jobDelayMs: 0 });
    try {
      const s = await send(partial, 'PUT', '/management-nodes/actions', { body: { getSupportAPIs: {} } });
      for (const gone of ['APISetVmQgaMsg', 'APIQueryEipMsg', 'APICreateEipMsg']) expect(s.json.supportApis).not.toContain(gone);
      expect(s.json.supportApis).toContain('APIGetVmQgaMsg');
      const ss = await login(partial);
      expect((await send(partial, 'GET', '/eips', { session: ss })).status).toBe(404);
      expect((await send(partial, 'POST', '/eips', { session: ss, body: { params: { name: 'e', vipUuid: 'a'.repeat(32) } } })).status).toBe(404);
      // A shared path: the body names an action this node does not have.
      const qga = await send(partial, 'PUT', `/vm-instances/${'a'.repeat(32)}/actions`, { session: ss, body: { setVmQga: { enable: true } } });
      expect(qga.status).toBe(400);
      expect((await send(partial, 'GET', `/vm-instances/${'a'.repeat(32)}/qga`, { session: ss })).status).toBe(503);
    } finally {
      await partial.close();
    }
  });

  it('refuses unknown names in the unsupported list', async () => {
    await expect(startSimulator({ seed: 'empty+unsupported=NoSuchApi' })).rejects.toThrow(/NoSuchApi/);
    await expect(startSimulator({ seed: 'empty+bogus=1' })).rejects.toThrow(/unknown seed option/);
  });
});

describe('query replies', () => {
  it('escape strings that need it, also after the row changes (the no-escape memo follows updates)', async () => {
    const [vm] = (await query(sim, session, '/vm-instances', [['q', 'name=web-12']])).inventories;
    const put = (name: string): Promise<unknown> => send(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { updateVmInstance: { name } } }).then(() => sim.idle());
    expect((await query(sim, session, '/vm-instances', [['q', `uuid=${vm.uuid as string}`]])).inventories[0].name).toBe('web-12');
    for (const name of ['we"b\\12\n\t', 'web-12-plain', 'tab\there \u0001']) {
      await put(name);
      expect((await query(sim, session, '/vm-instances', [['q', `uuid=${vm.uuid as string}`], ['fields', 'name']])).inventories[0].name).toBe(name);
      expect((await query(sim, session, '/vm-instances', [['q', `uuid=${vm.uuid as string}`]])).inventories[0].name).toBe(name);
    }
    await put('web-12');
  });

  it('are the object renderer output byte for byte, for every inventory with rows, with and without fields', () => {
    const store = sim.store;
    const schema = new SchemaRecorder(store.registry);
    const renderer = new Renderer(store, store.registry, schema);
    const text = new RowText(store, renderer, schema);
    let checked = 0;
    for (const name of store.registry.apiNames()) {
      const inv = store.registry.api(name)!.inventory;
      if (!store.registry.api(name)!.query || !inv) continue;
      for (const row of store.all(inv).slice(0, 20)) {
        expect(text.row(inv, row)).toBe(JSON.stringify(renderer.render(inv, row)));
        expect(text.row(inv, row, ['uuid', 'name', 'createDate'])).toBe(JSON.stringify(renderer.render(inv, row, ['uuid', 'name', 'createDate'])));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('are streamed (chunked) and carry the schema map; a reply of many rows parses whole', async () => {
    const big = await startSimulator({ seed: 'scale:3000' });
    try {
      const s = await login(big);
      const res = await fetch(`${big.url}/zstack/v1/vm-instances?limit=3000&replyWithCount=true`, { headers: { Authorization: `OAuth ${s}` } });
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      const body = (await res.json()) as { inventories: { name: string }[]; total: number; schema: Record<string, string> };
      expect(body.inventories).toHaveLength(3000);
      expect(body.total).toBe(3000);
      expect(body.schema['inventories[2999]']).toBe('org.zstack.header.vm.VmInstanceInventory');
      expect(body.schema['inventories[2999].vmNics[0].usedIps[0]']).toBe('org.zstack.header.network.l3.UsedIpInventory');
    } finally {
      await big.close();
    }
  });

  it('show a change made after a query in the next one, to the row itself or to a row nested in it (the row cache is dropped)', async () => {
    const all = async (): Promise<any> => query(sim, session, '/vm-instances', [['limit', '1000']]);
    const before = await all();
    const at = before.inventories.findIndex((v: { name: string }) => v.name === 'web-01');
    const vm = before.inventories[at];
    expect(await all()).toEqual(before);
    await send(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { updateVmInstance: { description: 'cached?' } } });
    await sim.idle();
    expect((await all()).inventories[at].description).toBe('cached?');
    const root = vm.allVolumes.find((v: { type: string }) => v.type === 'Root');
    await send(sim, 'PUT', `/volumes/${root.uuid as string}/actions`, { session, body: { updateVolume: { name: 'renamed-root' } } });
    await sim.idle();
    const after = await all();
    expect(after.inventories[at].allVolumes.find((v: { uuid: string }) => v.uuid === root.uuid).name).toBe('renamed-root');
    expect(after.schema[`inventories[${at}].allVolumes[0]`]).toBe('org.zstack.header.volume.VolumeInventory');
    await send(sim, 'PUT', `/volumes/${root.uuid as string}/actions`, { session, body: { updateVolume: { name: root.name } } });
    await send(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { updateVmInstance: { description: vm.description ?? '' } } });
    await sim.idle();
    const restored = (await all()).inventories[at];
    expect(restored.allVolumes.find((v: { uuid: string }) => v.uuid === root.uuid).name).toBe(root.name);
    expect(restored.vmNics).toEqual(vm.vmNics);
  });

  it('with fields= name only the selected rows in the schema', async () => {
    const a = await query(sim, session, '/vm-instances', [['q', 'name=web-01'], ['fields', 'uuid,name']]);
    expect(a.schema).toEqual({ 'inventories[0]': 'org.zstack.header.vm.VmInstanceInventory' });
  });
});

describe('ids', () => {
  it('gives sessions and job ids no other simulator would give, even on the same seed', async () => {
    const other = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
    try {
      const mine = await login(sim);
      const theirs = await login(other);
      expect(mine).not.toBe(theirs);
      expect((await send(other, 'GET', '/vm-instances?limit=1', { session: mine })).json.error.code).toBe('ID.1001');
      const body = { params: { name: 'z' } };
      const [a, b] = await Promise.all([send(sim, 'POST', '/zones', { session: mine, body }), send(other, 'POST', '/zones', { session: theirs, body })]);
      expect(a.json.location.split('/').pop()).not.toBe(b.json.location.split('/').pop());
      await Promise.all([sim.idle(), other.idle()]);
      const za = (await send(sim, 'GET', jobPath(a.json.location))).json.inventory.uuid;
      const zb = (await send(other, 'GET', jobPath(b.json.location))).json.inventory.uuid;
      expect(za).not.toBe(zb);
      // Seeded rows stay the same on every run.
      const web = async (s: Simulator, ses: string): Promise<string> => (await query(s, ses, '/vm-instances', [['q', 'name=web-01']])).inventories[0].uuid;
      expect(await web(sim, mine)).toBe(await web(other, theirs));
    } finally {
      await other.close();
    }
  });
});
