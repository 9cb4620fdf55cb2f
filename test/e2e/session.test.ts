// The real shell against a simulator this test starts (`--host 127.0.0.1 --port P`): the logged-out
// prompt, the hidden password prompt of a login, and re-login + retry after the session expired.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Fixture, KEY, runOneShot, typeLine } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

async function simulator(): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, seed: 'demo' });
  fx.add(() => sim.close());
  return sim;
}

const target = (sim: Simulator): string[] => ['--host', '127.0.0.1', '--port', String(sim.port)];
const adminPrompt = (sim: Simulator): string => `admin@127.0.0.1:${sim.port} >>> `;
const LOGGED_OUT = '- >>> ';

/** Logs in as admin with a one-shot command sharing the shell's ZSTACK_CLI_HOME. */
async function logIn(sim: Simulator, env: Record<string, string>): Promise<void> {
  const r = await runOneShot([...target(sim), 'LogInByAccount', 'accountName=admin', 'password=password'], env);
  expect(r.code, r.stderr).toBe(0);
}

describe('logged out', () => {
  it('shows "- >>>" and says a query needs a session', async () => {
    const sim = await simulator();
    const s = fx.shell(target(sim), fx.home().env());
    await s.waitForCursorRow(LOGGED_OUT);
    const from = await typeLine(s, LOGGED_OUT, 'QueryZone');
    const text = await s.waitFor(/not logged in/, { from });
    expect(text).toMatch(/^Error: QueryZone needs a session and you are not logged in$/m);
    expect(text).not.toContain('zone-1');
    await s.waitForCursorRow(LOGGED_OUT);
  });
});

describe('password prompt', () => {
  it('LogInByAccount without a password asks for it hidden, then logs in', async () => {
    const sim = await simulator();
    const s = fx.shell(target(sim), fx.home().env());
    await s.waitForCursorRow(LOGGED_OUT);
    await typeLine(s, LOGGED_OUT, 'LogInByAccount accountName=admin');
    await s.waitForCursorRow(/^Password for admin:$/);
    const rawBefore = s.raw().length;
    s.send('password');
    await s.quiet();
    // Nothing echoed: neither the characters nor stars.
    expect(await s.cursorRow()).toBe('Password for admin:');
    expect(s.raw().slice(rawBefore)).toBe('');
    const from = await s.mark();
    s.send(KEY.enter);
    await s.waitForCursorRow(adminPrompt(sim));
    // An action prints its inventory: the new session.
    const text = await s.waitFor(/"accountUuid"/, { from });
    expect(text).not.toContain('password');
    // The session works.
    const q = await typeLine(s, adminPrompt(sim), 'QueryZone');
    await s.waitFor(/│ zone-1 │/, { from: q });
  });

  it('a password typed ahead of its prompt (pasted with the login) is never shown, run or kept in history', async () => {
    const sim = await simulator();
    const home = fx.home();
    const s = fx.shell(target(sim), home.env());
    await s.waitForCursorRow(LOGGED_OUT);
    const from = await s.mark();
    s.send('LogInByAccount accountName=admin\rpassword\r');
    // Either the typed-ahead password answers the prompt, or it is dropped and asked for again. The
    // prompt shows for an instant in the first case too (its answer's new line may be drawn apart):
    // it is waiting only if it is still there once the screen is quiet.
    let row = await s.waitForCursorRow(/^(Password for admin:|admin@127\.0\.0\.1:\d+ >>>)$/);
    if (row === 'Password for admin:') {
      await s.quiet(300);
      row = await s.cursorRow();
    }
    if (row === 'Password for admin:') {
      s.send('password');
      await s.quiet();
      s.send(KEY.enter);
    }
    await s.waitForCursorRow(adminPrompt(sim));
    // A later command: anything replayed from the type-ahead would show up before its output.
    s.send('QueryZone fields=name');
    await s.waitForCursorRow(`${adminPrompt(sim)}QueryZone fields=name`);
    s.send(KEY.enter);
    const text = await s.waitFor(/│ zone-2 │/, { from });
    expect(text).not.toMatch(/\bpassword\b/);
    const history = readFileSync(join(home.cliHome, 'history'), 'utf8').split('\n');
    expect(history).toContain('QueryZone fields=name');
    expect(history).not.toContain('password');
  });

  it('a login recalled from history (password=*** there) asks for the password instead of sending ***', async () => {
    const sim = await simulator();
    const s = fx.shell(target(sim), fx.home().env());
    await s.waitForCursorRow(LOGGED_OUT);
    await typeLine(s, LOGGED_OUT, 'LogInByAccount accountName=admin password=password');
    await s.waitForCursorRow(adminPrompt(sim));
    await typeLine(s, adminPrompt(sim), 'LogOut');
    await s.waitForCursorRow(LOGGED_OUT);
    s.send(KEY.up);
    s.send(KEY.up);
    await s.waitForCursorRow(`${LOGGED_OUT}LogInByAccount accountName=admin password=***`);
    s.send(KEY.enter);
    await s.waitForCursorRow(/^Password for admin:$/);
    s.send('password');
    await s.quiet();
    s.send(KEY.enter);
    await s.waitForCursorRow(adminPrompt(sim));
    expect(await s.cursorRow()).toBe(adminPrompt(sim).trimEnd());
  });

  it('one-shot LogInByAccount on a terminal asks the same way: Password for admin:, nothing echoed', async () => {
    const sim = await simulator();
    const s = fx.shell([...target(sim), 'LogInByAccount', 'accountName=admin'], fx.home().env());
    await s.waitForCursorRow(/^Password for admin:$/);
    const rawBefore = s.raw().length;
    s.send('password');
    await s.quiet();
    expect(s.raw().slice(rawBefore)).toBe('');
    s.send(KEY.enter);
    // An action prints its inventory: the new session.
    await s.waitFor(/"accountUuid"/);
    const exit = await s.waitExit();
    expect(exit.exitCode).toBe(0);
    expect(await s.textFrom(0)).not.toMatch(/\bpassword\b/);
  });

  it('Ctrl-C at the password prompt cancels the login and the shell goes on', async () => {
    const sim = await simulator();
    const s = fx.shell(target(sim), fx.home().env());
    await s.waitForCursorRow(LOGGED_OUT);
    await typeLine(s, LOGGED_OUT, 'LogInByAccount accountName=admin');
    await s.waitForCursorRow(/^Password for admin:$/);
    s.send('pass');
    await s.quiet();
    s.send(KEY.ctrlC);
    await s.waitForCursorRow(LOGGED_OUT);
    const from = await typeLine(s, LOGGED_OUT, 'QueryZone');
    const out = await s.waitFor(/not logged in/, { from });
    expect(out).toContain('Error: QueryZone needs a session and you are not logged in');
  });
});

describe('expired session', () => {
  it('asks for the password, logs in again and retries the command', async () => {
    const sim = await simulator();
    const home = fx.home();
    const env = home.env();
    await logIn(sim, env);
    const s = fx.shell(target(sim), env);
    const prompt = adminPrompt(sim);
    await s.waitForCursorRow(prompt);

    const sessions = JSON.parse(readFileSync(join(home.cliHome, 'sessions.json'), 'utf8')) as {
      servers: Record<string, { accounts: Record<string, { uuid: string }> }>;
    };
    const uuid = sessions.servers[`127.0.0.1:${sim.port}`]!.accounts.admin!.uuid;
    expect(sim.expireSession(uuid)).toBe(true);

    const from = await typeLine(s, prompt, 'QueryZone');
    const asked = await s.waitFor(/Password for admin: ?$/m, { from });
    expect(asked).toMatch(/expired/);
    expect(asked).not.toContain('zone-1');
    await s.waitForCursorRow(/^Password for admin:$/);
    s.send('password');
    await s.quiet();
    expect(await s.cursorRow()).toBe('Password for admin:');
    s.send(KEY.enter);
    const text = await s.waitFor(/│ zone-2 │/, { from });
    expect(text.slice(text.indexOf('Password for admin:'))).toMatch(/│ zone-1 │/);
    expect(text).not.toMatch(/Password for admin:.*password/);
    await s.waitForCursorRow(prompt);
    // The new session is stored and used.
    const q = await typeLine(s, prompt, 'QueryCluster fields=name');
    await s.waitFor(/│ cluster-1a │/, { from: q });
  });
});
