// Required params come first in completion (issue #16: the order was dropped and no test noticed,
// because the APIs the tests used list their required params first anyway).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { complete } from './candidates.js';
import { FakeValueSource } from './testing.js';

const registry = loadRegistry();
/** Action APIs whose schema lists an optional param before a required one. */
const mixed = registry
  .apiNames()
  .map((n) => registry.api(n)!)
  .filter((a) => !a.query && a.params.some((p, i) => p.required && a.params.slice(0, i).some((q) => !q.required)));

describe('completion of params', () => {
  it('lists every required param before every optional one, whatever the schema order', async () => {
    expect(mixed.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...mixed), async (api) => {
        const c = await complete(`${api.name} `, api.name.length + 1, { registry, values: new FakeValueSource({}) });
        const params = c.candidates.filter((x) => x.group === 'param');
        const firstOptional = params.findIndex((x) => !x.required);
        const lastRequired = params.map((x) => x.required === true).lastIndexOf(true);
        expect(lastRequired).toBeGreaterThanOrEqual(0);
        if (firstOptional !== -1) expect(lastRequired, api.name).toBeLessThan(firstOptional);
      }),
      { numRuns: 100 },
    );
  });
});
