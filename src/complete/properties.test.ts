import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionTable } from '../commands/table.js';
import { loadRegistry } from '../schema/registry.js';
import { analyze } from './analyze.js';
import { complete } from './candidates.js';
import { formatListing } from './listing.js';
import type { ValueSource } from './types.js';

const registry = loadRegistry();
// Stryker (npm run mutate) runs this file against every mutant of the completion engine; the
// thousands of runs that hunt rare lines here would make that take hours, so it runs fewer.
const underMutation = process.env.STRYKER_MUTATOR_WORKER !== undefined;
const runs = (n: number): number => (underMutation ? Math.ceil(n / 20) : n);
const words = ['QueryVmInstance', 'StartVmInstance', 'CreateVmInstance', 'LogInByAccount', 'vmNics.', 'l3Network.', 'zone.', 'cpuNum', 'uuid', 'name', 'fields', 'sortBy', 'password'];
const pieces = fc.oneof(
  fc.constantFrom(...words, ' ', '=', '!', '?', '~', '>', '<', ',', '.', '"', "'", '\\', '#', '\t'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const lines = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
const cursors = fc.oneof(fc.integer({ min: -3, max: 200 }), fc.constant(Number.NaN));
const table = { shell: completionTable('shell'), oneshot: completionTable('oneshot') };
const fronts = fc.constantFrom('shell', 'oneshot', 'bare') as fc.Arbitrary<'shell' | 'oneshot' | 'bare'>;
const flaky: ValueSource = {
  values: async (req) => {
    if (req.prefix.length % 2) throw new Error('flaky');
    return [{ value: `${req.prefix}x`, label: 'n' }];
  },
};

describe('never throws', () => {
  it('analyze gives in-range spans for any line and cursor', () => {
    fc.assert(
      fc.property(lines, cursors, (line, cursor) => {
        const a = analyze(line, cursor);
        expect(a.replaceFrom).toBeGreaterThanOrEqual(0);
        expect(a.replaceFrom).toBeLessThanOrEqual(a.replaceTo);
        expect(a.replaceTo).toBeLessThanOrEqual(line.length);
      }),
      { numRuns: runs(3000) },
    );
  });

  // complete() catches its own exceptions (a line must always get an answer), so this property
  // watches what it caught: nothing, whatever the line, the cursor, the front end's words or a
  // value source that fails.
  it('complete and formatListing resolve for any line and cursor, and the engine catches nothing of its own', async () => {
    await fc.assert(
      fc.asyncProperty(lines, cursors, fronts, async (line, cursor, front) => {
        const caught: unknown[] = [];
        const words = front === 'bare' ? {} : table[front];
        const c = await complete(line, cursor, { registry, values: flaky, ...words, onInternalError: (e) => caught.push(e) });
        expect(caught).toEqual([]);
        expect(c.replaceFrom).toBeGreaterThanOrEqual(0);
        expect(c.replaceFrom).toBeLessThanOrEqual(c.replaceTo);
        expect(c.replaceTo).toBeLessThanOrEqual(line.length);
        const listing = formatListing(c, { width: 30 });
        expect(listing.every((l) => typeof l === 'string')).toBe(true);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('reports an exception it caught in itself (what the property above watches)', async () => {
    const caught: unknown[] = [];
    const broken: typeof registry = Object.create(registry, { api: { value: () => { throw new Error('registry bug'); } } });
    const c = await complete('QueryVmInstance na', 18, { registry: broken, onInternalError: (e) => caught.push(e) });
    expect(c).toEqual({ replaceFrom: 16, replaceTo: 18, candidates: [] });
    expect(caught).toEqual([new Error('registry bug')]);
  });
});
