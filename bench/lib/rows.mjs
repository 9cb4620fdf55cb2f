// 4. Big queries through the real CLI: 10k and 100k VMs in one answer from a `scale:100000`
// simulator (its own process, so its memory and CPU are not the bench's), json and table to
// /dev/null; wall time and the CLI's peak RSS. Then the same CLI against a replay server that
// answers instantly with the captured body (client-only time, with its CPU time), and a
// stage-by-stage breakdown of the client in a fresh child (decode-render.mjs). Then --all paging (rows-paging.mjs) while the simulator is up.
// reportRows() turns the figures into the bench table's rows: each target with its floor, the
// ratio and met/missed.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runNodeWithRss, runTimed } from './proc.mjs';
import { benchPaging, startLocalServer } from './rows-paging.mjs';
import { fmtMB, fmtMs, summarize } from './stats.mjs';

export const SCALE = 100_000;

/** Starts `zstack-cli sim` in a child and resolves once it listens (at most `timeoutMs`). */
export function startSimProcess(cli, env, seed, timeoutMs = 180_000) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, '--port', '0', 'sim', '--seed', seed, '--job-delay', '10'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the ${seed} simulator did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (s) => (err += s));
    child.stdout.setEncoding('utf8').on('data', (s) => {
      out += s;
      const m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({
          url: m[1],
          port: Number(m[2]),
          startMs: Number(process.hrtime.bigint() - t0) / 1e6,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
              child.once('exit', () => {
                clearTimeout(kill);
                done();
              });
              child.kill('SIGINT');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ${seed} simulator exited (${code}) before listening: ${err.slice(0, 300)}`));
    });
  });
}

/** An HTTP server on 127.0.0.1 that answers every GET with `body()` at once (no auth, no work). */
function startReplay(body) {
  return startLocalServer((req, res) => {
    req.resume();
    const b = body();
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': b.length });
    res.end(b);
  });
}

/** GETs `url` into `file`: time to first byte, total, size (curl when present, else fetch). */
async function capture(url, session, file, haveCurl) {
  if (haveCurl) {
    const r = await runTimed('curl', ['-sS', '--fail', '-o', file, '-w', '%{time_starttransfer} %{time_total} %{size_download}', '-H', 'Accept: application/json', '-H', `Authorization: OAuth ${session}`, url], {
      capture: true,
      timeoutMs: 180_000,
    });
    if (r.code !== 0) throw new Error(`curl ${url}: ${r.stderr}`);
    const [ttfb, total, size] = r.stdout.trim().split(' ').map(Number);
    return { ttfbMs: ttfb * 1000, totalMs: total * 1000, bytes: size, via: 'curl' };
  }
  const t0 = performance.now();
  const res = await fetch(url, { headers: { Accept: 'application/json', Authorization: `OAuth ${session}` }, signal: AbortSignal.timeout(180_000) });
  const ttfbMs = performance.now() - t0;
  const buf = Buffer.from(await res.arrayBuffer());
  const totalMs = performance.now() - t0;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, buf);
  return { ttfbMs, totalMs, bytes: buf.length, via: 'fetch' };
}

export async function benchRows(ctx) {
  const { cli, dist, env, tmp, haveCurl, sizes, runsFor, pagingRuns, scaleSizes } = ctx;
  const node = process.execPath;
  const sim = await startSimProcess(cli, env, `scale:${SCALE}`);
  const replayBody = { buf: Buffer.alloc(0) };
  const replay = await startReplay(() => replayBody.buf);
  const results = { seed: `scale:${SCALE}`, simStartMs: sim.startMs, sizes: [] };
  try {
    const login = await runTimed(node, [cli, '--host', '127.0.0.1', '--port', String(sim.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { env });
    if (login.code !== 0) throw new Error(`login to the scale simulator failed: ${login.stderr}`);
    const curlText = await runTimed(node, [cli, '--host', '127.0.0.1', '--port', String(sim.port), '--curl', '--show-secrets', 'QueryVmInstance', 'limit=1'], { env, capture: true });
    const session = /OAuth ([0-9a-f]{32})/.exec(curlText.stdout)?.[1];
    if (!session) throw new Error(`no session in: ${curlText.stdout}`);

    for (const n of sizes) {
      const runs = runsFor(n);
      const dry = await runTimed(node, [cli, '--host', '127.0.0.1', '--port', String(sim.port), '--dry-run', 'QueryVmInstance', `limit=${n}`], { env, capture: true });
      const url = JSON.parse(dry.stdout.trim()).url;
      const file = join(tmp, `body-${n}.json`);
      const http = await capture(url, session, file, haveCurl);
      const entry = { rows: n, runs, http, cli: {}, replay: {}, breakdown: {} };

      const cliRun = async (port, extra, format) => {
        const times = [];
        const cpu = [];
        const rss = [];
        for (let i = 0; i < runs; i++) {
          const r = await runNodeWithRss([cli, '--host', '127.0.0.1', '--port', String(port), ...extra, 'QueryVmInstance', `limit=${n}`, '-o', format], { env, tmpDir: tmp, timeoutMs: 180_000 });
          if (r.code !== 0) throw new Error(`QueryVmInstance limit=${n} -o ${format}: exit ${r.code} ${r.timedOut ? '(timed out) ' : ''}${r.stderr.slice(0, 300)}`);
          times.push(r.ms);
          cpu.push(r.cpuMs);
          rss.push(r.maxRssBytes);
        }
        return { ...summarize(times), cpu: summarize(cpu), maxRssBytes: Math.max(...rss), loadAvg: loadavg()[0] };
      };
      for (const format of ['table', 'json']) entry.cli[format] = await cliRun(sim.port, [], format);

      replayBody.buf = readFileSync(file);
      for (const format of ['table', 'json']) entry.replay[format] = await cliRun(replay.port, ['--session', session], format);
      replayBody.buf = Buffer.alloc(0);

      for (const format of ['table', 'json']) {
        const r = await runTimed(node, [new URL('./decode-render.mjs', import.meta.url).pathname, dist, file, format], { env, capture: true, timeoutMs: 180_000 });
        entry.breakdown[format] = r.code === 0 ? JSON.parse(r.stdout.trim()) : { error: r.stderr.slice(0, 300) };
      }
      entry.bodyBytes = statSync(file).size;
      rmSync(file, { force: true });
      results.sizes.push(entry);
    }
    results.paging = await benchPaging({ cli, env, tmp, haveCurl, sim: { port: sim.port, session }, simRows: SCALE, runs: pagingRuns, scaleSizes });
  } finally {
    await replay.close();
    await sim.stop();
  }
  return results;
}

const MB = 2 ** 20;

/** Rows of the bench table for section 4, and its notes: `row(what, figure, target, met)`. */
export function reportRows(r, row, notes) {
  const yes = (ok) => (ok ? 'yes' : 'NO');
  const k = (n) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1000}k`);
  const tm = (c) => `${fmtMs(c.median ?? c.ms)}, ${fmtMB(c.maxRssBytes)}`;
  const p = r.paging;
  if (p?.vsSim) {
    const c = p.vsSim.cli;
    if (p.vsSim.curl) {
      const floor = p.vsSim.curl.median;
      const ratio = c.median / floor;
      row(`4. --all -o csv -c uuid,name, ${k(p.simRows)} rows vs sim`, tm(c), `<= 1.5 x curl (${fmtMs(floor)}); < 200 MB`, `${yes(ratio <= 1.5)} (${ratio.toFixed(2)}x) / ${yes(c.maxRssBytes < 200 * MB)}`);
      notes.push(`4: --all: ${p.vsSim.requests} pages of ${p.pageSize} (the last one empty) fetched by curl one after another in one process (keep-alive) = the floor; median of ${c.n} runs each, interleaved.`);
    } else row(`4. --all -o csv -c uuid,name, ${k(p.simRows)} rows vs sim`, tm(c), '< 200 MB (no curl floor)', yes(c.maxRssBytes < 200 * MB));
  }
  if (p?.scaling?.length) {
    for (const format of ['csv', 'table']) {
      const figs = p.scaling.map((e) => `${k(e.rows)} ${fmtMs(e[format].ms)} ${fmtMB(e[format].maxRssBytes)}`).join(' / ');
      const peaks = p.scaling.map((e) => e[format].maxRssBytes);
      const live = p.scaling.map((e) => e[format].liveHeapMaxBytes).filter(Number.isFinite);
      const growth = live.length ? Math.max(...live) / Math.min(...live) : NaN;
      row(`   --all -o ${format} -c uuid,name, client only`, `${figs} (live heap ${live.map(fmtMB).join(' / ')})`, 'peak < 200 MB; live heap flat', `${yes(Math.max(...peaks) < 200 * MB)} / ${yes(growth < 1.5)} (${growth.toFixed(2)}x)`);
    }
    notes.push(
      "4: client only = a synthetic page server answering each page at once (rows made on the fly), so the figures are the CLI's own. Live heap = the most the heap held right after a full GC (what is really kept); flat = the largest within 1.5x of the smallest. Peak RSS also counts garbage not yet collected (V8 lets the old space grow to a limit before compacting), so it rises with the run's length up to that limit, not with the rows kept.",
    );
  }
  for (const e of r.sizes ?? []) {
    const big = e.rows >= SCALE;
    for (const format of ['table', 'json']) {
      const c = e.cli[format];
      const rp = e.replay[format];
      // The client alone is judged by its CPU time (user + system), which the load inflates far less than wall time.
      const cpu = (x) => x.cpu?.median;
      const target = big && format === 'table' ? '< 3 s CPU, < 300 MB' : '';
      const met = (x) => (target ? `${yes((cpu(x) ?? x.median) < 3000)} / ${yes(x.maxRssBytes < 300 * MB)}` : '');
      const withCpu = (x) => `${tm(x)}${Number.isFinite(cpu(x)) ? `; CPU ${fmtMs(cpu(x))} (load ${x.loadAvg.toFixed(1)})` : ''}`;
      row(`   ${k(e.rows)} rows in one answer -o ${format}, vs sim`, tm(c), '', '');
      row(`     client only (instant replay server)`, withCpu(rp), target, met(rp));
    }
    const t = e.breakdown.table;
    if (t && !t.error) {
      notes.push(
        `4: ${k(e.rows)} in one answer: body ${fmtMB(e.http.bytes)}; server ${fmtMs(e.http.ttfbMs)} to first byte, ${fmtMs(e.http.totalMs)} total (${e.http.via}); ` +
          `client stages (64 KiB chunks), CPU: scan + parse ${fmtMs(t.scanParseCpuMs)} (${t.rowsRead.cut} rows by cuts, ${t.rowsRead.scanned} by the byte scan), render table ${fmtMs(t.renderCpuMs)} (${fmtMB(t.outputChars)} out), ` +
          `write ${fmtMs(t.writeCpuMs)} (GC ${fmtMs(t.gcMs)} within these); peak ${fmtMB(t.maxRss)}` +
          (e.breakdown.json && !e.breakdown.json.error ? `; json render ${fmtMs(e.breakdown.json.renderCpuMs)}` : '') + '.',
      );
    } else if (t?.error) notes.push(`4: ${k(e.rows)} breakdown failed: ${t.error}`);
  }
  notes.push(`4: seed ${r.seed} (simulator in its own process, up in ${fmtMs(r.simStartMs)}); one answer: 10k median of 3 runs, 100k one run; peak RSS is the CLI's own maxRSS at exit.`);
}
