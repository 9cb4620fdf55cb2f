// Both transports (undici for the shell, HTTP/1.1 over node:net for one-shot commands) against the fault server:
// every fault ends in one of our errors, in bounded time and memory.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, InterruptedError, TooLargeError } from '../../src/execute/errors.js';
import { createUndiciTransport, type Transport, type TransportOptions, type TransportRequest } from '../../src/execute/transport.js';
import { createWireTransport } from '../../src/execute/wire-transport.js';
import { startFaultServer, type Fault, type FaultOptions, type FaultServer } from './server.js';

const IMPLEMENTATIONS: Array<[string, (opts?: TransportOptions) => Transport]> = [
  ['undici', createUndiciTransport],
  ['wire', createWireTransport],
];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fault(f: Fault, opts?: FaultOptions): Promise<FaultServer> {
  const s = await startFaultServer(f, opts);
  cleanups.push(() => s.close());
  return s;
}

async function failure(t: Transport, req: Partial<TransportRequest> & { url: string }): Promise<unknown> {
  cleanups.push(() => t.close());
  try {
    await t.send({ method: 'GET', headers: {}, body: null, ...req });
  } catch (e) {
    return e;
  }
  throw new Error('expected the request to fail');
}

const MIB = 2 ** 20;

describe.each(IMPLEMENTATIONS)('%s transport against faults', (_name, createTransport) => {
  it('a server that accepts and never answers: the read timeout, independent of the overall one', async () => {
    const s = await fault('silent');
    const e = await failure(createTransport({ readTimeoutMs: 300 }), { url: `${s.url}/zstack/v1/zones`, timeoutMs: 60 * 60_000 });
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('idle');
    expect((e as ConnectionError).message).toBe(`127.0.0.1:${s.port} stopped answering (nothing received for 300 ms)`);
    expect((e as ConnectionError).hint).toContain('--read-timeout');
  });

  it('a server dripping one byte at a time forever: the overall timeout still applies', async () => {
    for (const f of ['drip', 'drip-headers'] as const) {
      const s = await fault(f, { dripMs: 50 });
      const e = await failure(createTransport({ readTimeoutMs: 60_000 }), { url: `${s.url}/zstack/v1/zones`, timeoutMs: 700 });
      expect(e, f).toBeInstanceOf(ConnectionError);
      expect((e as ConnectionError).reason, f).toBe('timeout');
      expect((e as ConnectionError).message, f).toBe(`no answer from 127.0.0.1:${s.port} in time (no complete answer within 700 ms)`);
    }
  });

  it('a reset in the middle of the body is a reset connection', async () => {
    const s = await fault('reset');
    const e = await failure(createTransport(), { url: `${s.url}/zstack/v1/zones` });
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('reset');
    expect((e as ConnectionError).message.split('\n')).toHaveLength(1);
  });

  it('garbage that is not HTTP is named so, in one line', async () => {
    const s = await fault('garbage');
    const e = await failure(createTransport(), { url: `${s.url}/zstack/v1/zones` });
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as ConnectionError).reason).toBe('not-http');
    expect((e as ConnectionError).message).toMatch(new RegExp(`^127\\.0\\.0\\.1:${s.port} did not answer in HTTP`));
    expect((e as ConnectionError).message).not.toContain('\n');
  });

  it("a proxy's HTML 502 is an answer, passed on as it is", async () => {
    const s = await fault('html-502');
    const t = createTransport();
    cleanups.push(() => t.close());
    const r = await t.send({ method: 'GET', url: `${s.url}/zstack/v1/zones`, headers: {}, body: null });
    expect(r.status).toBe(502);
    expect(r.body).toContain('<title>502 Bad Gateway</title>');
  });

  it('a 1 GiB body announced is refused at once; the server sends a small part of it at most', async () => {
    const s = await fault('huge');
    const e = await failure(createTransport(), { url: `${s.url}/zstack/v1/zones`, maxBodyBytes: 8 * MIB });
    expect(e).toBeInstanceOf(TooLargeError);
    expect((e as TooLargeError).message).toBe(`the answer from 127.0.0.1:${s.port} is larger than 8 MiB (1 GiB announced); not read`);
    expect(s.bodyBytesSent()).toBeLessThan(256 * MIB);
  });

  it('an endless chunked body stops at the limit (the transport default, or the request own)', async () => {
    const s = await fault('huge-chunked');
    const e = await failure(createTransport({ maxBodyBytes: 4 * MIB }), { url: `${s.url}/zstack/v1/zones` });
    expect(e).toBeInstanceOf(TooLargeError);
    expect((e as TooLargeError).limitBytes).toBe(4 * MIB);
    const e2 = await failure(createTransport(), { url: `${s.url}/zstack/v1/zones`, maxBodyBytes: 2 * MIB });
    expect((e2 as TooLargeError).limitBytes).toBe(2 * MIB);
    expect(s.bodyBytesSent()).toBeLessThan(256 * MIB);
  });

  it('an overall timeout beyond 2^31 ms does not fire at once', async () => {
    const s = await fault('html-502');
    const t = createTransport();
    cleanups.push(() => t.close());
    const r = await t.send({ method: 'GET', url: `${s.url}/zstack/v1/zones`, headers: {}, body: null, timeoutMs: 600 * 3_600_000 });
    expect(r.status).toBe(502);
  });

  it('an abort while the server drips is an interruption, not a timeout', async () => {
    const s = await fault('drip', { dripMs: 20 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await failure(createTransport(), { url: `${s.url}/zstack/v1/zones`, signal: ac.signal });
    expect(e).toBeInstanceOf(InterruptedError);
  });
});
