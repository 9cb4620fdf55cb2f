// 4. Big queries through the real CLI: 10k and 100k VMs from a `scale:100000` simulator (its own
// process, so its memory and CPU are not the bench's), json and table to /dev/null; wall time and
// the CLI's peak RSS. Then the same CLI against a replay server that answers instantly with the
// captured body (client-only time), and a stage-by-stage breakdown of the client in a fresh child.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { runNodeWithRss, runTimed } from './proc.mjs';
import { summarize } from './stats.mjs';

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
async function startReplay(body) {
  const server = createServer((req, res) => {
    req.resume();
    const b = body();
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': b.length });
    res.end(b);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
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
  const { cli, dist, env, tmp, haveCurl, sizes, runsFor } = ctx;
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
        const rss = [];
        for (let i = 0; i < runs; i++) {
          const r = await runNodeWithRss([cli, '--host', '127.0.0.1', '--port', String(port), ...extra, 'QueryVmInstance', `limit=${n}`, '-o', format], { env, tmpDir: tmp, timeoutMs: 180_000 });
          if (r.code !== 0) throw new Error(`QueryVmInstance limit=${n} -o ${format}: exit ${r.code} ${r.timedOut ? '(timed out) ' : ''}${r.stderr.slice(0, 300)}`);
          times.push(r.ms);
          rss.push(r.maxRssBytes);
        }
        return { ...summarize(times), maxRssBytes: Math.max(...rss) };
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
  } finally {
    await replay.close();
    await sim.stop();
  }
  return results;
}
