import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleId, cacheFileName, cacheProfile, loadBundle, type BundleHost } from './load-bundle.js';

interface Exports {
  dir: string;
  file: string;
  sep: string;
  answer(): number;
}

const BODY = "exports.dir = __dirname; exports.file = __filename; exports.sep = require('node:path').sep; exports.answer = () => 6 * 7;";
const bundleText = (body: string, id: string | null = '1.2.3+abcdef'): string =>
  `${id === null ? '' : `// zstack-cli-bundle ${id}\n`}(function (exports, require, module, __filename, __dirname) {${body}\n})`;

let tmp: string;
let host: BundleHost;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'zstack-load-bundle-'));
  host = { env: { XDG_CACHE_HOME: join(tmp, 'cache') }, uid: process.getuid?.(), runtime: 'v0.0.0-test', homedir: () => undefined, require: createRequire(import.meta.url) };
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Writes the bundle into its own directory: V8 keeps scripts it compiled by source and file name,
 * so only a new file name makes it read the code cache again within one test process.
 */
let copies = 0;
function place(text: string, name = 'cli.cjs'): string {
  const dir = join(tmp, `copy${copies++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
const cacheDir = (): string => join(tmp, 'cache', 'zstack-cli');

describe('loadBundle', () => {
  it('runs the bundle as CommonJS: exports, require, __filename and __dirname', () => {
    const file = place(bundleText(BODY));
    const b = loadBundle<Exports>(file, host);
    expect(b.exports.answer()).toBe(42);
    expect(b.exports.file).toBe(file);
    expect(b.exports.dir).toBe(join(file, '..'));
    expect(b.exports.sep).toBe('/');
  });

  it('writes a cache once, and a later process compiles from it', () => {
    const text = bundleText(BODY);
    const first = loadBundle<Exports>(place(text), host);
    expect(first.cache).toBe('missing');
    expect(first.writesCache).toBe(true);
    expect(first.saveCache()).toBe(true);
    expect(first.saveCache()).toBe(false);
    expect(readdirSync(cacheDir())).toEqual(['cli@1.2.3+abcdef@v0.0.0-test.v8cache']);

    const later = loadBundle<Exports>(place(text), host);
    expect(later.cache).toBe('accepted');
    expect(later.writesCache).toBe(false);
    expect(later.exports.answer()).toBe(42);
    expect(later.saveCache()).toBe(false);
  });

  it('runs the bundle as it is when the cache does not fit it, and writes a fresh one', () => {
    loadBundle<Exports>(place(bundleText(BODY)), host).saveCache();
    const changed = bundleText(BODY.replace('6 * 7', '6 * 7 + 1'));
    const b = loadBundle<Exports>(place(changed), host);
    expect(b.cache).toBe('rejected');
    expect(b.exports.answer()).toBe(43);
    expect(b.saveCache()).toBe(true);
    expect(loadBundle<Exports>(place(changed), host).cache).toBe('accepted');
  });

  it('survives a cache file that is garbage', () => {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    writeFileSync(join(cacheDir(), cacheFileName('cli', '1.2.3+abcdef', host.runtime)), 'not V8 code at all', { mode: 0o600 });
    const b = loadBundle<Exports>(place(bundleText(BODY)), host);
    expect(b.cache).toBe('rejected');
    expect(b.exports.answer()).toBe(42);
  });

  it('uses no cache for a bundle without a build id, or when turned off', () => {
    const noId = loadBundle<Exports>(place(bundleText(BODY, null)), host);
    expect(noId.cache).toBe('off');
    expect(noId.exports.answer()).toBe(42);
    expect(noId.saveCache()).toBe(false);
    const off = loadBundle<Exports>(place(bundleText(BODY)), { ...host, env: { ...host.env, ZSTACK_CLI_NO_CODE_CACHE: '1' } });
    expect(off.cache).toBe('off');
    expect(off.writesCache).toBe(false);
    expect(off.saveCache()).toBe(false);
    expect(() => readdirSync(cacheDir())).toThrow();
  });

  it('keeps one cache per bundle and runtime: a new build replaces the old ones, other bundles stay', () => {
    loadBundle(place(bundleText(BODY, '1.0.0+aaaa')), host).saveCache();
    loadBundle(place(bundleText(BODY, '1.0.0+aaaa')), { ...host, runtime: 'v0.0.0-other' }).saveCache();
    loadBundle(place(bundleText(BODY, '1.0.0+aaaa'), 'cli-complete.cjs'), host).saveCache();
    expect(readdirSync(cacheDir())).toHaveLength(3);
    loadBundle(place(bundleText(BODY, '1.0.1+bbbb')), host).saveCache();
    loadBundle(place(bundleText(BODY, '1.0.1+bbbb')), { ...host, runtime: 'v0.0.0-other' }).saveCache();
    expect(readdirSync(cacheDir()).sort()).toEqual([
      'cli-complete@1.0.0+aaaa@v0.0.0-test.v8cache',
      'cli@1.0.1+bbbb@v0.0.0-other.v8cache',
      'cli@1.0.1+bbbb@v0.0.0-test.v8cache',
    ]);
  });
});

describe('bundleId and cacheFileName', () => {
  it('reads the id from the first line only', () => {
    expect(bundleId('// zstack-cli-bundle 0.1.0+0123abcd\n(function () {})')).toBe('0.1.0+0123abcd');
    expect(bundleId('(function () {})\n// zstack-cli-bundle 0.1.0+0123abcd\n')).toBeUndefined();
  });
  it('makes a plain file name of any runtime string', () => {
    expect(cacheFileName('zstack-cli', '0.1.0+ab', 'v20.20.2-x64')).toBe('zstack-cli@0.1.0+ab@v20.20.2-x64.v8cache');
    expect(cacheFileName('a/b', '../x', 'v1 arm64')).toBe('a_b@.._x@v1_arm64.v8cache');
  });
});

describe('cacheProfile', () => {
  it("gives runs that only plan, the shell and the CLI's own commands a cache each; calls keep the plain one", () => {
    expect(cacheProfile(['--dry-run', 'QueryVmInstance', 'name=x'])).toBe('-plan');
    expect(cacheProfile(['--host', 'h', 'QueryVmInstance', '--curl'])).toBe('-plan');
    expect(cacheProfile(['QueryVmInstance', 'name=x'])).toBe('');
    expect(cacheProfile(['--port', '8081', '-o', 'json', 'StartVmInstance', 'uuid=U'])).toBe('');
    expect(cacheProfile(['CreateZone', 'name=--dry-run'])).toBe('');
    expect(cacheProfile([])).toBe('-shell');
    expect(cacheProfile(['--version'])).toBe('-local');
    expect(cacheProfile(['help', 'QueryVmInstance'])).toBe('-local');
    expect(cacheProfile(['watch', 'QueryVmInstance'])).toBe('');
    expect(cacheProfile(['help'])).toBe('-local');
    expect(cacheProfile(['--port', '8081', 'profile', 'list'])).toBe('-local');
    expect(cacheProfile(['Q'])).toBe('-local');
  });
});
