import { describe, expect, it } from 'vitest';
import type { OutputFailure } from './output-guard.js';
import { syncOutput, type WriteSync } from './sync-output.js';

const failure = (code: string): Error => Object.assign(new Error(code), { code });

/** A descriptor that takes at most `chunk` bytes a call, then fails as `failures` says (by call number). */
function descriptor(chunk: number, failures: Record<number, string> = {}) {
  const got: number[] = [];
  let calls = 0;
  const writeSync: WriteSync = (fd, bytes, offset, length) => {
    expect(fd).toBe(1);
    const code = failures[calls++];
    if (code) throw failure(code);
    const n = Math.min(chunk, length);
    got.push(...bytes.subarray(offset, offset + n));
    return n;
  };
  return { writeSync, text: () => Buffer.from(got).toString('utf8'), calls: () => calls };
}

function fallbackStream() {
  const got: Buffer[] = [];
  return { write: (b: Uint8Array) => got.push(Buffer.from(b)), text: () => Buffer.concat(got).toString('utf8') };
}

describe('syncOutput', () => {
  it('writes every byte, across partial writes, multi-byte characters included', () => {
    const d = descriptor(3);
    const out = syncOutput(1, 'stdout', d.writeSync, () => {
      throw new Error('no stream wanted');
    }, () => {
      throw new Error('no failure expected');
    });
    out.write('zone.cluster.\tjoin to Zöne ✓\n');
    out.write('second\n');
    expect(d.text()).toBe('zone.cluster.\tjoin to Zöne ✓\nsecond\n');
  });

  it('hands the rest to a stream when the descriptor would block, and keeps the order after', () => {
    const d = descriptor(4, { 2: 'EAGAIN' });
    const s = fallbackStream();
    let made = 0;
    const out = syncOutput(
      1,
      'stdout',
      d.writeSync,
      () => {
        made++;
        return s;
      },
      () => {
        throw new Error('no failure expected');
      },
    );
    out.write('abcdefghijkl\n');
    out.write('more\n');
    expect(d.text()).toBe('abcdefgh');
    expect(s.text()).toBe('ijkl\nmore\n');
    expect(made).toBe(1);
  });

  it('reports the first failure once (the reader went away, a full disk) and drops the rest', () => {
    for (const code of ['EPIPE', 'ENOSPC']) {
      const d = descriptor(2, { 1: code });
      const failures: OutputFailure[] = [];
      const out = syncOutput(1, 'stdout', d.writeSync, () => {
        throw new Error('no stream wanted');
      }, (f) => failures.push(f));
      expect(() => out.write('abcdef')).not.toThrow();
      expect(() => out.write('ghi')).not.toThrow();
      expect(d.text()).toBe('ab');
      expect(d.calls()).toBe(2);
      expect(failures).toEqual([{ stream: 'stdout', code }]);
    }
  });

  it('says it failed (errored) from the first failure on, as a stream would, so a writer stops', () => {
    const d = descriptor(8, { 1: 'EPIPE' });
    const out = syncOutput(1, 'stdout', d.writeSync, () => {
      throw new Error('no stream wanted');
    }, () => undefined);
    expect(out.errored).toBeNull();
    out.write('12345678');
    expect(out.errored).toBeNull();
    out.write('9');
    expect((out.errored as NodeJS.ErrnoException).code).toBe('EPIPE');
  });

  it('takes bytes as they are, and passes the stream\'s backpressure and events on once it took over', () => {
    const d = descriptor(4, { 1: 'EAGAIN' });
    const listeners: Array<[string, () => void]> = [];
    const got: Buffer[] = [];
    let full = false;
    const stream = {
      write: (b: Uint8Array) => (got.push(Buffer.from(b)), !full),
      once: (e: string, l: () => void) => listeners.push([e, l]),
      off: (e: string, l: () => void) => listeners.splice(listeners.findIndex(([x, y]) => x === e && y === l), 1),
      errored: null,
    };
    const out = syncOutput(1, 'stdout', d.writeSync, () => stream, () => undefined);
    const noop = (): void => undefined;
    out.once('drain', noop);
    expect(listeners).toEqual([]);
    expect(out.write(new Uint8Array([0x61, 0x62, 0x63, 0x64, 0x65, 0x66]))).toBe(true);
    expect(d.text()).toBe('abcd');
    expect(Buffer.concat(got).toString()).toBe('ef');
    full = true;
    expect(out.write('gh')).toBe(false);
    out.once('drain', noop);
    expect(listeners).toEqual([['drain', noop]]);
    out.off('drain', noop);
    expect(listeners).toEqual([]);
    expect(out.errored).toBeNull();
  });
});
