// The shell's `watch` and background jobs, in a pseudo-terminal against a simulator: watch redraws in
// place and highlights what changed, Ctrl-C ends only the watch; a line ending in `&` returns at once,
// `jobs` lists it, its end is announced above the next prompt, `job result N` shows it, and leaving
// with jobs still running warns once.
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, KEY, runOneShot, typeLine } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

const shellOn = (jobDelayMs: number) => fx.loggedInShell({ jobDelayMs });

describe('watch in the shell', () => {
  it('redraws in place, highlights a change, and Ctrl-C ends the watch, not the shell', async () => {
    const { sim, s, prompt, env, target } = await shellOn(10);
    const vm = sim.store.all('VmInstanceInventory').find((r) => r.state === 'Running')!;
    const name = String(vm.name);
    await typeLine(s, prompt, `watch -n 0.5 QueryVmInstance name=${name} -c name,state`);
    await s.waitFor(new RegExp(`Every 0\\.5s: QueryVmInstance name=${name} -c name,state .*run 1`));
    // The alternate screen: the prompt is gone while the watch runs.
    expect((await s.screen()).join('\n')).not.toContain(prompt.trim());
    const rawBefore = s.raw().length;
    expect((await runOneShot([...target, 'StopVmInstance', `uuid=${String(vm.uuid)}`], env)).code).toBe(0);
    await s.waitFor(/│ Stopped │/);
    // What changed is drawn in reverse video.
    await s.until(() => /\x1b\[7m[^\x1b]*(Stopped|topped|opped|S)/.test(s.raw().slice(rawBefore)), 'the change highlighted');
    s.send(KEY.ctrlC);
    await s.waitForCursorRow(prompt);
    // Back on the normal screen: the last run stays, with how many runs there were.
    const screen = (await s.screen()).join('\n');
    expect(screen).toMatch(new RegExp(`Every 0\\.5s: QueryVmInstance name=${name} -c name,state  \\(\\d+ runs\\)`));
    expect(screen).toMatch(/│ Stopped │/);
    const from = await typeLine(s, prompt, 'QueryZone fields=name');
    await s.waitFor(/│ zone-1 │/, { from });
  });

  it('refuses an API that changes things', async () => {
    const { s, prompt } = await shellOn(10);
    const from = await typeLine(s, prompt, 'watch StopVmInstance uuid=x');
    const text = await s.waitFor(/Error: watch runs only APIs that read/, { from });
    expect(text).toMatch(/^Error: watch runs only APIs that read; StopVmInstance changes things \(watch a Query\* or Get\* API\)$/m);
    await s.waitForCursorRow(prompt);
  });
});

describe('background jobs in the shell', () => {
  it('& returns at once; jobs lists it; its end is announced; job result shows it; leaving warns once while one runs', async () => {
    const { sim, s, prompt } = await shellOn(1500);
    const [a, b] = sim.store.all('VmInstanceInventory').filter((r) => r.state === 'Stopped');
    let from = await typeLine(s, prompt, `StartVmInstance uuid=${String(a!.uuid)} &`);
    await s.waitFor(new RegExp(`^\\[1\\] StartVmInstance uuid=${String(a!.uuid).slice(0, 8)}$`, 'm'), { from });
    // The prompt is back while the job runs (no spinner, no waiting).
    await s.waitForCursorRow(prompt);
    from = await typeLine(s, prompt, 'jobs');
    await s.waitFor(/^\[1\] running +[\d.]+s  StartVmInstance uuid=\w{8}  \(job [0-9a-f]{32}\)$/m, { from });
    await s.waitForCursorRow(prompt);
    // Once it ended, the next prompt announces it.
    await new Promise((r) => setTimeout(r, 1800));
    from = await s.mark();
    s.send(KEY.enter);
    await s.waitFor(/^\[1\] done +[\d.]+s  StartVmInstance uuid=\w{8}$/m, { from });
    from = await typeLine(s, prompt, 'job result 1 -o json -c name,state');
    await s.waitFor(new RegExp(`"name": "${String(a!.name)}",\\s*\\n\\s*"state": "Running"`), { from });
    await s.waitFor(/^\(result \d+, 1 row; /m, { from });
    // A second job still running when leaving: one warning, then the shell leaves.
    from = await typeLine(s, prompt, `StartVmInstance uuid=${String(b!.uuid)} &`);
    await s.waitFor(/^\[2\] StartVmInstance/m, { from });
    await s.waitForCursorRow(prompt);
    from = await typeLine(s, prompt, 'exit');
    await s.waitFor(/^1 background job is still running \(they go on on the server; leave again to leave\):\n {2}job wait [0-9a-f]{32}$/m, { from });
    await s.waitForCursorRow(prompt);
    s.send('exit');
    s.send(KEY.enter);
    expect((await s.waitExit()).exitCode).toBe(0);
  });

  it('job wait N waits for a background job; Ctrl-C stops waiting and names the job', async () => {
    const { sim, s, prompt } = await shellOn(2500);
    const vm = sim.store.all('VmInstanceInventory').find((r) => r.state === 'Stopped')!;
    let from = await typeLine(s, prompt, `StartVmInstance uuid=${String(vm.uuid)} &`);
    await s.waitFor(/^\[1\] StartVmInstance/m, { from });
    await s.waitForCursorRow(prompt);
    from = await typeLine(s, prompt, 'job wait 1');
    await new Promise((r) => setTimeout(r, 300));
    s.send(KEY.ctrlC);
    await s.waitFor(/^Wait for it: job wait [0-9a-f]{32}$/m, { from });
    await s.waitForCursorRow(prompt);
    from = await typeLine(s, prompt, 'job wait 1');
    const out = await s.waitFor(/"state": "Running"/, { from });
    expect(out).toContain(`"uuid": "${String(vm.uuid)}"`);
  });
});
