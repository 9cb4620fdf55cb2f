// 2. Completion latency: the engine in-process (warm, many runs) and its first call in a fresh
// process. (`zstack-cli __complete`, the process a shell's Tab runs: startup.mjs.)
import { runTimed } from './proc.mjs';
import { summarize } from './stats.mjs';

export const JOIN_LINE = 'QueryVmInstance zone.cluster.l2Network.l3Network.';
export const FUZZY_LINE = 'qvmins';

/** Times `fn` `runs` times after `warmup` calls, stopping early after `budgetMs` of timed work. */
async function timeCalls(fn, { runs, warmup, budgetMs }) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  let spent = 0;
  for (let i = 0; i < runs && spent < budgetMs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    samples.push(ms);
    spent += ms;
  }
  return samples;
}

export async function benchCompletion(ctx) {
  const { dist, env } = ctx;
  const { loadRegistry } = await import(`${dist}/schema/registry.js`);
  const { complete } = await import(`${dist}/complete/index.js`);

  const registry = loadRegistry();
  const apiCount = registry.apiNames().length;

  // The first call in a fresh process pays for the imports and the registry data read.
  const cold = {};
  for (const [key, line] of [
    ['joinPath', JOIN_LINE],
    ['fuzzyApi', FUZZY_LINE],
  ]) {
    const r = await runTimed(process.execPath, [new URL('./complete-cold.mjs', import.meta.url).pathname, dist, line], { env, capture: true, timeoutMs: 15_000 });
    cold[key] = r.code === 0 ? JSON.parse(r.stdout.trim()) : { error: r.stderr.trim().slice(0, 200) };
  }

  const inProcess = {};
  for (const [key, line] of [
    ['joinPath', JOIN_LINE],
    ['fuzzyApi', FUZZY_LINE],
  ]) {
    const first = await complete(line, line.length, { registry });
    const samples = await timeCalls(() => complete(line, line.length, { registry }), { runs: 2000, warmup: 200, budgetMs: 10_000 });
    inProcess[key] = { line, candidates: first.candidates.length, sample: first.candidates.slice(0, 3).map((c) => c.value), ...summarize(samples) };
  }

  return { apiCount, cold, inProcess };
}
