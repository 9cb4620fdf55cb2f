#!/usr/bin/env node
// Where `node bin/zstack-cli.js` spends its start-up, for whoever trims it (not part of `npm run bench`):
//   A. import cost of parts of the module graph, each in a fresh process;
//   B. whole one-shot runs against an in-process simulator, as shipped and in variants built from a
//      throwaway copy of dist/ (the experiments behind the shipped node:http transport and the
//      __complete fast path are kept, so a regression shows as a gap between the rows).
// Needs `npm run build`. Usage: node bench/startup.mjs [--runs=N]   (about 1 minute)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runTimed } from './lib/proc.mjs';
import { fmtMs, summarize } from './lib/stats.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'cli', 'main.js'))) {
  console.error('startup: dist/ is missing. Run: npm run build');
  process.exit(1);
}
const runs = Math.max(3, Math.min(50, Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 11)));
const node = process.execPath;
const tmp = mkdtempSync(join(tmpdir(), 'zstack-startup-'));
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ZSTACK_')));
Object.assign(env, { ZSTACK_CLI_HOME: join(tmp, 'home'), NO_COLOR: '1' });
mkdirSync(env.ZSTACK_CLI_HOME);

// Variants live inside the repository so bare imports (commander, undici) resolve as for dist/.
const work = join(root, 'bench', '.startup-tmp');
rmSync(work, { recursive: true, force: true });
const variant = (name, { exitAtOnce = false, httpTransport = false, lazySim = false }) => {
  const dir = join(work, name);
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'bin'));
  let bin = readFileSync(join(root, 'bin', 'zstack-cli.js'), 'utf8');
  if (exitAtOnce) {
    const before = bin;
    bin = bin.replace(
      /process\.exitCode = await main\(([^;]*)\);/,
      'const code = await main($1);\nprocess.stdout.write(\'\', () => process.exit(code));',
    );
    if (bin === before) throw new Error('bin/zstack-cli.js changed shape; update the exit-at-once variant');
  }
  writeFileSync(join(dir, 'bin', 'zstack-cli.js'), bin);
  if (httpTransport) {
    const file = join(dir, 'dist', 'execute', 'transport.js');
    const shim = pathToFileURL(fileURLToPath(new URL('./lib/undici-http-shim.mjs', import.meta.url))).href;
    const text = readFileSync(file, 'utf8');
    if (!text.includes("import('undici')")) throw new Error('dist/execute/transport.js no longer imports undici lazily; update the node:http variant');
    writeFileSync(file, text.replace("import('undici')", `import(${JSON.stringify(shim)})`));
  }
  if (lazySim) {
    // The simulator front ends (`sim`, --sim) imported only when used.
    const file = join(dir, 'dist', 'cli', 'main.js');
    let text = readFileSync(file, 'utf8');
    const edits = [
      ["import { runSimCommand, startEmbeddedSim } from './sim-command.js';\n", ''],
      ['await startEmbeddedSim()', "await (await import('./sim-command.js')).startEmbeddedSim()"],
      ['await runSimCommand(', "await (await import('./sim-command.js')).runSimCommand("],
    ];
    for (const [from, to] of edits) {
      if (!text.includes(from)) throw new Error(`dist/cli/main.js changed shape (no ${JSON.stringify(from)}); update the lazy variant`);
      text = text.replace(from, to);
    }
    writeFileSync(file, text);
  }
  return join(dir, 'bin', 'zstack-cli.js');
};

/** The CLI as one esbuild bundle (esbuild comes with tsx in node_modules), or undefined without esbuild. */
const bundleVariant = (name, { httpTransport = false } = {}) => {
  const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
  if (!existsSync(esbuild)) return undefined;
  const dir = join(work, name, 'bin');
  const out = join(dir, 'zstack-cli.js');
  const shim = fileURLToPath(new URL('./lib/undici-http-shim.mjs', import.meta.url));
  const r = spawnSync(esbuild, [
    join(root, 'bin', 'zstack-cli.js'), '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${out}`, '--log-level=error',
    "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    ...(httpTransport ? [`--alias:undici=${shim}`] : []),
  ], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`esbuild failed: ${r.stderr}`);
  // The registry reads its data beside the module.
  cpSync(join(dist, 'schema', 'data'), join(dir, 'data'), { recursive: true });
  return out;
};

/** Runs every case once per round, `runs` rounds after one warm-up, so load drift hits all alike. */
const interleaved = async (cases) => {
  const samples = cases.map(() => []);
  for (let round = 0; round <= runs; round++) {
    for (const [i, c] of cases.entries()) {
      const r = await runTimed(c.cmd, c.args, { env, cwd: root, capture: true, timeoutMs: 30_000 });
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

const d = (p) => pathToFileURL(join(dist, p)).href;
const lines = [];
const out = (what, s) => lines.push(`${what.padEnd(64)} ${fmtMs(s.median).padStart(8)}  (min ${fmtMs(s.min)}, p90 ${fmtMs(s.p90)})`);
const { startSimulator } = await import(d('sim/index.js'));
const sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
try {
  console.error(`startup: ${runs} runs each, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const shipped = join(root, 'bin', 'zstack-cli.js');
  const exitAtOnce = variant('exit', { exitAtOnce: true });
  const viaHttp = variant('http', { httpTransport: true });
  const lazy = variant('lazy', { lazySim: true });
  const bundled = bundleVariant('bundle');
  const bundledHttp = bundleVariant('bundle-http', { httpTransport: true });
  lines.push('A. import cost in a fresh process (median, min, p90)');
  const a = await interleaved([
    importCase('  dist/cli/main.js (the whole eager graph)', [d('cli/main.js')]),
    importCase('  dist/cli/main.js, simulator front end imported lazily', [pathToFileURL(join(dirname(dirname(lazy)), 'dist', 'cli', 'main.js')).href]),
    importCase('  dist/cli/shell.js alone (repl, complete, fuzzysort; lazy already)', [d('cli/shell.js')]),
    importCase('  dist/cli/sim-command.js alone', [d('cli/sim-command.js')]),
    importCase('  dist/render/index.js alone (chalk, all five formats)', [d('render/index.js')]),
    importCase('  commander alone', ['commander']),
    importCase('  undici alone (imported on the first request)', ['undici']),
    importCase('  node:http alone', ['node:http']),
  ]);
  for (const r of a) out(r.what, r);
  const port = String(sim.port);
  const login = await runTimed(node, [join(root, 'bin', 'zstack-cli.js'), '--host', '127.0.0.1', '--port', port, 'LogInByAccount', 'accountName=admin', 'password=password'], { env });
  if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
  const q = ['--host', '127.0.0.1', '--port', port, 'QueryVmInstance', 'name=x'];
  lines.push('B. whole process, spawn to exit (median, min, p90)');
  const b = await interleaved([
    { what: '  node -e 0', cmd: node, args: ['-e', '0'] },
    { what: '  zstack-cli --version', cmd: node, args: [shipped, '--version'] },
    { what: '  zstack-cli --dry-run QueryVmInstance name=x (no request)', cmd: node, args: [shipped, '--dry-run', ...q.slice(4)] },
    { what: '  zstack-cli QueryVmInstance name=x (as shipped: node:http transport)', cmd: node, args: [shipped, ...q] },
    { what: '  ... bin exits at once when main returns', cmd: node, args: [exitAtOnce, ...q] },
    { what: '  ... simulator front end imported lazily', cmd: node, args: [lazy, ...q] },
    { what: '  ... with undici shimmed to node:http (equal to shipped unless one-shot loads undici again)', cmd: node, args: [viaHttp, ...q] },
    ...(bundled
      ? [
          { what: '  ... one esbuild bundle (undici inside)', cmd: node, args: [bundled, ...q] },
          { what: '  ... one esbuild bundle, node:http transport', cmd: node, args: [bundledHttp, ...q] },
          { what: '  zstack-cli --dry-run ..., one esbuild bundle', cmd: node, args: [bundled, '--dry-run', ...q.slice(4)] },
        ]
      : []),
  ]);
  if (!bundled) lines.push('  (no node_modules/.bin/esbuild: bundle variants skipped)');
  for (const r of b) out(r.what, r);

  // __complete: as shipped (commander + the whole main graph), and a fast path in bin that goes
  // straight to complete-command.js when argv[2] is __complete (experiment written here).
  const fastDir = join(work, 'fast-complete', 'bin');
  mkdirSync(fastDir, { recursive: true });
  const fast = join(fastDir, 'zstack-cli.js');
  writeFileSync(
    fast,
    `if (process.argv[2] === '__complete') {
  const { completionLines } = await import(${JSON.stringify(d('cli/complete-command.js'))});
  const line = process.argv.slice(process.argv.indexOf('--') + 1).join(' ');
  const openApp = async () => {
    const [{ App }, { systemIO }] = await Promise.all([import(${JSON.stringify(d('cli/app.js'))}), import(${JSON.stringify(d('cli/system.js'))})]);
    return App.create(systemIO(), {});
  };
  const out = await completionLines(line, openApp);
  process.stdout.write(out.length ? out.join('\\n') + '\\n' : '');
}
`,
  );
  const cline = 'zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network.'; // a shell passes its whole line
  lines.push('C. zstack-cli __complete -- "zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network." (median, min, p90)');
  const c = await interleaved([
    { what: '  node -e 0', cmd: node, args: ['-e', '0'] },
    { what: '  as shipped (bin fast path)', cmd: node, args: [shipped, '__complete', '--', cline] },
    { what: '  the original fast-path experiment (equal to shipped)', cmd: node, args: [fast, '__complete', '--', cline] },
  ]);
  for (const r of c) out(r.what, r);
} finally {
  await sim.close();
  rmSync(work, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
}
console.log(lines.join('\n'));
