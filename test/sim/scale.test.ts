// The scale:100000 seed: it starts, and queries over 100k VMs answer (indexes for equality, joins, paging).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { login, query } from './http.js';

let sim: Simulator;
let session: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'scale:100000' });
  session = await login(sim);
}, 60_000);
afterAll(() => sim.close());

describe('scale:100000', () => {
  it('holds 100000 VMs, 90% running', async () => {
    expect(await query(sim, session, '/vm-instances', [['count', 'true']])).toEqual({ total: 100_000, schema: {} });
    expect(await query(sim, session, '/vm-instances', [['q', 'state=Running'], ['count', 'true']])).toEqual({ total: 90_000, schema: {} });
    expect(await query(sim, session, '/vm-instances/nics', [['count', 'true']])).toEqual({ total: 100_000, schema: {} });
  });

  it('finds one VM by name, with its nic and root volume', async () => {
    const a = await query(sim, session, '/vm-instances', [['q', 'name=vm-50000']]);
    expect(a.inventories).toHaveLength(1);
    expect(a.inventories[0].vmNics).toHaveLength(1);
    expect(a.inventories[0].allVolumes[0].type).toBe('Root');
    const byIp = await query(sim, session, '/vm-instances', [['q', `vmNics.ip=${a.inventories[0].vmNics[0].ip as string}`], ['fields', 'name']]);
    expect(byIp.inventories).toEqual([{ name: 'vm-50000' }]);
  });

  it('pages with the default limit of 1000 and counts with replyWithCount', async () => {
    const page = await query(sim, session, '/vm-instances', [['fields', 'uuid']]);
    expect(page.inventories).toHaveLength(1000);
    const last = await query(sim, session, '/vm-instances', [['q', 'name~=vm-9999%'], ['replyWithCount', 'true'], ['sort', '-name'], ['limit', '3'], ['fields', 'name']]);
    expect(last.total).toBe(11);
    expect(last.inventories).toEqual([{ name: 'vm-99999' }, { name: 'vm-99998' }, { name: 'vm-99997' }]);
  });

  it('joins across the big tables', async () => {
    const onHost = await query(sim, session, '/vm-instances', [['q', 'host.name=scale-host-7'], ['count', 'true']]);
    expect(onHost.total).toBeGreaterThan(0);
    expect(onHost.total).toBeLessThanOrEqual(500);
    const all = await query(sim, session, '/vm-instances', [['q', 'vmNics.l3Network.zone.name=scale-zone'], ['count', 'true']]);
    expect(all.total).toBe(100_000);
  });
});
