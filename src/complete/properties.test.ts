import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { analyze } from './analyze.js';
import { complete } from './candidates.js';
import { formatListing } from './listing.js';
import type { ValueSource } from './types.js';

const registry = loadRegistry();
const words = ['QueryVmInstance', 'StartVmInstance', 'CreateVmInstance', 'LogInByAccount', 'vmNics.', 'l3Network.', 'zone.', 'cpuNum', 'uuid', 'name', 'fields', 'sortBy', 'password'];
const pieces = fc.oneof(
  fc.constantFrom(...words, ' ', '=', '!', '?', '~', '>', '<', ',', '.', '"', "'", '\\', '#', '\t'),
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const lines = fc.array(pieces, { maxLength: 12 }).map((p) => p.join(''));
const cursors = fc.oneof(fc.integer({ min: -3, max: 200 }), fc.constant(Number.NaN));
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
      { numRuns: 3000 },
    );
  });

  it('complete and formatListing resolve for any line and cursor', async () => {
    await fc.assert(
      fc.asyncProperty(lines, cursors, async (line, cursor) => {
        const c = await complete(line, cursor, { registry, values: flaky });
        expect(c.replaceFrom).toBeGreaterThanOrEqual(0);
        expect(c.replaceTo).toBeLessThanOrEqual(line.length);
        expect(Array.isArray(formatListing(c, { width: 30 }))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
