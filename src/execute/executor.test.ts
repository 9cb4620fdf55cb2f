import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_ROOT, type PlannedRequest } from '../plan/request.js';
import { loadRegistry } from '../schema/registry.js';
import { UsageError, exitCodeFor } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { ApiError, AuthError, ConnectionError, InterruptedError, JobNotFoundError, JobTimeoutError, ProtocolError, TooLargeError, isSessionExpired } from './errors.js';
import { type SessionInfo, type SessionProvider } from '../config/session.js';
import { nextPollWait, QUERY_MAX_BODY_BYTES, execute, randomJobUuid, waitJob, type ExecContext, type ExecOptions } from './executor.js';
import { FakeClock, StubTransport } from './testing.js';
import type { WebhookReceiver, WebhookResult } from './webhook.js';

const reg = loadRegistry();
const ORIGIN = 'http://10.0.0.1:8080';
const SESSION = '0c234e29a2ad4ff4b0d97d4f3b47c6cf';
const VM = 'd46841bd4ebd47f8bf0bed85c3bdf0db';
const JOB = 'd0345d3ddcae485f8170572b15a2b581';
const JOB_PATH = `${API_ROOT}/api-jobs/${JOB}`;

function planned(apiName: string, pathAndQuery: string, body: Record<string, unknown> | null): PlannedRequest {
  const api = reg.api(apiName);
  if (!api) throw new Error(`no API ${apiName}`);
  return { method: api.method, pathAndQuery, bodyText: body ? JSON.stringify(body) : null, body, api, warnings: [] };
}

const startVm = () => planned('StartVmInstance', `${API_ROOT}/vm-instances/${VM}/actions`, { startVmInstance: {} });
const queryVm = () => planned('QueryVmInstance', `${API_ROOT}/vm-instances?q=name%3Dweb`, null);

class MemSessions implements SessionProvider {
  logins: Array<[string, string]> = [];
  forgotten: string[] = [];
  constructor(public session: SessionInfo | undefined = { uuid: SESSION, account: 'ops' }) {}
  current() {
    return this.session;
  }
  loggedIn(account: string, uuid: string) {
    this.logins.push([account, uuid]);
    this.session = { uuid, account };
  }
  forget(uuid: string) {
    this.forgotten.push(uuid);
    if (this.session?.uuid === uuid) this.session = undefined;
  }
}

interface Setup {
  transport: StubTransport;
  clock: FakeClock;
  sessions: MemSessions;
  progress: number;
  ctx: ExecContext;
}

function setup(transport: StubTransport, options: Partial<ExecOptions> = {}, clock = new FakeClock(), sessions = new MemSessions()): Setup {
  const s: Setup = {
    transport,
    clock,
    sessions,
    progress: 0,
    ctx: undefined as unknown as ExecContext,
  };
  s.ctx = {
    endpoint: { scheme: 'http', host: '10.0.0.1', port: 8080 },
    transport,
    session: sessions,
    clock,
    newJobUuid: () => JOB,
    options: { timeoutMs: 60_000, onProgress: () => void s.progress++, ...options },
  };
  return s;
}

const accepted = (jobUuid = JOB, host = 'http://172.16.0.5:8080') => ({
  status: 202,
  body: { location: `${host}/zstack/v1/api-jobs/${jobUuid}` },
});
const zerr = (code: string, description: string, details?: string, cause?: object) => ({
  status: 503,
  body: { error: { code, description, ...(details ? { details } : {}), ...(cause ? { cause } : {}) } },
});

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('execute: async APIs', () => {
  it('202 -> 202 -> 200: polls the same path on the endpoint it called, not the location host', async () => {
    const t = new StubTransport([], ORIGIN)
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, { status: 202, body: { location: `http://172.16.0.5:8080${JOB_PATH}` } })
      .on('GET', JOB_PATH, { status: 200, body: { inventory: { uuid: VM, state: 'Running' } } });
    const s = setup(t);
    const r = await execute(startVm(), s.ctx);
    expect(r).toEqual({
      kind: 'done',
      status: 200,
      value: { inventory: { uuid: VM, state: 'Running' } },
      bodyText: JSON.stringify({ inventory: { uuid: VM, state: 'Running' } }),
      jobUuid: JOB,
    });
    expect(t.pending).toEqual([]);
    expect(t.unexpected).toEqual([]);
    const [first, poll1, poll2] = t.requests;
    expect(first!.headers).toMatchObject({
      Authorization: `OAuth ${SESSION}`,
      'X-Job-UUID': JOB,
      'Content-Type': 'application/json;charset=UTF-8',
    });
    expect(first!.body).toBe('{"startVmInstance":{}}');
    expect(poll1!.headers.Authorization).toBe(`OAuth ${SESSION}`);
    expect(poll1!.body).toBeNull();
    expect(poll2!.method).toBe('GET');
    expect(s.clock.sleeps).toEqual([20]);
    expect(s.progress).toBe(1);
  });

  it('backs off from 20 ms by x1.5, capped at 75 ms for the first 10 s, then at 1 s', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 160 }), async (n) => {
        const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted());
        for (let i = 0; i < n; i++) t.on('GET', JOB_PATH, { status: 202 });
        t.on('GET', JOB_PATH, { status: 200, body: {} });
        const s = setup(t, { timeoutMs: 3_600_000 });
        await execute(startVm(), s.ctx);
        expect(s.clock.sleeps).toHaveLength(n);
        let elapsed = 0;
        s.clock.sleeps.forEach((ms, i) => {
          expect(ms).toBeLessThanOrEqual(elapsed < 10_000 ? 75 : 1000);
          if (i === 0) expect(ms).toBe(20);
          else expect(ms).toBe(Math.min(s.clock.sleeps[i - 1]! * 1.5, elapsed < 10_000 ? 75 : 1000));
          elapsed += ms;
        });
        // A long job ends up polled once a second.
        if (n > 155) expect(s.clock.sleeps.at(-1)).toBe(1000);
      }),
      { numRuns: 30 },
    );
  });

  it('nextPollWait caps young jobs at 75 ms and old ones at 1 s', () => {
    expect(nextPollWait(20, 0)).toBe(30);
    expect(nextPollWait(60, 5_000)).toBe(75);
    expect(nextPollWait(75, 10_000)).toBe(112.5);
    expect(nextPollWait(900, 60_000)).toBe(1000);
  });

  it('202 -> 503: the job failed; the error carries code, description and job uuid', async () => {
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, zerr('VM.1001', 'Failed to start the VM', 'host has no capacity'));
    const s = setup(t);
    const e = await caught(execute(startVm(), s.ctx));
    expect(e).toBeInstanceOf(ApiError);
    const ae = e as ApiError;
    expect(ae.error?.code).toBe('VM.1001');
    expect(ae.jobUuid).toBe(JOB);
    expect(ae.status).toBe(503);
    expect(exitCodeFor(e)).toBe(1);
    expect(renderError(e)).toBe('Error VM.1001: Failed to start the VM\n  details: host has no capacity');
  });

  it('404 while polling: the job expired or is unknown', async () => {
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, { status: 404, body: 'Not Found' });
    const e = await caught(execute(startVm(), setup(t).ctx));
    expect(e).toBeInstanceOf(JobNotFoundError);
    expect((e as JobNotFoundError).kind).toBe('job-not-found');
    expect(exitCodeFor(e)).toBe(1);
    expect(renderError(e)).toContain(`job ${JOB} is unknown to the server`);
  });

  it('a job that never finishes times out (fake clock) with its uuid and how to wait for it', async () => {
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, { status: 202 }, true);
    const s = setup(t, { timeoutMs: 5_000 });
    const start = s.clock.now();
    const e = await caught(execute(startVm(), s.ctx));
    expect(e).toBeInstanceOf(JobTimeoutError);
    expect((e as JobTimeoutError).jobUuid).toBe(JOB);
    expect(exitCodeFor(e)).toBe(8);
    expect(renderError(e)).toContain(`zstack-cli job wait ${JOB}`);
    // It waited exactly up to the deadline, and no poll was allowed to outlive it.
    expect(s.clock.now() - start).toBe(5_000);
    for (const r of t.requests.slice(1)) expect(r.timeoutMs).toBeLessThanOrEqual(5_000);
    expect(t.requests.length).toBeGreaterThan(5);
  });

  it('server gone mid-poll (ECONNREFUSED): connection error naming host:port, exit 3, hint to wait for the job', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:8080'), { code: 'ECONNREFUSED' });
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, { status: 202 })
      .on('GET', JOB_PATH, { throws: refused });
    const e = await caught(execute(startVm(), setup(t).ctx));
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('refused');
    expect(exitCodeFor(e)).toBe(3);
    const text = renderError(e);
    expect(text.split('\n')[0]).toContain('10.0.0.1:8080');
    expect(text).toContain(`zstack-cli job wait ${JOB}`);
  });

  it('Ctrl-C while waiting between polls: Interrupted with the job uuid, exit 130', async () => {
    const ac = new AbortController();
    const clock = new FakeClock(0, () => ac.abort());
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, { status: 202 });
    const e = await caught(execute(startVm(), setup(t, { signal: ac.signal }, clock).ctx));
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as InterruptedError).jobUuid).toBe(JOB);
    expect(exitCodeFor(e)).toBe(130);
    expect(renderError(e)).toBe(`Interrupted; job ${JOB} keeps running on the server\nWait for it: zstack-cli job wait ${JOB}`);
    expect(t.pending).toEqual([]);
  });

  it('Ctrl-C during a poll request: the transport rejects and the job uuid is still reported', async () => {
    const ac = new AbortController();
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, (req) => {
        ac.abort();
        expect(req.signal?.aborted).toBe(true);
        return { throws: new InterruptedError() };
      });
    const e = await caught(execute(startVm(), setup(t, { signal: ac.signal }).ctx));
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as InterruptedError).jobUuid).toBe(JOB);
  });

  it('Ctrl-C during the first request of an async API says the job may have been accepted', async () => {
    const ac = new AbortController();
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, () => {
      ac.abort();
      return { throws: Object.assign(new Error('This operation was aborted'), { name: 'AbortError' }) };
    });
    const e = await caught(execute(startVm(), setup(t, { signal: ac.signal }).ctx));
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as InterruptedError).accepted).toBe(false);
    expect(renderError(e)).toContain(`job ${JOB} may have been accepted`);
  });

  it('--async returns the accepted job uuid (from the location) without polling', async () => {
    const other = 'aaaabbbbccccddddeeeeffff00001111';
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted(other));
    const r = await execute(startVm(), setup(t, { asyncReturn: true }).ctx);
    expect(r).toEqual({ kind: 'accepted', jobUuid: other, location: `http://172.16.0.5:8080${API_ROOT}/api-jobs/${other}` });
    expect(t.requests).toHaveLength(1);
  });

  it('waitJob polls a known job on this endpoint; a malformed uuid is a usage error', async () => {
    const t = new StubTransport([], ORIGIN)
      .on('GET', JOB_PATH, { status: 202 })
      .on('GET', JOB_PATH, { status: 200, body: { success: true } });
    const r = await waitJob(JOB.toUpperCase(), setup(t).ctx);
    expect(r).toMatchObject({ kind: 'done', value: { success: true }, jobUuid: JOB });
    const e = await caught(waitJob('not-a-job', setup(new StubTransport()).ctx));
    expect(e).toBeInstanceOf(UsageError);
    expect(exitCodeFor(e)).toBe(2);
  });
});

describe('execute: sync APIs and protocol errors', () => {
  it('a query answers 200 directly; X-Job-UUID but no Content-Type on a GET without body', async () => {
    const t = new StubTransport().on('GET', `${API_ROOT}/vm-instances?q=name%3Dweb`, { status: 200, body: { inventories: [] } });
    const r = await execute(queryVm(), setup(t).ctx);
    expect(r).toMatchObject({ kind: 'done', value: { inventories: [] } });
    expect(t.requests[0]!.headers).toEqual({ Accept: 'application/json', Authorization: `OAuth ${SESSION}`, 'X-Job-UUID': JOB });
  });

  it('sync 5xx plain text becomes an API error showing the first line and indented rest', async () => {
    const t = new StubTransport().on('GET', `${API_ROOT}/vm-instances?q=name%3Dweb`, {
      status: 500,
      body: 'java.lang.NullPointerException\n\tat org.zstack.rest.RestServer.handle(RestServer.java:512)\n',
    });
    const e = await caught(execute(queryVm(), setup(t).ctx));
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).error).toBeUndefined();
    expect(renderError(e)).toBe(
      'Error HTTP 500 Internal Server Error: java.lang.NullPointerException\n  at org.zstack.rest.RestServer.handle(RestServer.java:512)',
    );
    expect(exitCodeFor(e)).toBe(1);
  });

  it('503 JSON error renders code, details and the cause chain', async () => {
    const t = new StubTransport().on(
      'GET',
      `${API_ROOT}/vm-instances?q=name%3Dweb`,
      zerr('SYS.1006', 'An operation failed', 'unable to query', {
        code: 'VM.1010',
        description: 'Not in correct state',
        details: 'current vm instance state[Stopped] doesn\'t allow to proceed',
        elaboration: 'start the VM first',
        cause: { code: 'SYS.1003', details: 'cannot find host' },
      }),
    );
    const e = await caught(execute(queryVm(), setup(t).ctx));
    expect(renderError(e)).toBe(
      [
        'Error SYS.1006: An operation failed',
        '  details: unable to query',
        '  caused by VM.1010: Not in correct state',
        "    details: current vm instance state[Stopped] doesn't allow to proceed",
        '    elaboration: start the VM first',
        '    caused by SYS.1003: cannot find host',
      ].join('\n'),
    );
  });

  it('a sync API answering 202 or 204 is a protocol error', async () => {
    for (const status of [202, 204]) {
      const t = new StubTransport().on('GET', `${API_ROOT}/vm-instances?q=name%3Dweb`, { status, body: status === 202 ? { location: 'x' } : '' });
      const e = await caught(execute(queryVm(), setup(t).ctx));
      expect(e).toBeInstanceOf(ProtocolError);
      expect((e as ProtocolError).status).toBe(status);
      expect(exitCodeFor(e)).toBe(1);
    }
  });

  it('a 200 whose body is not JSON is a protocol error, described in one line', async () => {
    const t = new StubTransport().on('GET', `${API_ROOT}/vm-instances?q=name%3Dweb`, { status: 200, body: '<html>\n<title>proxy\nlogin</title></html>' });
    const e = await caught(execute(queryVm(), setup(t).ctx));
    expect(e).toBeInstanceOf(ProtocolError);
    expect(renderError(e)).toBe('Error: protocol: the server answered 200 with an HTML page: "proxy login", not JSON');
  });

  it('a query may read up to 256 MiB; other APIs get the transport default (64 MiB)', async () => {
    const t = new StubTransport()
      .on('GET', `${API_ROOT}/vm-instances?q=name%3Dweb`, { status: 200, body: '{}' })
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, { status: 200, body: '{}' });
    const s = setup(t);
    await execute(queryVm(), s.ctx);
    await execute(startVm(), s.ctx);
    expect(t.requests[0]!.maxBodyBytes).toBe(QUERY_MAX_BODY_BYTES);
    expect(t.requests[1]!.maxBodyBytes).toBeUndefined();
  });
});

describe('execute: what a job poll may meet besides ZStack', () => {
  const hint = `The job may still be running; check with: zstack-cli job wait ${JOB}`;
  const page502 = { status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' };

  it('a poll answered with a page that is not JSON: protocol error with the job wait hint', async () => {
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted()).on('GET', JOB_PATH, { status: 200, body: 'Welcome to nginx!' });
    const e = await caught(execute(startVm(), setup(t).ctx));
    expect(e).toBeInstanceOf(ProtocolError);
    expect(renderError(e).split('\n')).toEqual(['Error: protocol: the server answered 200 with "Welcome to nginx!", not JSON', hint]);
  });

  it("a poll answered with a proxy's 502 page: one line and the job wait hint; a ZStack failure gets none", async () => {
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted()).on('GET', JOB_PATH, page502);
    const e = await caught(execute(startVm(), setup(t).ctx));
    expect(renderError(e).split('\n')).toEqual([
      'Error HTTP 502 Bad Gateway: a web server or proxy answered, not the management node (an HTML page: "502 Bad Gateway")',
      hint,
    ]);
    const z = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted()).on('GET', JOB_PATH, zerr('VM.1001', 'no host'));
    expect(renderError(await caught(execute(startVm(), setup(z).ctx)))).not.toContain('job wait');
  });

  it('a proxy 502 to the first request of an async API: the job may have been accepted', async () => {
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, page502);
    const e = await caught(execute(startVm(), setup(t).ctx));
    expect(exitCodeFor(e)).toBe(1);
    expect(renderError(e).split('\n').pop()).toBe(`The job may have been accepted; check with: zstack-cli job wait ${JOB}`);
  });

  it('a job result too large to read: exit 1, with the job wait hint', async () => {
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, { throws: new TooLargeError('10.0.0.1:8080', 64 * 2 ** 20) });
    const e = await caught(execute(startVm(), setup(t).ctx));
    expect(e).toBeInstanceOf(TooLargeError);
    expect(exitCodeFor(e)).toBe(1);
    expect(renderError(e).split('\n').pop()).toBe(hint);
  });
});

describe('execute: sessions', () => {
  it('ID.1001 at once: session-expired auth error (exit 4), session forgotten, hint to log in again', async () => {
    const t = new StubTransport().on('GET', `${API_ROOT}/vm-instances?q=name%3Dweb`, zerr('ID.1001', 'Invalid session', 'session expired'));
    const s = setup(t);
    const e = await caught(execute(queryVm(), s.ctx));
    expect(e).toBeInstanceOf(AuthError);
    expect(isSessionExpired(e)).toBe(true);
    expect(exitCodeFor(e)).toBe(4);
    expect(s.sessions.forgotten).toEqual([SESSION]);
    expect(renderError(e)).toBe(
      'Error ID.1001: Invalid session\n  details: session expired\nLog in again: zstack-cli LogInByAccount accountName=ops',
    );
  });

  it('ID.1001 from the polled job is the same session-expired error, with the job uuid', async () => {
    const t = new StubTransport()
      .on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted())
      .on('GET', JOB_PATH, zerr('ID.1001', 'Invalid session'));
    const s = setup(t, {}, new FakeClock(), new MemSessions({ uuid: SESSION }));
    const e = await caught(execute(startVm(), s.ctx));
    expect(isSessionExpired(e)).toBe(true);
    expect((e as AuthError).jobUuid).toBe(JOB);
    expect(s.sessions.forgotten).toEqual([SESSION]);
    expect(renderError(e)).toContain('zstack-cli LogInByAccount accountName=admin');
  });

  it('an API needing a session with none known fails before sending anything', async () => {
    const t = new StubTransport();
    const none = new MemSessions();
    none.session = undefined;
    const e = await caught(execute(queryVm(), setup(t, {}, new FakeClock(), none).ctx));
    expect(e).toBeInstanceOf(AuthError);
    expect((e as AuthError).kind).toBe('not-logged-in');
    expect(exitCodeFor(e)).toBe(4);
    expect(t.requests).toEqual([]);
  });

  it('LogInByAccount: no Authorization header; stores inventory.uuid with the account name, never the password', async () => {
    const hashed = 'b109f3bbbc244eb8'.repeat(8);
    const p = planned('LogInByAccount', `${API_ROOT}/accounts/login`, { logInByAccount: { accountName: 'admin', password: hashed } });
    const t = new StubTransport().on('PUT', `${API_ROOT}/accounts/login`, { status: 200, body: { inventory: { uuid: SESSION, accountUuid: 'a' } } });
    const s = setup(t, {}, new FakeClock(), new MemSessions({ uuid: 'ffffffffffffffffffffffffffffffff' }));
    await execute(p, s.ctx);
    expect(t.requests[0]!.headers.Authorization).toBeUndefined();
    expect(t.requests[0]!.headers['Content-Type']).toBe('application/json;charset=UTF-8');
    expect(s.sessions.logins).toEqual([['admin', SESSION]]);
    expect(JSON.stringify(s.sessions.logins)).not.toContain(hashed);
  });

  it('no Authorization header on any needSession=false API, even when logged in', async () => {
    const p = planned('GetVersion', `${API_ROOT}/management-nodes/actions`, { getVersion: {} });
    const t = new StubTransport().on('PUT', `${API_ROOT}/management-nodes/actions`, { status: 200, body: { version: '5.2.0' } });
    const s = setup(t);
    await execute(p, s.ctx);
    expect(Object.keys(t.requests[0]!.headers)).not.toContain('Authorization');
    expect(s.sessions.logins).toEqual([]);
  });

  it('LogInByUser stores account/user; ID.1000 (bad password) is an auth-failed error', async () => {
    const p = planned('LogInByUser', `${API_ROOT}/accounts/users/login`, { logInByUser: { accountName: 'acme', userName: 'bob', password: 'x' } });
    const ok = new StubTransport().on('PUT', `${API_ROOT}/accounts/users/login`, { status: 200, body: { inventory: { uuid: SESSION } } });
    const s = setup(ok);
    await execute(p, s.ctx);
    expect(s.sessions.logins).toEqual([['acme/bob', SESSION]]);
    const bad = new StubTransport().on('PUT', `${API_ROOT}/accounts/users/login`, zerr('ID.1000', 'Authentication error', 'wrong password'));
    const e = await caught(execute(p, setup(bad).ctx));
    expect((e as AuthError).kind).toBe('auth-failed');
    expect(exitCodeFor(e)).toBe(4);
  });

  it('LogOut forgets the session it ended', async () => {
    const p = planned('LogOut', `${API_ROOT}/accounts/sessions/${SESSION}`, null);
    const t = new StubTransport().on('DELETE', `${API_ROOT}/accounts/sessions/${SESSION}`, { status: 200, body: {} });
    const s = setup(t);
    await execute(p, s.ctx);
    expect(t.requests[0]!.headers.Authorization).toBeUndefined();
    expect(s.sessions.forgotten).toEqual([SESSION]);
  });

  it('LogOut of a session the server already dropped (ID.1001) still forgets it', async () => {
    const p = planned('LogOut', `${API_ROOT}/accounts/sessions/${SESSION}`, null);
    const t = new StubTransport().on('DELETE', `${API_ROOT}/accounts/sessions/${SESSION}`, zerr('ID.1001', 'Invalid session'));
    const s = setup(t);
    expect(isSessionExpired(await caught(execute(p, s.ctx)))).toBe(true);
    expect(s.sessions.forgotten).toEqual([SESSION]);
  });
});

describe('X-Job-UUID', () => {
  it('is sent on every request, sync and async, GET included', async () => {
    const p = planned('GetVersion', `${API_ROOT}/management-nodes/actions`, { getVersion: {} });
    const t = new StubTransport().on('PUT', `${API_ROOT}/management-nodes/actions`, { status: 200, body: {} });
    await execute(p, setup(t).ctx);
    expect(t.requests[0]!.headers['X-Job-UUID']).toBe(JOB);
  });

  it('is a v4 uuid without dashes: 32 lowercase hex', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const u = randomJobUuid();
      expect(u).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
      seen.add(u);
    }
    expect(seen.size).toBe(500);
  });
});

describe('execute: webhook', () => {
  /** A receiver whose result arrives when `push()` is called (or never). */
  function fakeReceiver(result: WebhookResult | 'never') {
    const waited: string[] = [];
    let push = () => {};
    const receiver: WebhookReceiver = {
      url: 'http://127.0.0.1:45678/zstack-cli/webhook/t',
      wait(jobUuid, opts) {
        waited.push(jobUuid);
        return new Promise((resolve, reject) => {
          opts?.signal?.addEventListener('abort', () => reject(new InterruptedError(jobUuid)));
          if (result !== 'never') push = () => resolve(result);
        });
      },
      close: async () => undefined,
    };
    return { receiver, waited, push: () => push() };
  }

  it('sends X-Web-Hook and takes the pushed result instead of polling', async () => {
    const rcv = fakeReceiver({ jobUuid: JOB, success: true, body: '{"inventory":{"uuid":"x"}}' });
    let sleeps = 0;
    const clock = new FakeClock(0, () => {
      if (++sleeps === 3) rcv.push();
    });
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted());
    const s = setup(t, { webhook: rcv.receiver }, clock);
    const r = await execute(startVm(), s.ctx);
    expect(r).toMatchObject({ kind: 'done', value: { inventory: { uuid: 'x' } }, jobUuid: JOB });
    expect(t.requests[0]!.headers['X-Web-Hook']).toBe(rcv.receiver.url);
    expect(t.requests).toHaveLength(1);
    expect(rcv.waited).toEqual([JOB]);
    expect(s.progress).toBeGreaterThanOrEqual(2);
  });

  it('a pushed failure (X-Job-Success: false) is the server error; ID.1001 means session expired', async () => {
    const rcv = fakeReceiver({ jobUuid: JOB, success: false, body: '{"error":{"code":"ID.1001","description":"Invalid session"}}' });
    const clock = new FakeClock(0, () => rcv.push());
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted());
    expect(isSessionExpired(await caught(execute(startVm(), setup(t, { webhook: rcv.receiver }, clock).ctx)))).toBe(true);
  });

  it('times out when the push never comes', async () => {
    const t = new StubTransport().on('PUT', `${API_ROOT}/vm-instances/${VM}/actions`, accepted());
    const s = setup(t, { webhook: fakeReceiver('never').receiver, timeoutMs: 10_000 });
    const e = await caught(execute(startVm(), s.ctx));
    expect(e).toBeInstanceOf(JobTimeoutError);
    expect(s.progress).toBeGreaterThan(0);
  });
});
