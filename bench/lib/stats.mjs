// Small statistics helpers for the benchmarks: nearest-rank percentiles over a list of samples (ms).

/** The p-th percentile (0..100) of `samples`, nearest-rank; NaN when empty. */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** n, min, median, p90, p95, max of `samples`. */
export function summarize(samples) {
  return {
    n: samples.length,
    min: samples.length ? Math.min(...samples) : NaN,
    median: percentile(samples, 50),
    p90: percentile(samples, 90),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** Milliseconds since `start` (a `process.hrtime.bigint()` value). */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** `12.3 ms`, `1.23 s`. */
export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtMB(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(0)} MB` : 'n/a';
}
