// matchNames (match.ts) on small name lists: which names a prefix in another case takes, the
// length bound of the fuzzy search, its limit.
import { describe, expect, it } from 'vitest';
import { matchNames } from './match.js';

describe('matchNames', () => {
  it('a prefix in another case takes only names starting with it, after the exact-case ones', () => {
    expect(matchNames('ab', ['xAB', 'ABc', 'abd'])).toEqual(['abd', 'ABc']);
    expect(matchNames('AB', ['xab', 'abc'])).toEqual(['abc']);
    expect(matchNames('', ['b', 'a'])).toEqual(['b', 'a']);
  });

  it('searches fuzzily text up to twice as long as a name, and no longer', () => {
    expect(matchNames('ab a', ['ab'])).toEqual(['ab']);
    expect(matchNames('ab ab', ['ab'])).toEqual([]);
  });

  it('keeps at most fuzzyLimit fuzzy matches, the best first', () => {
    const names = ['QueryVmInstance', 'QueryVmNic', 'QueryVolume', 'QueryVirtualRouter'];
    const two = matchNames('qv', names, 2);
    expect(two).toHaveLength(2);
    expect(matchNames('qvmins', names)).toEqual(['QueryVmInstance']);
  });
});
