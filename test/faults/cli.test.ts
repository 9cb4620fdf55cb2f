// The built CLI (one-shot, node:http transport) against the fault server: each fault gives its
// documented exit code and a short error, never a stack trace, a dump of HTML or a hang.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempHome, type CliRun } from '../integration/cli-helpers.js';
import { startFaultServer, type Fault, type FaultOptions, type FaultServer } from './server.js';

const SESSION = ['--session', '0123456789abcdef0123456789abcdef'];
const VM = 'uuid=fedcba9876543210fedcba9876543210';
const PAGE_502 = 'Error HTTP 502 Bad Gateway: a web server or proxy answered, not the management node (an HTML page: "502 Bad Gateway")';

const servers: FaultServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function fault(f: Fault, opts?: FaultOptions): Promise<FaultServer> {
  const s = await startFaultServer(f, opts);
  servers.push(s);
  return s;
}

function against(s: FaultServer, args: string[], timeoutMs = 20_000): Promise<CliRun> {
  return runCli(['--host', '127.0.0.1', '--port', String(s.port), ...SESSION, ...args], { home: tempHome(), timeoutMs });
}

/** stderr as lines, without the empty one after the last newline. */
function lines(r: CliRun): string[] {
  return r.stderr.split('\n').filter((l) => l !== '');
}

/** The job uuid the client sent (X-Job-UUID of its first request). */
function jobOf(s: FaultServer): string {
  const id = s.requests[0]?.headers['x-job-uuid'];
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  return id!;
}

function expectNoTrace(r: CliRun): void {
  expect(r.stderr).not.toMatch(/\n\s+at |Unhandled|node:internal|TimeoutOverflowWarning/);
}

describe('one-shot against network faults', () => {
  it('a server that never answers: exit 3 after the read timeout, although --timeout is far away', async () => {
    const s = await fault('silent');
    const r = await against(s, ['--read-timeout', '1s', '--timeout', '1h', 'QueryZone']);
    expect(r.code).toBe(3);
    expect(lines(r)).toEqual([
      `Error: 127.0.0.1:${s.port} stopped answering (nothing received for 1s)`,
      'If the server is only slow, give it longer with --read-timeout <duration> (e.g. 5m).',
    ]);
  });

  it('a server dripping a byte every 300 ms forever: exit 3 at --timeout', async () => {
    const s = await fault('drip', { dripMs: 300 });
    const r = await against(s, ['--timeout', '2s', 'QueryZone']);
    expect(r.code).toBe(3);
    expect(lines(r)).toEqual([`Error: no answer from 127.0.0.1:${s.port} in time (no complete answer within 2s)`]);
  });

  it('a reset in the middle of the body: exit 3, one line', async () => {
    const s = await fault('reset');
    const r = await against(s, ['QueryZone']);
    expect(r.code).toBe(3);
    expect(lines(r)).toEqual([`Error: connection to 127.0.0.1:${s.port} was closed unexpectedly (ECONNRESET)`]);
  });

  it('garbage instead of HTTP: exit 3, says so', async () => {
    const s = await fault('garbage');
    const r = await against(s, ['QueryZone']);
    expect(r.code).toBe(3);
    expect(lines(r)[0]).toMatch(new RegExp(`^Error: 127\\.0\\.0\\.1:${s.port} did not answer in HTTP`));
    expect(lines(r)).toHaveLength(2);
    expectNoTrace(r);
  });

  it("a proxy's HTML 502 page: exit 1 and one clean line", async () => {
    const s = await fault('html-502');
    const r = await against(s, ['QueryZone']);
    expect(r.code).toBe(1);
    expect(lines(r)).toEqual([PAGE_502]);
  });

  // Hints carry the flags that chose the server, so they work when pasted.
  const asyncCases: Array<[string, Fault, string[], number, (job: string, port: number) => string[]]> = [
    ['the 502 page on an async API: how to check on the job', 'html-502', [], 1, (job, port) => [
      PAGE_502,
      `The job may have been accepted; check with: zstack-cli --host 127.0.0.1 --port ${port} job wait ${job}`,
    ]],
    ['endless 202s while polling: exit 8 at --timeout, with the full job uuid', 'endless-202', ['--timeout', '2s'], 8, (job, port) => [
      `Error: job ${job} did not finish within 2s; it keeps running on the server`,
      `Wait for it: zstack-cli --host 127.0.0.1 --port ${port} job wait ${job}`,
    ]],
    ['a poll answered with a page that is not JSON: the job wait hint', 'poll-not-json', [], 1, (job, port) => [
      'Error: protocol: the server answered 200 with an HTML page: "Welcome to nginx!", not JSON',
      `The job may still be running; check with: zstack-cli --host 127.0.0.1 --port ${port} job wait ${job}`,
    ]],
    ["a poll answered with a proxy's 502 page: the job wait hint", 'poll-html-502', [], 1, (job, port) => [
      PAGE_502,
      `The job may still be running; check with: zstack-cli --host 127.0.0.1 --port ${port} job wait ${job}`,
    ]],
  ];
  it.each(asyncCases)('%s', async (_name, f, args, code, expected) => {
    const s = await fault(f);
    const r = await against(s, [...args, 'StartVmInstance', VM]);
    expect(r.code).toBe(code);
    expect(lines(r)).toEqual(expected(jobOf(s), s.port));
  });

  it('a query answer announcing 1 GiB of blanks: read as a stream (no size limit), refused after 1 MiB of them, exit 1, no crash', async () => {
    const s = await fault('huge');
    const r = await against(s, ['QueryZone']);
    expect(r.code).toBe(1);
    expect(lines(r)).toEqual([`Error: protocol: the server's answer broke off or is not the JSON expected: more than 1 MiB of blank space`]);
  });

  it('an endless body to a non-query API stops at 64 MiB, exit 1', async () => {
    const s = await fault('huge-chunked');
    const r = await against(s, ['GetVersion']);
    expect(r.code).toBe(1);
    expect(lines(r)).toEqual([`Error: the answer from 127.0.0.1:${s.port} is larger than 64 MiB; not read`]);
    expect(s.bodyBytesSent()).toBeLessThan(512 * 2 ** 20);
  });
});

describe('numbers and hosts', () => {
  it('--timeout beyond 2^31 ms does not time out at once', async () => {
    const s = await fault('html-502');
    const r = await against(s, ['--timeout', '600h', 'QueryZone']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('502 Bad Gateway');
    expectNoTrace(r);
  });

  it('--host takes host:port and http(s):// URLs, and refuses anything else with exit 2', async () => {
    const s = await fault('html-502');
    const home = tempHome();
    for (const host of [`127.0.0.1:${s.port}`, `http://127.0.0.1:${s.port}`, `http://127.0.0.1:${s.port}/`]) {
      const r = await runCli(['--host', host, ...SESSION, 'QueryZone'], { home });
      expect(r.code, host).toBe(1);
      expect(r.stderr, host).toContain('502 Bad Gateway');
    }
    const v6 = await runCli(['--host', '[fd00::1]:9443', '--dry-run', 'QueryZone'], { home });
    expect(JSON.parse(v6.stdout).url).toBe('http://[fd00::1]:9443/zstack/v1/zones');
    const tls = await runCli(['--host', 'https://zs.example', '--dry-run', 'QueryZone'], { home });
    expect(JSON.parse(tls.stdout).url).toBe('https://zs.example:443/zstack/v1/zones');
    for (const host of ['a#', 'zs/x', 'http://h:1/zstack', 'ftp://h', 'h:99999']) {
      const r = await runCli(['--host', host, '--dry-run', 'QueryZone'], { home });
      expect(r.code, host).toBe(2);
      expect(r.stderr, host).toMatch(/^Error: --host: not a host: /);
      expect(r.stderr, host).not.toContain('Invalid URL');
    }
    const env = await runCli(['--dry-run', 'QueryZone'], { home, env: { ZSTACK_HOST: 'x#y' } });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/^Error: ZSTACK_HOST: not a host: 'x#y'/);
    const both = await runCli(['--host', 'h:1', '--port', '2', '--dry-run', 'QueryZone'], { home });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--port 2 and the port in --host h:1 disagree');
  });
});

describe('zstack-cli sim refuses what it cannot serve', () => {
  it('a --job-delay a timer cannot hold (over 2^31-1 ms) or that is no number: exit 2, one line, no server started', async () => {
    for (const delay of ['3000000000', 'abc', '-5']) {
      const r = await runCli(['--port', '0', 'sim', '--job-delay', delay], { home: tempHome(), timeoutMs: 20_000 });
      expect(r.code, delay).toBe(2);
      expect(lines(r), delay).toEqual([`Error: --job-delay must be a number of milliseconds up to 2147483647, got '${delay}'`]);
      expect(r.stdout).toBe('');
    }
  });
});
