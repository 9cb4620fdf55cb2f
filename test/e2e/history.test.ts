// The real shell (`zstack-cli --sim`) in a pseudo-terminal: Up recalls, Ctrl-R searches, passwords
// are redacted in the history file and in what Up recalls, and history survives a restart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, KEY, SIM_PROMPT, type ScreenShell } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

async function open(env: Record<string, string>): Promise<{ s: ScreenShell; prompt: string }> {
  const s = fx.shell(['--sim'], env);
  const row = await s.waitForCursorRow(SIM_PROMPT);
  return { s, prompt: `${row} ` };
}

/** Types a line, presses Enter, and waits for `done` to show up after it and a fresh empty prompt. */
async function run(s: ScreenShell, prompt: string, line: string, done: RegExp): Promise<void> {
  const from = await s.mark();
  s.send(line);
  await s.waitForCursorRow(`${prompt}${line}`);
  s.send(KEY.enter);
  await s.waitFor(done, { from });
  await s.waitForCursorRow(prompt);
}

describe('history', () => {
  it('Up recalls the previous line, and Up again the one before', async () => {
    const { s, prompt } = await open(fx.home().env());
    await run(s, prompt, 'QueryZone fields=name', /│ zone-2 │/);
    await run(s, prompt, 'QueryCluster fields=name', /│ cluster-2a │/);
    s.send(KEY.up);
    await s.waitForCursorRow(`${prompt}QueryCluster fields=name`);
    s.send(KEY.up);
    await s.waitForCursorRow(`${prompt}QueryZone fields=name`);
    const from = await s.mark();
    s.send(KEY.enter);
    await s.waitForCursorRow(prompt);
    const out = await s.waitFor(/│ zone-1 │/, { from });
    expect(out).toMatch(/│ zone-1 │[\s\S]*│ zone-2 │/);
    expect(out).not.toContain('cluster-2a');
  });

  it('Ctrl-R finds an older line by a word in it; Enter runs it', async () => {
    const { s, prompt } = await open(fx.home().env());
    await run(s, prompt, 'QueryZone fields=name', /│ zone-2 │/);
    await run(s, prompt, 'QueryCluster fields=name', /│ cluster-2a │/);
    await run(s, prompt, 'help StartVmInstance', /^Example:/m);
    s.send(KEY.ctrlR);
    await s.waitForCursorRow(/^\(reverse-i-search\)`': ?$/);
    s.send('Zone');
    await s.waitForCursorRow("(reverse-i-search)`Zone': QueryZone fields=name");
    const from = await s.mark();
    s.send(KEY.enter);
    await s.waitForCursorRow(prompt);
    const out = await s.waitFor(/│ zone-1 │/, { from });
    expect(out).toMatch(/│ zone-1 │[\s\S]*│ zone-2 │/);
    expect(out).not.toContain('cluster-2a');
  });

  it('a password is kept as password=*** in the history file and in what Up recalls', async () => {
    const home = fx.home();
    const { s, prompt } = await open(home.env());
    // A wrong password for the simulator's admin: the call fails, the line is still remembered.
    await run(s, prompt, 'LogInByAccount accountName=admin password=secret123', /^Error/m);
    const file = join(home.cliHome, 'history');
    await s.until(() => existsSync(file) && readFileSync(file, 'utf8').includes('LogInByAccount'), 'wrote the history file');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('LogInByAccount accountName=admin password=***');
    expect(text).not.toContain('secret123');
    s.send(KEY.up);
    await s.waitForCursorRow(`${prompt}LogInByAccount accountName=admin password=***`);
  });

  it('persists across shell restarts', async () => {
    const home = fx.home();
    const first = await open(home.env());
    await run(first.s, first.prompt, 'QueryZone fields=name', /│ zone-2 │/);
    await run(first.s, first.prompt, 'QueryCluster fields=name', /│ cluster-2a │/);
    first.s.send('exit');
    await first.s.waitForCursorRow(`${first.prompt}exit`);
    first.s.send(KEY.enter);
    expect((await first.s.waitExit()).exitCode).toBe(0);

    const second = await open(home.env());
    second.s.send(KEY.up);
    await second.s.waitForCursorRow(`${second.prompt}exit`);
    second.s.send(KEY.up);
    await second.s.waitForCursorRow(`${second.prompt}QueryCluster fields=name`);
    second.s.send(KEY.up);
    await second.s.waitForCursorRow(`${second.prompt}QueryZone fields=name`);
  });
});
