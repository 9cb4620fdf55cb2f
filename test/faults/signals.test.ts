// SIGTERM and SIGHUP while a one-shot command waits for a job act like Ctrl-C: the full job uuid
// and `zstack-cli job wait` are printed, and the exit code is the signal's (143, 129).
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, tempHome } from '../integration/cli-helpers.js';
import { startFaultServer, type FaultServer } from './server.js';

const servers: FaultServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts a job that never ends, sends `sig` once the client polls it, and collects the end. */
async function signalDuringJob(
  sig: NodeJS.Signals,
  args: string[] = [],
  ready: (s: FaultServer) => boolean = (s) => s.requests.some((q) => q.path.startsWith('/zstack/v1/api-jobs/')),
): Promise<{ r: Stopped; job: string; port: number }> {
  const s = await startFaultServer('endless-202');
  servers.push(s);
  const child = spawn(
    process.execPath,
    [BIN, '--host', '127.0.0.1', '--port', String(s.port), '--session', '0123456789abcdef0123456789abcdef', ...args, 'StartVmInstance', 'uuid=fedcba9876543210fedcba9876543210'],
    { env: cleanEnv(tempHome()), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  for (let i = 0; i < 400 && !ready(s); i++) await new Promise((r) => setTimeout(r, 25));
  expect(ready(s)).toBe(true);
  child.kill(sig);
  const r = await new Promise<Stopped>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { r, job: s.requests[0]!.headers['x-job-uuid']!, port: s.port };
}

describe('signals while a job runs', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s: the job uuid and job wait are printed, exit %i', async (sig, code) => {
    const { r, job, port } = await signalDuringJob(sig);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(code);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `Interrupted; job ${job} keeps running on the server`,
      `Wait for it: zstack-cli --host 127.0.0.1 --port ${port} job wait ${job}`,
    ]);
  });

  it('with --webhook (no polling): SIGTERM still names the job and job wait', async () => {
    const { r, job, port } = await signalDuringJob('SIGTERM', ['--webhook'], (s) => s.requests.length > 0);
    expect(r.code).toBe(143);
    expect(r.stderr).toContain(`zstack-cli --host 127.0.0.1 --port ${port} job wait ${job}`);
  });
});
