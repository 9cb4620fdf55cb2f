#!/usr/bin/env node
// `npm run bench`: zstack-cli's performance figures against its own simulator, on 127.0.0.1 only.
//   1. start-up of short-lived processes vs `node -e 0` and curl (targets as ratios to those floors)
//   2. completion latency (in-process)
//   3. job finished on the server -> client returns     4. big results: one 10k / 100k-row answer,
//      --all paging vs curl, and the client's memory at 10k / 100k / 1M rows: time, peak RSS
//   5. @name references: requests per line and lookup time
// Prints a table with targets and writes bench/results.json. Needs `npm run build` first (imports
// ../dist). Timing is done here with child_process + hrtime; hyperfine is never needed. curl is
// used for the floors when present (skipped, and said so, when not). Bounded: every child has a
// timeout, every loop a count; about 2-3 minutes in all.
//
// Options: --quick (fewer runs, no 100k-row answer, no 1M rows)  --only=oneshot,completion,jobs,rows,names  --runs=N
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const distDir = join(root, 'dist');
const cli = join(root, 'bin', 'zstack-cli.js');

if (!existsSync(join(distDir, 'cli', 'main.js')) || !existsSync(join(distDir, 'sim', 'index.js')) || !existsSync(join(distDir, 'zstack-cli.cjs'))) {
  console.error('bench: dist/ is missing or incomplete. Build first:\n\n  npm run build && npm run bench\n');
  process.exit(1);
}

const { benchOneShot } = await import('./lib/oneshot.mjs');
const { benchStartup, startupRows } = await import('./lib/startup.mjs');
const { benchCompletion } = await import('./lib/completion.mjs');
const { benchJobs } = await import('./lib/jobs.mjs');
const { benchRows, reportRows, SCALE } = await import('./lib/rows.mjs');
const { benchReferences, reportReferences } = await import('./lib/references.mjs');
const { hasCommand, runTimed } = await import('./lib/proc.mjs');
const { fmtMB, fmtMs } = await import('./lib/stats.mjs');
const { Control } = await import('./lib/control.mjs');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const only = new Set((value('only') ?? 'oneshot,completion,jobs,rows,names').split(','));
const runs = Math.max(3, Math.min(100, Number(value('runs') ?? (quick ? 5 : 15))));
const JOB_DELAY_MS = 10;

const bench = {
  started: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAvgStart: loadavg().map((l) => Number(l.toFixed(2))),
    hyperfine: hasCommand('hyperfine') ? 'installed, not used (timing is done in Node)' : 'not installed, not needed (timing is done in Node)',
    curl: hasCommand('curl'),
  },
  options: { runs, quick, only: [...only] },
};
const haveCurl = bench.machine.curl;

const tmp = mkdtempSync(join(tmpdir(), 'zstack-bench-'));
const home = join(tmp, 'home');
mkdirSync(home);
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ZSTACK_')));
Object.assign(env, { ZSTACK_CLI_HOME: home, NO_COLOR: '1' });
const dist = pathToFileURL(distDir).href;

const log = (s) => process.stderr.write(`bench: ${s}\n`);
log(`${bench.machine.cores} cores, node ${process.version}, load ${bench.machine.loadAvgStart.join(' ')}; ${runs} runs per one-shot case${haveCurl ? '' : '; curl not found, curl floors skipped'}`);

const { startSimulator } = await import(`${dist}/sim/index.js`);
const sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: JOB_DELAY_MS });
const t0 = Date.now();
try {
  const login = await runTimed(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(sim.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { env });
  if (login.code !== 0) throw new Error(`cannot log in with the CLI: ${login.stderr}`);
  const curlText = await runTimed(process.execPath, [cli, '--host', '127.0.0.1', '--port', String(sim.port), '--curl', '--show-secrets', 'QueryVmInstance', 'name=x'], { env, capture: true });
  const session = /OAuth ([0-9a-f]{32})/.exec(curlText.stdout)?.[1];
  if (!session) throw new Error(`no session uuid in the CLI's --curl output: ${curlText.stdout}`);
  const ctx = { root, cli, dist, env, tmp, host: '127.0.0.1', port: sim.port, session, control: new Control(sim.url, session), runs, warmup: 2, haveCurl };

  if (only.has('oneshot')) {
    log('1/4 start-up of short-lived processes');
    bench.startup = await benchStartup(ctx);
    bench.oneShot = { jobDelayMs: JOB_DELAY_MS, ...(await benchOneShot(ctx)) };
  }
  if (only.has('completion')) {
    log('2/4 completion latency');
    bench.completion = await benchCompletion(ctx);
  }
  if (only.has('jobs')) {
    log('3/4 job completion -> client return (polling, webhook)');
    bench.jobs = await benchJobs({ ...ctx, runsPerMode: quick ? 2 : 3 });
  }
  if (only.has('names')) {
    log('5. @name references: requests per line, lookup time');
    bench.references = await benchReferences(ctx);
  }
} finally {
  await sim.close();
}
try {
  if (only.has('rows')) {
    const sizes = quick ? [10_000] : [10_000, SCALE];
    log(`4/4 big queries (${sizes.join(', ')} rows; seeding scale:${SCALE} takes a few seconds)`);
    bench.rows = await benchRows({ cli, dist, env, tmp, haveCurl, sizes, runsFor: (n) => (n >= SCALE ? 1 : 3), pagingRuns: quick ? 1 : 3, scaleSizes: quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000] });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
bench.machine.loadAvgEnd = loadavg().map((l) => Number(l.toFixed(2)));
bench.totalSeconds = Math.round((Date.now() - t0) / 1000);

writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(bench, null, 2)}\n`);
console.log(report(bench));

// ---------------------------------------------------------------------------------------------

function report(b) {
  const rows = [];
  const row = (what, figure, target = '', met = '') => rows.push([what, figure, target, met]);
  const yes = (ok) => (ok ? 'yes' : 'NO');
  const notes = [];

  if (b.startup) {
    const su = b.startup;
    rows.push(...startupRows(su, fmtMs));
    notes.push(`1: ${su.method}.`);
    for (const w of su.skipped) notes.push(`1: target not measured: ${w}`);
    if (su.shell?.unavailable) notes.push(`1: shell start not measured (no @lydell/node-pty: ${su.shell.unavailable})`);
    for (const f of su.failures) notes.push(`1: FAILED RUN ${f}`);
  }
  if (b.oneShot) {
    const s = b.oneShot.stats;
    const mp = (x) => `${fmtMs(x.median)} (p90 ${fmtMs(x.p90)})`;
    if (s.curlStart) row('   curl PUT + poll StartVmInstance (network + server floor)', mp(s.curlStart));
    const ts = b.oneShot.targets.start;
    if (Number.isFinite(ts.limitMs)) {
      const floor = ts.limitMs / 1.5;
      row(`   zstack-cli StartVmInstance (job ${b.oneShot.jobDelayMs} ms)`, `${fmtMs(ts.actualMs)}, floor ${fmtMs(floor)}`, '<= 1.5 x (node -e 0 + curl)', `${yes(ts.actualMs <= ts.limitMs)}, ${(ts.actualMs / floor).toFixed(2)}x`);
    } else row(`   zstack-cli StartVmInstance (job ${b.oneShot.jobDelayMs} ms)`, mp(s.cliStart), 'n/a (no curl)', '');
    notes.push(`1: StartVmInstance: its floor is median node -e 0 (${fmtMs(s.nodeFloor.median)}) + median curl PUT + poll, in rounds of its own; ${b.oneShot.method}.`);
    for (const f of b.oneShot.failures) notes.push(`1: FAILED RUN ${f}`);
  }
  if (b.completion) {
    const c = b.completion;
    const pp = (x) => `p50 ${fmtMs(x.median)}, p95 ${fmtMs(x.p95)}`;
    row(`2. complete '${c.inProcess.joinPath.line}' (warm)`, pp(c.inProcess.joinPath), 'p95 < 5 ms', yes(c.inProcess.joinPath.p95 < 5));
    row(`   complete '${c.inProcess.fuzzyApi.line}' over ${c.apiCount} APIs (warm)`, pp(c.inProcess.fuzzyApi), 'p95 < 5 ms', yes(c.inProcess.fuzzyApi.p95 < 5));
    const cj = c.cold.joinPath;
    if (cj && cj.firstCallMs !== undefined) row('   first call in a fresh process (join path)', `${fmtMs(cj.firstCallMs)} (+ ${fmtMs(cj.importMs)} import)`);
    notes.push(`2: ${c.inProcess.joinPath.n} + ${c.inProcess.fuzzyApi.n} warm calls after 200 warm-up each; candidates: ${c.inProcess.joinPath.candidates} (${c.inProcess.joinPath.sample.join(', ')}...), ${c.inProcess.fuzzyApi.candidates} (${c.inProcess.fuzzyApi.sample.join(', ')}...). The __complete process: section 1.`);
  }
  if (b.jobs) {
    const j = b.jobs;
    const per = j.perDelay.map((d) => `${d.delayMs}:${fmtMs(d.polling.median)}`).join(' ');
    const okUpTo = j.perDelay.filter((d) => d.polling.max < 100).map((d) => d.delayMs);
    const allOk = okUpTo.length === j.perDelay.length;
    const partly = okUpTo.length ? ` (ok for ${okUpTo.join(', ')} ms jobs)` : '';
    row('3. job done -> client returns, polling', `max ${fmtMs(j.polling.max)}, p50 ${fmtMs(j.polling.median)}`, '< 100 ms', allOk ? 'yes' : `NO${partly}`);
    row('   by job length (ms: lag)', per);
    row('   webhook', `max ${fmtMs(j.webhook.max)}, p50 ${fmtMs(j.webhook.median)}`, '< 100 ms', yes(j.webhook.max < 100));
    row(`   what if polling were capped at ${j.whatIfCapMs} ms`, `max ${fmtMs(j.pollingCapped.max)}, p50 ${fmtMs(j.pollingCapped.median)}`, '< 100 ms', yes(j.pollingCapped.max < 100));
    notes.push(`3: ${j.method}. Polling backoff ${j.backoff.initialMs} ms x${j.backoff.factor}, capped at ${j.backoff.youngCapMs} ms for a job's first ${j.backoff.youngForMs / 1000} s, then at ${j.backoff.maxMs} ms; the polling lag is at most the poll interval in effect when the job ends, plus a round trip: ${j.perDelay.map((d) => `${d.delayMs}:${d.pollIntervalMs.toFixed(0)}`).join(' ')} ms.`);
  }
  if (b.rows) reportRows(b.rows, row, notes);
  if (b.references) reportReferences(b.references, row, notes);

  const m = b.machine;
  const head = ['what', 'figure', 'target', 'met?'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [
    `zstack-cli bench: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, node ${m.node}, ${m.platform}`,
    `load average ${m.loadAvgStart.join(' ')} at start, ${m.loadAvgEnd.join(' ')} at end; hyperfine ${m.hyperfine}; curl ${m.curl ? 'yes' : 'not found'}; ${b.totalSeconds} s`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...notes,
    '',
    'Raw figures: bench/results.json',
  ].join('\n');
}
