// `npm run gen:schema`: regenerates src/schema/data/ from ../shared (API facts + seed manual).
// The output is committed so a fresh clone runs without ../shared.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convertFacts, type RawFacts } from './api-facts.js';
import { encodeRegistry } from '../../src/schema/store.js';

const root = resolve(import.meta.dirname, '../..');
const shared = resolve(root, process.env.ZSTACK_SHARED ?? '../shared');
const outDir = join(root, 'src/schema/data');

function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const facts = JSON.parse(readFileSync(join(shared, 'zstack-api/zstack-5.2.0-api.json'), 'utf8')) as RawFacts;
const registry = convertFacts(facts);
const encoded = encodeRegistry(registry);
writeAtomic(join(outDir, 'registry.jsonl'), encoded.lines);
writeAtomic(join(outDir, 'registry-index.json'), JSON.stringify(encoded.index));
console.log(`registry: ${registry.apis.length} APIs, ${registry.inventories.length} inventories`);

