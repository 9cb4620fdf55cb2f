import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../execute/errors.js';
import { resolveConnection } from './connection.js';
import { openProfiles } from './profiles.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zs-prof-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('profiles (conf)', () => {
  it('stores named profiles with a default, persists them 0600, and feeds resolveConnection', async () => {
    const p = await openProfiles(dir);
    expect(p.data()).toEqual({ profiles: {} });
    p.set('lab.1', { host: ' 10.0.0.1 ', port: 8080, account: 'admin' });
    p.set('prod', { host: 'zs.prod', https: true, ca: '/ca.pem', insecure: false });
    p.setDefault('lab.1');
    expect(statSync(p.path).mode & 0o777).toBe(0o600);
    const again = await openProfiles(dir);
    expect(again.data()).toEqual({
      default: 'lab.1',
      profiles: { 'lab.1': { host: '10.0.0.1', port: 8080, account: 'admin' }, prod: { host: 'zs.prod', https: true, ca: '/ca.pem', insecure: false } },
    });
    expect(resolveConnection({}, {}, again.data())).toMatchObject({ server: '10.0.0.1:8080', account: 'admin', profile: 'lab.1' });
  });

  it('removing the default profile clears the default; bad input is a usage error', async () => {
    const p = await openProfiles(dir);
    p.set('a', { host: 'h' });
    p.setDefault('a');
    expect(p.remove('a')).toBe(true);
    expect(p.remove('a')).toBe(false);
    expect(p.data()).toEqual({ profiles: {} });
    expect(() => p.set('bad name', { host: 'h' })).toThrow(UsageError);
    expect(() => p.set('x', { host: '' })).toThrow(UsageError);
    expect(() => p.set('x', { host: 'h', port: 0 })).toThrow(UsageError);
    expect(() => p.setDefault('missing')).toThrow(UsageError);
  });
});
