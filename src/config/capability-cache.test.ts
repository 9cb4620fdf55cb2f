import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemIdentity } from '../cli/system.js';
import { CAPABILITY_FILE, CapabilityCache as Cache, MAX_SERVERS, type NodeCapabilities } from './capability-cache.js';
import { configFiles } from './config-files.js';

const files = configFiles({ me: systemIdentity() });
/** The cache on real files with this process's identity. */
class CapabilityCache extends Cache {
  constructor(dir: string) {
    super(dir, files);
  }
}

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'zs-caps-')), 'zstack-cli');
});
afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

const entry = (over: Partial<NodeCapabilities> = {}): NodeCapabilities => ({ version: '5.2.0', registryVersion: '5.2.0', unsupported: ['DestroyVmInstance'], checkedAt: '2026-01-01T00:00:00.000Z', ...over });

describe('CapabilityCache', () => {
  it('keeps an entry per server in a 0600 file (directory 0700) that a later process reads', async () => {
    await new CapabilityCache(dir).put('10.0.0.1:8080', entry());
    expect(statSync(join(dir, CAPABILITY_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const later = new CapabilityCache(dir);
    expect(await later.get('10.0.0.1:8080')).toEqual(entry());
    expect(await later.get('10.0.0.2:8080')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([CAPABILITY_FILE]);
  });

  it('replaces and drops entries; an entry without a list stays (unknown)', async () => {
    const c = new CapabilityCache(dir);
    await c.put('a:1', entry());
    await c.put('a:1', entry({ version: '5.3.0', unsupported: undefined }));
    expect(await c.get('a:1')).toEqual({ version: '5.3.0', registryVersion: '5.2.0', checkedAt: '2026-01-01T00:00:00.000Z' });
    await c.put('a:1', undefined);
    expect(await c.get('a:1')).toBeUndefined();
    await c.put('never:1', undefined);
  });

  it(`keeps the ${MAX_SERVERS} servers checked last`, async () => {
    const c = new CapabilityCache(dir);
    for (let i = 0; i < MAX_SERVERS + 3; i++) await c.put(`h:${i}`, entry({ checkedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));
    const kept = Object.keys(JSON.parse(readFileSync(c.path, 'utf8')).servers as object);
    expect(kept).toHaveLength(MAX_SERVERS);
    expect(await c.get('h:0')).toBeUndefined();
    expect(await c.get(`h:${MAX_SERVERS + 2}`)).toBeDefined();
  });

  it('reads a corrupt or foreign file as empty and drops bad entries; __proto__ stays data', async () => {
    const c = new CapabilityCache(dir);
    await c.put('a:1', entry());
    writeFileSync(c.path, '{not json');
    expect(await c.get('a:1')).toBeUndefined();
    writeFileSync(c.path, JSON.stringify({ servers: { 'a:1': { version: 5 }, 'b:1': { ...entry(), unsupported: [1] }, __proto__: entry() } }));
    expect(await c.get('a:1')).toBeUndefined();
    expect(await c.get('b:1')).toEqual(entry({ unsupported: undefined }));
    expect(({} as Record<string, unknown>).version).toBeUndefined();
    await c.put('c:1', entry());
    expect(await c.get('c:1')).toEqual(entry());
  });

  it('is a config file like the others: a cache file that is a link is refused, never followed', async () => {
    const c = new CapabilityCache(dir);
    await c.put('a:1', entry());
    const elsewhere = join(dir, '..', 'elsewhere.json');
    writeFileSync(elsewhere, readFileSync(c.path));
    rmSync(c.path);
    symlinkSync(elsewhere, c.path);
    await expect(c.get('a:1')).rejects.toThrow(/link/);
    await expect(c.put('b:1', entry())).rejects.toThrow(/link/);
    expect(JSON.parse(readFileSync(elsewhere, 'utf8')).servers['b:1']).toBeUndefined();
  });
});
