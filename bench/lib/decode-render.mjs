// Child: the client's share of one big answer, stage by stage, as the CLI does it: the body read in
// 64 KiB chunks (as a socket delivers it), rows scanned and parsed out of the `inventories` array
// as each chunk arrives, and rendered row by row to /dev/null. Prints one JSON line.
// Usage: node decode-render.mjs <distUrl> <bodyFile> <format>
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const [dist, file, format] = process.argv.slice(2);
const { InventoriesScanner } = await import(`${dist}/execute/inventories-scan.js`);
const { peakRssBytes } = await import('./maxrss-hook.mjs');
const { listRenderer } = await import(`${dist}/render/index.js`);
const ns = () => process.hrtime.bigint();
const ms = (t) => Number(t) / 1e6;

const out = { format, rssStart: process.memoryUsage().rss };
const scanner = new InventoriesScanner();
const renderer = listRenderer({ format, color: false });
const fd = openSync(file, 'r');
const sink = openSync('/dev/null', 'w');
const chunk = Buffer.allocUnsafe(64 * 1024);
let readT = 0n;
let scanT = 0n;
let renderT = 0n;
let rows = 0;
let chars = 0;
for (;;) {
  let t = ns();
  const n = readSync(fd, chunk, 0, chunk.length, null);
  readT += ns() - t;
  if (n === 0) break;
  t = ns();
  scanner.push(chunk.subarray(0, n));
  const batch = scanner.take();
  scanT += ns() - t;
  t = ns();
  const text = renderer.rows(batch);
  if (text) writeSync(sink, text);
  renderT += ns() - t;
  rows += batch.length;
  chars += text.length;
}
scanner.end();
const tail = renderer.end({});
writeSync(sink, tail);
closeSync(fd);
closeSync(sink);
Object.assign(out, { rows, readMs: ms(readT), scanParseMs: ms(scanT), renderMs: ms(renderT), outputChars: chars + tail.length, maxRss: peakRssBytes() });
console.log(JSON.stringify(out));
