// SIGTERM and SIGHUP reach the interactive shell (the undici front end) like a Ctrl-C that also
// ends it: a running job is left with its uuid and `zstack-cli job wait`, and the exit code is the
// signal's (143, 129).
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, KEY } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

describe('signals to the shell', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s during a slow job: job uuid and job wait printed, exit %i', async (sig, code) => {
    const { sim, s, prompt } = await fx.loggedInShell({ jobDelayMs: 20_000 });
    const vm = sim.store.all('VmInstanceInventory').find((r) => r.state === 'Stopped');
    const line = `StartVmInstance uuid=${String(vm!.uuid)}`;
    s.send(line);
    await s.waitForCursorRow(`${prompt}${line}`);
    const from = await s.mark();
    s.send(KEY.enter);
    await s.waitFor(/StartVmInstance \(job [0-9a-f]{8}\)/, { from });
    s.signal(sig);
    const exit = await s.waitExit();
    const text = await s.textFrom(from);
    const job = /Interrupted; job ([0-9a-f]{32})/.exec(text)?.[1];
    expect(job, text).toBeDefined();
    // The shell is ending: the hint is written for the shell the user is left in.
    expect(text).toContain(`zstack-cli --host 127.0.0.1 --port ${sim.port} job wait ${job}`);
    expect(exit.exitCode).toBe(code);
  });

  it('SIGTERM at the prompt ends the shell with 143', async () => {
    const { s } = await fx.simShell();
    s.signal('SIGTERM');
    expect((await s.waitExit()).exitCode).toBe(143);
  });
});
