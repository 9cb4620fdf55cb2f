import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';
import { closestNames, editDistance, type SuggestWork } from './suggest.js';

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
