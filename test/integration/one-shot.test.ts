// One-shot commands of the built CLI against the simulator over loopback: sessions, output formats,
// async jobs (polling, --async + job wait, --webhook, timeout), errors and their exit codes, scripts.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { BIN, cleanEnv, runCli, tempHome } from './cli-helpers.js';

let sim: Simulator;
let slow: Simulator;
let home: string;

const at = (s: Simulator): string[] => ['--port', String(s.port)];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20 });
  slow = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 4000 });
  home = tempHome();
  const login = await runCli([...at(sim), 'LogInByAccount', 'accountName=admin', 'password=password'], { home });
  expect(login.code).toBe(0);
});

afterAll(async () => {
  await sim?.close();
  await slow?.close();
});

function vmsIn(s: Simulator, state: string): string[] {
  return s.store.all('VmInstanceInventory').filter((r) => r.state === state).map((r) => String(r.uuid));
}

describe('sessions', () => {
  it('keeps the session in a 0600 file without the password, reused by later commands', async () => {
    const file = join(home, 'sessions.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('admin');
    expect(text).not.toMatch(/password|b109f3bbbc244eb8/);
    const r = await runCli([...at(sim), 'QueryZone', 'fields=uuid,name'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThanOrEqual(2);
  });

  it('a password redacted as *** (a line copied from history) is refused without a terminal, never sent', async () => {
    const r = await runCli([...at(sim), 'LogInByAccount', 'accountName=admin', 'password=***'], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: password was hidden from history as *** (type the line with its password)\n');
  });

  it('wrong credentials exit 4 with the server error', async () => {
    const r = await runCli([...at(sim), 'LogInByAccount', 'accountName=admin', 'password=nope'], { home: tempHome() });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/ID\.1000/);
  });

  it('an expired session says so in one line, tells how to log in again, exits 4', async () => {
    const h = tempHome();
    expect((await runCli([...at(sim), 'LogInByAccount', 'accountName=admin', 'password=password'], { home: h })).code).toBe(0);
    const uuid = JSON.parse(readFileSync(join(h, 'sessions.json'), 'utf8')).servers[`localhost:${sim.port}`].accounts.admin.uuid as string;
    expect(sim.expireSession(uuid)).toBe(true);
    const r = await runCli([...at(sim), 'QueryZone'], { home: h });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/session/i);
    expect(r.stderr).toContain('LogInByAccount accountName=admin');
    // Forgotten: the next command does not send it again.
    const again = await runCli([...at(sim), 'QueryZone'], { home: h });
    expect(again.stderr).toMatch(/not logged in/);
  });

  it('an expired session on an async API is detected through its job', async () => {
    const h = tempHome();
    await runCli([...at(sim), 'LogInByAccount', 'accountName=admin', 'password=password'], { home: h });
    const uuid = JSON.parse(readFileSync(join(h, 'sessions.json'), 'utf8')).servers[`localhost:${sim.port}`].accounts.admin.uuid as string;
    sim.expireSession(uuid);
    const r = await runCli([...at(sim), 'StopVmInstance', `uuid=${vmsIn(sim, 'Running')[0]}`], { home: h });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/ID\.1001|session/i);
  });

  it('LogOut ends the current session and forgets it', async () => {
    const h = tempHome();
    await runCli([...at(sim), 'LogInByAccount', 'accountName=admin', 'password=password'], { home: h });
    const out = await runCli([...at(sim), 'LogOut'], { home: h });
    expect(out.code).toBe(0);
    const r = await runCli([...at(sim), 'QueryZone'], { home: h });
    expect(r.code).toBe(4);
  });
});

describe('queries and output', () => {
  it('prints valid JSON when piped, with conditions along joins', async () => {
    const r = await runCli([...at(sim), 'QueryVmInstance', 'vmNics.l3Network.zone.name~=%', 'state=Running', 'replyWithCount=true', 'limit=3'], { home });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.inventories).toHaveLength(3);
    expect(v.total).toBeGreaterThan(3);
    expect(v.inventories.every((i: { state: string }) => i.state === 'Running')).toBe(true);
  });

  it('-c becomes fields= and -o csv/value/yaml/table render it', async () => {
    const csv = await runCli([...at(sim), 'QueryVmInstance', 'name=web-01', '-o', 'csv', '-c', 'uuid,name,state'], { home });
    expect(csv.stdout.split('\r\n')[0]).toBe('uuid,name,state');
    expect(csv.stdout).toMatch(/,web-01,/);
    const value = await runCli([...at(sim), 'QueryVmInstance', 'name=web-01', '-o', 'value', '-c', 'name'], { home });
    expect(value.stdout).toBe('web-01\n');
    const yaml = await runCli([...at(sim), 'QueryVmInstance', 'name=web-01', '-o', 'yaml', '-c', 'name'], { home });
    expect(yaml.stdout).toMatch(/name: web-01/);
    const table = await runCli([...at(sim), 'QueryVmInstance', 'name=web-01', '-o', 'table', '-c', 'name,vmNics.ip'], { home });
    expect(table.stdout).toMatch(/│ web-01 +│ \d+\.\d+\.\d+\.\d+/);
  });

  it('keeps JSON valid for names with quotes and backslashes', async () => {
    const vm = vmsIn(sim, 'Stopped')[0]!;
    const name = 'say "hi" \\ there';
    const u = await runCli([...at(sim), 'UpdateVmInstance', `uuid=${vm}`, `name=${name}`], { home });
    expect(u.code).toBe(0);
    const r = await runCli([...at(sim), 'QueryVmInstance', `uuid=${vm}`, '-c', 'name'], { home });
    // With -c, JSON is projected to one object per row.
    expect(JSON.parse(r.stdout)).toEqual([{ name }]);
  });
});

describe('async jobs', () => {
  it('polls a job to its result', async () => {
    const vm = vmsIn(sim, 'Stopped')[0]!;
    const r = await runCli([...at(sim), 'StartVmInstance', `uuid=${vm}`], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ uuid: vm, state: 'Running' });
  });

  it('--async returns the job uuid at once and job wait fetches the result', async () => {
    const vm = vmsIn(sim, 'Running')[0]!;
    const a = await runCli([...at(sim), '--async', 'StopVmInstance', `uuid=${vm}`], { home });
    expect(a.code).toBe(0);
    const { jobUuid } = JSON.parse(a.stdout) as { jobUuid: string };
    expect(jobUuid).toMatch(/^[0-9a-f]{32}$/);
    const w = await runCli([...at(sim), 'job', 'wait', jobUuid], { home });
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ uuid: vm, state: 'Stopped' });
  });

  it('--webhook receives the result instead of polling', async () => {
    const vm = vmsIn(sim, 'Stopped')[0]!;
    const r = await runCli([...at(sim), '--webhook', 'StartVmInstance', `uuid=${vm}`], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ uuid: vm, state: 'Running' });
  });

  it('a job that outlives --timeout exits 8 and tells how to keep waiting', async () => {
    const h = tempHome();
    await runCli([...at(slow), 'LogInByAccount', 'accountName=admin', 'password=password'], { home: h });
    const vm = vmsIn(slow, 'Running')[0]!;
    // The job takes 4 s; 1.5 s leaves the request itself time enough on a loaded machine.
    const r = await runCli([...at(slow), '--timeout', '1.5s', 'StopVmInstance', `uuid=${vm}`], { home: h });
    expect(r.code).toBe(8);
    // The hint carries the flags that chose the server, so it works when pasted.
    expect(r.stderr).toMatch(new RegExp(`^Wait for it: zstack-cli ${at(slow).join(' ')} job wait [0-9a-f]{32}$`, 'm'));
    const job = /job wait ([0-9a-f]{32})/.exec(r.stderr)![1]!;
    const w = await runCli([...at(slow), 'job', 'wait', job], { home: h });
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout).state).toBe('Stopped');
  });

  it('an API refused in the VM state exits 1 with the ZStack error', async () => {
    const vm = vmsIn(sim, 'Stopped')[0]!;
    const r = await runCli([...at(sim), 'PauseVmInstance', `uuid=${vm}`], { home });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error VM\.1012/m);
    expect(r.stderr).toMatch(/caused by VM\.1010/);
    expect(r.stderr).toMatch(/current vm instance state\[Stopped\]/);
  });
});

describe('transport', () => {
  it('one-shot commands, job wait, scripts and __complete never load undici (node:http serves them)', async () => {
    const log = join(tempHome(), 'undici-imports.log');
    const env = { NODE_OPTIONS: `--import=${new URL('./undici-watch.mjs', import.meta.url).href}`, UNDICI_WATCH_FILE: log };
    // The watcher sees undici when it is imported.
    execFileSync(process.execPath, ['--input-type=module', '-e', "await import('undici')"], { env: cleanEnv(home, env), cwd: join(BIN, '../..') });
    expect(readFileSync(log, 'utf8')).toBe('undici\n');
    writeFileSync(log, '');

    expect((await runCli([...at(sim), 'QueryZone', '-o', 'value', '-c', 'name'], { home, env })).code).toBe(0);
    const a = await runCli([...at(sim), '--async', 'StartVmInstance', `uuid=${vmsIn(sim, 'Stopped')[0]!}`], { home, env });
    expect(a.code).toBe(0);
    expect((await runCli([...at(sim), 'job', 'wait', (JSON.parse(a.stdout) as { jobUuid: string }).jobUuid], { home, env })).code).toBe(0);
    expect((await runCli([...at(sim)], { home, env, input: 'QueryZone\n' })).code).toBe(0);
    const c = await runCli(['__complete', '--', `zstack-cli --port ${sim.port} QueryVmInstance uuid=`], { home, env });
    expect(c.stdout).toMatch(/^uuid=[0-9a-f]{32}\t/m); // live values, fetched from the simulator
    expect(readFileSync(log, 'utf8')).toBe('');
  });
});

describe('usage and connection errors', () => {
  it('unknown API, param, field: one line with the closest names, exit 2, nothing sent', async () => {
    const api = await runCli([...at(sim), 'StartVmInstanec', 'uuid=1'], { home });
    expect(api.code).toBe(2);
    expect(api.stderr.trim().split('\n')).toEqual(["Error: unknown API 'StartVmInstanec' (did you mean StartVmInstance, StopVmInstance, StartEcsInstance?)"]);
    const field = await runCli([...at(sim), 'QueryVmInstance', 'vmNics.ipp=1'], { home });
    expect(field.code).toBe(2);
    expect(field.stderr).toMatch(/did you mean vmNics\.ip/);
  });

  it('a closed port is a connection error, exit 3', async () => {
    const r = await runCli(['--port', '1', 'GetVersion'], { home });
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/connection refused by localhost:1/);
  });

  it('--dry-run needs neither server nor session', async () => {
    const r = await runCli(['--port', '1', '--dry-run', 'StartVmInstance', 'uuid=U', 'hostUuid=H'], { home: tempHome() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ method: 'PUT', url: 'http://localhost:1/zstack/v1/vm-instances/U/actions', body: { startVmInstance: { hostUuid: 'H' } } });
  });
});

describe('scripts', () => {
  it('runs a file line by line, reports the failing line and goes on; --stop-on-error stops', async () => {
    const file = join(home, 'setup.zs');
    writeFileSync(file, '# demo script\nQueryZone fields=uuid\n\nQueryZonee\nQueryCluster fields=uuid\n');
    const r = await runCli([...at(sim), '-f', file], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:4: failed (exit 2): QueryZonee`);
    expect(r.stdout.match(/^\[$/gm)).toHaveLength(2);
    const s = await runCli([...at(sim), '-f', file, '--stop-on-error'], { home });
    expect(s.stdout.match(/^\[$/gm)).toHaveLength(1);
  });

  it('reads commands from stdin when it is not a terminal', async () => {
    const r = await runCli([...at(sim)], { home, input: 'QueryZone fields=name\nQueryHost fields=name limit=1\n' });
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^\[$/gm)).toHaveLength(2);
  });

  it('a piped script ends at `exit` or `quit` as at the end of its input', async () => {
    const r = await runCli([...at(sim)], { home, input: 'QueryZone fields=name\nexit\nQueryHost fields=name limit=1\n' });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.match(/^\[$/gm)).toHaveLength(1);
    const q = await runCli([...at(sim)], { home, input: 'QueryZonee\nquit\nQueryHost\n' });
    expect(q.code).toBe(2);
    expect(q.stderr).toContain('<stdin>:1: failed (exit 2): QueryZonee');
    expect(q.stderr).not.toContain('<stdin>:3');
  });

  it('a missing script is one clear line, exit 2', async () => {
    const r = await runCli(['-f', '/nonexistent.zs'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Error: cannot read script /nonexistent.zs: ENOENT');
  });
});

describe('watch', () => {
  it('piped, prints each run under a header; --count ends it', async () => {
    const r = await runCli([...at(sim), 'watch', '--count', '2', '-n', '0.5', 'QueryZone', 'fields=name', '-o', 'value'], { home });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^Every 0\.5s: QueryZone fields=name -o value  \d\d:\d\d:\d\d  run [12] of 2$/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => l === 'zone-1')).toHaveLength(2);
  });

  it('refuses an API that changes things, and intervals too short to be polite', async () => {
    const r = await runCli([...at(sim), 'watch', 'StopVmInstance', 'uuid=x'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: watch runs only APIs that read; StopVmInstance changes things (watch a Query* or Get* API)\n');
    const n = await runCli([...at(sim), 'watch', '-n', '0.1', 'QueryZone'], { home });
    expect(n.code).toBe(2);
    expect(n.stderr).toBe("Error: -n must be seconds from 0.5 to 86400, got '0.1'\n");
  });
});

describe('help', () => {
  it('help <Api> shows params, the manual and an example; an unknown word exits 2', async () => {
    const r = await runCli(['help', 'StartVmInstance'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^StartVmInstance - 启动云主机/);
    expect(r.stdout).toMatch(/^ {2}uuid +string, required, uuid of VmInstance \(or @name\)$/m);
    expect(r.stdout).toMatch(/Example:\n {2}StartVmInstance uuid=/);
    const none = await runCli(['help', 'Snapshotx'], { home });
    expect(none.code).toBe(2);
  });
});
