import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { renderError } from '../errors/report.js';
import { missingColumns, WENT_THROUGH } from './result-columns.js';

describe('-c checked against an answer', () => {
  const reg = loadRegistry();
  it('takes the inventory the row fits and names the closest fields', () => {
    const row = { uuid: 'u', name: 'vm', state: 'Running', vmNics: [] };
    expect(missingColumns(reg, [row], ['name', 'vmNics.ip', 'description'], 'X')).toBeUndefined();
    const went = `  ${WENT_THROUGH}`;
    expect(renderError(missingColumns(reg, [row], ['nmae'], "StartVmInstance's result"))).toMatch(
      new RegExp(`^Error: -c nmae: no row of StartVmInstance's result can have it: .* \\(did you mean name\\?\\)\n${went}$`),
    );
    expect(renderError(missingColumns(reg, [{ zzz: 1, yyy: 2 }], ['zzy'], 'X'))).toBe(`Error: -c zzy: no row of X has 'zzy' (did you mean zzz, yyy?)\n${went}`);
    // Several columns: one line each, the note under the last.
    expect(renderError(missingColumns(reg, [{ zzz: 1, yyy: 2 }], ['zzy', 'qqq'], 'X'))).toBe(`Error: -c zzy: no row of X has 'zzy' (did you mean zzz, yyy?)\nError: -c qqq: no row of X has 'qqq'\n${went}`);
    expect(missingColumns(reg, [], ['zzy'], 'X')).toBeUndefined();
  });
});
