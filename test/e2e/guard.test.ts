// The real CLI in a pseudo-terminal against a simulator: destructive APIs ask first (enquirer
// confirm naming the VM, its state and IP) in the shell and in one-shot mode; a node that does not
// support an API has it refused before sending and left out of Tab and help.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { startPartialNode } from '../integration/partial-node.js';
import { Fixture, KEY, re, runOneShot, typeLine, type ScreenShell } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20 });
  fx.add(() => sim.close());
  return sim;
}

/** A VM of the demo seed in `state`, with its name and first NIC IP. */
function vmIn(sim: Simulator, state: string): { uuid: string; name: string; ip: string } {
  const row = sim.store.all('VmInstanceInventory').find((r) => r.state === state)!;
  const nic = sim.store.all('VmNicInventory').find((n) => n.vmInstanceUuid === row.uuid)!;
  return { uuid: String(row.uuid), name: String(row.name), ip: String(nic.ip) };
}

/** Logs in with a one-shot command in `env`'s config home. */
async function logIn(port: number, env: Record<string, string>): Promise<void> {
  const r = await runOneShot(['--port', String(port), 'LogInByAccount', 'accountName=admin', 'password=password'], env);
  expect(r.code, r.stderr).toBe(0);
}

describe('a destructive API asks first', () => {
  it('in the shell: the question names the VM; n and Ctrl-C send nothing, y destroys it, -y does not ask', async () => {
    const sim = await simulator();
    const env = fx.home().env();
    await logIn(sim.port, env);
    const vm = vmIn(sim, 'Running');
    const s = fx.shell(['--port', String(sim.port)], env);
    const prompt = `admin@localhost:${sim.port} >>> `;
    await s.waitForCursorRow(prompt);
    const question = new RegExp(`^\\? Destroy VM instance ${re(vm.name)} \\(Running, ${re(vm.ip)}\\)\\? \\(y/N\\)`, 'm');

    let from = await typeLine(s, prompt, `DestroyVmInstance uuid=${vm.uuid}`);
    await s.waitFor(question, { from });
    s.send('n');
    let text = await s.waitFor(/^Not sent: DestroyVmInstance was not confirmed\.$/m, { from });
    await s.waitForCursorRow(prompt);
    expect(text).not.toMatch(/"inventory"/);
    expect(sim.store.get('VmInstanceInventory', vm.uuid)?.state).toBe('Running');

    from = await typeLine(s, prompt, `DestroyVmInstance uuid=${vm.uuid}`);
    await s.waitFor(question, { from });
    s.send(KEY.ctrlC);
    await s.waitFor(/^Interrupted; nothing was sent$/m, { from });
    await s.waitForCursorRow(prompt);
    expect(sim.store.get('VmInstanceInventory', vm.uuid)?.state).toBe('Running');

    from = await typeLine(s, prompt, `DestroyVmInstance uuid=${vm.uuid}`);
    await s.waitFor(question, { from });
    s.send('y');
    text = await s.waitFor(/^\{\}$/m, { from });
    await s.waitForCursorRow(prompt);
    expect(text).toMatch(/✔ Destroy VM instance .* · yes/);
    expect(sim.store.get('VmInstanceInventory', vm.uuid)?.state).toBe('Destroyed');

    from = await typeLine(s, prompt, `ExpungeVmInstance uuid=${vm.uuid} -y`);
    await s.waitForCursorRow(prompt);
    expect(await s.textFrom(from)).not.toMatch(/\(y\/N\)/);
    expect(sim.store.get('VmInstanceInventory', vm.uuid)).toBeUndefined();
  });

  it('in one-shot mode on a terminal: y sends it (exit 0), n does not (exit 2), Ctrl-C neither (130)', async () => {
    const sim = await simulator();
    const env = fx.home().env();
    await logIn(sim.port, env);
    const vm = vmIn(sim, 'Stopped');
    const ask = (): ScreenShell => fx.shell(['--port', String(sim.port), 'DestroyVmInstance', `uuid=${vm.uuid}`], env);

    const no = ask();
    await no.waitFor(new RegExp(`Destroy VM instance ${re(vm.name)} \\(Stopped, ${re(vm.ip)}\\)\\? \\(y/N\\)`));
    no.send('n');
    expect((await no.waitExit()).exitCode).toBe(2);
    expect(await no.waitFor(/Not sent: DestroyVmInstance was not confirmed\./)).toBeTruthy();
    expect(sim.store.get('VmInstanceInventory', vm.uuid)?.state).toBe('Stopped');

    const cancel = ask();
    await cancel.waitFor(/\(y\/N\)/);
    cancel.send(KEY.ctrlC);
    expect((await cancel.waitExit()).exitCode).toBe(130);
    await cancel.waitFor(/Interrupted; nothing was sent/);
    expect(sim.store.get('VmInstanceInventory', vm.uuid)?.state).toBe('Stopped');

    const yes = ask();
    await yes.waitFor(/\(y\/N\)/);
    yes.send('y');
    expect((await yes.waitExit()).exitCode).toBe(0);
    expect(sim.store.get('VmInstanceInventory', vm.uuid)?.state).toBe('Destroyed');
  });
});

describe('an API the node does not support', () => {
  it('is refused before sending, left out of Tab and of help, in the shell', async () => {
    const sim = await simulator();
    const node = await startPartialNode(sim, { missing: ['RebootVmInstance'] });
    fx.add(() => node.close());
    const env = fx.home().env();
    const s = fx.shell(['--port', String(node.port)], env);
    await s.waitForCursorRow('- >>>');
    // The login in the shell learns what the node supports.
    await typeLine(s, '- >>> ', 'LogInByAccount accountName=admin password=password');
    const prompt = `admin@localhost:${node.port} >>> `;
    await s.waitForCursorRow(prompt);
    expect(node.asked).toEqual({ version: 1, supportApis: 1 });

    s.send('RebootVmIn');
    s.send(KEY.tab);
    await s.quiet(300);
    expect(await s.cursorRow()).toBe(`${prompt}RebootVmIn`);
    s.send(`${KEY.ctrlC}`);
    await s.waitForCursorRow(prompt);
    s.send('StopVmIn');
    s.send(KEY.tab);
    await s.waitForCursorRow(`${prompt}StopVmInstance`);
    s.send(KEY.ctrlC);
    await s.waitForCursorRow(prompt);

    const vm = vmIn(sim, 'Running');
    const passed = node.passed.length;
    let from = await typeLine(s, prompt, `RebootVmInstance uuid=${vm.uuid}`);
    await s.waitFor(new RegExp(`^Error: RebootVmInstance is not supported by the management node at localhost:${node.port} \\(ZStack 5\\.2\\.0\\); nothing was sent`, 'm'), { from });
    await s.waitForCursorRow(prompt);
    expect(node.passed.slice(passed)).toEqual([]);

    from = await typeLine(s, prompt, 'help RebootVm');
    const help = await s.waitFor(/^no API matches 'RebootVm'$/m, { from });
    expect(help).not.toContain('RebootVmInstance');
  });
});
