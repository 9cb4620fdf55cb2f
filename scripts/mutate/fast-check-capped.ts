// fast-check as the tests see it under Stryker (vitest.stryker.config.ts aliases 'fast-check' here):
// every property runs at most MAX_RUNS cases. A surviving mutant runs every test covering it, and on
// two cores the property tests' hundreds of cases made that 50 s per mutant; a property that only a
// rare case breaks is still run in full by `npx vitest run`.
import * as real from '../../node_modules/fast-check/lib/fast-check.js';

export * from '../../node_modules/fast-check/lib/fast-check.js';

const MAX_RUNS = 40;

type Params<Ts> = Parameters<typeof real.assert<Ts>>[1];

function cap<Ts>(params: Params<Ts>): Params<Ts> {
  return { ...params, numRuns: Math.min(params?.numRuns ?? 100, MAX_RUNS) };
}

export const assert: typeof real.assert = ((property: Parameters<typeof real.assert>[0], params?: Params<unknown>) =>
  real.assert(property, cap(params))) as typeof real.assert;

export default { ...real.default, assert };
