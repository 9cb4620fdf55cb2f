// 1. Start-up of short-lived processes (issue #14): each from spawn to exit, next to the floors it
// is judged against, all measured in the same rounds so the machine's load hits every case alike:
//   `node -e 0` (the runtime), curl of the same request (the network and the server).
// Targets: a one-shot query <= 1.5 x (node + curl); --dry-run <= 1.5 x node; __complete (one Tab in
// bash or zsh) <= 1.3 x node. Also, as figures: --version, a dry-run without the code cache (what
// the very first run pays), and the interactive shell from spawn to its first prompt (in a pty).
// Each target runs right after its floors; its ratio is the median over rounds of target / floors.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed } from './proc.mjs';
import { summarize } from './stats.mjs';

/** Environment variables that change what Node itself does before any script runs. */
export const NODE_START_VARS = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'];

export function withoutNodeStartVars(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !NODE_START_VARS.includes(k)));
}

export const COMPLETE_LINE = 'zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network.';

/** The targets: case key, its limit, and the floors it is compared with. */
export const STARTUP_TARGETS = [
  { key: 'query', what: 'zstack-cli QueryVmInstance name=x', limit: 1.5, floors: ['node', 'curl'] },
  { key: 'dryRun', what: 'zstack-cli --dry-run QueryVmInstance name=x', limit: 1.5, floors: ['node'] },
  { key: 'complete', what: `zstack-cli __complete -- "${COMPLETE_LINE}"`, limit: 1.3, floors: ['node'] },
];

/** Spawn to first prompt of the shell in a pseudo-terminal (node-pty, a devDependency); then Ctrl-D. */
async function shellToPrompt(pty, cli, args, env, timeoutMs = 15_000) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const p = pty.spawn(process.execPath, [cli, ...args], { name: 'xterm-256color', cols: 120, rows: 30, env });
    let out = '';
    let ms;
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      resolve({ ms: NaN, error: `no prompt within ${timeoutMs} ms: ${JSON.stringify(out.slice(-300))}` });
    }, timeoutMs);
    p.onData((d) => {
      out += d;
      if (ms === undefined && out.includes('>>> ')) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        p.write('\x04');
      }
    });
    p.onExit(({ exitCode }) => {
      clearTimeout(timer);
      resolve(ms === undefined ? { ms: NaN, error: `exit ${exitCode} before a prompt: ${JSON.stringify(out.slice(-300))}` } : { ms, exitCode });
    });
  });
}

async function loadPty() {
  try {
    return await import('@lydell/node-pty');
  } catch (e) {
    return { unavailable: e.message };
  }
}

export async function benchStartup(ctx) {
  const { cli, env: baseEnv, host, port, session, runs, warmup, haveCurl, tmp } = ctx;
  const node = process.execPath;
  // A cache directory of the benchmark's own: the warm-up runs write the code caches.
  const xdg = join(tmp, 'xdg-cache');
  mkdirSync(xdg, { recursive: true });
  const env = { ...baseEnv, XDG_CACHE_HOME: xdg };
  const server = ['--host', host, '--port', String(port)];
  const pty = await loadPty();

  const makeCases = (env) => ({
    node: { label: 'node -e 0', run: () => runTimed(node, ['-e', '0'], { env }) },
    version: { label: 'zstack-cli --version', run: () => runTimed(node, [cli, '--version'], { env }) },
    dryRun: { label: 'zstack-cli --dry-run QueryVmInstance name=x', run: () => runTimed(node, [cli, ...server, '--dry-run', 'QueryVmInstance', 'name=x'], { env }) },
    noCache: {
      label: '  the same without the code cache (a first run)',
      run: () => runTimed(node, [cli, ...server, '--dry-run', 'QueryVmInstance', 'name=x'], { env: { ...env, ZSTACK_CLI_NO_CODE_CACHE: '1' } }),
    },
    query: { label: 'zstack-cli QueryVmInstance name=x', run: () => runTimed(node, [cli, ...server, 'QueryVmInstance', 'name=x'], { env }) },
    complete: { label: `zstack-cli __complete -- "${COMPLETE_LINE}"`, run: () => runTimed(node, [cli, '__complete', '--', COMPLETE_LINE], { env }) },
  });
  const cases = makeCases(env);
  let curl;
  if (haveCurl) {
    // The exact request the CLI sends, from its own --dry-run.
    const dry = await runTimed(node, [cli, ...server, '--dry-run', 'QueryVmInstance', 'name=x'], { env, capture: true });
    if (dry.code !== 0) throw new Error(`--dry-run failed: ${dry.stderr}`);
    const { url } = JSON.parse(dry.stdout.trim().split('\n').pop());
    const auth = ['-H', 'Accept: application/json', '-H', `Authorization: OAuth ${session}`];
    curl = { label: 'curl GET, the same request', run: () => runTimed('curl', ['-sS', '--fail', '-o', '/dev/null', ...auth, url], { env }) };
    cases.curl = curl;
  }
  if (!pty.unavailable) cases.shell = { label: 'zstack-cli (the shell): spawn to first prompt', run: () => shellToPrompt(pty, cli, server, env) };

  const failures = [];
  const measured = await measureRounds(cases, { runs, warmup, failures });
  // NODE_EXTRA_CA_CERTS (a CA bundle every Node process parses at start) or NODE_OPTIONS add the
  // same to floor and case: the targets are judged in the environment given, as the issue measured
  // them, and shown again without those variables, as on a machine that has none of them.
  const removed = NODE_START_VARS.filter((k) => baseEnv[k] !== undefined);
  let clean;
  if (removed.length) {
    const { node: n, dryRun, query, complete } = makeCases({ ...withoutNodeStartVars(baseEnv), XDG_CACHE_HOME: xdg });
    clean = { removed, ...(await measureRounds({ node: n, dryRun, query, complete, ...(curl ? { curl } : {}) }, { runs, warmup: 1, failures })) };
  }
  const skipped = STARTUP_TARGETS.filter((t) => !measured.targets.some((m) => m.key === t.key)).map((t) => `${t.what}: no ${t.floors.filter((f) => !cases[f]).join(', ')} for its floor`);
  return {
    ...measured,
    clean,
    skipped,
    failures,
    shell: pty.unavailable ? { unavailable: pty.unavailable } : undefined,
    method:
      'wall time from spawn() to the exit event (process.hrtime), stdout to /dev/null; each round runs every case once, ' +
      'a target right after its floors; the ratio is the median over rounds of target / floors of its round; ' +
      'CPU = user + system time of the process (curl: of curl; the server is not counted), the mean over the counted runs; ' +
      `${warmup} warm-up rounds (they write the code caches) then ${runs} counted; the shell: spawn in a pty to its prompt on screen`,
  };
}

/** Runs every case once per round; each target right after its own floors, so they meet the same load. */
async function measureRounds(cases, { runs, warmup, failures }) {
  const targetsHere = STARTUP_TARGETS.filter((t) => cases[t.key] && t.floors.every((f) => cases[f]));
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const pairs = Object.fromEntries(targetsHere.map((t) => [t.key, { figure: [], floor: [] }]));
  const measure = async (key, counted) => {
    const r = await cases[key].run();
    if (r.error || (r.code !== undefined && r.code !== 0) || r.timedOut) failures.push(`${key}: ${r.error ?? `exit ${r.code}${r.timedOut ? ' (timed out)' : ''} ${r.stderr.trim().slice(0, 200)}`}`);
    if (counted && Number.isFinite(r.ms)) samples[key].push(r.ms);
    if (counted && Number.isFinite(r.cpuMs)) cpu[key].push(r.cpuMs);
    return r.ms;
  };
  for (let round = 0; round < warmup + runs; round++) {
    const counted = round >= warmup;
    for (const key of Object.keys(cases)) {
      const t = targetsHere.find((x) => x.key === key);
      if (!t) {
        if (!targetsHere.some((x) => x.floors.includes(key))) await measure(key, counted);
        continue;
      }
      let floor = 0;
      for (const f of t.floors) floor += await measure(f, counted);
      const figure = await measure(key, counted);
      if (counted && Number.isFinite(floor) && Number.isFinite(figure)) {
        pairs[key].floor.push(floor);
        pairs[key].figure.push(figure);
      }
    }
  }
  // CPU time: the mean over the counted runs (each run's figure is exact only to a 10 ms tick; the mean is finer).
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const stats = Object.fromEntries(Object.entries(samples).map(([k, s]) => [k, { label: cases[k].label, ...summarize(s), cpuMeanMs: mean(cpu[k]) }]));
  const targets = targetsHere.map((t) => {
    const { figure, floor } = pairs[t.key];
    const ratio = summarize(figure.map((ms, i) => ms / floor[i])).median;
    const cpuMs = stats[t.key].cpuMeanMs;
    const cpuFloorMs = t.floors.reduce((sum, f) => sum + stats[f].cpuMeanMs, 0);
    return { ...t, figureMs: summarize(figure).median, floorMs: summarize(floor).median, ratio, met: ratio <= t.limit, cpuMs, cpuFloorMs, cpuRatio: cpuMs / cpuFloorMs };
  });
  return { stats, targets };
}

/** Report rows: [what, figure, target, met]. */
export function startupRows(s, fmtMs) {
  const rows = [];
  const mp = (x) => `${fmtMs(x.median)} (p90 ${fmtMs(x.p90)})`;
  const floorText = (t) => t.floors.map((f) => (f === 'node' ? 'node -e 0' : 'curl')).join(' + ');
  const cpuText = (t) => (Number.isFinite(t.cpuRatio) ? `; CPU ${fmtMs(t.cpuMs)}, floor ${fmtMs(t.cpuFloorMs)}: ${t.cpuRatio.toFixed(2)}x` : '');
  const targetRow = (label, t) => [label, `${fmtMs(t.figureMs)}, floor ${fmtMs(t.floorMs)}${cpuText(t)}`, `<= ${t.limit} x (${floorText(t)})`, `${t.met ? 'yes' : 'NO'}, ${t.ratio.toFixed(2)}x`];
  rows.push(['1. node -e 0 (runtime floor)', mp(s.stats.node), '', '']);
  if (s.stats.curl) rows.push(['   curl GET QueryVmInstance name=x (network + server floor)', mp(s.stats.curl), '', '']);
  for (const key of ['version', 'dryRun', 'noCache', 'query', 'complete', 'shell']) {
    const st = s.stats[key];
    if (!st) continue;
    const t = s.targets.find((x) => x.key === key);
    rows.push(t ? targetRow(`   ${st.label}`, t) : [`   ${st.label}`, mp(st), '', '']);
  }
  if (s.clean) {
    rows.push([`   the same without ${s.clean.removed.join(' and ')}: node -e 0`, mp(s.clean.stats.node), '', '']);
    for (const t of s.clean.targets) rows.push(targetRow(`     ${s.clean.stats[t.key].label.replace(/^zstack-cli /, '')}`, t));
  }
  return rows;
}
