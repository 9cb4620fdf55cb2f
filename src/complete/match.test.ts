import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { matchNames } from './match.js';

const names = loadRegistry().apiNames();

describe('matchNames', () => {
  it('matches by prefix, then fuzzily', () => {
    expect(matchNames('QueryVmIns', names)[0]).toBe('QueryVmInstance');
    expect(matchNames('qvmins', names)).toContain('QueryVmInstance');
  });

  it('does not search fuzzily for text twice as long as every name (a pasted 1 MB word)', () => {
    // 'a ' repeated is the costly case for a fuzzy search: every word of it matches every name.
    expect(matchNames('a '.repeat(5e5), names)).toEqual([]);
    expect(matchNames('x'.repeat(1e6), names)).toEqual([]);
    const longest = names.reduce((a, b) => (b.length > a.length ? b : a));
    // Long text within the bound is still searched: two words, each part of the longest name.
    expect(matchNames(`${longest.slice(0, -1)} ${longest.slice(1)}`.toLowerCase(), names)).toContain(longest);
  });
});
