// Why tables are drawn by src/render/table.ts and not by cli-table3 (a devDependency, used only
// here): the same rows (the default columns of QueryVmInstance: uuid, name, state, ip, ...)
// rendered by both into one string, in one process, median of 5 runs each, with a warm-up, and
// cli-table3's module load time. Ours also fits the terminal width, names the columns it hid and
// switches to records on a narrow terminal, which cli-table3 leaves to the caller.
// Usage: npx tsx bench/table-vs-cli-table3.ts [rows=2000] (cli-table3's time grows faster than the rows: 10,000 took over a minute)
import { createRequire } from 'node:module';
import { renderValue } from '../src/render/index.js';

const rows = Number(process.argv[2] ?? 2_000);
const COLUMNS = ['uuid', 'name', 'state', 'vmNics.0.ip', 'cpuNum', 'memorySize', 'hostUuid', 'createDate'] as const;
const hex = (i: number, salt: number): string => ((i * 2654435761 + salt * 40503) >>> 0).toString(16).padStart(8, '0').repeat(4);
const vms = Array.from({ length: rows }, (_, i) => ({
  uuid: hex(i, 1), name: i % 10 === 0 ? `数据库-${i}` : `vm-${i}`, state: ['Running', 'Stopped'][i % 2], vmNics: [{ ip: `10.0.${(i >> 8) & 255}.${i & 255}` }],
  cpuNum: 1 + (i % 8), memorySize: 8589934592, hostUuid: hex(i % 50, 8), createDate: `Nov ${1 + (i % 28)}, 2017 10:00:57 PM`,
}));

function median(f: () => number): { ms: number; bytes: number } {
  f();
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    bytes = f();
    times.push(performance.now() - t0);
  }
  return { ms: times.sort((a, b) => a - b)[2]!, bytes };
}

const t0 = performance.now();
const Table = createRequire(import.meta.url)('cli-table3') as new (o: object) => { push(...r: unknown[]): void; toString(): string };
const loadMs = performance.now() - t0;

const ours = median(() => renderValue({ inventories: vms }, { format: 'table', color: false, columns: [...COLUMNS] }).length);
const theirs = median(() => {
  const t = new Table({ head: [...COLUMNS], style: { head: [], border: [], compact: true } });
  for (const v of vms) t.push([v.uuid, v.name, v.state, v.vmNics[0]!.ip, v.cpuNum, v.memorySize, v.hostUuid, v.createDate]);
  return t.toString().length;
});
console.log(`${rows} rows x ${COLUMNS.length} columns, node ${process.version}`);
console.log(`  src/render/table.ts  ${ours.ms.toFixed(1).padStart(8)} ms  ${ours.bytes} characters`);
console.log(`  cli-table3           ${theirs.ms.toFixed(1).padStart(8)} ms  ${theirs.bytes} characters (module load ${loadMs.toFixed(1)} ms)`);
console.log(`  cli-table3 / ours    ${(theirs.ms / ours.ms).toFixed(1)}x`);
