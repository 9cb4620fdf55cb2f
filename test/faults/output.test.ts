// Output streams of the real process: a reader that goes away (`| head -1`) ends every front end
// quietly with 141; a full disk (/dev/full) is one error line and exit 1. Real child processes,
// with the pipe closed by the reader before the CLI writes a byte.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { BIN, cleanEnv, tempHome } from '../integration/cli-helpers.js';

let sim: Simulator;
let home: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20 });
  home = tempHome();
});
afterAll(async () => {
  await sim?.close();
});

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the CLI with `closed` (stdout or stderr) a pipe whose reader is already gone. */
function withClosed(closed: 'stdout' | 'stderr', args: string[], input = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
    child[closed].destroy();
    let stderr = '';
    if (closed === 'stdout') child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    else child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`zstack-cli ${args.join(' ')} did not end; stderr: ${stderr}`));
    }, 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

const at = (): string[] => ['--host', '127.0.0.1', '--port', String(sim.port)];

describe('a closed stdout ends every front end quietly with 141', () => {
  const script = (): string => {
    const p = join(home, 'script.zs');
    writeFileSync(p, 'QueryZone\nQueryZone\nQueryZone\n');
    return p;
  };
  const cases: Array<[string, () => string[], string?]> = [
    ['--help', () => ['--help']],
    ['help <Api>', () => ['help', 'QueryVmInstance']],
    ['help <word>', () => ['help', 'vm']],
    ['completion bash', () => ['completion', 'bash']],
    ['__complete', () => ['__complete', '--', 'zstack-cli Query']],
    ['--sim one-shot, json', () => ['--sim', 'QueryVmInstance']],
    ['--sim one-shot, table', () => ['--sim', 'QueryVmInstance', '-o', 'table']],
    ['--sim one-shot, csv', () => ['--sim', 'QueryVmInstance', '-o', 'csv']],
    ['--dry-run', () => ['--dry-run', 'QueryZone']],
    ['-f script', () => ['--sim', '-f', script()]],
    ['stdin script', () => ['--sim', '-o', 'yaml'], 'QueryZone\nQueryZone\nQueryVmInstance\n'],
    ['sim server', () => ['--port', '0', 'sim']],
  ];
  it.each(cases)('%s', async (_name, args, input) => {
    const r = await withClosed('stdout', args(), input);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(141);
    expect(r.stderr).toBe('');
  });

  it('one-shot against a server (login first, then a query whose output nobody reads)', async () => {
    const h = tempHome();
    await new Promise<void>((resolve) => {
      const c = spawn(process.execPath, [BIN, ...at(), 'LogInByAccount', 'accountName=admin', 'password=password'], { env: cleanEnv(h), stdio: 'ignore' });
      c.on('close', () => resolve());
    });
    const r = await new Promise<Outcome>((resolve) => {
      const c = spawn(process.execPath, [BIN, ...at(), 'QueryVmInstance', '-o', 'table'], { env: cleanEnv(h), stdio: ['ignore', 'pipe', 'pipe'] });
      c.stdout.destroy();
      let stderr = '';
      c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      c.on('close', (code, signal) => resolve({ code, signal, stderr }));
    });
    expect(r).toEqual({ code: 141, signal: null, stderr: '' });
  });
});

describe('a closed stderr', () => {
  it('ends the run quietly too (an error nobody can read)', async () => {
    const r = await withClosed('stderr', ['NoSuchApi']);
    expect(r.code).toBe(141);
  });
});

const hasFull = existsSync('/dev/full');
describe.skipIf(!hasFull)(`a full disk (/dev/full as stdout)${hasFull ? '' : ' (skipped: this system has no /dev/full)'}`, () => {
  function toFull(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const fd = openSync('/dev/full', 'w');
      const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(home), stdio: ['ignore', fd, 'pipe'] });
      closeSync(fd);
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it.each([[['--help']], [['--sim', 'QueryVmInstance']], [['completion', 'zsh']]])('%j: one error line, exit 1', async (args) => {
    const r = await toFull(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: cannot write the output: no space left on the device (ENOSPC)\n');
  });
});

describe('every kind of stdout gets the whole output, in order', () => {
  // Not a terminal, stdout is written with synchronous writes (src/cli/system.ts); a pipe that would
  // block hands the rest to Node's stream. Each kind must still get every byte once, in order.
  let h: string;
  let reference: string;
  const query = (): string[] => [...at(), 'QueryVmInstance', '-o', 'json'];
  const run = (stdio: Array<'ignore' | 'pipe' | number>, args: string[] = query()) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const c = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(h), stdio: stdio as never });
      let stdout = '';
      let stderr = '';
      c.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
      c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      c.on('error', reject);
      c.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  beforeAll(async () => {
    h = tempHome();
    expect((await run(['ignore', 'ignore', 'pipe'], [...at(), 'LogInByAccount', 'accountName=admin', 'password=password'])).code).toBe(0);
    reference = (await run(['ignore', 'pipe', 'pipe'])).stdout;
    // Far more than a pipe holds (64 KiB): a slow reader makes the writer wait.
    expect(reference.length).toBeGreaterThan(150_000);
    expect((JSON.parse(reference) as unknown[]).length).toBeGreaterThan(10);
  });

  it('a regular file', async () => {
    const file = join(h, 'out.json');
    const fd = openSync(file, 'w');
    const r = await run(['ignore', fd, 'pipe']);
    closeSync(fd);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(reference);
  });

  it('a pipe whose reader starts late (Node\'s own pipe to a child)', async () => {
    const c = spawn(process.execPath, [BIN, ...query()], { env: cleanEnv(h), stdio: ['ignore', 'pipe', 'pipe'] });
    // A listener first: output not listened for when the child exits is discarded by Node.
    let stdout = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    c.stdout.pause();
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => c.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 400));
    c.stdout.resume();
    const code = await closed;
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(reference);
  });

  it('a shell pipe (a FIFO) to a slow reader', async () => {
    const file = join(h, 'fifo-out.json');
    const line = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${query().join(' ')} | { sleep 0.4; cat > ${JSON.stringify(file)}; }`;
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn('sh', ['-c', line], { env: cleanEnv(h), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      c.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(reference);
  });

  it('/dev/null', async () => {
    const fd = openSync('/dev/null', 'w');
    const r = await run(['ignore', fd, 'pipe']);
    closeSync(fd);
    expect(r).toMatchObject({ code: 0, stderr: '' });
  });
});
