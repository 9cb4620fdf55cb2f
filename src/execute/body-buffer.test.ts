import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyBuffer, MAX_STRING_BYTES } from './body-buffer.js';

describe('BodyBuffer', () => {
  it('joins chunks of any size into the same text, characters split across chunks included (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 40 }), fc.boolean(), (text, cuts, announce) => {
        const bytes = Buffer.from(text);
        const b = new BodyBuffer(announce ? bytes.length : Number.NaN, 1 << 20);
        let at = 0;
        for (const c of cuts) {
          expect(b.add(bytes.subarray(at, at + c))).toBe(true);
          at = Math.min(bytes.length, at + c);
        }
        expect(b.add(bytes.subarray(at))).toBe(true);
        expect(b.text()).toBe(text);
      }),
    );
  });

  it('refuses an announced body over the limit, and stops keeping chunks once past it', () => {
    const b = new BodyBuffer(2 ** 30, 1000);
    expect(b.fits(2 ** 30)).toBe(false);
    expect(b.fits(1000)).toBe(true);
    expect(b.fits(Number.NaN)).toBe(true);
    const u = new BodyBuffer(Number.NaN, 1000);
    expect(u.add(Buffer.alloc(600))).toBe(true);
    expect(u.add(Buffer.alloc(600))).toBe(false);
    expect(u.size).toBe(1200);
  });

  it('never allows a limit beyond what one string can hold', () => {
    expect(new BodyBuffer(Number.NaN, 2 ** 40).limit).toBe(MAX_STRING_BYTES);
  });
});
