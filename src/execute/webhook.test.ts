import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { API_ROOT, type PlannedRequest } from '../plan/request.js';
import { loadRegistry } from '../schema/registry.js';
import { ApiError, InterruptedError } from './errors.js';
import { type SessionProvider } from '../config/session.js';
import { execute, randomJobUuid, systemClock, type ExecContext } from './executor.js';
import { createUndiciTransport } from './transport.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook.js';

const JOB = 'd0345d3ddcae485f8170572b15a2b581';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function receiver(opts: Parameters<typeof startWebhookReceiver>[0] = {}): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver(opts);
  cleanups.push(() => r.close());
  return r;
}

function post(url: string, headers: Record<string, string>, body: string, method = 'POST') {
  return fetch(url, { method, headers, ...(method === 'GET' ? {} : { body }) });
}

describe('webhook receiver (real loopback HTTP)', () => {
  it('listens on loopback with an ephemeral port and resolves the waiter for the matching job', async () => {
    const r = await receiver();
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/zstack-cli\/webhook\/[0-9a-f]{24}$/);
    const p = r.wait(JOB);
    const other = await post(r.url, { 'X-Job-UUID': 'ffffffffffffffffffffffffffffffff', 'X-Job-Success': 'true' }, '{}');
    expect(other.status).toBe(200);
    const res = await post(r.url, { 'X-Job-UUID': JOB.toUpperCase(), 'X-Job-Success': 'true' }, '{"inventory":{"uuid":"z"}}');
    expect(res.status).toBe(200);
    expect(await p).toEqual({ jobUuid: JOB, success: true, body: '{"inventory":{"uuid":"z"}}' });
  });

  it('keeps a result that arrives before anyone waits, and reports failures', async () => {
    const r = await receiver();
    await post(r.url, { 'X-Job-UUID': JOB, 'X-Job-Success': 'false' }, '{"error":{"code":"SYS.1000"}}');
    expect(await r.wait(JOB)).toEqual({ jobUuid: JOB, success: false, body: '{"error":{"code":"SYS.1000"}}' });
  });

  it('refuses wrong paths, methods and missing job uuids', async () => {
    const r = await receiver();
    const base = new URL(r.url);
    expect((await post(`${base.origin}/elsewhere`, { 'X-Job-UUID': JOB }, '{}')).status).toBe(404);
    expect((await post(r.url, {}, '', 'GET')).status).toBe(405);
    expect((await post(r.url, { 'X-Job-Success': 'true' }, '{}')).status).toBe(400);
  });

  it('an abort rejects the wait with InterruptedError carrying the job uuid', async () => {
    const r = await receiver();
    const ac = new AbortController();
    const p = r.wait(JOB, { signal: ac.signal });
    ac.abort();
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InterruptedError);
    expect((e as InterruptedError).jobUuid).toBe(JOB);
  });

  /** A POST that sends `first` and then keeps the body open (or sends it all); resolves with the status or 'closed'. */
  function openPost(url: string, headers: Record<string, string>, first: Buffer, end: boolean): Promise<number | 'closed'> {
    return new Promise((resolve) => {
      const req = request(url, { method: 'POST', headers: { 'X-Job-UUID': JOB, ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => resolve('closed'));
      req.on('close', () => resolve('closed'));
      req.write(first);
      if (end) req.end();
    });
  }

  it('listens on loopback only', async () => {
    await expect(startWebhookReceiver({ host: '0.0.0.0' })).rejects.toThrow('loopback only');
    await expect(startWebhookReceiver({ host: '::' })).rejects.toThrow('loopback only');
    const r = await receiver({ host: '127.0.0.1' });
    expect(new URL(r.url).hostname).toBe('127.0.0.1');
  });

  it('answers 413 at once to a body over the limit, without waiting for (or reading) the rest', async () => {
    const r = await receiver({ maxBodyBytes: 1000 });
    // Announced too large: refused before a byte of it is read.
    expect(await openPost(r.url, { 'content-length': String(2 ** 30) }, Buffer.alloc(10), false)).toBe(413);
    // Streamed without end past the limit.
    expect(await openPost(r.url, { 'transfer-encoding': 'chunked' }, Buffer.alloc(5000), false)).toBe(413);
    // The receiver still works.
    const p = r.wait(JOB);
    await post(r.url, { 'X-Job-UUID': JOB, 'X-Job-Success': 'true' }, '{}');
    expect((await p).body).toBe('{}');
  });

  it('drops a POST whose body never finishes arriving', async () => {
    const r = await receiver({ requestTimeoutMs: 300 });
    const outcome = await openPost(r.url, { 'content-length': '100' }, Buffer.from('{"x":'), false);
    expect([408, 'closed']).toContain(outcome);
  });

  it('an aborted or closed wait leaves nothing behind: a later result waits for the next waiter', async () => {
    const r = await receiver();
    const ac = new AbortController();
    const first = r.wait(JOB, { signal: ac.signal });
    ac.abort();
    await expect(first).rejects.toBeInstanceOf(InterruptedError);
    await post(r.url, { 'X-Job-UUID': JOB, 'X-Job-Success': 'true' }, '{"n":1}');
    expect((await r.wait(JOB)).body).toBe('{"n":1}');
    // Two waiters for one job both get it.
    const [a, b] = [r.wait(JOB), r.wait(JOB)];
    await post(r.url, { 'X-Job-UUID': JOB, 'X-Job-Success': 'true' }, '{"n":2}');
    expect([(await a).body, (await b).body]).toEqual(['{"n":2}', '{"n":2}']);
  });

  it('close() rejects the waits still pending', async () => {
    const r = await startWebhookReceiver();
    const p = r.wait(JOB);
    await r.close();
    await expect(p).rejects.toBeInstanceOf(InterruptedError);
  });

  it('closes: the port stops accepting connections', async () => {
    const r = await startWebhookReceiver();
    await r.close();
    await expect(post(r.url, { 'X-Job-UUID': JOB }, '{}')).rejects.toThrow();
  });
});

/** A tiny ZStack-like server: async PUT answers 202 with an internal location, then 202 once, then the result. */
async function miniZStack(): Promise<{ origin: string; seen: string[] }> {
  const seen: string[] = [];
  const polls = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url}`);
      const json = (status: number, v: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(v));
      };
      const job = req.headers['x-job-uuid'] as string | undefined;
      if (req.method === 'PUT' && req.url?.endsWith('/actions')) {
        if (!job || job.length !== 32) return res.writeHead(400).end('bad job uuid');
        json(202, { location: `http://192.168.255.1:8080${API_ROOT}/api-jobs/${job}` });
        const hook = req.headers['x-web-hook'] as string | undefined;
        if (hook) {
          void fetch(hook, {
            method: 'POST',
            headers: { 'X-Job-UUID': job, 'X-Job-Success': 'false', 'content-type': 'application/json' },
            body: JSON.stringify({ error: { code: 'VM.1001', description: 'no host' } }),
          });
        }
        polls.set(job, 0);
        return;
      }
      const m = /\/api-jobs\/([0-9a-f]{32})$/.exec(req.url ?? '');
      if (req.method === 'GET' && m && polls.has(m[1]!)) {
        const n = polls.get(m[1]!)!;
        polls.set(m[1]!, n + 1);
        return n < 1 ? json(202, {}) : json(200, { inventory: { uuid: 'vm1', state: 'Running' } });
      }
      res.writeHead(404).end('Not Found');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('executor end to end (undici + real clock)', () => {
  const api = loadRegistry().api('StartVmInstance')!;
  const planned: PlannedRequest = {
    method: 'PUT',
    pathAndQuery: `${API_ROOT}/vm-instances/vm1/actions`,
    bodyText: '{"startVmInstance":{}}',
    body: { startVmInstance: {} },
    api,
    warnings: [],
  };
  const sessions: SessionProvider = { current: () => ({ uuid: 'a'.repeat(32) }), loggedIn: () => {}, forget: () => {} };

  async function ctx(webhook?: WebhookReceiver): Promise<{ c: ExecContext; seen: string[] }> {
    const srv = await miniZStack();
    const transport = createUndiciTransport();
    cleanups.push(() => transport.close());
    const u = new URL(srv.origin);
    const c: ExecContext = {
      endpoint: { scheme: 'http', host: u.hostname, port: Number(u.port) },
      transport,
      session: sessions,
      clock: systemClock,
      newJobUuid: randomJobUuid,
      options: { timeoutMs: 10_000, ...(webhook ? { webhook } : {}) },
    };
    return { c, seen: srv.seen };
  }

  it('polls the job on the host it called (the location names an unreachable internal host)', async () => {
    const { c, seen } = await ctx();
    const r = await execute(planned, c);
    expect(r).toMatchObject({ kind: 'done', value: { inventory: { state: 'Running' } } });
    expect(seen).toHaveLength(3);
    expect(seen[1]).toMatch(/^GET \/zstack\/v1\/api-jobs\/[0-9a-f]{32}$/);
  });

  it('takes the result from a real webhook POST', async () => {
    const { c, seen } = await ctx(await receiver());
    const e = await execute(planned, c).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).error?.code).toBe('VM.1001');
    expect(seen).toHaveLength(1);
  });
});
