import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { guardOutput, guardOutputLazily, type OutputFailure } from './output-guard.js';
import { exitCodeAfterStop, STOP_EXIT_CODES } from './stops.js';

/** A stream whose writes fail with `code` from the `failAt`-th on (1-based), at once or after a while. */
function failing(code: string, failAt = 1, async = false): Writable & { written: string[] } {
  const written: string[] = [];
  let n = 0;
  const w = new Writable({
    highWaterMark: 4,
    write(chunk: Buffer, _enc, cb) {
      n++;
      if (n < failAt) {
        written.push(chunk.toString());
        return void (async ? setTimeout(cb, 5) : cb());
      }
      const err = Object.assign(new Error(`write ${code}`), { code });
      if (async) setTimeout(() => cb(err), 5);
      else cb(err);
    },
  });
  return Object.assign(w, { written });
}

describe('guardOutput', () => {
  it('a reader gone (EPIPE) is reported once, never as an unhandled error, and later writes are dropped', async () => {
    const failures: OutputFailure[] = [];
    const s = guardOutput(failing('EPIPE'), 'stdout', (f) => failures.push(f));
    expect(() => s.write('a')).not.toThrow();
    // Known at once: stops before the next line of a script runs.
    expect(failures).toEqual([{ stream: 'stdout', code: 'EPIPE' }]);
    expect(s.write('b')).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(failures).toHaveLength(1);
  });

  it('a writer waiting for drain when the stream fails is released', async () => {
    const raw = failing('EPIPE', 2, true);
    const failures: OutputFailure[] = [];
    const s = guardOutput(raw, 'stdout', (f) => failures.push(f));
    expect(s.write('0123456789')).toBe(false);
    s.write('more');
    await new Promise<void>((r) => s.once('drain', () => r()));
    expect(failures.map((f) => f.code)).toEqual(['EPIPE']);
    expect(s.write('after')).toBe(true);
  });

  it('a full disk (ENOSPC) is reported with its code; the stream keeps its other properties', () => {
    const raw = Object.assign(failing('ENOSPC'), { isTTY: false, columns: 80 });
    const failures: OutputFailure[] = [];
    const s = guardOutput(raw, 'stderr', (f) => failures.push(f));
    s.write('x');
    expect(failures).toEqual([{ stream: 'stderr', code: 'ENOSPC' }]);
    expect(s.columns).toBe(80);
    expect(s.isTTY).toBe(false);
  });
});

describe('guardOutputLazily', () => {
  it('opens the stream on first use only, once, and guards it like guardOutput', () => {
    let opened = 0;
    const raw = Object.assign(failing('EPIPE', 2), { isTTY: true });
    const failures: OutputFailure[] = [];
    const s = guardOutputLazily(
      () => {
        opened++;
        return raw;
      },
      'stderr',
      (f) => failures.push(f),
    );
    expect(opened).toBe(0);
    expect(s.isTTY).toBe(true);
    expect(s instanceof Writable).toBe(true);
    s.write('first');
    expect(() => s.write('second')).not.toThrow();
    expect(opened).toBe(1);
    expect(raw.written).toEqual(['first']);
    expect(failures).toEqual([{ stream: 'stderr', code: 'EPIPE' }]);
  });
});

describe('exitCodeAfterStop', () => {
  it('a closed output is 141, a failed one 1; signals turn an interruption into 128 + their number', () => {
    expect(exitCodeAfterStop(0, 'output-closed')).toBe(141);
    expect(exitCodeAfterStop(130, 'output-closed')).toBe(141);
    expect(exitCodeAfterStop(0, 'output-failed')).toBe(1);
    expect(exitCodeAfterStop(2, 'output-failed')).toBe(2);
    expect(exitCodeAfterStop(130, 'SIGTERM')).toBe(143);
    expect(exitCodeAfterStop(130, 'SIGHUP')).toBe(129);
    expect(exitCodeAfterStop(0, 'SIGTERM')).toBe(143);
    expect(exitCodeAfterStop(0, 'SIGINT')).toBe(0);
    expect(exitCodeAfterStop(130, 'SIGINT')).toBe(130);
    expect(exitCodeAfterStop(3, undefined)).toBe(3);
    expect(STOP_EXIT_CODES.SIGINT).toBe(130);
  });
});
