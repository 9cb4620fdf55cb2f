#!/usr/bin/env node
// The simulator alone answering a big query: `QueryVmInstance limit=N` on a `scale:N` seed, fetched by curl into
// /dev/null (so the client costs nothing). Prints the start-up (seeding) time and CPU and the memory then (seeding
// includes making the VMs' reply text into the row cache: the figure counts it); time to first byte, total time,
// simulator CPU, size and throughput per run; the first run after seeding apart from the median of the later ones (a
// build that does not keep the text at seeding renders the rows in its first run); then one run after each of a few
// one-row changes (a VM renamed, stopped, created, deleted: the cache renders only what the change reached); and the
// simulator's peak RSS. CPU is the simulator process's user + system time (less blurred by the machine's load than
// wall time). The simulator runs in its own process; needs `npm run build` first.
//
//   node bench/sim-rows.mjs [--rows=100000] [--runs=5] [--changes=no] [--dist=/path/to/other/dist]   (--dist compares another build)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus as cpuList, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hasCommand, runTimed } from './lib/proc.mjs';
import { fmtMB, fmtMs, summarize } from './lib/stats.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (process.argv.includes('--help')) {
  console.log('node bench/sim-rows.mjs [--rows=100000] [--runs=5] [--changes=no] [--dist=/path/to/other/dist]');
  process.exit(0);
}
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const rows = Number(arg('rows', '100000'));
const runs = Math.max(1, Math.min(20, Number(arg('runs', '5'))));
const withChanges = arg('changes', 'yes') !== 'no';
const dist = resolve(arg('dist', join(root, 'dist')));
const simModule = join(dist, 'sim', 'index.js');
if (!existsSync(simModule)) {
  console.error(`bench: ${simModule} is missing. Build first: npm run build`);
  process.exit(1);
}
if (!hasCommand('curl')) {
  console.error('bench: curl is needed to fetch the reply without a client in the way');
  process.exit(1);
}

/** Starts the simulator in a child process; resolves with its url, pid and start time. */
function startSim() {
  const code = `import { startSimulator } from ${JSON.stringify(pathToFileURL(simModule).href)};
const sim = await startSimulator({ seed: 'scale:${rows}', port: 0 });
console.log('URL ' + sim.url);
process.on('SIGTERM', () => sim.close().then(() => process.exit(0)));`;
  return new Promise((resolveStart, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    // Not left running when this script ends early (an error, its output closed).
    process.on('exit', () => child.kill('SIGKILL'));
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the simulator did not start within 180 s'));
    }, 180_000);
    child.stdout.setEncoding('utf8').on('data', (s) => {
      out += s;
      const m = /URL (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ url: m[1], child, startMs: performance.now() - t0 });
      }
    });
    child.once('exit', (c) => reject(new Error(`the simulator exited (${c}) before listening`)));
  });
}

const cpuCount = () => cpuList().length;

/** CPU time (user + system) a process has used so far (Linux), in ms; NaN elsewhere. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/** Peak resident memory of a process (Linux), in bytes; NaN elsewhere. */
function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Calls an API and waits for its job (if any) to end; throws unless it succeeded. */
async function call(base, session, method, path, body) {
  const headers = { Authorization: `OAuth ${session}` };
  let res = await fetch(`${base}/zstack/v1${path}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
  for (let tries = 0; res.status === 202 && tries < 600; tries++) {
    const { location } = await res.json();
    await new Promise((r) => setTimeout(r, 100));
    res = await fetch(`${base}${new URL(location).pathname}`, { headers });
  }
  const reply = await res.json();
  if (res.status !== 200 || reply.error) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(reply.error ?? reply)}`);
  return reply;
}

/** A VM renamed, stopped, created and deleted: each changes one row (and the rows nested in it). */
function oneRowChanges(base, session) {
  const first = async (path) => (await call(base, session, 'GET', `${path}?limit=1`)).inventories[0];
  let vms;
  const vm = async (i) => {
    vms ??= (await call(base, session, 'GET', '/vm-instances?limit=3&q=state=Running')).inventories;
    return vms[i].uuid;
  };
  let created;
  return [
    ['one VM renamed', async () => call(base, session, 'PUT', `/vm-instances/${await vm(0)}/actions`, { updateVmInstance: { name: 'renamed-by-bench' } })],
    ['one VM stopped', async () => call(base, session, 'PUT', `/vm-instances/${await vm(1)}/actions`, { stopVmInstance: {} })],
    [
      'one VM created',
      async () => {
        const params = { name: 'made-by-bench', imageUuid: (await first('/images')).uuid, instanceOfferingUuid: (await first('/instance-offerings')).uuid, l3NetworkUuids: [(await first('/l3-networks')).uuid] };
        created = (await call(base, session, 'POST', '/vm-instances', { params })).inventory.uuid;
      },
    ],
    ['one VM deleted', async () => call(base, session, 'DELETE', `/vm-instances/${created ?? (await vm(2))}`)],
  ];
}

const sim = await startSim();
try {
  const pw = createHash('sha512').update('password').digest('hex');
  const login = await fetch(`${sim.url}/zstack/v1/accounts/login`, { method: 'PUT', body: JSON.stringify({ logInByAccount: { accountName: 'admin', password: pw } }) });
  const session = (await login.json()).inventory.uuid;
  const url = `${sim.url}/zstack/v1/vm-instances?limit=${rows}`;
  console.log(`simulator ${dist} (scale:${rows}) started in ${fmtMs(sim.startMs)}, CPU ${fmtMs(cpuMs(sim.child.pid))}, peak RSS ${fmtMB(peakRss(sim.child.pid))}; QueryVmInstance limit=${rows}, ${runs} run(s), curl > /dev/null`);
  /** One timed query: curl's first byte and total, the simulator's CPU meanwhile, the size. */
  const timedQuery = async (label) => {
    const cpu0 = cpuMs(sim.child.pid);
    const r = await runTimed('curl', ['-sS', '--fail', '-o', '/dev/null', '-w', '%{time_starttransfer} %{time_total} %{size_download}', '-H', `Authorization: OAuth ${session}`, url], {
      capture: true,
      timeoutMs: 300_000,
    });
    if (r.code !== 0) throw new Error(`curl failed: ${r.stderr}`);
    const cpu = cpuMs(sim.child.pid) - cpu0;
    const [ttfb, total, size] = r.stdout.trim().split(' ').map(Number);
    console.log(`  ${label}: first byte ${fmtMs(ttfb * 1000)}, all ${fmtMs(total * 1000)}, simulator CPU ${fmtMs(cpu)}, ${fmtMB(size)} (${fmtMB(size / total)}/s)`);
    return { total: total * 1000, first: ttfb * 1000, cpu };
  };
  const totals = [];
  const firsts = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const t = await timedQuery(`run ${i + 1}`);
    totals.push(t.total);
    firsts.push(t.first);
    cpus.push(t.cpu);
  }
  // The first run after seeding apart (it renders every row when seeding did not keep their text); later ones copy the
  // simulator's row cache.
  const later = (xs) => (xs.length > 1 ? xs.slice(1) : xs);
  const t = summarize(later(totals));
  console.log(
    `first run after seeding: all rows in ${fmtMs(totals[0])}, simulator CPU ${fmtMs(cpus[0])}; ` +
      `later runs (row cache), median: all rows in ${fmtMs(t.median)} (min ${fmtMs(t.min)}, max ${fmtMs(t.max)}), first byte ${fmtMs(summarize(later(firsts)).median)}, ` +
      `simulator CPU ${fmtMs(summarize(later(cpus)).median)}`,
  );
  if (withChanges) {
    const changed = [];
    for (const [label, change] of oneRowChanges(sim.url, session)) {
      await change();
      changed.push((await timedQuery(`after ${label}`)).cpu);
    }
    console.log(`after a one-row change, median: simulator CPU ${fmtMs(summarize(changed).median)} (max ${fmtMs(Math.max(...changed))})`);
  }
  console.log(`simulator peak RSS ${fmtMB(peakRss(sim.child.pid))}; load average ${loadavg()[0].toFixed(1)} on ${cpuCount()} cores`);
} finally {
  sim.child.kill('SIGTERM');
}
