// Benchmark for src/render: builds N synthetic VM inventories shaped like ZStack's QueryVmInstance
// answer in the manual (20 scalar fields, one NIC with 11 fields, one root volume with 16 fields) and renders them in each format, each case in a
// fresh child process so peak RSS is per case. Reports render time and peak RSS (data included).
// Modes: stream = renderChunks written to /dev/null (what the CLI does), drain = renderChunks only
// (no write), string = renderValue then one write.
// Usage: npx tsx bench/render-rows.ts [rows=100000] [formats=table,json,yaml,csv,value]
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderChunks, renderValue, type OutputFormat } from '../src/render/index.js';

const hex = (i: number, salt: number) => ((i * 2654435761 + salt * 40503) >>> 0).toString(16).padStart(8, '0').repeat(4);
const STATES = ['Running', 'Stopped', 'Starting', 'Destroyed'];

function vm(i: number): Record<string, unknown> {
  const uuid = hex(i, 1);
  const date = `Nov ${1 + (i % 28)}, 2017 10:${String(i % 60).padStart(2, '0')}:57 PM`;
  const nics = Array.from({ length: 1 }, (_, n) => ({
    uuid: hex(i, 10 + n), vmInstanceUuid: uuid, usedIpUuid: hex(i, 20 + n), l3NetworkUuid: hex(n, 3),
    ip: `10.${n}.${(i >> 8) & 255}.${i & 255}`, mac: `fa:16:3e:${(i & 255).toString(16).padStart(2, '0')}:00:0${n}`,
    netmask: '255.255.0.0', gateway: `10.${n}.0.1`, deviceId: n, createDate: date, lastOpDate: date,
  }));
  const vols = [0].map((n) => ({
    uuid: hex(i, 30 + n), name: n ? `data-${i}` : `ROOT-for-vm-${i}`, primaryStorageUuid: hex(1, 4), vmInstanceUuid: uuid,
    installPath: `/zstack_ps/rootVolumes/acct-36c27e8ff05c4780bf6d2fa65700f22e/vol-${hex(i, 30 + n)}/${hex(i, 30 + n)}.qcow2`,
    type: n ? 'Data' : 'Root', format: 'qcow2', size: 107374182400, actualSize: 21474836480 + i, deviceId: n,
    state: 'Enabled', status: 'Ready', createDate: date, lastOpDate: date,
  }));
  return {
    uuid, name: i % 10 === 0 ? `数据库-${i}` : `vm-${i}`, description: i % 3 ? null : `web server ${i}`,
    zoneUuid: hex(1, 5), clusterUuid: hex(1, 6), imageUuid: hex(i % 7, 7), hostUuid: hex(i % 50, 8),
    lastHostUuid: hex(i % 50, 8), instanceOfferingUuid: hex(i % 5, 9), rootVolumeUuid: vols[0]!.uuid,
    platform: 'Linux', defaultL3NetworkUuid: hex(0, 3), type: 'UserVm', hypervisorType: 'KVM',
    memorySize: 8589934592, cpuNum: 1 + (i % 8), allocatorStrategy: 'LastHostPreferredAllocatorStrategy',
    createDate: date, lastOpDate: date, state: STATES[i % 4], vmNics: nics, allVolumes: vols,
  };
}

type Mode = 'stream' | 'drain' | 'string';

function child(format: OutputFormat, mode: Mode, rows: number, color: boolean): void {
  // Through JSON text, row by row, so strings and objects look like a parsed HTTP answer's.
  const value = { inventories: Array.from({ length: rows }, (_, i) => JSON.parse(JSON.stringify(vm(i))) as unknown), total: rows * 2 };
  const rssData = process.memoryUsage().rss;
  const opts = { format, color, width: 160 };
  const fd = openSync('/dev/null', 'w');
  const t0 = performance.now();
  let bytes = 0;
  if (mode === 'stream') {
    for (const chunk of renderChunks(value, opts)) {
      bytes += chunk.length;
      writeSync(fd, chunk);
    }
  } else if (mode === 'drain') {
    for (const chunk of renderChunks(value, opts)) bytes += chunk.length;
  } else {
    const text = renderValue(value, opts);
    bytes = text.length;
    writeSync(fd, text);
  }
  const ms = performance.now() - t0;
  closeSync(fd);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, peakMB: peak, dataMB: rssData / 2 ** 20, chars: bytes }));
}

const [, , a1, a2, a3, a4, a5] = process.argv;
if (a1 === '--child') {
  child(a2 as OutputFormat, a3 as Mode, Number(a4), a5 === 'color');
} else {
  const rows = Number(a1 ?? 100_000);
  const formats = (a2 ?? 'table,json,yaml,csv,value').split(',') as OutputFormat[];
  const self = fileURLToPath(import.meta.url);
  console.log(`rows=${rows} node=${process.version}`);
  console.log('format  mode    color  render_ms  peak_rss_MB  rss_after_data_MB  output_MB');
  for (const f of formats) {
    for (const [mode, color] of [['stream', false], ['drain', false], ['string', false], ['stream', true]] as const) {
      const r = spawnSync(process.execPath, [...process.execArgv, self, '--child', f, mode, String(rows), color ? 'color' : 'plain'], { encoding: 'utf8' });
      if (r.status !== 0) {
        console.log(`${f} ${mode}: failed\n${r.stderr}`);
        continue;
      }
      const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; peakMB: number; dataMB: number; chars: number };
      console.log(
        `${f.padEnd(7)} ${mode.padEnd(7)} ${String(color).padEnd(6)} ${m.ms.toFixed(0).padStart(9)}  ${m.peakMB.toFixed(0).padStart(11)}  ${m.dataMB.toFixed(0).padStart(17)}  ${(m.chars / 2 ** 20).toFixed(1).padStart(9)}`,
      );
    }
  }
}
