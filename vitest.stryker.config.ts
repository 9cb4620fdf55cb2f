// The tests Stryker runs against each mutant (npm run mutate): the unit tests beside the code and the
// in-process simulator and planner tests. Left out: the pty end-to-end tests, the fault and integration
// tests (they run the built CLI in dist/, which no mutant reaches, and are timing-dependent), the
// simulator's heap and scale tests and its every-API sweep (tens of seconds each, and they cover no
// pure module that quicker tests do not).
//
// Properties run at most 40 cases each here (scripts/mutate/fast-check-capped.ts).
//
// Stryker runs one file after another and stops at the first failure, so the files are ordered to
// fail fast (FailFastSequencer); within each tier, one that failed before comes first, then the
// quicker ones.
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from '@vitest/runner';
import { BaseSequencer, type Reporter, type TestSpecification, type Vitest } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * How early a test file runs for a mutant in one of `mutated` (Stryker passes the mutated file as
 * the run's related file): its own `x.test.ts`, the other tests beside it, the other unit tests, the
 * planner's, the simulator's.
 */
function tier(file: string, mutated: readonly string[]): number {
  if (mutated.some((m) => file === m.replace(/\.ts$/, '.test.ts'))) return 0;
  if (mutated.some((m) => dirname(file) === dirname(m))) return 1;
  return file.startsWith('src/') ? 2 : file.startsWith('test/plan/') ? 3 : 4;
}

/** The test globs of the module group being mutated (`!glob` leaves a file out), from scripts/mutate/run.mjs. */
const GROUP_TESTS = process.env.MUTATE_TESTS ? (JSON.parse(process.env.MUTATE_TESTS) as string[]) : undefined;

class FailFastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const mutated = (this.ctx.config.related ?? []).map((f) => relative(root, f));
    const past = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(root, f.moduleId)}`);
    const rank = (f: TestSpecification): [number, number, number] => {
      const p = past(f);
      return [tier(relative(root, f.moduleId), mutated), p?.failed ? 0 : 1, p?.duration ?? 0];
    };
    return [...files].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
  }
}

/**
 * A mutant that makes a module throw while it loads (a table built at load time) fails the file's
 * import, so vitest collects no test from it, and Stryker would count the mutant as survived: that
 * file gets one failed test, `loads`, carrying the import error.
 */
class ImportFailures implements Reporter {
  private vitest?: Vitest;
  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }
  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      const loads: Partial<Test> = {
        type: 'test', id: `${file.id}_loads`, name: 'loads', mode: 'run', file, suite: file,
        result: { state: 'fail', errors: file.result.errors ?? [] }, meta: {},
      };
      file.tasks.push(loads as Test);
    }
  }
}

export default defineConfig({
  resolve: { alias: { 'fast-check': fileURLToPath(new URL('./scripts/mutate/fast-check-capped.ts', import.meta.url)) } },
  test: {
    ...base.test,
    // scripts/mutate/run.mjs narrows the tests per module group (its TESTS) through MUTATE_TESTS.
    include: GROUP_TESTS ? GROUP_TESTS.filter((g) => !g.startsWith('!')) : ['src/**/*.test.ts', 'test/sim/**/*.test.ts', 'test/plan/**/*.test.ts'],
    exclude: [
      'test/sim/hygiene.test.ts', 'test/sim/scale.test.ts', 'test/sim/coverage.test.ts', '**/node_modules/**',
      ...(GROUP_TESTS ?? []).filter((g) => g.startsWith('!')).map((g) => g.slice(1)),
    ],
    // One module cache for all the files of a run (the tests share no module state): 2-3 times faster.
    isolate: false,
    sequence: { sequencer: FailFastSequencer },
    reporters: [new ImportFailures()],
  },
});
