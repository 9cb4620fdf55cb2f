// A long-running simulator does not grow: expired sessions, finished job results and used job ids are dropped, so the
// heap after 60k logins and 40k async jobs (on a clock that moves past their lifetimes) is what it was after the first
// few thousand. Heap measured after forced garbage collections.
import { createHash, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMB(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

let sim: Simulator;
let clock = Date.UTC(2025, 0, 1);
const agent = new Agent({ keepAlive: true, maxSockets: 32 });

function call(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}/zstack/v1${path}`, { method, agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers } }, (res) => {
      let out = '';
      res.setEncoding('utf8').on('data', (d: string) => (out += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: out }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

const BATCH = 64;
const login = { logInByAccount: { accountName: 'admin', password: createHash('sha512').update('password').digest('hex') } };

/** `n` calls in batches of 64 at a time; the clock moves 100 ms per batch (the lifetimes below are 1 s). */
async function many(n: number, one: () => Promise<{ status: number }>, status: number): Promise<void> {
  for (let i = 0; i < n; i += BATCH) {
    const answers = await Promise.all(Array.from({ length: BATCH }, one));
    for (const a of answers) expect(a.status).toBe(status);
    clock += 100;
  }
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 'empty', jobDelayMs: 0, sessionTimeoutMs: 1000, jobResultTtlMs: 1000, now: () => clock });
});
afterAll(async () => {
  agent.destroy();
  await sim.close();
});

describe('memory stays flat', () => {
  it('after 60k logins and 40k async jobs', async () => {
    const session = async (): Promise<Record<string, string>> => {
      const uuid = JSON.parse((await call('PUT', '/accounts/login', login)).text).inventory.uuid as string;
      return { Authorization: `OAuth ${uuid}` };
    };
    expect((await call('POST', '/zones', { params: { name: 'z' } }, await session())).status).toBe(202);
    await sim.idle();
    const zone = sim.store.all('ZoneInventory')[0]!.uuid as string;
    /** Jobs in rounds of 5 batches (500 ms of clock), each round with a fresh session (they live 1 s). */
    const jobs = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i += BATCH * 5) {
        const auth = await session();
        await many(BATCH * 5, () => call('PUT', `/zones/${zone}/actions`, { updateZone: { description: 'x' } }, { ...auth, 'X-Job-UUID': randomUUID().replace(/-/g, '') }), 202);
      }
      await sim.idle();
    };

    await many(6_000, () => call('PUT', '/accounts/login', login), 200);
    await jobs(4_000);
    const before = heapMB();

    await many(54_000, () => call('PUT', '/accounts/login', login), 200);
    await jobs(36_000);
    const after = heapMB();
    const held = sim.held();

    // Only what the last second or so made is held (sweeps run every 250 ms of clock): not 60k sessions, 40k results.
    expect(held.sessions).toBeLessThan(1_000);
    expect(held.jobs).toBeLessThan(1_000);
    expect(held.usedJobIds).toBeLessThan(1_000);
    // 60k sessions kept would be ~20 MB, 40k job results with their zone inventories ~80 MB.
    expect(after - before, `heap ${before.toFixed(1)} MB -> ${after.toFixed(1)} MB`).toBeLessThan(8);
  }, 300_000);
});
