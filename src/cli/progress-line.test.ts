import { describe, expect, it } from 'vitest';
import { progressText, startProgress } from './progress-line.js';

describe('progress line', () => {
  it('redraws at most every 100 ms and erases itself', () => {
    let t = 0;
    let out = '';
    const p = startProgress({ write: (s) => (out += s) }, () => t);
    p.update(10, undefined);
    expect(out).toBe('');
    t = 150;
    p.update(35_000, 100_000);
    t = 200;
    p.update(36_000, 100_000);
    p.done();
    expect(out).toBe('\r35,000 / 100,000 rows\x1b[K\r\x1b[K');
    expect(progressText(12, undefined)).toBe('12 rows');
  });
});
