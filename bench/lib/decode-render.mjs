// Child: the client's share of one big answer, stage by stage, as the CLI does it: the body read in
// 64 KiB chunks (as a socket delivers it), rows scanned and parsed out of the `inventories` array
// as each chunk arrives, and rendered row by row to /dev/null. Prints one JSON line: per stage the
// wall time (…Ms) and the process's CPU time (…CpuMs, user + system: what the load inflates least),
// the time in garbage collection (gcMs, from V8's gc entries; part of the stages' times) and the peak RSS.
// Usage: node decode-render.mjs <distUrl> <bodyFile> <format>
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

const [dist, file, format] = process.argv.slice(2);
const { InventoriesScanner } = await import(`${dist}/execute/inventories-scan.js`);
const { peakRssBytes } = await import('./maxrss-hook.mjs');
const { listRenderer } = await import(`${dist}/render/index.js`);
const ns = () => process.hrtime.bigint();
const ms = (t) => Number(t) / 1e6;
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

let gcMs = 0;
const gc = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
});
gc.observe({ entryTypes: ['gc'] });

const out = { format, rssStart: process.memoryUsage().rss };
const scanner = new InventoriesScanner();
const renderer = listRenderer({ format, color: false });
const fd = openSync(file, 'r');
const sink = openSync('/dev/null', 'w');
const chunk = Buffer.allocUnsafe(64 * 1024);
const t = { read: 0n, scan: 0n, render: 0n, write: 0n };
const c = { read: 0, scan: 0, render: 0, write: 0 };
let rows = 0;
let chars = 0;
const stage = (name, f) => {
  const t0 = ns();
  const c0 = cpu();
  const r = f();
  c[name] += cpu() - c0;
  t[name] += ns() - t0;
  return r;
};
for (;;) {
  const n = stage('read', () => readSync(fd, chunk, 0, chunk.length, null));
  if (n === 0) break;
  const batch = stage('scan', () => {
    scanner.push(chunk.subarray(0, n));
    return scanner.take();
  });
  const text = stage('render', () => renderer.rows(batch));
  if (text) stage('write', () => writeSync(sink, text));
  rows += batch.length;
  chars += text.length;
}
const last = stage('scan', () => {
  scanner.end();
  return scanner.take();
});
const lastText = stage('render', () => renderer.rows(last) + renderer.end({}));
rows += last.length;
const tail = lastText;
writeSync(sink, tail);
closeSync(fd);
closeSync(sink);
// V8 hands its gc entries to the observer on a later turn of the event loop.
await new Promise((r) => setTimeout(r, 50));
gc.disconnect();
Object.assign(out, {
  rows,
  readMs: ms(t.read),
  scanParseMs: ms(t.scan),
  renderMs: ms(t.render),
  writeMs: ms(t.write),
  readCpuMs: c.read / 1000,
  scanParseCpuMs: c.scan / 1000,
  renderCpuMs: c.render / 1000,
  writeCpuMs: c.write / 1000,
  gcMs,
  rowsRead: scanner.rowsRead,
  outputChars: chars + tail.length,
  maxRss: peakRssBytes(),
});
console.log(JSON.stringify(out));
