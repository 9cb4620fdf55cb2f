// 5. `@name` references: what looking names up costs a line. A counting proxy sits in front of the
// simulator, so every request a line sends is seen. For lines with N references across K resource
// types: the requests the lookups send (the goal: at most one per type), the lookup time in-process
// (the runner's own resolveNames + rowsVia over the one-shot transport, warm, as in the shell), and one-shot
// `--dry-run` processes with the names vs the same line with uuids (spawn to exit, median).
import { createServer, request } from 'node:http';
import { runTimed } from './proc.mjs';
import { fmtMs, msSince, summarize } from './stats.mjs';

/** Lines with @names; their uuid twins are made by the CLI's own --dry-run of them. */
const CASES = [
  { label: 'StopVmInstance uuid=@web-01', words: ['StopVmInstance', 'uuid=@web-01'] },
  {
    label: 'CreateVmInstance (offering, image, 2 L3s)',
    words: ['CreateVmInstance', 'name=x', 'instanceOfferingUuid=@small', 'imageUuid=@centos-7', 'l3NetworkUuids=@l3-flat-1,@l3-public'],
  },
  {
    label: 'CreateVmInstance (+ disks, zone, cluster, host)',
    words: [
      'CreateVmInstance', 'name=x', 'instanceOfferingUuid=@small', 'imageUuid=@centos-7', 'l3NetworkUuids=@l3-flat-1,@l3-public',
      'rootDiskOfferingUuid=@disk-10G', 'dataDiskOfferingUuids=@disk-50G,@disk-100G', 'zoneUuid=@zone-1', 'clusterUuid=@cluster-1a', 'hostUuid=@host-1',
    ],
  },
  { label: 'QueryVmInstance uuid?=@web-01..12', words: ['QueryVmInstance', `uuid?=${Array.from({ length: 12 }, (_, i) => `@web-${String(i + 1).padStart(2, '0')}`).join(',')}`] },
];

/** A proxy to `target` on 127.0.0.1 that counts the requests it forwards. */
async function countingProxy(targetPort) {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    const up = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    take: () => {
      const n = count;
      count = 0;
      return n;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function benchReferences(ctx) {
  const { cli, dist, env, port, session, runs } = ctx;
  const proxy = await countingProxy(port);
  try {
    const { loadRegistry } = await import(`${dist}/schema/registry.js`);
    const { parseWords } = await import(`${dist}/parse/parser.js`);
    const { findReferences } = await import(`${dist}/plan/references.js`);
    const { resolveNames, rowsVia } = await import(`${dist}/execute/references.js`);
    const { createWireTransport } = await import(`${dist}/execute/wire-transport.js`);
    const { systemClock, randomJobUuid } = await import(`${dist}/execute/executor.js`);
    const reg = loadRegistry();
    const transport = createWireTransport({});
    const context = async () => ({
      endpoint: { scheme: 'http', host: '127.0.0.1', port: proxy.port },
      transport,
      session: { current: () => ({ uuid: session }), loggedIn() {}, forget() {} },
      clock: systemClock,
      newJobUuid: randomJobUuid,
      options: { timeoutMs: 30_000 },
    });
    const rows = rowsVia(reg, context);
    const { syntheticCommand } = await import(`${dist}/parse/build.js`);
    const node = process.execPath;
    // The yardstick: one plain query's round trip, the same way.
    const trip = [];
    const one = syntheticCommand('QueryVmInstance', { name: 'web-01', fields: 'uuid,name' });
    for (let i = 0; i < Math.max(20, runs * 3); i++) {
      const t = process.hrtime.bigint();
      await rows(one);
      trip.push(msSince(t));
    }
    const oneShot = (...words) => [cli, '--host', '127.0.0.1', '--port', String(proxy.port), '--session', session, '--dry-run', ...words];
    const out = [];
    try {
      for (const c of CASES) {
        const cmd = parseWords(c.words).command;
        const api = reg.api(cmd.name);
        const found = findReferences(reg, api, cmd);
        const types = new Set(found.references.map((r) => r.resource.queryApi)).size;
        // Requests per line, in-process and from a real one-shot process.
        proxy.take();
        const resolved = await resolveNames(reg, api, cmd, rows);
        const requests = proxy.take();
        const dry = await runTimed(node, oneShot(...c.words), { env, capture: true });
        if (dry.code !== 0) throw new Error(`--dry-run ${c.label} failed: ${dry.stderr.trim().slice(0, 300)}`);
        const processRequests = proxy.take();
        const uuidWords = resolved.args.map((a) => `${a.key}${a.op}${a.value}`);
        const plain = await runTimed(node, oneShot(cmd.name, ...uuidWords), { env, capture: true });
        if (plain.code !== 0 || proxy.take() !== 0) throw new Error(`--dry-run with uuids of ${c.label} failed or sent something: ${plain.stderr.slice(0, 300)}`);
        // Warm in-process lookup time (what a shell line pays), then cold processes with names vs uuids.
        const warm = [];
        for (let i = 0; i < Math.max(20, runs * 3); i++) {
          const t = process.hrtime.bigint();
          await resolveNames(reg, api, cmd, rows);
          warm.push(msSince(t));
        }
        const named = [];
        const uuids = [];
        for (let i = 0; i < runs; i++) {
          named.push((await runTimed(node, oneShot(...c.words), { env })).ms);
          uuids.push((await runTimed(node, oneShot(cmd.name, ...uuidWords), { env })).ms);
        }
        proxy.take();
        out.push({
          label: c.label,
          references: found.references.length,
          types,
          requests,
          processRequests,
          inProcess: summarize(warm),
          oneShotNames: summarize(named),
          oneShotUuids: summarize(uuids),
        });
      }
    } finally {
      await transport.close();
    }
    return {
      method: 'requests counted by a proxy in front of the simulator; in-process: resolveNames + rowsVia over the one-shot transport, warm, next to one plain query (QueryVmInstance name=web-01) the same way; one-shot: `--dry-run` processes, names vs the same line with the uuids (which sends nothing)',
      roundTrip: summarize(trip),
      cases: out,
    };
  } finally {
    await proxy.close();
  }
}

/** Rows and notes of the report for `bench.references`. */
export function reportReferences(r, row, notes) {
  const yes = (ok) => (ok ? 'yes' : 'NO');
  row('5. one query round trip, in-process (yardstick)', `p50 ${fmtMs(r.roundTrip.median)}, p95 ${fmtMs(r.roundTrip.p95)}`);
  r.cases.forEach((c) => {
    const head = '  ';
    row(`${head} @names: ${c.label}: ${c.references} refs / ${c.types} types`, `${c.requests} requests (process: ${c.processRequests})`, `<= ${c.types}`, yes(c.requests <= c.types && c.processRequests <= c.types));
    row('     lookup in-process, warm', `p50 ${fmtMs(c.inProcess.median)}, p95 ${fmtMs(c.inProcess.p95)}`);
    const d = c.oneShotNames.median - c.oneShotUuids.median;
    row('     one-shot --dry-run: names vs uuids', `${fmtMs(c.oneShotNames.median)} vs ${fmtMs(c.oneShotUuids.median)} (${d < 0 ? '-' : '+'}${fmtMs(Math.abs(d))})`);
  });
  notes.push(`5: ${r.method}.`);
}
