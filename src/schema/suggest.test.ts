import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';
import { closestNames, editDistance, fuzzyMatch, type SuggestWork } from './suggest.js';

const reg = loadRegistry();
const apiNames = reg.apiNames();
const longestApi = Math.max(...apiNames.map((n) => n.length));

function work(): SuggestWork {
  return { cells: 0, fuzzyChars: 0 };
}

describe('closestNames', () => {
  it('finds the usual typos', () => {
    expect(closestNames('StartVmInstanec', apiNames)[0]).toBe('StartVmInstance');
    expect(closestNames('querzone', apiNames)).toContain('QueryZone');
    expect(closestNames('hostUuidd', ['uuid', 'hostUuid', 'clusterUuid'])).toEqual(['hostUuid']);
  });

  it('does no work for a query far longer than every candidate (1e5 and 1e6 characters)', () => {
    for (const n of [1e5, 1e6]) {
      for (const query of ['Q'.repeat(n), 'StartVmInstance'.repeat(n / 10), 'a '.repeat(n / 2)]) {
        const w = work();
        expect(closestNames(query, apiNames, 3, w)).toEqual([]);
        expect(w).toEqual({ cells: 0, fuzzyChars: 0 });
      }
    }
  });

  it('bounds the work by the candidates, whatever the query', () => {
    // Each candidate is compared only with queries at most ~1.5 times its length.
    const bound = apiNames.reduce((sum, c) => sum + (Math.ceil(c.length * 1.5) + 2) * c.length, 0);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        const w = work();
        closestNames(q, apiNames, 3, w);
        expect(w.cells).toBeLessThanOrEqual(bound);
        expect(w.fuzzyChars).toBeLessThanOrEqual(apiNames.length * 2 * longestApi);
      }),
      { numRuns: 200 },
    );
  });

  it('gives what an unbounded search would: names within the edit budget come first', () => {
    const names = ['uuid', 'name', 'hostUuid', 'clusterUuid', 'state', 'description', 'zoneUuid'];
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (q) => {
        const got = closestNames(q, names, 7);
        const budget = Math.max(2, Math.floor(q.length / 3));
        for (const n of names) {
          const lc = n.toLowerCase();
          const ql = q.toLowerCase();
          const bonus = q && (lc.startsWith(ql) || ql.startsWith(lc)) ? -1 : 0;
          if (q && editDistance(q, n) + bonus <= budget) expect(got, `${q} -> ${n}`).toContain(n);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('editDistance', () => {
  it('agrees with the unbounded distance up to its bound', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const full = editDistance(a, b);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Optimal string alignment distance, case-insensitive, written plainly (the reference). */
function osa(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

describe('editDistance against a plain reference', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abcd', 'acbd')).toBe(1);
    expect(editDistance('ABC', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'badcfe', 1)).toBe(2);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcAB'), maxLength: 9 }), fc.string({ unit: fc.constantFrom(...'abcAB'), maxLength: 9 }), fc.integer({ min: 0, max: 5 }), (a, b, max) => {
        const ref = osa(a, b);
        expect(editDistance(a, b)).toBe(ref);
        expect(editDistance(a, b, max)).toBe(ref <= max ? ref : max + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts the cells it computes, one row of the shorter name at a time', () => {
    const w = work();
    editDistance('abc', 'abcd', Infinity, w);
    expect(w.cells).toBe(12);
  });
});

describe('closestNames order and limits', () => {
  it('puts smaller distances first, then shorter names, distinct, at most the limit', () => {
    expect(closestNames('hostuuid', ['hostUuids', 'hostUuid', 'HostUUID'], 3)).toEqual(['hostUuid', 'HostUUID', 'hostUuids']);
    expect(closestNames('abcd', ['abcdxy', 'abxd', 'abcd'])).toEqual(['abcd', 'abxd', 'abcdxy']);
    expect(closestNames('abcd', ['abcdxy', 'abxd', 'abcd'], 1)).toEqual(['abcd']);
    expect(closestNames('abcd', ['abcd', 'abcd'], 3)).toEqual(['abcd']);
    expect(closestNames('', ['a'])).toEqual([]);
  });

  it('takes a prefix as a strong hint, and fills up with fuzzy matches after the close ones', () => {
    // 'vmin' is 4 edits from 'vminstance' (over a budget of 2) but its prefix.
    expect(closestNames('vminst', ['vminstance', 'zzzzzz'])).toEqual(['vminstance']);
    expect(closestNames('vminstances', ['vminstance'])).toEqual(['vminstance']);
    // 4 edits over a budget of 3, but the name is a prefix of the query.
    expect(closestNames('abcdefghi', ['abcde', 'abxde'])).toEqual(['abcde']);
    expect(closestNames('sVI', ['StartVmInstance', 'QueryZone'], 3)).toEqual(['StartVmInstance']);
    expect(closestNames('zone', ['QueryZone', 'zona', 'CreateZone'], 3)).toEqual(['zona', 'QueryZone', 'CreateZone']);
  });
});

describe('fuzzyMatch', () => {
  it('gives the first candidates for an empty query, none for one twice as long as every candidate', () => {
    expect(fuzzyMatch('', ['a', 'b', 'c'], 2)).toEqual(['a', 'b']);
    expect(fuzzyMatch('abcde', ['ab'])).toEqual([]);
    expect(fuzzyMatch('abcd', ['abcd', 'ab'])).toEqual(['abcd']);
    const w = work();
    fuzzyMatch('qz', ['QueryZone', 'x'], 50, w);
    expect(w.fuzzyChars).toBe(4);
  });
});

