// `__complete` as the bash and zsh scripts run it: from the completion bundle
// (dist/zstack-cli-complete.cjs), which leaves out what the commands import to run. Every kind of Tab
// still answers; live values come from the main bundle, loaded only for them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIME_LINES } from '../../src/cli/complete-command.js';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { BIN, runCli, tempHome } from './cli-helpers.js';

let sim: Simulator;
let home: string;
const DIST = join(BIN, '..', '..', 'dist');

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20 });
  home = tempHome();
  expect((await runCli(['--port', String(sim.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { home })).code).toBe(0);
  expect((await runCli(['profile', 'add', 'lab', 'host=localhost', `port=${sim.port}`], { home })).code).toBe(0);
});

afterAll(async () => {
  await sim?.close();
});

const tab = (line: string) => runCli(['__complete', '--', line], { home });

describe('the completion bundle', () => {
  it('answers every line its code cache is primed with, and prints no error', async () => {
    for (const line of PRIME_LINES) {
      const r = await tab(line);
      expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: '' });
      expect(r.stdout, line).not.toBe('');
    }
  });

  it('reads profiles (through conf) for --profile and profile remove', async () => {
    expect((await tab('zstack-cli --profile ')).stdout).toBe('lab\n');
    expect((await tab('zstack-cli profile remove l')).stdout).toBe('lab\n');
  });

  it('fetches live values from the server through the main bundle, by flags or by profile', async () => {
    const uuids = sim.store.all('VmInstanceInventory').map((r) => String(r.uuid));
    const byFlags = await tab(`zstack-cli --port ${sim.port} StartVmInstance uuid=`);
    expect(byFlags.stderr).toBe('');
    expect(byFlags.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!.slice('uuid='.length)).sort()).toEqual(uuids.filter((u) => byFlags.stdout.includes(u)).sort());
    expect(byFlags.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    const byProfile = await tab('zstack-cli --profile lab QueryVmInstance name=');
    expect(byProfile.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(byProfile.stdout).toMatch(/^name=\S+/m);
  });

  it('holds none of what the commands import to run: the simulator, renderers, executor', () => {
    const complete = readFileSync(join(DIST, 'zstack-cli-complete.cjs'), 'latin1');
    const main = readFileSync(join(DIST, 'zstack-cli.cjs'), 'latin1');
    // Text of the simulator, the executor and the HTTP client.
    for (const marker of ['the request body must be a JSON object', 'ZStack always answers 200 with a body', 'the connection closed before the whole answer arrived']) {
      expect(main).toContain(marker);
      expect(complete).not.toContain(marker);
    }
    expect(complete).toContain('is not in the completion bundle');
    expect(complete.length).toBeLessThan(main.length / 2);
  });
});
