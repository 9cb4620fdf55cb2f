// `npm run gen:schema`: regenerates src/schema/data/ from ../shared (API facts + seed manual).
// The output is committed so a fresh clone runs without ../shared.
import { readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convertFactsWithReferences, type RawFacts } from './api-facts.js';
import { extractManual } from './manual.js';
import { encodeRegistry, indexToText } from '../../src/schema/store.js';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, process.env.ZSTACK_SHARED ?? '../shared');
const outDir = join(root, 'src/schema/data');

function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const facts = JSON.parse(readFileSync(join(shared, 'zstack-api/zstack-5.2.0-api.json'), 'utf8')) as RawFacts;
const { data: registry, references } = convertFactsWithReferences(facts);
const encoded = encodeRegistry(registry);
writeAtomic(join(outDir, 'registry.jsonl'), encoded.lines);
writeAtomic(join(outDir, 'registry-index.txt'), indexToText(encoded.index));
console.log(`registry: ${registry.apis.length} APIs, ${registry.inventories.length} inventories`);
const byHow = new Map<string, number>();
for (const r of references.values()) byHow.set(r.how, (byHow.get(r.how) ?? 0) + 1);
console.log(`uuid references: ${references.size} params and fields placed (${[...byHow].map(([k, n]) => `${k} ${n}`).join(', ')})`);

// The seed manual (ZStack 3.0 developer manual, Chinese) supplies the help texts.
const seeds = join(shared, 'seeds');
const manualFile = readdirSync(seeds)
  .filter((f) => /^001_.*\.txt$/.test(f))
  .sort()[0];
if (!manualFile) throw new Error(`no 001_*.txt manual in ${seeds}`);
const { docs, report } = extractManual(readFileSync(join(seeds, manualFile), 'utf8'), registry);
const docsJson = JSON.stringify(docs);
writeAtomic(join(outDir, 'docs.json'), docsJson);
const apiDocs = Object.values(docs.apis);
const unmatched = report.sections.filter((s) => !s.api);
console.log(
  `docs: ${apiDocs.length}/${report.sections.length} manual APIs, ${apiDocs.filter((d) => d.example).length} examples, ` +
    `${apiDocs.filter((d) => d.body !== undefined).length} bodies, ${Object.keys(docs.fields).length} field docs, ${docsJson.length} bytes`,
);
for (const s of unmatched) console.log(`  unmatched ${s.section} ${s.printed}: ${s.reason}`);
for (const s of report.sections.filter((x) => x.api && x.how !== 'exact')) console.log(`  matched ${s.section} ${s.printed} as ${s.api} (${s.how})`);
if (report.titleAsDescription.length) console.log(`  ${report.titleAsDescription.length} APIs have no description paragraph; their title stands in`);
for (const m of report.requestMismatches) console.log(`  request differs from the registry: ${m}`);
if (report.unknownParams.length) console.log(`  params not in the registry: ${report.unknownParams.join(', ')}`);
if (report.bodiesLeftOut.length) console.log(`  bodies left out: ${report.bodiesLeftOut.join(', ')}`);
if (report.unresolvedTables.length) console.log(`  response tables without an inventory: ${report.unresolvedTables.join(', ')}`);
