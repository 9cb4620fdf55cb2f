// The guard before sending, through the built CLI without a terminal (pipes, scripts, CI): APIs
// that destroy data are refused unless --yes, a profile's confirm= changes that, and APIs the
// management node does not support (learnt at login: GetVersion, GetSupportAPIs) are refused
// before sending and left out of help and completion.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { runCli, tempHome } from './cli-helpers.js';
import { startPartialNode, type PartialNode } from './partial-node.js';

let sim: Simulator;
let home: string;
const at = (port: number): string[] => ['--port', String(port)];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20 });
  home = tempHome();
  expect((await runCli([...at(sim.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { home })).code).toBe(0);
});
afterAll(async () => {
  await sim?.close();
});

/** Uuids of VMs in a state, each used by one test only. */
const vms = (state: string): string[] => sim.store.all('VmInstanceInventory').filter((r) => r.state === state).map((r) => String(r.uuid));
const stateOf = (uuid: string): unknown => sim.store.get('VmInstanceInventory', uuid)?.state;

describe('destructive APIs without a terminal', () => {
  it('are refused with exit 2 and the --yes hint; nothing is sent', async () => {
    const [vm] = vms('Stopped');
    const r = await runCli([...at(sim.port), 'DestroyVmInstance', `uuid=${vm}`], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: DestroyVmInstance destroys or loses data; there is no terminal to confirm it on, so nothing was sent (add --yes (-y) to run it without asking)\n');
    expect(r.stdout).toBe('');
    expect(stateOf(vm!)).toBe('Stopped');
  });

  it('run with --yes or -y, before or after the params; --dry-run needs neither', async () => {
    const [a, b] = vms('Stopped').slice(1);
    expect((await runCli([...at(sim.port), '--yes', 'DestroyVmInstance', `uuid=${a}`], { home })).code).toBe(0);
    expect((await runCli([...at(sim.port), 'DestroyVmInstance', `uuid=${b}`, '-y'], { home })).code).toBe(0);
    expect([stateOf(a!), stateOf(b!)]).toEqual(['Destroyed', 'Destroyed']);
    const dry = await runCli([...at(sim.port), '--dry-run', 'ExpungeVmInstance', `uuid=${a}`], { home });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('"expungeVmInstance"');
    expect(stateOf(a!)).toBe('Destroyed');
  });

  it('in a script: each such line is refused (naming the line); -f script --yes covers every line', async () => {
    const [a, b] = vms('Stopped').slice(3);
    const file = join(home, 'destroy.zs');
    writeFileSync(file, `DestroyVmInstance uuid=${a}\nQueryZone fields=uuid\nDestroyVmInstance uuid=${b}\n`);
    const r = await runCli([...at(sim.port), '-f', file], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:1: failed (exit 2): DestroyVmInstance uuid=${a}`);
    expect(r.stderr).toContain(`${file}:3: failed (exit 2)`);
    expect(r.stdout.match(/"inventories"/g)).toHaveLength(1);
    expect([stateOf(a!), stateOf(b!)]).toEqual(['Stopped', 'Stopped']);
    expect((await runCli([...at(sim.port), '-f', file, '--yes'], { home })).code).toBe(0);
    expect([stateOf(a!), stateOf(b!)]).toEqual(['Destroyed', 'Destroyed']);
    // Piped on stdin too.
    const [c] = vms('Stopped');
    expect((await runCli([...at(sim.port), '-y'], { home, input: `DestroyVmInstance uuid=${c}\n` })).code).toBe(0);
    expect(stateOf(c!)).toBe('Destroyed');
  });

  it("a profile's confirm=never sends them; confirm=always refuses every change, never a read", async () => {
    const profiles = tempHome();
    const withProfiles = async (args: string[]) => runCli(args, { home: profiles });
    expect((await withProfiles(['profile', 'add', 'ci', `port=${sim.port}`, 'confirm=never'])).code).toBe(0);
    expect((await withProfiles(['profile', 'add', 'careful', `port=${sim.port}`, 'confirm=always'])).code).toBe(0);
    expect((await withProfiles(['--profile', 'ci', 'LogInByAccount', 'accountName=admin', 'password=password'])).code).toBe(0);
    const [vm] = vms('Stopped');
    expect((await withProfiles(['--profile', 'ci', 'DestroyVmInstance', `uuid=${vm}`])).code).toBe(0);
    expect(stateOf(vm!)).toBe('Destroyed');
    const [stopped] = vms('Stopped');
    const start = await withProfiles(['--profile', 'careful', 'StartVmInstance', `uuid=${stopped}`]);
    expect(start.code).toBe(2);
    expect(start.stderr).toContain('StartVmInstance changes something and confirm=always of profile careful asks first');
    expect((await withProfiles(['--profile', 'careful', 'QueryZone', 'fields=uuid'])).code).toBe(0);
    expect(stateOf(stopped!)).toBe('Stopped');
  });
});

describe('APIs the management node does not support', () => {
  let node: PartialNode;
  let nodeHome: string;
  beforeAll(async () => {
    node = await startPartialNode(sim, { missing: ['RebootVmInstance'] });
    nodeHome = tempHome();
    expect((await runCli([...at(node.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { home: nodeHome })).code).toBe(0);
  });
  afterAll(() => node?.close());

  it('are learnt at login (GetVersion, GetSupportAPIs) and cached per server, 0600', () => {
    expect(node.asked).toEqual({ version: 1, supportApis: 1 });
    const file = join(nodeHome, 'capabilities.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const cached = JSON.parse(readFileSync(file, 'utf8')).servers[`localhost:${node.port}`];
    expect(cached).toMatchObject({ version: '5.2.0', unsupported: ['RebootVmInstance'] });
  });

  it('a call to one is refused before sending (exit 2, naming it); --dry-run still prints it', async () => {
    const [vm] = vms('Running');
    const before = node.passed.length;
    const r = await runCli([...at(node.port), 'RebootVmInstance', `uuid=${vm}`], { home: nodeHome });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `Error: RebootVmInstance is not supported by the management node at localhost:${node.port} (ZStack 5.2.0); nothing was sent (it is missing from the APIs the node lists (GetSupportAPIs); help <word> shows the ones it has)\n`,
    );
    expect(node.passed.slice(before)).toEqual([]);
    expect((await runCli([...at(node.port), '--dry-run', 'RebootVmInstance', `uuid=${vm}`], { home: nodeHome })).code).toBe(0);
    // Another server knows nothing of it.
    expect((await runCli([...at(sim.port), '--dry-run', 'RebootVmInstance', `uuid=${vm}`], { home: nodeHome })).code).toBe(0);
  });

  it('help and completion leave them out', async () => {
    const help = await runCli([...at(node.port), 'help', 'VmInstance'], { home: nodeHome });
    expect(help.stdout).toContain('StopVmInstance');
    expect(help.stdout).not.toContain('RebootVmInstance');
    const tab = await runCli(['__complete', '--', `zstack-cli --port ${node.port} RebootVm`], { home: nodeHome });
    expect(tab.stdout).not.toContain('RebootVmInstance');
    const elsewhere = await runCli(['__complete', '--', `zstack-cli --port ${sim.port} RebootVm`], { home: nodeHome });
    expect(elsewhere.stdout).toContain('RebootVmInstance');
  });

  it('a login asks for the list again only when the version changed', async () => {
    const login = () => runCli([...at(node.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { home: nodeHome });
    expect((await login()).code).toBe(0);
    expect(node.asked).toEqual({ version: 2, supportApis: 1 });
    node.version = '5.3.0';
    node.missing = [];
    expect((await login()).code).toBe(0);
    expect(node.asked).toEqual({ version: 3, supportApis: 2 });
    const [vm] = vms('Running');
    expect((await runCli([...at(node.port), 'RebootVmInstance', `uuid=${vm}`], { home: nodeHome })).code).toBe(0);
  });
});
