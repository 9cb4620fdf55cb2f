import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { complete } from './candidates.js';
import type { BuiltinCompletion } from './types.js';

const registry = loadRegistry();
const builtins: BuiltinCompletion[] = [
  { name: 'help', summary: 'help', args: [{ name: 'topic', description: '', kind: 'topic', variadic: true }] },
  { name: 'watch', summary: 'watch', args: [{ name: 'api', description: '', kind: 'api' }] },
];
const hidden = new Set(['DestroyVmInstance', 'ExpungeVmInstance']);
const values = async (line: string, unsupported?: () => Promise<ReadonlySet<string> | undefined>): Promise<string[]> =>
  (await complete(line, line.length, { registry, builtins, ...(unsupported ? { unsupportedApis: unsupported } : {}) })).candidates.map((c) => c.value);

describe('completion leaves out APIs the node does not support', () => {
  it('as the command, after help and as an api argument', async () => {
    const known = async () => hidden;
    for (const line of ['DestroyVmIn', 'help DestroyVm', 'watch DestroyVm']) {
      expect(await values(line), line).toContain('DestroyVmInstance');
      expect(await values(line, known), line).not.toContain('DestroyVmInstance');
    }
    expect(await values('ExpungeVm', known)).not.toContain('ExpungeVmInstance');
    expect(await values('ExpungeIm', known)).toContain('ExpungeImage');
  });

  it('hides nothing while unknown, or when finding out fails', async () => {
    expect(await values('DestroyVmIn', async () => undefined)).toContain('DestroyVmInstance');
    expect(await values('DestroyVmIn', () => Promise.reject(new Error('cache unreadable')))).toContain('DestroyVmInstance');
  });

  it('asks only when API names are completed', async () => {
    let asked = 0;
    const counting = async () => {
      asked++;
      return hidden;
    };
    await values('QueryVmInstance st', counting);
    await values('QueryVmInstance state=', counting);
    expect(asked).toBe(0);
    await values('Que', counting);
    expect(asked).toBe(1);
  });
});
