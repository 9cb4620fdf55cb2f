// Loaded with `node --import` into a child under test: at exit, writes the child's peak RSS to the
// file named by ZSTACK_BENCH_RSS_FILE. Adds no work before exit.
//
// On Linux the peak is VmHWM from /proc/self/status: `process.resourceUsage().maxRSS` (getrusage)
// carries the parent's peak over fork and exec, so a child of a bench process holding a 218 MB body
// would report at least that. Elsewhere maxRSS is used.
import { readFileSync, writeFileSync } from 'node:fs';

/** This process's own peak resident set, in bytes. */
export function peakRssBytes() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB
}

const file = process.env.ZSTACK_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssBytes: peakRssBytes() })));
