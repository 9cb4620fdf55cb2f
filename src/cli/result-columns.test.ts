import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { missingColumns } from './result-columns.js';

describe('-c checked against an answer', () => {
  const reg = loadRegistry();
  it('takes the inventory the row fits and names the closest fields', () => {
    const row = { uuid: 'u', name: 'vm', state: 'Running', vmNics: [] };
    expect(missingColumns(reg, [row], ['name', 'vmNics.ip', 'description'], 'X')).toBeUndefined();
    expect(missingColumns(reg, [row], ['nmae'], "StartVmInstance's result")?.message).toMatch(/^Error: -c nmae: no row of StartVmInstance's result can have it: .*\(did you mean name\?\)$/);
    expect(missingColumns(reg, [{ zzz: 1, yyy: 2 }], ['zzy'], 'X')?.message).toBe("Error: -c zzy: no row of X has 'zzy' (did you mean zzz, yyy?)");
    expect(missingColumns(reg, [], ['zzy'], 'X')).toBeUndefined();
  });
});
