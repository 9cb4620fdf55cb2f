// 2. Completion latency: the engine in-process (warm, many runs) and through the hidden
// `zstack-cli __complete -- "<line>"` command (a cold process per run, as a shell's Tab would).
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
  const { dist, cli, env, runs } = ctx;
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

  // The process path: only when this build has the hidden command.
  // A shell passes its whole line left of the cursor, program name included.
  const shellLine = `zstack-cli ${JOIN_LINE}`;
  const probe = await runTimed(process.execPath, [cli, '__complete', '--', shellLine], { env, capture: true, timeoutMs: 15_000 });
  let processStats;
  if (probe.code === 0 && probe.stdout.trim() !== '') {
    const lines = probe.stdout.trim().split('\n');
    const samples = [];
    for (let i = 0; i < runs + 2; i++) {
      const r = await runTimed(process.execPath, [cli, '__complete', '--', shellLine], { env, timeoutMs: 15_000 });
      if (r.code !== 0) throw new Error(`__complete failed: ${r.stderr}`);
      if (i >= 2) samples.push(r.ms);
    }
    processStats = { available: true, line: JOIN_LINE, candidates: lines.length, sample: lines.slice(0, 3), ...summarize(samples) };
  } else {
    processStats = { available: false, why: `this build has no working __complete (exit ${probe.code}: ${probe.stderr.trim().split('\n')[0] ?? ''}); merge main and rebuild` };
  }

  return { apiCount, cold, inProcess, process: processStats };
}
