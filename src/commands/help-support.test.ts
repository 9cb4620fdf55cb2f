import { describe, expect, it } from 'vitest';
import type { App } from '../cli/app.js';
import { runBuiltinWords } from './testing.js';

/** An App that knows the node does not support DestroyVmInstance (only what help reads of it). */
const app = async (): Promise<App> =>
  ({
    conn: { server: '10.0.0.1:8080' },
    capabilities: { unsupported: async () => ({ apis: new Set(['DestroyVmInstance']), version: '4.8.0' }) },
  }) as unknown as App;

describe('help and APIs the node does not support', () => {
  it('help <word> leaves them out (exit 2 when nothing else matches)', async () => {
    const r = await runBuiltinWords(['help', 'DestroyVm'], { app });
    expect(r.out).not.toContain('DestroyVmInstance');
    expect(r.code).toBe(2);
    const vm = await runBuiltinWords(['help', 'VmInstance'], { app });
    expect(vm.out).toContain('StartVmInstance');
    expect(vm.out).not.toContain('DestroyVmInstance');
    expect((await runBuiltinWords(['help', 'DestroyVm'])).out).toContain('DestroyVmInstance');
  });

  it('help <Api> says so above its help', async () => {
    const r = await runBuiltinWords(['help', 'DestroyVmInstance'], { app });
    expect(r.out.split('\n')[0]).toBe('DestroyVmInstance is not supported by the management node at 10.0.0.1:8080 (ZStack 4.8.0): a call is refused before sending.');
    expect(r.code).toBe(0);
  });

  it("the shell's overview counts only supported APIs", async () => {
    const count = (out: string): number => Number(/^(\d+) APIs, by verb/m.exec(out)?.[1]);
    const all = await runBuiltinWords(['help'], { front: 'shell' });
    const some = await runBuiltinWords(['help'], { front: 'shell', app });
    expect(count(all.out)).toBe(1887);
    expect(count(some.out)).toBe(1886);
    expect(some.out).toMatch(/Destroy \(1\)/);
  });

  it('one-shot with --sim starts nothing to find out (a fresh simulator supports everything)', async () => {
    let opened = 0;
    const r = await runBuiltinWords(['--sim', 'help', 'DestroyVm'], {
      app: async () => {
        opened++;
        return app();
      },
    });
    expect(opened).toBe(0);
    expect(r.out).toContain('DestroyVmInstance');
  });
});
