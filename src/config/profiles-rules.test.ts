// What the profile store keeps and refuses (profiles.ts), exactly: only the fields given, the limits of
// a port, the lines of its refusals, the default profile.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemIdentity } from '../cli/system.js';
import { configFiles } from './config-files.js';
import { openProfiles } from './profiles.js';
import { rendered } from './testing.js';

const files = configFiles({ me: systemIdentity() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zs-prof2-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const refusal = rendered;

describe('profile store rules', () => {
  it('keeps only the fields given: no key for one left out', async () => {
    const p = await openProfiles(dir, files);
    p.set('a', { host: 'h' });
    expect(JSON.parse(readFileSync(p.path, 'utf8')).profiles.a).toStrictEqual({ host: 'h' });
    p.set('b', { host: 'h', port: 1, https: true, ca: '/c', insecure: true, account: 'x', confirm: 'never' });
    expect(JSON.parse(readFileSync(p.path, 'utf8')).profiles.b).toStrictEqual({ host: 'h', port: 1, https: true, ca: '/c', insecure: true, account: 'x', confirm: 'never' });
    expect(Object.hasOwn(p.data(), 'default')).toBe(false);
  });

  it('ports from 1 to 65535, whole numbers only; a host must be given', async () => {
    const p = await openProfiles(dir, files);
    p.set('lo', { host: 'h', port: 1 });
    p.set('hi', { host: 'h', port: 65535 });
    expect(refusal(() => p.set('x', { host: 'h', port: 0 }))).toBe('Error: port of profile x: not a port number: 0');
    expect(refusal(() => p.set('x', { host: 'h', port: 65536 }))).toBe('Error: port of profile x: not a port number: 65536');
    expect(refusal(() => p.set('x', { host: 'h', port: 1.5 }))).toBe('Error: port of profile x: not a port number: 1.5');
    expect(refusal(() => p.set('x', { host: '  ' }))).toBe('Error: profile x needs a host');
    expect(refusal(() => p.set('x', { host: 5 as never }))).toBe('Error: profile x needs a host');
    expect(refusal(() => p.set('-x', { host: 'h' }))).toBe('Error: bad profile name: -x (letters, digits, . _ -)');
    expect(refusal(() => p.setDefault('nope'))).toBe('Error: no profile named nope');
    expect(Object.keys(p.data().profiles)).toEqual(['lo', 'hi']);
  });

  it('removing another profile keeps the default; clearing the default keeps the profiles', async () => {
    const p = await openProfiles(dir, files);
    p.set('a', { host: 'h' });
    p.set('b', { host: 'h' });
    p.setDefault('a');
    expect(p.remove('b')).toBe(true);
    expect(p.data().default).toBe('a');
    p.setDefault(undefined);
    expect(p.data()).toStrictEqual({ profiles: { a: { host: 'h' } } });
  });

  it('profile names with dots are names, not paths', async () => {
    const p = await openProfiles(dir, files);
    p.set('lab.1', { host: 'h' });
    expect(JSON.parse(readFileSync(p.path, 'utf8')).profiles).toStrictEqual({ 'lab.1': { host: 'h' } });
  });
});
