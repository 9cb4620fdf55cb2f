import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemIdentity } from '../cli/system.js';
import { UsageError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { configFiles } from './config-files.js';
import { resolveConnection } from './connection.js';
import { openProfiles } from './profiles.js';
import { thrown } from './testing.js';

const files = configFiles({ me: systemIdentity() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zs-prof-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('profiles (conf)', () => {
  it('stores named profiles with a default, persists them 0600, and feeds resolveConnection', async () => {
    const p = await openProfiles(dir, files);
    expect(p.data()).toEqual({ profiles: {} });
    p.set('lab.1', { host: ' 10.0.0.1 ', port: 8080, account: 'admin' });
    p.set('prod', { host: 'zs.prod', https: true, ca: '/ca.pem', insecure: false });
    p.setDefault('lab.1');
    expect(statSync(p.path).mode & 0o777).toBe(0o600);
    const again = await openProfiles(dir, files);
    expect(again.data()).toEqual({
      default: 'lab.1',
      profiles: { 'lab.1': { host: '10.0.0.1', port: 8080, account: 'admin' }, prod: { host: 'zs.prod', https: true, ca: '/ca.pem', insecure: false } },
    });
    expect(resolveConnection({}, {}, again.data())).toMatchObject({ server: '10.0.0.1:8080', account: 'admin', profile: 'lab.1' });
  });

  it('removing the default profile clears the default; bad input is a usage error', async () => {
    const p = await openProfiles(dir, files);
    p.set('a', { host: 'h' });
    p.setDefault('a');
    expect(p.remove('a')).toBe(true);
    expect(p.remove('a')).toBe(false);
    expect(p.data()).toEqual({ profiles: {} });
    expect(() => p.set('bad name', { host: 'h' })).toThrow(UsageError);
    expect(() => p.set('x', { host: '' })).toThrow(UsageError);
    expect(() => p.set('x', { host: 'h', port: 0 })).toThrow(UsageError);
    expect(() => p.setDefault('missing')).toThrow(UsageError);
    // A host every later use would refuse is refused when saved, with the same words.
    for (const host of ['a#', 'h/path', 'ftp://h', 'h:0', 'h:70000', '[zz]:1']) {
      expect(() => p.set('x', { host }), host).toThrow(/host of profile x: not a host: /);
    }
    expect(p.data().profiles.x).toBeUndefined();
    expect(() => p.set('x', { host: 'h', insecure: true })).toThrow('insecure of profile x skips TLS certificate checks');
    expect(() => p.set('x', { host: 'http://h', ca: '/ca.pem' })).toThrow('needs https');
    p.set('v6', { host: '[::1]:8080' });
    expect(p.data().profiles.v6?.host).toBe('[::1]:8080');
  });

  it('refuses a profile file that is a link, and says in one line when it is not JSON', async () => {
    const target = join(dir, 'elsewhere.json');
    writeFileSync(target, '{"profiles":{}}');
    symlinkSync(target, join(dir, 'profiles.json'));
    expect(renderError(await openProfiles(dir, files).catch((e: unknown) => e))).toBe(`Error: ${join(dir, 'profiles.json')}: is a symbolic link, and zstack-cli never writes through links (replace it with a regular file)`);
    rmSync(join(dir, 'profiles.json'));
    const p = await openProfiles(dir, files);
    writeFileSync(p.path, '{"profiles": ');
    expect(renderError(thrown(() => p.data()))).toBe(`Error: ${p.path}: is not valid JSON (fix it, or remove it to start over)`);
    expect(() => p.set('a', { host: 'h' })).toThrow(UsageError);
    expect(readFileSync(target, 'utf8')).toBe('{"profiles":{}}');
  });

  it('changes the file under its lock, re-reading it there (a change made meanwhile is kept)', async () => {
    const p = await openProfiles(dir, files);
    const other = await openProfiles(dir, files);
    p.set('a', { host: 'h1' });
    other.set('b', { host: 'h2' });
    p.set('c', { host: 'h3' });
    expect(Object.keys((await openProfiles(dir, files)).data().profiles).sort()).toEqual(['a', 'b', 'c']);
    expect(existsSync(`${p.path}.lock`)).toBe(false);
    let lockedDuringWrite = false;
    const spying = { ...files, locked: <T>(path: string, write: () => T): T => files.locked(path, () => ((lockedDuringWrite = existsSync(`${path}.lock`)), write())) };
    (await openProfiles(dir, spying)).set('d', { host: 'h4' });
    expect(lockedDuringWrite).toBe(true);
  });
});
