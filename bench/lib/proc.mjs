// Child processes for the benchmarks: timed runs (spawn to exit, measured here with hrtime, so no
// hyperfine is needed), a bounded wait for each, and peak RSS reported by the child itself.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { msSince } from './stats.mjs';

const MAX_CAPTURE = 256 * 1024;
const RSS_HOOK = pathToFileURL(fileURLToPath(new URL('./maxrss-hook.mjs', import.meta.url))).href;

/**
 * CPU time (user + system) of this process's children that have ended and been waited for, in ms (Linux: cutime and
 * cstime of /proc/self/stat, in clock ticks of 10 ms; NaN elsewhere). The difference around one child is its own CPU
 * time to within a tick when no other child ends meanwhile; a mean over many runs is finer than a tick.
 */
export function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * Runs `cmd args` once: stdout to /dev/null (or captured with `capture: true`), stderr captured.
 * Resolves with wall time from spawn to exit, the child's CPU time (`cpuMs`, see childrenCpuMs), exit code and the
 * captured text; kills the child (and reports `timedOut`) after `timeoutMs`.
 */
export function runTimed(cmd, args, { env = process.env, timeoutMs = 60_000, capture = false, cwd } = {}) {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    let timedOut = false;
    const cpu0 = childrenCpuMs();
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (s) => {
      if (out.length < MAX_CAPTURE) out += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s) => {
      if (err.length < MAX_CAPTURE) err += s;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ms: msSince(start), code: -1, signal: null, stdout: out, stderr: `${err}${e.message}`, timedOut });
    });
    child.on('exit', (code, signal) => {
      const ms = msSince(start);
      const cpuMs = childrenCpuMs() - cpu0;
      clearTimeout(timer);
      // Let the pipes drain before handing the text over.
      child.on('close', () => resolve({ ms, cpuMs, code, signal, stdout: out, stderr: err, timedOut }));
    });
  });
}

/**
 * Like runTimed for a Node script, with the child reporting its own peak RSS at exit through a
 * small --import hook (maxrss-hook.mjs).
 */
export async function runNodeWithRss(args, { env = process.env, timeoutMs, tmpDir }) {
  const file = join(tmpDir, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const r = await runTimed(process.execPath, ['--import', RSS_HOOK, ...args], { env: { ...env, ZSTACK_BENCH_RSS_FILE: file }, timeoutMs });
  let maxRssBytes = NaN;
  if (existsSync(file)) {
    maxRssBytes = JSON.parse(readFileSync(file, 'utf8')).maxRssBytes;
    rmSync(file, { force: true });
  }
  return { ...r, maxRssBytes };
}

/** Is `cmd` on PATH (runs `cmd --version`)? */
export function hasCommand(cmd) {
  const r = spawnSync(cmd, ['--version'], { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/** Runs `fn` `warmup` times untimed, then `runs` times; `before` runs untimed before each. Returns the ms samples. */
export async function repeat(runs, warmup, fn, before) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    if (before) await before(i);
    const r = await fn(i);
    if (i >= warmup) samples.push(r);
  }
  return samples;
}
