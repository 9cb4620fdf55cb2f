// Query replies made through the row cache (rows compared with keyframes of their kind and shape, nested rows found by
// their parent's id) are the renderer's answer: for every query API of the demo cloud with rows, the first reply (cold),
// the next (warm, the very same bytes) and replies after changes to rows and to rows nested in them; with the schema
// map the recorder gives, and with conditions, sorting, paging, counts and field selection as the engine answers them;
// and a scale seed's VMs, whose text seeding keeps, after changes made before their first query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Renderer } from '../../src/sim/query/render.js';
import { SchemaRecorder } from '../../src/sim/query/schema.js';
import type { Row } from '../../src/sim/store/table.js';
import { login, ok, send } from './http.js';

let sim: Simulator;
let session: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo' });
  session = await login(sim);
});
afterAll(() => sim.close());

/** The renderer's reply for `rows` of `inv` (of `on`'s store): inventories and schema map, as ZStack's JSON. */
function rendered(inv: string, rows: Row[], fields?: string[], on = sim): { inventories: unknown[]; schema: Record<string, string> } {
  const schema = new SchemaRecorder(on.store.registry);
  const renderer = new Renderer(on.store, on.store.registry, schema);
  const { value, kinds } = schema.record(() => rows.map((r) => renderer.render(inv, r, fields)));
  return { inventories: JSON.parse(JSON.stringify(value)) as unknown[], schema: schema.build({ inventories: value }, kinds) };
}

/** Every query API with a path of its own and rows to answer. */
function queries(): { api: string; inv: string; path: string }[] {
  const out: { api: string; inv: string; path: string }[] = [];
  for (const name of sim.store.registry.apiNames()) {
    const api = sim.store.registry.api(name)!;
    if (!api.query || !api.inventory || api.method !== 'GET' || api.path.includes('{')) continue;
    if (sim.store.count(api.inventory) === 0) continue;
    out.push({ api: name, inv: api.inventory, path: api.path });
  }
  return out;
}

async function get(path: string, q: [string, string][] = [], on = sim, as = session): Promise<{ text: string; json: any }> {
  const a = await send(on, 'GET', `${path}?${new URLSearchParams([['limit', '100000'], ...q]).toString()}`, { session: as });
  expect(a.status, `${path}: ${a.text.slice(0, 200)}`).toBe(200);
  return { text: a.text, json: a.json };
}

describe('big answers through the row cache', () => {
  it('are the renderer`s for every query API with rows: cold, warm (the same bytes) and after changes', async () => {
    const all = queries();
    expect(all.length).toBeGreaterThan(40);
    const check = async (): Promise<Map<string, string>> => {
      const texts = new Map<string, string>();
      for (const { inv, path } of all) {
        const { text, json } = await get(path);
        const want = rendered(inv, sim.store.all(inv));
        expect(json.inventories, path).toEqual(want.inventories);
        expect(json.schema, path).toEqual(want.schema);
        texts.set(path, text);
      }
      return texts;
    };
    const cold = await check();
    const warm = await check();
    for (const [path, text] of cold) expect(warm.get(path), path).toBe(text);
    // Changes to a VM, to a nic nested in VMs, to a volume; a VM made and one expunged.
    const vms = (await get('/vm-instances', [['q', 'state=Running']])).json.inventories as { uuid: string; vmNics: { uuid: string }[] }[];
    const put = async (path: string, body: unknown): Promise<void> => {
      expect([200, 202]).toContain((await send(sim, 'PUT', path, { session, body })).status);
      await sim.idle();
    };
    await put(`/vm-instances/${vms[0]!.uuid}/actions`, { updateVmInstance: { name: 'changed "name"', description: 'ü-云' } });
    await put(`/vm-instances/${vms[1]!.uuid}/actions`, { stopVmInstance: {} });
    await put(`/vm-instances/${vms[2]!.uuid}/actions`, { updateVmInstance: { cpuNum: 16 } });
    const volume = (await get('/volumes', [['q', 'type=Data']])).json.inventories[0] as { uuid: string };
    await put(`/volumes/${volume.uuid}/actions`, { updateVolume: { name: 'renamed data' } });
    expect([200, 202]).toContain((await send(sim, 'DELETE', `/vm-instances/${vms[3]!.uuid}`, { session })).status);
    await sim.idle();
    const after = await check();
    expect(after.get('/vm-instances')).toContain('changed \\"name\\"');
    expect(after.get('/vm-instances')).not.toBe(cold.get('/vm-instances'));
  });

  it('answer conditions, sorting, paging, counts and fields as the engine does, cold and warm', async () => {
    const asks: [string, [string, string][]][] = [
      ['/vm-instances', [['q', 'state=Running'], ['sort', '-name'], ['start', '3'], ['limit', '7'], ['replyWithCount', 'true']]],
      ['/vm-instances', [['q', 'vmNics.ip~=10.%'], ['fields', 'uuid,name,cpuNum']]],
      ['/vm-instances', [['q', 'name!=web-01'], ['count', 'true']]],
      ['/volumes', [['q', 'vmInstance.name~=web%'], ['sort', 'size']]],
      ['/hosts', [['sort', '+name']]],
    ];
    for (const [path, q] of asks) {
      const cold = await get(path, q);
      const warm = await get(path, q);
      expect(warm.text, path).toBe(cold.text);
      if (cold.json.inventories === undefined) {
        expect(cold.json.total).toBeGreaterThan(0);
        continue;
      }
      // The engine's rows, in its order, rendered.
      const inv = sim.store.registry.apiNames().map((n) => sim.store.registry.api(n)!).find((a) => a.query && a.path === path)!.inventory!;
      const uuids = (cold.json.inventories as { uuid: string }[]).map((r) => r.uuid);
      const fields = q.find(([k]) => k === 'fields')?.[1].split(',');
      const want = rendered(inv, uuids.map((u) => sim.store.get(inv, u)!), fields);
      expect(cold.json.inventories, path).toEqual(want.inventories);
      expect(cold.json.schema, path).toEqual(want.schema);
      expect(cold.json.inventories.length).toBeGreaterThan(0);
    }
  });
});

describe('the VMs of a scale:N seed, whose text seeding kept', () => {
  it('are the renderer`s after changes made before the first query (a VM renamed, stopped, created, deleted), then the same bytes', async () => {
    const big = await startSimulator({ seed: 'scale:400', jobDelayMs: 0 });
    try {
      const s = await login(big);
      const vms = big.store.all('VmInstanceInventory').filter((v) => v.state === 'Running');
      const [a, b, c] = vms.map((v) => String(v.uuid));
      await ok(big, 'PUT', `/vm-instances/${a!}/actions`, { session: s, body: { updateVmInstance: { name: 'renamed-first' } } });
      await ok(big, 'PUT', `/vm-instances/${b!}/actions`, { session: s, body: { stopVmInstance: {} } });
      await ok(big, 'DELETE', `/vm-instances/${c!}`, { session: s });
      const params = { name: 'made-first', imageUuid: big.store.all('ImageInventory')[0]!.uuid, instanceOfferingUuid: big.store.all('InstanceOfferingInventory')[0]!.uuid, l3NetworkUuids: [big.store.all('L3NetworkInventory')[0]!.uuid] };
      await ok(big, 'POST', '/vm-instances', { session: s, body: { params } });
      await big.idle();
      const first = await get('/vm-instances', [], big, s);
      const want = rendered('VmInstanceInventory', big.store.all('VmInstanceInventory'), undefined, big);
      expect(first.json.inventories).toEqual(want.inventories);
      expect(first.json.schema).toEqual(want.schema);
      expect(first.json.inventories.map((v: { name: string }) => v.name)).toContain('renamed-first');
      expect(first.json.inventories.map((v: { name: string }) => v.name)).toContain('made-first');
      expect((await get('/vm-instances', [], big, s)).text).toBe(first.text);
    } finally {
      await big.close();
    }
  });
});
