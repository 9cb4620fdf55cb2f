import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CapabilityCache as Cache } from '../config/capability-cache.js';
import { configFiles } from '../config/config-files.js';
import { systemIdentity } from './system.js';
import { loadRegistry } from '../schema/registry.js';
import { Capabilities } from './capabilities.js';

const registry = loadRegistry();
const files = configFiles({ me: systemIdentity() });
class CapabilityCache extends Cache {
  constructor(dir: string) {
    super(dir, files);
  }
}
const SERVER = '10.0.0.1:8080';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zs-capref-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A node answering GetVersion and GetSupportAPIs (or failing them); records the calls. */
function node(o: { version?: unknown; missing?: string[]; versionFails?: boolean; listFails?: boolean }) {
  const calls: string[] = [];
  const call = async (api: 'GetVersion' | 'GetSupportAPIs'): Promise<unknown> => {
    calls.push(api);
    if (api === 'GetVersion') {
      if (o.versionFails) throw new Error('no such API');
      return { version: o.version ?? '5.2.0' };
    }
    if (o.listFails) throw new Error('permission denied');
    return { supportApis: registry.apiNames().filter((n) => !(o.missing ?? []).includes(n)).map((n) => `API${n}Msg`) };
  };
  return { call, calls };
}

const caps = (call: (api: 'GetVersion' | 'GetSupportAPIs') => Promise<unknown>, cache = new CapabilityCache(dir)) =>
  new Capabilities({ registry, cache, server: SERVER, call, now: () => new Date('2026-05-01T00:00:00Z') });

describe('Capabilities', () => {
  it('at the first login asks for the version and the API list, and knows what is unsupported', async () => {
    const n = node({ missing: ['DestroyVmInstance'] });
    const c = caps(n.call);
    expect(await c.unsupported()).toBeUndefined();
    await c.refresh();
    expect(n.calls).toEqual(['GetVersion', 'GetSupportAPIs']);
    const known = await c.unsupported();
    expect([...known!.apis]).toEqual(['DestroyVmInstance']);
    expect(known!.version).toBe('5.2.0');
    // Another process reads the cache without asking the node.
    expect([...(await caps(node({}).call).unsupported())!.apis]).toEqual(['DestroyVmInstance']);
  });

  it('asks only for the version while it stays the same; a new version fetches the list again', async () => {
    await caps(node({ missing: ['DestroyVmInstance'] }).call).refresh();
    const same = node({ missing: [] });
    await caps(same.call).refresh();
    expect(same.calls).toEqual(['GetVersion']);
    const upgraded = node({ version: '5.3.0', missing: [] });
    const c = caps(upgraded.call);
    await c.refresh();
    expect(upgraded.calls).toEqual(['GetVersion', 'GetSupportAPIs']);
    expect((await c.unsupported())!.apis.size).toBe(0);
  });

  it('GetSupportAPIs failing (old node, no permission) means unknown: nothing is hidden', async () => {
    await caps(node({ missing: ['DestroyVmInstance'] }).call).refresh();
    const c = caps(node({ version: '5.3.0', listFails: true }).call);
    await c.refresh();
    expect(await c.unsupported()).toBeUndefined();
    expect((await new CapabilityCache(dir).get(SERVER))?.version).toBe('5.3.0');
  });

  it('GetVersion failing or answering no version drops what was cached', async () => {
    for (const bad of [{ versionFails: true }, { version: '' }, { version: 42 }]) {
      await caps(node({ missing: ['DestroyVmInstance'] }).call).refresh();
      const n = node(bad);
      const c = caps(n.call);
      await c.refresh();
      expect(n.calls).toEqual(['GetVersion']);
      expect(await c.unsupported()).toBeUndefined();
    }
  });

  it('a list made against another registry version counts as unknown', async () => {
    const cache = new CapabilityCache(dir);
    await cache.put(SERVER, { version: '5.2.0', registryVersion: 'other', unsupported: ['StartVmInstance'], checkedAt: '' });
    expect(await caps(node({}).call, cache).unsupported()).toBeUndefined();
  });

  it('never throws, even when the cache cannot be written', async () => {
    const cache = new CapabilityCache(join(dir, 'file'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'file'), 'not a directory');
    await expect(caps(node({}).call, cache).refresh()).resolves.toBeUndefined();
  });
});
