// The config files against real processes: 20 logins at once (different accounts and servers) all
// keep their sessions; parallel profile and history writers merge; kill -9 at any moment never
// leaves a file that does not parse (and the lock it may leave behind is recovered by the next
// process); a broken config directory is one line and exit 2 before anything is sent.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { addAccount } from '../../src/sim/model/accounts.js';
import { runCli, tempHome } from './cli-helpers.js';

const WRITER = new URL('./fixtures/config-writer.mjs', import.meta.url).pathname;
const PARALLEL = 20;

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'empty' });
  for (let i = 0; i < PARALLEL; i++) addAccount(sim.store, { name: `user${i}`, password: { plain: `pw${i}` } });
});
afterAll(async () => {
  await sim?.close();
});

interface Writer {
  ready: Promise<void>;
  exit: Promise<number | null>;
  kill(): void;
}

function writer(kind: string, dir: string, tag: string, count?: number): Writer {
  const child = spawn(process.execPath, [WRITER, kind, dir, tag, ...(count === undefined ? [] : [String(count)])], { stdio: ['ignore', 'pipe', 'inherit'] });
  return {
    ready: new Promise((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`writer exited ${code} before it was ready`)));
    }),
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    kill: () => child.kill('SIGKILL'),
  };
}

describe('parallel processes keep every change', () => {
  it(`${PARALLEL} logins at once, to two server names: every session is kept`, async () => {
    const home = tempHome();
    const runs = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        runCli(['--host', i % 2 ? '127.0.0.1' : 'localhost', '--port', String(sim.port), 'LogInByAccount', `accountName=user${i}`, `password=pw${i}`], { home, timeoutMs: 60_000 }),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
    const servers = JSON.parse(readFileSync(join(home, 'sessions.json'), 'utf8')).servers as Record<string, { accounts: Record<string, unknown> }>;
    const kept = Object.values(servers).flatMap((s) => Object.keys(s.accounts));
    expect(kept.sort()).toEqual(Array.from({ length: PARALLEL }, (_, i) => `user${i}`).sort());
    expect(Object.keys(servers).sort()).toEqual([`127.0.0.1:${sim.port}`, `localhost:${sim.port}`]);
    // Each login also records what the server supports (capabilities.json), under the same rules.
    const caps = JSON.parse(readFileSync(join(home, 'capabilities.json'), 'utf8')).servers as Record<string, unknown>;
    expect(Object.keys(caps).sort()).toEqual([`127.0.0.1:${sim.port}`, `localhost:${sim.port}`]);
    // HOME is this directory too: the code cache, written by 20 processes at once, is one whole file.
    expect(readdirSync(home).sort()).toEqual(['.cache', 'capabilities.json', 'sessions.json']);
    expect(readdirSync(join(home, '.cache', 'zstack-cli'))).toEqual([expect.stringMatching(/^zstack-cli@[^@]+@v\d[^@]*\.v8cache$/)]);
  });

  it(`${PARALLEL} profile adds at once: every profile is kept`, async () => {
    const home = tempHome();
    const runs = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => runCli(['profile', 'add', `p${i}`, `host=h${i}.example`], { home, timeoutMs: 60_000 })));
    expect(runs.map((r) => r.code)).toEqual(runs.map(() => 0));
    const profiles = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')).profiles as Record<string, unknown>;
    expect(Object.keys(profiles).length).toBe(PARALLEL);
  });

  it(`${PARALLEL} shells writing history at once: every line is kept`, async () => {
    const home = tempHome();
    const ws = Array.from({ length: PARALLEL }, (_, i) => writer('history', home, `w${i}`, 10));
    expect(await Promise.all(ws.map((w) => w.exit))).toEqual(ws.map(() => 0));
    const lines = readFileSync(join(home, 'history'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(PARALLEL * 10);
    expect(new Set(lines).size).toBe(PARALLEL * 10);
  });
});

describe('kill -9 at any moment', () => {
  const checks: Record<string, (text: string) => void> = {
    sessions: (t) => expect(JSON.parse(t).servers).toBeTypeOf('object'),
    profiles: (t) => expect(JSON.parse(t).profiles).toBeTypeOf('object'),
    history: (t) => {
      expect(t.endsWith('\n')).toBe(true);
      for (const line of t.trimEnd().split('\n')) expect(line).toMatch(/^QueryZone name=k\d+-\d+$/);
    },
  };
  const fileOf: Record<string, string> = { sessions: 'sessions.json', profiles: 'profiles.json', history: 'history' };

  for (const kind of Object.keys(checks)) {
    it(`leaves ${fileOf[kind]} whole, and the next process gets past the lock it left`, async () => {
      const home = tempHome();
      for (let round = 0; round < 12; round++) {
        const w = writer(kind, home, `k${round}`);
        await w.ready;
        await new Promise((r) => setTimeout(r, Math.random() * 40));
        w.kill();
        await w.exit;
        // Killed before its first write, the writer leaves no file at all, which is fine too.
        if (existsSync(join(home, fileOf[kind]!))) checks[kind]!(readFileSync(join(home, fileOf[kind]!), 'utf8'));
      }
      // A writer that is not killed finishes, and cleans up what the killed ones left behind.
      const last = writer(kind, home, 'k99', 3);
      expect(await last.exit).toBe(0);
      checks[kind]!(readFileSync(join(home, fileOf[kind]!), 'utf8'));
      expect(readdirSync(home).filter((n) => /\.(tmp|lock|stale)$|\.tmp-/.test(n))).toEqual([]);
    }, 120_000);
  }
});

describe('a broken config directory: one line, exit 2, nothing sent', () => {
  // Port 9 has no server: had a request been sent, the exit code would be 3.
  const login = ['--port', '9', 'LogInByAccount', 'accountName=admin', 'password=password'];

  it('sessions.json is a symbolic link: refused, the target untouched', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'target'), 'precious');
    symlinkSync(join(home, 'target'), join(home, 'sessions.json'));
    const r = await runCli(login, { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Error: ${join(home, 'sessions.json')}: is a symbolic link, and zstack-cli never writes through links (replace it with a regular file)\n`);
    expect(readFileSync(join(home, 'target'), 'utf8')).toBe('precious');
  });

  it('a directory where sessions.json should be, a file where the directory should be', async () => {
    const home = tempHome();
    mkdirSync(join(home, 'sessions.json'));
    const r = await runCli(login, { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Error: ${join(home, 'sessions.json')}: a directory is where zstack-cli keeps a file (remove or rename that directory)\n`);
    const file = join(tempHome(), 'cfg');
    writeFileSync(file, '');
    const f = await runCli(login, { home, env: { ZSTACK_CLI_HOME: file } });
    expect(f.code).toBe(2);
    expect(f.stderr).toBe(`Error: ${file}: is a file where zstack-cli keeps its directory (remove or rename it, or set ZSTACK_CLI_HOME to a directory of yours)\n`);
  });

  it('a config directory others can read is made private (0700); files are 0600', async () => {
    const home = tempHome();
    chmodSync(home, 0o755);
    const r = await runCli(['--port', String(sim.port), 'LogInByAccount', 'accountName=user1', 'password=pw1'], { home });
    expect(r.code).toBe(0);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(statSync(join(home, 'sessions.json')).mode & 0o777).toBe(0o600);
  });
});
