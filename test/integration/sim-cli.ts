// Driving a simulator through the built CLI for the sim-*.test.ts files: one home (and so one logged-in account) per
// Zs, commands that must succeed (parsed JSON back) or fail with a given ZStack error code and exit status.
import { expect } from 'vitest';
import type { Simulator } from '../../src/sim/index.js';
import { runCli, tempHome, type CliRun } from './cli-helpers.js';

export class Zs {
  readonly home = tempHome();

  constructor(private readonly sim: Simulator) {}

  /** Runs the CLI against the simulator; scripted like CI, so destructive APIs carry `--yes`. */
  run(...args: string[]): Promise<CliRun> {
    return runCli(['--port', String(this.sim.port), '--yes', ...args], { home: this.home, timeoutMs: 30_000 });
  }

  async login(account = 'admin', password = 'password'): Promise<this> {
    const r = await this.run('LogInByAccount', `accountName=${account}`, `password=${password}`);
    expect(r.code, r.stderr).toBe(0);
    return this;
  }

  async loginUser(account: string, user: string, password = 'password'): Promise<this> {
    const r = await this.run('LogInByUser', `accountName=${account}`, `userName=${user}`, `password=${password}`);
    expect(r.code, r.stderr).toBe(0);
    return this;
  }

  /** Runs a command that must succeed; its JSON answer. */
  async ok(...args: string[]): Promise<any> {
    const r = await this.run(...args, '-o', 'json');
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r.stdout.trim() === '' ? undefined : JSON.parse(r.stdout);
  }

  /** The single value of a `-o value -c <column>` query (e.g. a uuid by name). */
  async value(...args: string[]): Promise<string> {
    const r = await this.run(...args, '-o', 'value');
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
    return r.stdout.trim();
  }

  /** Runs a command the server must refuse: exit 1 and `Error <code>` first on stderr; the stderr text. */
  async fails(code: string, ...args: string[]): Promise<string> {
    const r = await this.run(...args);
    expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Error ${code.replace('.', '\\.')}`, 'm'));
    return r.stderr;
  }
}
