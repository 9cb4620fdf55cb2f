// Runs the built CLI (bin/zstack-cli.js) as a child process with an isolated config home and a
// clean environment, for integration tests against the simulator over loopback.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = new URL('../../bin/zstack-cli.js', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh config home (sessions, history) per test. */
export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'zstack-cli-test-'));
}

/** Only what the CLI needs: no VITEST/NODE_ENV/CI leaking into the child (see shared/notes/terminal.md). */
export function cleanEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, ZSTACK_CLI_HOME: home, LANG: 'C.UTF-8', ...extra };
}

export function runCli(args: string[], opts: { home: string; env?: Record<string, string>; input?: string | Buffer; timeoutMs?: number }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(opts.home, opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`zstack-cli ${args.join(' ')} did not exit within ${opts.timeoutMs ?? 15000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 15000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // A CLI that refuses its input exits before reading all of it: that EPIPE is not the test's failure.
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}
