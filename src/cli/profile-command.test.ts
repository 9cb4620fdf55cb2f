import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseProfileSettings, runProfileCommand } from './profile-command.js';
import type { CliIO } from './io.js';
import { systemIdentity } from './system.js';

function io(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    argv: [],
    env: {},
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    stdin: new PassThrough(),
    cwd: '/work',
    homedir: '/nonexistent',
    identity: systemIdentity(),
    out: () => out,
    err: () => err,
  };
}

describe('profile settings', () => {
  it('reads key=value settings with types', () => {
    expect(parseProfileSettings(['host=10.0.0.1', 'port=8443', 'https=true', 'ca=certs/ca.pem', 'account=ops'], '/work')).toEqual({
      host: '10.0.0.1',
      port: 8443,
      https: true,
      ca: '/work/certs/ca.pem',
      account: 'ops',
    });
  });

  it('says what is wrong in one line', () => {
    expect(parseProfileSettings(['port=8080'], '/')).toMatch(/needs host=/);
    expect(parseProfileSettings(['host=a', 'port=0'], '/')).toMatch(/port must be a number/);
    expect(parseProfileSettings(['host=a', 'https=yes'], '/')).toMatch(/https must be true or false/);
    expect(parseProfileSettings(['hots=a'], '/')).toMatch(/unknown profile setting 'hots'/);
  });
});

describe('profile command', () => {
  it('adds, lists with the default marked, and removes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zstack-profiles-'));
    const a = io();
    expect(await runProfileCommand('add', ['prod', 'host=10.0.0.1', 'https=true'], dir, a)).toBe(0);
    expect(await runProfileCommand('add', ['lab', 'host=127.0.0.1', 'port=18080'], dir, a)).toBe(0);
    expect(await runProfileCommand('use', ['lab'], dir, a)).toBe(0);
    const l = io();
    await runProfileCommand('list', [], dir, l);
    expect(l.out()).toBe('* lab\thttp://127.0.0.1:18080\n  prod\thttps://10.0.0.1:8080\n');
    expect(await runProfileCommand('remove', ['prod'], dir, a)).toBe(0);
    const e = io();
    expect(await runProfileCommand('remove', ['prod'], dir, e)).toBe(2);
    expect(e.err()).toBe('Error: no profile named prod\n');
    expect(await runProfileCommand('frob', [], dir, e)).toBe(2);
  });
});
