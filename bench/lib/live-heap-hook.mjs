// Loaded with `node --import` into a child under test (with --expose-gc): records the heap still in
// use right after each full (mark-compact) GC, and after one more at exit, i.e. what the process
// really keeps alive, and writes the largest such figure to the file named by ZSTACK_BENCH_HEAP_FILE. Peak RSS also counts garbage V8
// has not collected yet; this is the figure that shows whether memory grows with the row count.
import { writeFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.ZSTACK_BENCH_HEAP_FILE;
if (file) {
  let max = 0;
  let majors = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      majors++;
      max = Math.max(max, process.memoryUsage().heapUsed);
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    // With --expose-gc, the heap kept at the end counts too (a short run may see no full GC at all).
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      max = Math.max(max, process.memoryUsage().heapUsed);
    }
    writeFileSync(file, JSON.stringify({ liveHeapMaxBytes: max, majorGcs: majors }));
  });
}
