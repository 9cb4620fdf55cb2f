#!/usr/bin/env node
// Where `node bin/zstack-cli.js` spends its start-up, for whoever trims it (not part of `npm run bench`,
// whose section 1 judges the targets):
//   A. import cost of parts of the module graph (dist/ ES modules), each in a fresh process;
//   B. whole processes: the shipped entry (bundle + V8 code cache), the same without the code cache
//      (what a first run pays), and the ES modules of dist/ imported as the entry did before the
//      bundles, next to `node -e 0` and an empty CommonJS script (what any script costs Node).
// Needs `npm run build`. Usage: node bench/startup.mjs [--runs=N]   (about 1-2 minutes)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMPLETE_LINE, withoutNodeStartVars } from './lib/startup.mjs';
import { runTimed } from './lib/proc.mjs';
import { fmtMs, summarize } from './lib/stats.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'cli', 'main.js')) || !existsSync(join(dist, 'zstack-cli.cjs'))) {
  console.error('startup: dist/ is missing. Run: npm run build');
  process.exit(1);
}
const runs = Math.max(3, Math.min(50, Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 11)));
const node = process.execPath;
const tmp = mkdtempSync(join(tmpdir(), 'zstack-startup-'));
const env = Object.fromEntries(Object.entries(withoutNodeStartVars(process.env)).filter(([k]) => !k.startsWith('ZSTACK_')));
Object.assign(env, { ZSTACK_CLI_HOME: join(tmp, 'home'), XDG_CACHE_HOME: join(tmp, 'cache'), NO_COLOR: '1' });
mkdirSync(env.ZSTACK_CLI_HOME);
const noCache = { ...env, ZSTACK_CLI_NO_CODE_CACHE: '1' };

// Inside the repository, so bare imports (commander, undici) resolve as for dist/.
const work = join(root, 'bench', '.startup-tmp');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const d = (p) => pathToFileURL(join(dist, p)).href;
/** The entry as it was before the bundles: dist/'s ES modules, imported one by one. */
const esmBin = join(work, 'esm-entry.mjs');
writeFileSync(
  esmBin,
  `import { startSystem } from ${JSON.stringify(d('cli/system.js'))};
const run = startSystem();
if (process.argv[2] === '__complete') {
  const { runComplete } = await import(${JSON.stringify(d('cli/complete-command.js'))});
  process.exitCode = await runComplete(run.io, process.argv.slice(3));
} else {
  const { main } = await import(${JSON.stringify(d('cli/main.js'))});
  process.exitCode = await main(run.io, { signal: run.interrupt, terminate: run.terminate });
}
`,
);
const emptyScript = join(work, 'empty.cjs');
writeFileSync(emptyScript, '');

/** Runs every case once per round, `runs` rounds after one warm-up, so load drift hits all alike. */
const interleaved = async (cases) => {
  const samples = cases.map(() => []);
  for (let round = 0; round <= runs; round++) {
    for (const [i, c] of cases.entries()) {
      const r = await runTimed(c.cmd, c.args, { env: c.env ?? env, cwd: root, capture: true, timeoutMs: 30_000 });
      if (r.code !== 0) throw new Error(`${c.cmd} ${c.args.join(' ')}: exit ${r.code} ${r.stderr.slice(0, 300)}`);
      if (round > 0) samples[i].push(c.inner ? Number(r.stdout.trim()) : r.ms);
    }
  }
  return cases.map((c, i) => ({ what: c.what, ...summarize(samples[i]) }));
};
const importCase = (what, specs) => ({
  what,
  cmd: node,
  args: ['--input-type=module', '-e', `const t = process.hrtime.bigint(); ${specs.map((s) => `await import(${JSON.stringify(s)});`).join(' ')} console.log(Number(process.hrtime.bigint() - t) / 1e6);`],
  inner: true,
});

const lines = [];
const out = (what, s) => lines.push(`${what.padEnd(72)} ${fmtMs(s.median).padStart(8)}  (min ${fmtMs(s.min)}, p90 ${fmtMs(s.p90)})`);
const { startSimulator } = await import(d('sim/index.js'));
const sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
try {
  console.error(`startup: ${runs} runs each, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const shipped = join(root, 'bin', 'zstack-cli.js');
  lines.push('A. import cost of dist/ ES modules in a fresh process (median, min, p90)');
  const a = await interleaved([
    importCase('  dist/cli/main.js (the eager graph of every one-shot command)', [d('cli/main.js')]),
    importCase('  dist/cli/complete-command.js (__complete)', [d('cli/complete-command.js')]),
    importCase('  dist/cli/shell.js alone (repl, complete, fuzzysort; lazy already)', [d('cli/shell.js')]),
    importCase('  dist/cli/sim-command.js + dist/sim/index.js', [d('cli/sim-command.js'), d('sim/index.js')]),
    importCase('  dist/render/index.js alone (chalk, all five formats)', [d('render/index.js')]),
    importCase('  commander alone', ['commander']),
    importCase('  undici alone (the shell imports it on its first request)', ['undici']),
    importCase('  node:http alone', ['node:http']),
  ]);
  for (const r of a) out(r.what, r);
  const server = ['--host', '127.0.0.1', '--port', String(sim.port)];
  const login = await runTimed(node, [shipped, ...server, 'LogInByAccount', 'accountName=admin', 'password=password'], { env });
  if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
  const dry = [...server, '--dry-run', 'QueryVmInstance', 'name=x'];
  const query = [...server, 'QueryVmInstance', 'name=x'];
  const complete = ['__complete', '--', COMPLETE_LINE];
  lines.push('B. whole process, spawn to exit (median, min, p90); shipped = bundle + code cache, no cache = a first run, ESM = dist/ modules (the entry before the bundles)');
  const b = await interleaved([
    { what: '  node -e 0', cmd: node, args: ['-e', '0'] },
    { what: '  node empty.cjs (any script)', cmd: node, args: [emptyScript] },
    { what: '  --version, shipped', cmd: node, args: [shipped, '--version'] },
    { what: '  --dry-run QueryVmInstance name=x, shipped', cmd: node, args: [shipped, ...dry] },
    { what: '  --dry-run ..., no cache', cmd: node, args: [shipped, ...dry], env: noCache },
    { what: '  --dry-run ..., ESM', cmd: node, args: [esmBin, ...dry] },
    { what: '  QueryVmInstance name=x, shipped', cmd: node, args: [shipped, ...query] },
    { what: '  QueryVmInstance name=x, ESM', cmd: node, args: [esmBin, ...query] },
    { what: `  __complete -- "${COMPLETE_LINE}", shipped`, cmd: node, args: [shipped, ...complete] },
    { what: '  __complete ..., no cache', cmd: node, args: [shipped, ...complete], env: noCache },
    { what: '  __complete ..., ESM', cmd: node, args: [esmBin, ...complete] },
  ]);
  for (const r of b) out(r.what, r);
} finally {
  await sim.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
}
console.log(lines.join('\n'));
