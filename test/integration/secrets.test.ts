// Secrets leave the process only towards the server: --password-stdin logs in without argv or a
// terminal, a failing script line is echoed redacted, --dry-run/--curl hide passwords and the session
// unless --show-secrets. Against the simulator over loopback, through the built CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { runCli, tempHome } from './cli-helpers.js';

let sim: Simulator;
const at = (): string[] => ['--port', String(sim.port)];
const storedSession = (home: string): string | undefined =>
  JSON.parse(readFileSync(join(home, 'sessions.json'), 'utf8')).servers[`localhost:${sim.port}`]?.accounts.admin?.uuid;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo' });
});
afterAll(async () => {
  await sim?.close();
});

describe('--password-stdin', () => {
  it('logs in with the password piped on stdin (one line, newline stripped), none in argv', async () => {
    const home = tempHome();
    const r = await runCli([...at(), '--password-stdin', 'LogInByAccount', 'accountName=admin'], { home, input: 'password\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(storedSession(home)).toMatch(/^[0-9a-f]{32}$/);
    expect((await runCli([...at(), 'QueryZone', 'count=true'], { home })).code).toBe(0);
    expect((await runCli([...at(), '--password-stdin', 'LogInByAccount', 'accountName=admin'], { home: tempHome(), input: 'password' })).code).toBe(0);
  });

  it('a wrong password exits 4; no password line is a usage error', async () => {
    const wrong = await runCli([...at(), '--password-stdin', 'LogInByAccount', 'accountName=admin'], { home: tempHome(), input: 'nope\n' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).not.toContain('nope');
    const none = await runCli([...at(), '--password-stdin', 'LogInByAccount', 'accountName=admin'], { home: tempHome(), input: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('Error: --password-stdin: stdin ended before the password line (pipe one line per login)\n');
  });

  it('scripts from a file read one line per login; with commands on stdin it is a usage error', async () => {
    const home = tempHome();
    const script = join(home, 'login.zs');
    writeFileSync(script, 'LogInByAccount accountName=admin\nLogOut\nLogInByAccount accountName=admin\nQueryZone count=true\n');
    const r = await runCli([...at(), '--password-stdin', '-f', script], { home, input: 'password\npassword\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const usage = 'Error: --password-stdin reads the password from stdin, so the commands cannot come from there too (give them with -f <file> or as arguments)\n';
    for (const args of [['-f', '-'], []]) {
      const bad = await runCli([...at(), '--password-stdin', ...args], { home: tempHome(), input: 'LogInByAccount accountName=admin\n' });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(usage);
    }
  });
});

describe('nothing secret is printed', () => {
  it('a failing script line on stdin is echoed with its secrets redacted, and so are the errors', async () => {
    const input = [
      "LogInByAccount accountName=admin 'password'=Hunter-2 ",
      'LogInByAccount accountName=admin password\\=Hunter-2',
      'CreateVmInstance name=a systemTags=rootPassword::Hunter-2',
      'LogInByAccount accountName=admin password Hunter-2',
    ].join('\n');
    const r = await runCli(at(), { home: tempHome(), input: `${input}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("<stdin>:1: failed (exit 2): LogInByAccount accountName=admin password=***\n");
    expect(r.stderr).toContain('<stdin>:3: failed (exit 4): CreateVmInstance name=a systemTags=rootPassword::***\n');
    expect(r.stderr).not.toMatch(/Hunter|-2/);
  });

  it('--dry-run and --curl show <hidden> for the password, its hash and the session; --show-secrets shows them', async () => {
    const home = tempHome();
    await runCli([...at(), 'LogInByAccount', 'accountName=admin', 'password=password'], { home });
    const session = storedSession(home)!;
    const login = ['LogInByAccount', 'accountName=admin', 'password=Hunter-2'];
    const hidden = [
      await runCli([...at(), '--dry-run', ...login], { home }),
      await runCli([...at(), '--curl', ...login], { home }),
      await runCli([...at(), '--curl', 'QueryZone'], { home }),
      await runCli([...at(), '--dry-run', 'LogOut'], { home }),
    ];
    const out = hidden.map((r) => r.stdout).join('');
    expect(out.match(/<hidden>/g)).toHaveLength(4);
    expect(out).not.toContain('Hunter');
    expect(out).not.toContain(session);
    const shown = [await runCli([...at(), '--curl', '--show-secrets', 'QueryZone'], { home }), await runCli([...at(), '--dry-run', '--show-secrets', ...login], { home })];
    expect(shown[0]!.stdout).toContain(`Authorization: OAuth ${session}`);
    expect(shown[1]!.stdout).toMatch(/"password":"[0-9a-f]{128}"/);
  });
});
