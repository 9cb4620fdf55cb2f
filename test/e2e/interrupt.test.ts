// Ctrl-C in the real shell: on a typed line it clears the line; during a slow async job it stops
// waiting, tells the job uuid and how to wait for it, and the shell goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/sim/index.js';
import { Fixture, KEY, SIM_PROMPT, runOneShot, type ScreenShell } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

describe('Ctrl-C', () => {
  it('with text on the line prints ^C and gives an empty prompt; nothing runs', async () => {
    const s = fx.shell(['--sim'], fx.home().env());
    const prompt = `${await s.waitForCursorRow(SIM_PROMPT)} `;
    s.send('QueryZone name=zone-1');
    await s.waitForCursorRow(`${prompt}QueryZone name=zone-1`);
    const from = await s.mark();
    s.send(KEY.ctrlC);
    await s.waitForCursorRow(prompt);
    await s.quiet();
    const text = await s.textFrom(from);
    expect(text.split('\n')[0]).toBe(`${prompt}QueryZone name=zone-1^C`);
    expect(text).not.toContain('│ zone-1 │');
    // The line is really gone: Enter on the empty prompt runs nothing.
    s.send(KEY.enter);
    await s.quiet();
    expect(await s.textFrom(from)).not.toContain('zone-1 │');
    await s.waitForCursorRow(prompt);
  });

  async function slowJobShell() {
    const sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20_000 });
    fx.add(() => sim.close());
    const vm = sim.store.all('VmInstanceInventory').find((r) => r.state === 'Stopped');
    expect(vm).toBeDefined();
    const env = fx.home().env();
    const target = ['--host', '127.0.0.1', '--port', String(sim.port)];
    const login = await runOneShot([...target, 'LogInByAccount', 'accountName=admin', 'password=password'], env);
    expect(login.code, login.stderr).toBe(0);
    const s = fx.shell(target, env);
    const prompt = `admin@127.0.0.1:${sim.port} >>> `;
    await s.waitForCursorRow(prompt);
    return { s, prompt, line: `StartVmInstance uuid=${String(vm!.uuid)}` };
  }

  /** Runs the slow StartVmInstance, waits for its spinner, presses Ctrl-C; returns the text since Enter. */
  async function interruptSlowJob(): Promise<{ s: ScreenShell; prompt: string; text: string }> {
    const { s, prompt, line } = await slowJobShell();
    s.send(line);
    await s.waitForCursorRow(`${prompt}${line}`);
    const from = await s.mark();
    s.send(KEY.enter);
    // The spinner shows the job is being waited for.
    await s.waitFor(/StartVmInstance \(job [0-9a-f]{8}\)/, { from });
    s.send(KEY.ctrlC);
    await s.waitFor(/Wait for it: job wait [0-9a-f]{32}/, { from });
    await s.waitForCursorRow(prompt);
    return { s, prompt, text: await s.textFrom(from) };
  }

  it('during a slow async job stops waiting, names the job and `job wait` as a shell command, and the shell goes on', async () => {
    const { s, prompt, text } = await interruptSlowJob();
    const job = /Interrupted; job ([0-9a-f]{32})/.exec(text)?.[1];
    expect(job, text).toBeDefined();
    // Inside the shell the hint is a shell command that works there.
    expect(text).toMatch(new RegExp(`^Wait for it: job wait ${job}$`, 'm'));
    expect(text).not.toContain('zstack-cli job wait');
    expect(text).not.toMatch(/"state": "Running"/);

    // Still works.
    const q = await s.mark();
    s.send('QueryZone fields=name');
    await s.waitForCursorRow(`${prompt}QueryZone fields=name`);
    s.send(KEY.enter);
    await s.waitFor(/│ zone-2 │/, { from: q });
    await s.waitForCursorRow(prompt);
  });

  it('the spinner of the interrupted job is erased, not left on the screen', async () => {
    const { text } = await interruptSlowJob();
    expect(text).not.toMatch(/StartVmInstance \(job [0-9a-f]{8}\) \d+\.\ds/);
  });
});
