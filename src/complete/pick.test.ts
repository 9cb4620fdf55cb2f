// Which candidate one Tab takes whole (pick.ts): the best fuzzy API match, only when nothing starts
// with what was typed.
import { describe, expect, it } from 'vitest';
import { fuzzyPick } from './pick.js';
import type { Candidate, Completion } from './types.js';

const of = (...candidates: Candidate[]): Completion => ({ replaceFrom: 0, replaceTo: 6, candidates });
const api = (value: string): Candidate => ({ value, group: 'api', final: true });

describe('fuzzyPick', () => {
  it('takes the first API when none starts with the typed text, in any case', () => {
    expect(fuzzyPick(of(api('QueryVmInstance'), api('QueryVmNic')), 'qvmins')).toEqual(api('QueryVmInstance'));
  });

  it('leaves the common-prefix rule alone when a candidate starts with the text, whatever its case', () => {
    expect(fuzzyPick(of(api('QueryVmInstance')), 'queryvm')).toBeUndefined();
    expect(fuzzyPick(of(api('QueryVmInstance'), api('queryx')), 'QUERYX')).toBeUndefined();
    expect(fuzzyPick(of(api('XQueryVm'), api('QueryVm')), 'Query')).toBeUndefined();
  });

  it('only for API names, only when something was typed, only when there is a candidate', () => {
    expect(fuzzyPick(of({ value: 'cpuNum=', group: 'field' }), 'cpn')).toBeUndefined();
    expect(fuzzyPick(of(api('QueryVmInstance')), '')).toBeUndefined();
    expect(fuzzyPick(of(), 'qvm')).toBeUndefined();
  });
});
