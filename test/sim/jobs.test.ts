// Async jobs over HTTP: 202 -> poll -> 200, failures as 503, expiry as 404, and webhook delivery with retries.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { jobPath, login, send } from './http.js';

interface Hit {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback webhook receiver answering the given statuses in turn (then 200). */
async function receiver(statuses: number[] = []): Promise<{ url: string; hits: Hit[]; server: Server }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, hits, server };
}

let clock = Date.UTC(2025, 5, 1);
let sim: Simulator;
let session: string;
const servers: Server[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 5, jobResultTtlMs: 10_000, now: () => clock });
  session = await login(sim);
});
afterAll(() => sim.close());
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

describe('polling', () => {
  it('answers 202 with a location on the same host, then 200 with the result', async () => {
    const a = await send(sim, 'POST', '/zones', { session, body: { params: { name: 'polled' } } });
    expect(a.status).toBe(202);
    expect(Object.keys(a.json)).toEqual(['location']);
    expect(a.json.location).toMatch(new RegExp(`^${sim.url}/zstack/v1/api-jobs/[0-9a-f]{32}$`));
    await sim.idle();
    const done = await send(sim, 'GET', jobPath(a.json.location));
    expect(done.status).toBe(200);
    expect(done.json.inventory.name).toBe('polled');
    // A result can be read again while it is kept.
    expect((await send(sim, 'GET', jobPath(a.json.location))).status).toBe(200);
  });

  it('answers 202 while the job runs', async () => {
    const slow = await startSimulator({ seed: 'empty', jobDelayMs: 60_000 });
    try {
      const s = await login(slow);
      const a = await send(slow, 'POST', '/zones', { session: s, body: { params: { name: 'slow' } } });
      const poll = await send(slow, 'GET', jobPath(a.json.location));
      expect(poll.status).toBe(202);
      expect(poll.json.location).toBe(a.json.location);
    } finally {
      await slow.close();
    }
  });

  it('answers 503 with the error for a failed job', async () => {
    const a = await send(sim, 'PUT', `/vm-instances/${'0'.repeat(32)}/actions`, { session, body: { startVmInstance: {} } });
    expect(a.status).toBe(202);
    await sim.idle();
    const done = await send(sim, 'GET', jobPath(a.json.location));
    expect(done.status).toBe(503);
    expect(done.contentType).toMatch(/^application\/json/);
    expect(done.json.error).toMatchObject({ code: 'SYS.1003' });
    expect(done.json.error.details).toContain('0'.repeat(32));
  });

  it('answers 404 for an unknown job and for one whose result expired', async () => {
    expect((await send(sim, 'GET', `/api-jobs/${'a'.repeat(32)}`)).status).toBe(404);
    const a = await send(sim, 'POST', '/zones', { session, body: { params: { name: 'expiring' } } });
    await sim.idle();
    clock += 9_000;
    expect((await send(sim, 'GET', jobPath(a.json.location))).status).toBe(200);
    clock += 2_000;
    const gone = await send(sim, 'GET', jobPath(a.json.location));
    expect(gone.status).toBe(404);
    expect(gone.contentType).toMatch(/^text\/plain/);
    session = await login(sim);
  });
});

describe('webhooks', () => {
  it('POSTs the result with X-Job-UUID and X-Job-Success: true', async () => {
    const r = await receiver();
    servers.push(r.server);
    const id = '1234567890abcdef1234567890abcdef';
    const a = await send(sim, 'POST', '/zones', { session, body: { params: { name: 'hooked' } }, headers: { 'X-Job-UUID': id, 'X-Web-Hook': r.url } });
    expect(a.status).toBe(202);
    await sim.idle();
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]!.headers['x-job-uuid']).toBe(id);
    expect(r.hits[0]!.headers['x-job-success']).toBe('true');
    expect(JSON.parse(r.hits[0]!.body).inventory.name).toBe('hooked');
  });

  it('reports a failure with X-Job-Success: false and the error body', async () => {
    const r = await receiver();
    servers.push(r.server);
    await send(sim, 'PUT', `/vm-instances/${'0'.repeat(32)}/actions`, { session, body: { stopVmInstance: {} }, headers: { 'X-Web-Hook': r.url } });
    await sim.idle();
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]!.headers['x-job-success']).toBe('false');
    expect(JSON.parse(r.hits[0]!.body).error.code).toBe('SYS.1003');
  });

  it('retries when the receiver fails, and gives up after a few attempts', async () => {
    const flaky = await receiver([500, 503]);
    servers.push(flaky.server);
    await send(sim, 'POST', '/zones', { session, body: { params: { name: 'retried' } }, headers: { 'X-Web-Hook': flaky.url } });
    await sim.idle();
    expect(flaky.hits).toHaveLength(3);
    expect(new Set(flaky.hits.map((h) => h.headers['x-job-uuid'])).size).toBe(1);

    const down = await receiver([500, 500, 500, 500, 500, 500, 500, 500]);
    servers.push(down.server);
    await send(sim, 'POST', '/zones', { session, body: { params: { name: 'unheard' } }, headers: { 'X-Web-Hook': down.url } });
    await sim.idle();
    expect(down.hits.length).toBeGreaterThan(1);
    expect(down.hits.length).toBeLessThan(8);
  });
});
