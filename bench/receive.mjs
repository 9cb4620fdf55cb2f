#!/usr/bin/env node
// What receiving one big answer costs the one-shot transport, apart from rendering: a server on
// 127.0.0.1 answers every GET with the same body (a file, or made up: --rows=N VM-like rows), and this
// process fetches it as a one-shot query does (`stream: true`, read through ReplyBody), either
// counting the bytes (`bytes`) or cutting the rows out too (`rows`, the scanner a table reads through).
// Prints CPU (user + system) of this process per fetch, the median of --runs. The server runs in a
// child process, so its CPU is not counted.
//
//   npm run build && node bench/receive.mjs [--file=answer.json | --rows=100000] [--runs=5] [--dist=DIR]
//
// --dist names another build's dist/ to compare (e.g. main's, built elsewhere). Its transport is
// createWireTransport when it has one, else node:http's (the one-shot transport before it).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const argv = process.argv.slice(2);
const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
const runs = Math.max(1, Math.min(50, Number(value('runs') ?? 5)));
const dist = value('dist') ?? join(root, 'dist');

if (process.argv[2] === '--serve') {
  // The child: serves the body, tells its port.
  const { createServer } = await import('node:http');
  const { readFileSync } = await import('node:fs');
  const file = process.argv[3];
  const rows = Number(process.argv[4]);
  const body = file ? readFileSync(file) : madeUp(rows);
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, bytes: body.length }));
  process.on('disconnect', () => process.exit(0));
} else await main();

function madeUp(n) {
  const parts = [];
  for (let i = 0; i < n; i++) {
    const uuid = i.toString(16).padStart(32, '0');
    parts.push(JSON.stringify({ uuid, name: `vm-${i}`, state: i % 7 ? 'Running' : 'Stopped', hypervisorType: 'KVM', memorySize: 2147483648, cpuNum: 2, vmNics: [{ uuid: `n${uuid.slice(1)}`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, l3NetworkUuid: 'f'.repeat(32) }], createDate: 'Dec 1, 2025 10:00:00 AM' }));
  }
  return Buffer.from(`{"inventories":[${parts.join(',')}],"total":${n}}`);
}

async function main() {
  if (!existsSync(join(dist, 'execute', 'reply-body.js'))) {
    console.error(`bench/receive: ${dist} has no build; run npm run build first`);
    process.exit(1);
  }
  const file = value('file');
  const child = fork(fileURLToPath(import.meta.url), ['--serve', file ?? '', String(Number(value('rows') ?? 100_000))], { stdio: 'inherit' });
  const killer = setTimeout(() => child.kill(), 10 * 60_000);
  try {
    const { port, bytes } = await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', () => reject(new Error('the server ended')));
    });
    const mod = (p) => import(pathToFileURL(join(dist, p)).href);
    const wire = existsSync(join(dist, 'execute', 'wire-transport.js'));
    const transport = wire ? (await mod('execute/wire-transport.js')).createWireTransport() : (await mod('execute/node-http-transport.js')).createNodeHttpTransport();
    const { ReplyBody } = await mod('execute/reply-body.js');
    const { ReplyRows } = await mod('execute/reply-rows.js');
    const url = `http://127.0.0.1:${port}/zstack/v1/vm-instances?limit=100000`;
    console.log(`${wire ? 'wire' : 'node:http'} transport from ${dist}; the answer: ${(bytes / 2 ** 20).toFixed(1)} MiB`);
    for (const mode of ['bytes', 'rows']) {
      const cpu = [];
      let count = 0;
      for (let i = 0; i < runs + 1; i++) {
        const start = process.cpuUsage();
        const res = await transport.send({ method: 'GET', url, headers: {}, body: null, stream: true, timeoutMs: 600_000 });
        const body = new ReplyBody(res.stream, { address: `127.0.0.1:${port}`, timeoutMs: 600_000 });
        count = 0;
        if (mode === 'bytes') for (let c = await body.next(); c; c = await body.next()) count += c.length;
        else {
          const rows = new ReplyRows(body);
          await rows.open();
          for await (const batch of rows.batches()) count += batch.length;
        }
        const used = process.cpuUsage(start);
        if (i > 0) cpu.push((used.user + used.system) / 1000); // the first run warms up
      }
      cpu.sort((a, b) => a - b);
      console.log(`  ${mode.padEnd(5)} ${count} ${mode === 'bytes' ? 'bytes' : 'rows'}: CPU median ${cpu[cpu.length >> 1].toFixed(0)} ms (min ${cpu[0].toFixed(0)}, max ${cpu[cpu.length - 1].toFixed(0)}) over ${runs} runs`);
    }
    await transport.close();
  } finally {
    clearTimeout(killer);
    child.kill();
  }
}
