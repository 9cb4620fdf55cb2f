// Loaded with `node --import` into a child under test: at exit, writes the child's peak RSS to the
// file named by ZSTACK_BENCH_RSS_FILE. Adds no work before exit.
import { writeFileSync } from 'node:fs';

const file = process.env.ZSTACK_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    // maxRSS is in KiB.
    writeFileSync(file, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
}
