import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheDir, isPrivateDir, readCacheFile, writeCacheFile } from './cache-file.js';

const uid = process.getuid?.();
const bytes = (s: string): Buffer => Buffer.from(s);

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'zstack-cache-file-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('codeCacheDir', () => {
  const noHome = (): undefined => undefined;
  it('is under XDG_CACHE_HOME when that is absolute, else ~/.cache', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, noHome)).toBe('/x/cache/zstack-cli');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' }, noHome)).toBe('/home/u/.cache/zstack-cli');
    expect(codeCacheDir({ HOME: '/home/u' }, noHome)).toBe('/home/u/.cache/zstack-cli');
  });
  it('asks for the home directory only without HOME, and gives none without any', () => {
    expect(codeCacheDir({}, () => '/from/os')).toBe('/from/os/.cache/zstack-cli');
    expect(codeCacheDir({}, noHome)).toBeUndefined();
    expect(codeCacheDir({ HOME: 'not/absolute' }, noHome)).toBeUndefined();
  });
  it('is off with ZSTACK_CLI_NO_CODE_CACHE', () => {
    expect(codeCacheDir({ ZSTACK_CLI_NO_CODE_CACHE: '1', XDG_CACHE_HOME: '/x' }, noHome)).toBeUndefined();
  });
});

describe('writeCacheFile and readCacheFile', () => {
  it('round-trip the bytes; the directory is created 0700 and the file is 0600', () => {
    const dir = join(tmp, 'a', 'zstack-cli');
    expect(writeCacheFile(dir, 'c.v8cache', bytes('compiled'), uid)).toBe(true);
    expect(readCacheFile(dir, 'c.v8cache', uid)).toEqual(bytes('compiled'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(tmp, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'c.v8cache')).mode & 0o777).toBe(0o600);
  });

  it('replace the file whole and leave no temporary file behind', () => {
    const dir = join(tmp, 'zstack-cli');
    writeCacheFile(dir, 'c.v8cache', bytes('old, longer content'), uid);
    writeCacheFile(dir, 'c.v8cache', bytes('new'), uid);
    expect(readCacheFile(dir, 'c.v8cache', uid)).toEqual(bytes('new'));
    expect(readdirSync(dir)).toEqual(['c.v8cache']);
  });

  it('remove what the caller calls obsolete and temporary files left long ago, nothing else', () => {
    const dir = join(tmp, 'zstack-cli');
    writeCacheFile(dir, 'main@1.v8cache', bytes('1'), uid);
    writeCacheFile(dir, 'other@1.v8cache', bytes('x'), uid);
    writeFileSync(join(dir, '.main@1.v8cache.old.tmp'), 'left by a killed writer');
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, '.main@1.v8cache.old.tmp'), old, old);
    writeFileSync(join(dir, '.main@2.v8cache.new.tmp'), 'being written right now');
    writeCacheFile(dir, 'main@2.v8cache', bytes('2'), uid, (f) => f.startsWith('main@'));
    expect(readdirSync(dir).sort()).toEqual(['.main@2.v8cache.new.tmp', 'main@2.v8cache', 'other@1.v8cache']);
  });

  it('read nothing from a missing or empty file', () => {
    const dir = join(tmp, 'zstack-cli');
    expect(readCacheFile(dir, 'c.v8cache', uid)).toBeUndefined();
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'c.v8cache'), '', { mode: 0o600 });
    expect(readCacheFile(dir, 'c.v8cache', uid)).toBeUndefined();
  });

  it('never follow a symlink: not for the file, not for the directory', () => {
    const real = join(tmp, 'real');
    writeCacheFile(real, 'c.v8cache', bytes('compiled'), uid);
    const dir = join(tmp, 'zstack-cli');
    mkdirSync(dir, { mode: 0o700 });
    symlinkSync(join(real, 'c.v8cache'), join(dir, 'c.v8cache'));
    expect(readCacheFile(dir, 'c.v8cache', uid)).toBeUndefined();

    const linkedDir = join(tmp, 'linked');
    symlinkSync(real, linkedDir);
    expect(readCacheFile(linkedDir, 'c.v8cache', uid)).toBeUndefined();
    expect(writeCacheFile(linkedDir, 'c.v8cache', bytes('planted'), uid)).toBe(false);
    expect(readFileSync(join(real, 'c.v8cache'), 'utf8')).toBe('compiled');
  });

  it('use no directory that others may write to or that belongs to another user', () => {
    const dir = join(tmp, 'zstack-cli');
    writeCacheFile(dir, 'c.v8cache', bytes('compiled'), uid);
    chmodSync(dir, 0o777);
    expect(isPrivateDir(dir, uid)).toBe(false);
    expect(readCacheFile(dir, 'c.v8cache', uid)).toBeUndefined();
    expect(writeCacheFile(dir, 'c.v8cache', bytes('x'), uid)).toBe(false);
    chmodSync(dir, 0o700);
    expect(readCacheFile(dir, 'c.v8cache', uid)).toEqual(bytes('compiled'));
    if (uid !== undefined) {
      expect(readCacheFile(dir, 'c.v8cache', uid + 1)).toBeUndefined();
      expect(writeCacheFile(dir, 'c.v8cache', bytes('x'), uid + 1)).toBe(false);
    }
  });

  it('report false instead of throwing when the directory cannot be made', () => {
    writeFileSync(join(tmp, 'file'), 'not a directory');
    expect(writeCacheFile(join(tmp, 'file', 'zstack-cli'), 'c.v8cache', bytes('x'), uid)).toBe(false);
    expect(existsSync(join(tmp, 'file', 'zstack-cli'))).toBe(false);
    expect(lstatSync(join(tmp, 'file')).isFile()).toBe(true);
  });
});
