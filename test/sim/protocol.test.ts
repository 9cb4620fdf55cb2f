// Front-door protocol: login/logout, session checks and expiry, plain-text 400/404/405, job-uuid rules, success shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, jobPath, login, ok, send, sha512 } from './http.js';

let sim: Simulator;
let clock = Date.UTC(2025, 0, 1);
let session: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 5, sessionTimeoutMs: 60_000, now: () => clock });
  session = await login(sim);
});
afterAll(() => sim.close());

describe('login and sessions', () => {
  it('logs in with the SDK wrapper and with the 3.0 manual spelling, answering a session inventory', async () => {
    const a = await send(sim, 'PUT', '/accounts/login', { body: { logInByAccount: { accountName: 'admin', password: sha512('password') } } });
    expect(a.status).toBe(200);
    expect(a.json.inventory).toMatchObject({ accountUuid: '36c27e8ff05c4780bf6d2fa65700f22e', userType: 'Account' });
    expect(a.json.inventory.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect(a.json.inventory.createDate).toBe('Jan 1, 2025 12:00:00 AM');
    const b = await send(sim, 'PUT', '/accounts/login', { body: { loginByAccount: { accountName: 'admin', password: sha512('password') } } });
    expect(b.status).toBe(200);
    expect(b.json.inventory.uuid).not.toBe(a.json.inventory.uuid);
  });

  it('refuses a wrong password or an unhashed one with ID.1000', async () => {
    for (const password of [sha512('wrong'), 'password']) {
      const a = await send(sim, 'PUT', '/accounts/login', { body: { logInByAccount: { accountName: 'admin', password } } });
      expect(a.status).toBe(503);
      expect(a.json.error.code).toBe('ID.1000');
    }
  });

  it('logs in a user of an account (LogInByUser)', async () => {
    const a = await send(sim, 'PUT', '/accounts/users/login', { body: { logInByUser: { accountName: 'admin', userName: 'demo-user', password: sha512('password') } } });
    expect(a.status).toBe(200);
    expect(a.json.inventory.userType).toBe('User');
    const bad = await send(sim, 'PUT', '/accounts/users/login', { body: { logInByUser: { accountName: 'admin', userName: 'demo-user', password: sha512('x') } } });
    expect(bad.json.error.code).toBe('ID.1000');
  });

  it('logs out with 200 {} and the session stops working', async () => {
    const s = await login(sim);
    expect((await send(sim, 'GET', '/zones', { session: s })).status).toBe(200);
    const out = await send(sim, 'DELETE', `/accounts/sessions/${s}`);
    expect(out.status).toBe(200);
    expect(out.json).toEqual({});
    const after = await send(sim, 'GET', '/zones', { session: s });
    expect(after.status).toBe(503);
    expect(after.json.error.code).toBe('ID.1001');
  });

  it('answers ValidateSession', async () => {
    expect((await send(sim, 'GET', `/accounts/sessions/${session}/valid`)).json).toEqual({ valid: true });
    expect((await send(sim, 'GET', `/accounts/sessions/${'0'.repeat(32)}/valid`)).json).toEqual({ valid: false });
  });

  it('expires sessions through the test hook', async () => {
    const s = await login(sim);
    expect(sim.expireSession(s)).toBe(true);
    const a = await send(sim, 'GET', '/vm-instances', { session: s });
    expect(a.status).toBe(503);
    expect(a.json.error.code).toBe('ID.1001');
  });

  it('expires idle sessions after sessionTimeoutMs, and use keeps them alive', async () => {
    const idle = await login(sim);
    const busy = await login(sim);
    clock += 40_000;
    expect((await send(sim, 'GET', '/zones', { session: busy })).status).toBe(200);
    clock += 40_000;
    expect((await send(sim, 'GET', '/zones', { session: busy })).status).toBe(200);
    const a = await send(sim, 'GET', '/zones', { session: idle });
    expect(a.json.error.code).toBe('ID.1001');
    session = await login(sim);
  });

  it('fails a sync API with an invalid session at once, but an async one only in its job', async () => {
    const bogus = 'f'.repeat(32);
    const q = await send(sim, 'GET', '/vm-instances', { session: bogus });
    expect(q.status).toBe(503);
    expect(q.json.error.code).toBe('ID.1001');
    const err = await fails(sim, 'POST', '/zones', { session: bogus, body: { params: { name: 'never' } } });
    expect(err.code).toBe('ID.1001');
    const zones = await send(sim, 'GET', '/zones?q=name=never', { session });
    expect(zones.json.inventories).toEqual([]);
  });

  it('needs no session for the few APIs that say so', async () => {
    const v = await send(sim, 'PUT', '/management-nodes/actions', { body: { getVersion: {} } });
    expect(v.status).toBe(200);
    expect(v.json).toEqual({ version: '5.2.0' });
    const apis = await send(sim, 'PUT', '/management-nodes/actions', { body: { getSupportAPIs: {} } });
    expect(apis.json.supportApis).toContain('APIStartVmInstanceMsg');
  });
});

describe('front-door refusals are plain text', () => {
  it('400 when Authorization is missing or malformed on an API that needs a session', async () => {
    const a = await send(sim, 'GET', '/vm-instances');
    expect(a.status).toBe(400);
    expect(a.contentType).toMatch(/^text\/plain/);
    expect(a.text).toMatch(/Authorization/);
    const b = await send(sim, 'GET', '/vm-instances', { headers: { Authorization: `Bearer ${session}` } });
    expect(b.status).toBe(400);
  });

  it('404 for an unknown URL, inside or outside /zstack/v1', async () => {
    for (const path of ['/zstack/v1/no-such-things', '/zstack/v1/vm-instances/a/b/c/d/e', '/other']) {
      const a = await send(sim, 'GET', path, { session });
      expect(a.status).toBe(404);
      expect(a.contentType).toMatch(/^text\/plain/);
    }
  });

  it('405 for a known path with the wrong method', async () => {
    const a = await send(sim, 'PATCH', '/vm-instances', { session });
    expect(a.status).toBe(405);
    expect(a.contentType).toMatch(/^text\/plain/);
    const b = await send(sim, 'POST', '/api-jobs/0123456789abcdef0123456789abcdef', { session });
    expect(b.status).toBe(405);
  });

  it('400 for a body that is not JSON, lacks the wrapper, or names no action of a shared path', async () => {
    expect((await send(sim, 'POST', '/zones', { session, rawBody: '{"params":' })).status).toBe(400);
    const noWrapper = await send(sim, 'POST', '/zones', { session, body: { name: 'z' } });
    expect(noWrapper.status).toBe(400);
    expect(noWrapper.text).toMatch(/params/);
    const vm = (await send(sim, 'GET', '/vm-instances?q=name=web-01', { session })).json.inventories[0];
    const noAction = await send(sim, 'PUT', `/vm-instances/${vm.uuid}/actions`, { session, body: { fooVmInstance: {} } });
    expect(noAction.status).toBe(400);
    expect(noAction.contentType).toMatch(/^text\/plain/);
  });

  it('400 for an X-Job-UUID that is not 32 characters', async () => {
    for (const id of ['abc', 'd825b1a2-6f4e-474b-8c59-306081920ff2', 'g'.repeat(32)]) {
      const a = await send(sim, 'POST', '/zones', { session, body: { params: { name: 'z' } }, headers: { 'X-Job-UUID': id } });
      expect(a.status).toBe(400);
      expect(a.contentType).toMatch(/^text\/plain/);
    }
  });

  it('uses X-Job-UUID as the job id and refuses it a second time with 400 Duplicate job uuid', async () => {
    const id = 'd825b1a26f4e474b8c59306081920ff2';
    const a = await send(sim, 'POST', '/zones', { session, body: { params: { name: 'dup-zone' } }, headers: { 'X-Job-UUID': id } });
    expect(a.status).toBe(202);
    expect(a.json.location).toBe(`${sim.url}/zstack/v1/api-jobs/${id}`);
    const b = await send(sim, 'PUT', '/management-nodes/actions', { body: { getVersion: {} }, headers: { 'X-Job-UUID': id } });
    expect(b.status).toBe(400);
    expect(b.text).toBe('Duplicate job uuid');
    await sim.idle();
    expect((await send(sim, 'GET', jobPath(a.json.location))).json.inventory.name).toBe('dup-zone');
  });

  it('400 for a webhook that is not on the loopback interface', async () => {
    const a = await send(sim, 'POST', '/zones', { session, body: { params: { name: 'z' } }, headers: { 'X-Web-Hook': 'http://example.com/hook' } });
    expect(a.status).toBe(400);
  });
});

describe('answers', () => {
  it('sync APIs answer 200 JSON, never 202 or 204', async () => {
    const a = await send(sim, 'GET', '/zones', { session });
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^application\/json/);
    const t = await send(sim, 'PUT', '/management-nodes/actions', { session, body: { getCurrentTime: {} } });
    expect(t.status).toBe(200);
    expect(t.json.currentTime.MillionSeconds).toBe(clock);
  });

  it('validates params: a missing mandatory field fails the job with SYS.1007', async () => {
    const err = await fails(sim, 'POST', '/zones', { session, body: { params: { description: 'no name' } } });
    expect(err.code).toBe('SYS.1007');
    expect(err.details).toMatch(/field\[name\].*mandatory/);
    const bad = await fails(sim, 'POST', '/instance-offerings', { session, body: { params: { name: 'x', cpuNum: 'two', memorySize: 1 } } });
    expect(bad.code).toBe('SYS.1007');
    const enumBad = await fails(sim, 'POST', '/affinity-groups', { session, body: { params: { name: 'x', policy: 'sideways' } } });
    expect(enumBad.details).toMatch(/antiSoft/);
    // A number's valid values too (ipVersion: 4 or 6), whether it comes as a number or as text.
    for (const ipVersion of [5, '5']) {
      const v = await fails(sim, 'POST', '/security-groups', { session, body: { params: { name: 'sg', ipVersion } } });
      expect({ code: v.code, details: v.details }).toEqual({ code: 'SYS.1007', details: expect.stringMatching(/valid values of field\[ipVersion\].* are \[4, 6\], but got \[5\]/) });
    }
    expect((await ok(sim, 'POST', '/security-groups', { session, body: { params: { name: 'sg6', ipVersion: '6' } } })).inventory.ipVersion).toBe(6);
  });

  it('unsimulated APIs answer SYS.1008: at once when sync, through the job when async', async () => {
    const sync = await send(sim, 'GET', '/licenses', { session });
    expect(sync.status).toBe(503);
    expect(sync.json.error.code).toBe('SYS.1008');
    const err = await fails(sim, 'POST', '/primary-storage/smp', { session, body: { params: { name: 'smp', url: '/mnt/smp', zoneUuid: 'a'.repeat(32) } } });
    expect(err.code).toBe('SYS.1008');
  });

  it('a created resource comes back with ZStack-formatted dates', async () => {
    const body = await ok(sim, 'POST', '/zones', { session, body: { params: { name: 'dated', description: 'd' } } });
    expect(body.inventory).toMatchObject({ name: 'dated', description: 'd', state: 'Enabled', type: 'zstack' });
    expect(body.inventory.createDate).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
  });
});
