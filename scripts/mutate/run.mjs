// `npm run mutate [-- group ...] [--concurrency N] [--force]`: Stryker over the pure core, one module
// group at a time (the groups below), each with its own incremental file under reports/stryker/, so a
// re-run after a change tests only the mutants that change touched, and running one group keeps the
// others' results. Prints the score table (the README's) from the last run of every group and keeps
// it in reports/stryker/scores.json. The mutants, test files and Stryker options are in
// stryker.config.mjs and vitest.stryker.config.ts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Stryker } from '@stryker-mutator/core';

/** Module groups: name, what is mutated. */
export const GROUPS = {
  parse: ['src/parse/**/*.ts'],
  plan: ['src/plan/**/*.ts'],
  schema: ['src/schema/**/*.ts'],
  complete: ['src/complete/**/*.ts'],
  render: ['src/render/**/*.ts'],
  'repl history': ['src/repl/history.ts'],
  config: ['src/config/**/*.ts'],
  'sim query engine': ['src/sim/query/**/*.ts'],
  'sim VM state rules': ['src/sim/api/vm-states.ts'],
};
/**
 * The tests run against each group's mutants: the tests beside the code and the nearest layer that
 * exercises it. On two cores the whole in-process suite costs 30-60 s per surviving mutant (its
 * property tests cover every pure module), which put one group at two hours and more; the score is
 * therefore a lower bound (a mutant only a farther test catches counts as survived). A group not
 * listed runs every test of vitest.stryker.config.ts. The hostile-input tests (100k-character lines,
 * bounded work) are left out: under Stryker's instrumentation each takes seconds for every mutant.
 */
export const TESTS = {
  parse: ['src/parse/*.test.ts', '!src/parse/hostile-input.test.ts', 'src/commands/line-options.test.ts', 'src/cli/result-history.test.ts'],
  plan: ['src/plan/*.test.ts', '!src/plan/hostile-input.test.ts', 'test/plan/**/*.test.ts'],
  schema: ['src/schema/**/*.test.ts', 'src/plan/planner.test.ts'],
  'repl history': ['src/repl/history.test.ts', 'src/repl/repl.test.ts'],
  render: ['src/render/*.test.ts'],
  'sim query engine': ['src/sim/query/**/*.test.ts', 'test/sim/query.test.ts', 'test/sim/engine.test.ts', 'test/sim/node.test.ts', 'test/sim/schema.test.ts', 'test/sim/row-cache-fresh.test.ts', 'test/sim/big-answer.test.ts', 'src/sim/store/links.test.ts', 'src/sim/http/stream.test.ts'],
};
const NOT_MUTATED = ['!src/**/*.test.ts', '!src/**/testing.ts'];
const DIR = 'reports/stryker';
const SCORES = `${DIR}/scores.json`;

const slug = (name) => name.replace(/\W+/g, '-');

/** Stryker's mutation score: detected (killed or timed out) over all that ran or had no test. */
export function score(results) {
  const count = (...s) => results.filter((r) => s.includes(r.status)).length;
  const detected = count('Killed', 'Timeout');
  const undetected = count('Survived', 'NoCoverage');
  return {
    mutants: detected + undetected,
    killed: detected,
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    errors: count('CompileError', 'RuntimeError'),
    score: detected + undetected ? Math.round((1000 * detected) / (detected + undetected)) / 10 : 100,
  };
}

function parseArgs(argv) {
  const groups = [];
  const extra = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') extra.force = true;
    else if (a === '--concurrency') extra.concurrency = Number(argv[++i]);
    else if (a in GROUPS) groups.push(a);
    else throw new Error(`unknown argument ${a}; groups: ${Object.keys(GROUPS).map((g) => JSON.stringify(g)).join(', ')}`);
  }
  return { groups: groups.length ? groups : Object.keys(GROUPS), extra };
}

function readScores() {
  try {
    return JSON.parse(readFileSync(SCORES, 'utf8'));
  } catch {
    return {};
  }
}

export function table(scores) {
  const lines = ['| module group | mutants | killed | survived | no coverage | score |', '| --- | --- | --- | --- | --- | --- |'];
  for (const name of Object.keys(GROUPS)) {
    const s = scores[name];
    if (!s) continue;
    lines.push(`| ${name} | ${s.mutants} | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${s.score.toFixed(1)}% |`);
  }
  return lines.join('\n');
}

async function main() {
  const { groups, extra } = parseArgs(process.argv.slice(2));
  mkdirSync(DIR, { recursive: true });
  for (const name of groups) {
    const file = `${DIR}/${slug(name)}`;
    process.stdout.write(`\n== ${name} ==\n`);
    // Read by vitest.stryker.config.ts in Stryker's test runner processes, which inherit the environment.
    if (TESTS[name]) process.env.MUTATE_TESTS = JSON.stringify(TESTS[name]);
    else delete process.env.MUTATE_TESTS;
    const results = await new Stryker({
      ...extra,
      mutate: [...GROUPS[name], ...NOT_MUTATED],
      incrementalFile: `${file}.incremental.json`,
      jsonReporter: { fileName: `${file}.json` },
      htmlReporter: { fileName: `${file}.html` },
    }).runMutationTest();
    const scores = readScores();
    scores[name] = { ...score(results), at: new Date().toISOString() };
    writeFileSync(SCORES, `${JSON.stringify(scores, null, 2)}\n`);
  }
  process.stdout.write(`\n${table(readScores())}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
