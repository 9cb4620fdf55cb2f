#!/usr/bin/env node
// Timing figures for hostile input (issue #11): how long the parser, the planner (did-you-mean
// included), the JSON param reader, the script reader and the renderers take on huge or nasty input.
// In-process, no server. Needs `npm run build` first (imports ../dist). Prints one row per case:
// the median of a few runs. The tests assert on the work done (counts, bounds); the times live here.
//
//   node bench/hostile-input.mjs [--runs=N]
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
if (!existsSync(join(root, 'dist', 'plan', 'json-value.js'))) {
  console.error('bench: dist/ is missing or stale. Build first:\n\n  npm run build && node bench/hostile-input.mjs\n');
  process.exit(1);
}

const { parseLine, parseWords } = await import('../dist/parse/parser.js');
const { planCommand } = await import('../dist/plan/planner.js');
const { readJson } = await import('../dist/plan/json-value.js');
const { loadRegistry } = await import('../dist/schema/registry.js');
const { closestNames } = await import('../dist/schema/suggest.js');
const { matchNames } = await import('../dist/complete/match.js');
const { textLines } = await import('../dist/cli/script-text.js');
const { renderValue } = await import('../dist/render/index.js');

const runs = Math.max(1, Math.min(50, Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 5)));
const reg = loadRegistry();
const apiNames = reg.apiNames();

async function time(label, fn) {
  await fn(); // warm up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} ${ms[Math.floor(ms.length / 2)].toFixed(1).padStart(9)} ms`);
}

// As the runner does: a line with syntax errors is not planned.
const planParsed = (p) => (p.diagnostics.length || !p.command ? p.diagnostics : planCommand(reg, p.command));
const plan = (line) => planParsed(parseLine(line));
const planWords = (words) => planParsed(parseWords(words));
const base = 'CreateVmInstance name=v instanceOfferingUuid=o imageUuid=i l3NetworkUuids=l';

console.log(`hostile input, median of ${runs} runs (node ${process.version})\n`);
await time('unknown API, 1e5 chars (plan)', () => planWords(['Q'.repeat(1e5)]));
await time('unknown API, 1e6 chars (plan)', () => planWords(['Q'.repeat(1e6)]));
await time('unknown API, typo (plan)', () => planWords(['StartVmInstanec']));
await time('did-you-mean over all APIs, 1e6-char query', () => closestNames('a '.repeat(5e5), apiNames));
await time('completion match, 1e6-char word', () => matchNames('a '.repeat(5e5), apiNames));
await time('unknown param, 1e6 chars (plan)', () => planWords(['StartVmInstance', 'uuid=u', `${'k'.repeat(1e6)}=1`]));
await time('unknown query field, 1e6 chars (plan)', () => planWords(['QueryVmInstance', `vmNics.${'k'.repeat(1e6)}=1`]));
await time('10k unknown params on one line (plan)', () => planWords(['StartVmInstance', 'uuid=u', ...Array.from({ length: 9999 }, (_, i) => `p${i}=1`)]));
await time('10k conditions on one line (plan)', () => planWords(['QueryVmInstance', ...Array.from({ length: 1e4 }, () => 'cpuNum>1')]));
await time('100k params on one line (plan, refused)', () => planWords(['StartVmInstance', ...Array.from({ length: 1e5 }, (_, i) => `p${i}=1`)]));
await time('parse: 1 MB token', () => parseLine(`Api k=${'v'.repeat(1e6)}`));
await time('parse: 100k double quotes', () => parseLine('"'.repeat(1e5)));
await time('parse: 500k bare words (1 MB, refused)', () => parseLine('Api ' + 'w '.repeat(5e5)));
await time('parse: 10k bare words', () => parseLine('Api ' + 'w '.repeat(1e4)));
await time('parse: 500k escaped commas (1 MB)', () => parseLine('Api k=' + '\\,'.repeat(5e5)));
await time('JSON param: 1 MB list of longs (read)', () => readJson(`[${Array.from({ length: 5e4 }, () => '9007199254740993').join(',')}]`));
await time('JSON param: 100k [ (plan, refused)', () => plan(`${base} diskAOs='${'['.repeat(1e5)}'`));
await time('script: 100 MB without a newline (refused after 1 MB)', async () => {
  const chunk = Buffer.alloc(64 * 1024, 0x78);
  const source = (function* () {
    for (let i = 0; i < 1600; i++) yield chunk;
  })();
  try {
    for await (const _ of textLines(source, 'bench')) void _;
  } catch {
    // refused, as expected
  }
});
await time('script: 10 MB of 100k lines (read)', async () => {
  const text = Buffer.from('StartVmInstance uuid=0123456789abcdef0123456789abcdef hostUuid=0123456789abcdef\n'.repeat(1.25e5));
  let n = 0;
  for await (const _ of textLines([text], 'bench')) n++;
  if (n !== 1.25e5) throw new Error(`read ${n} lines`);
});
const rows = { inventories: Array.from({ length: 1e4 }, (_, i) => ({ uuid: `u${i}`, name: `vm\u001b]0;x\u0007${i}\u009b2J`, state: 'Running' })) };
await time('render: 10k rows with escapes, value', () => renderValue(rows, { format: 'value', color: false }));
await time('render: 10k rows with escapes, csv on a terminal', () => renderValue(rows, { format: 'csv', color: false, terminal: true }));
await time('render: 10k rows with escapes, json', () => renderValue(rows, { format: 'json', color: false }));
