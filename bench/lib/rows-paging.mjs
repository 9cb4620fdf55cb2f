// 4b. `--all` paging: the CLI against the scale simulator next to curl fetching the same pages one
// after another (one curl process, one keep-alive connection: the network + server floor), and the
// client alone at 10k, 100k and 1M rows against a synthetic page server (rows made on the fly, so
// only the CLI's time and memory are measured) to show they stay flat as the row count grows.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runNodeWithRss, runTimed } from './proc.mjs';
import { summarize } from './stats.mjs';

export const PAGE_SIZE = 1000;
/** What --all -o csv -c uuid,name asks for: the columns as fields=, then limit/start, the total on the first page. */
const FIELDS = 'fields=uuid,name';

/** The URLs the CLI asks for `rows` rows: full pages, then the one that comes back empty. */
export function pageUrls(base, rows, pageSize = PAGE_SIZE) {
  const urls = [];
  for (let start = 0; start <= rows; start += pageSize) urls.push(`${base}/zstack/v1/vm-instances?${FIELDS}&limit=${pageSize}&start=${start}${start === 0 ? '&replyWithCount=true' : ''}`);
  return urls;
}

/** curl fetching `urls` one after another in one process (keep-alive), bodies to /dev/null. */
async function curlPages(urls, session, tmp) {
  const cfg = join(tmp, 'pages.curl');
  writeFileSync(cfg, urls.map((u) => `url = "${u}"\noutput = /dev/null\n`).join(''));
  const r = await runTimed('curl', ['-sS', '--fail', '-H', 'Accept: application/json', '-H', `Authorization: OAuth ${session}`, '-K', cfg], { timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`curl pages: ${r.stderr.slice(0, 300)}`);
  return r.ms;
}

/** An HTTP server on 127.0.0.1 (any free port) answering with `handler`; `close` ends it and its connections. */
export async function startLocalServer(handler) {
  const server = createServer(handler);
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

/**
 * A stand-in for `GET /zstack/v1/vm-instances?fields=uuid,name&limit&start` over `total` rows,
 * answering at once with rows made from their index (32-hex uuids, names like the simulator's).
 */
function startPageServer(total) {
  return startLocalServer((req, res) => {
    req.resume();
    const u = new URL(req.url, 'http://x');
    const start = Number(u.searchParams.get('start') ?? 0);
    const limit = Number(u.searchParams.get('limit') ?? 1000);
    const end = Math.min(total.value, start + limit);
    let body = '{"inventories":[';
    for (let i = start; i < end; i++) body += `${i > start ? ',' : ''}{"uuid":"${(i + 1).toString(16).padStart(32, '0')}","name":"vm-${i + 1}"}`;
    body += ']';
    if (u.searchParams.get('replyWithCount') === 'true') body += `,"total":${total.value}`;
    body += '}';
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
}

const HEAP_HOOK = pathToFileURL(fileURLToPath(new URL('./live-heap-hook.mjs', import.meta.url))).href;

/**
 * One timed `--all` run of the CLI (stdout to /dev/null; the tests check what it writes): wall
 * time, peak RSS, and the largest heap still in use after a full GC (live-heap-hook.mjs).
 */
async function cliAll(cli, env, tmp, port, extra, rows, format) {
  const heapFile = join(tmp, `heap-${process.pid}-${rows}-${format}.json`);
  const r = await runNodeWithRss(['--expose-gc', '--import', HEAP_HOOK, cli, '--host', '127.0.0.1', '--port', String(port), ...extra, 'QueryVmInstance', '--all', '-o', format, '-c', 'uuid,name'], {
    env: { ...env, ZSTACK_BENCH_HEAP_FILE: heapFile },
    tmpDir: tmp,
    timeoutMs: 600_000,
  });
  if (r.code !== 0) throw new Error(`--all -o ${format}: exit ${r.code} ${r.timedOut ? '(timed out) ' : ''}${r.stderr.slice(0, 300)}`);
  const heap = existsSync(heapFile) ? JSON.parse(readFileSync(heapFile, 'utf8')) : {};
  rmSync(heapFile, { force: true });
  return { ms: r.ms, maxRssBytes: r.maxRssBytes, liveHeapMaxBytes: heap.liveHeapMaxBytes ?? NaN, majorGcs: heap.majorGcs ?? NaN, rows };
}

/**
 * `sim`: the scale simulator ({port, session}) with `simRows` VMs. Runs are interleaved (curl, CLI,
 * curl, CLI ...) so load drift hits both alike.
 */
export async function benchPaging({ cli, env, tmp, haveCurl, sim, simRows, runs, scaleSizes }) {
  const out = { pageSize: PAGE_SIZE, simRows, vsSim: undefined, scaling: [] };
  if (sim) {
    const urls = pageUrls(`http://127.0.0.1:${sim.port}`, simRows);
    const curl = [];
    const cliMs = [];
    const rss = [];
    for (let i = 0; i < runs; i++) {
      if (haveCurl) curl.push(await curlPages(urls, sim.session, tmp));
      const r = await cliAll(cli, env, tmp, sim.port, [], simRows, 'csv');
      cliMs.push(r.ms);
      rss.push(r.maxRssBytes);
    }
    out.vsSim = { requests: urls.length, curl: haveCurl ? summarize(curl) : undefined, cli: { ...summarize(cliMs), maxRssBytes: Math.max(...rss) } };
  }
  const total = { value: 0 };
  const server = await startPageServer(total);
  try {
    for (const n of scaleSizes) {
      total.value = n;
      const entry = { rows: n };
      for (const format of ['csv', 'table']) entry[format] = await cliAll(cli, env, tmp, server.port, ['--session', 'f'.repeat(32)], n, format);
      out.scaling.push(entry);
    }
  } finally {
    await server.close();
  }
  return out;
}
