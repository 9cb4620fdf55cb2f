// Mutation testing of the pure core (npm run mutate; scripts/mutate/run.mjs runs it one module group
// at a time, each with its own incremental file, and prints the score table the README shows).
// Not part of CI: the whole run takes hours on two cores. Equivalent mutants that survive are listed
// in scripts/mutate/equivalent.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker/incremental.json',
  reporters: ['progress', 'clear-text', 'json', 'html'],
  jsonReporter: { fileName: 'reports/stryker/mutation.json' },
  htmlReporter: { fileName: 'reports/stryker/mutation.html' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: 'reports/stryker/tmp',
  cleanTempDir: 'always',
  // A mutant that loops (the lexer's and the parser's index steps) costs its timeout and a restart of
  // the test runner. Not less: the first run after a restart pays vitest's start and fast-check's
  // first binary string (about 6 s on a loaded machine), and 3 s made most mutants after a loop
  // time out too.
  timeoutMS: 8_000,
  timeoutFactor: 1.5,
  // The sandbox copy leaves out the reports (and the incremental files) and the build.
  ignorePatterns: ['reports', 'dist', 'bench/results.json'],
  // What is mutated is given per module group by scripts/mutate/run.mjs (test files, testing.ts
  // helpers and the generated registry data never are).
};
