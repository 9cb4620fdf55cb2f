// Hostile input to the built CLI (issue #11), with --dry-run so that no server is needed: every case
// ends in exit 2 and one short line on stderr, and nothing runs from a script that is not text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'zstack-cli-hostile-'));

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('hostile input to the CLI', () => {
  it('answers a 100k-character unknown API name with exit 2 and one short line', async () => {
    const r = await runCli(['--dry-run', 'Q'.repeat(1e5)], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: unknown API 'Q+…' \(type help to list APIs\)\n$/);
    expect(r.stderr.length).toBeLessThan(200);
  });

  it('answers a 100k-character unknown key with exit 2 and one short line', async () => {
    const r = await runCli(['--dry-run', 'StartVmInstance', 'uuid=u', `${'k'.repeat(1e5)}=1`], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThan(200);
  });

  it('refuses a script with a NUL byte before running any line', async () => {
    const path = file('nul.zs', Buffer.from('StartVmInstance uuid=a\nStartVmInstance uuid=b\0\n'));
    const r = await runCli(['--dry-run', '-f', path], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: ${path}:2: not a text script: it holds a NUL byte\n`);
  });

  it('refuses a script that is not UTF-8 before running any line', async () => {
    const path = file('latin1.zs', Buffer.from('StartVmInstance uuid=a\nUpdateVmInstance uuid=b name=caf\xe9\n', 'latin1'));
    const r = await runCli(['--dry-run', '-f', path], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: ${path}:2: not a text script: it is not UTF-8\n`);
  });

  it('refuses a script line over 1 MB, reading no more of it', async () => {
    const path = file('long.zs', `StartVmInstance uuid=a\nQueryZone name=${'x'.repeat(20 << 20)}\n`);
    const r = await runCli(['--dry-run', '-f', path], { home: tempHome() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Error: ${path}:2: not a text script: the line is longer than 1 MB\n`);
  });

  it('stops stdin at a line that is not UTF-8, exit 2', async () => {
    const input = Buffer.concat([Buffer.from('StartVmInstance uuid=a\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('StartVmInstance uuid=c\n')]);
    const r = await runCli(['--dry-run'], { home: tempHome(), input });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('/vm-instances/a/actions');
    expect(r.stdout).not.toContain('/vm-instances/c/actions');
    expect(r.stderr).toBe('Error: <stdin>:2: not a text script: it is not UTF-8\n');
  });

  it('refuses a 2 MB line on stdin with one line, exit 2', async () => {
    const r = await runCli(['--dry-run'], { home: tempHome(), input: `QueryZone name=${'x'.repeat(2 << 20)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: <stdin>:1: not a text script: the line is longer than 1 MB\n');
  });

  it('escapes control characters of a line in its error', async () => {
    const r = await runCli(['--dry-run'], { home: tempHome(), input: 'StartVmInstance uuid=a \u001b]0;pwned\u0007=1\n' });
    expect(r.code).toBe(2);
    const [first] = r.stderr.split('\n');
    expect(first).toBe(`Error: unexpected '\\e' in '\\e]0;pwned\\x07=1' (a param is key=value; quote values with spaces: name="my vm")`);
  });
});
