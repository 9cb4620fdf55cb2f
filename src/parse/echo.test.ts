import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capReports, clip, ECHO_LIMIT, escapeControls, MAX_REPORTS, quoted } from './echo.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('escapeControls', () => {
  it('leaves no control character, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeControls(s);
        expect(e).not.toMatch(CONTROL);
        if (!CONTROL.test(s)) expect(e).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes them visibly', () => {
    expect(escapeControls('a\u001b[2J\t\n\r\u0007\u0000\u007f\u009b\u2028')).toBe('a\\e[2J\\t\\n\\r\\x07\\x00\\x7f\\x9b\\u2028');
  });
});

describe('clip', () => {
  it('is the escaped text, cut to the limit with an ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 1, max: 100 }), (s, max) => {
        const c = clip(s, max);
        const full = escapeControls(s);
        expect(c).not.toMatch(CONTROL);
        if (full.length <= max) expect(c).toBe(full);
        else {
          expect(c.endsWith('…')).toBe(true);
          expect(c.length).toBeLessThanOrEqual(max + 1);
          expect(full.startsWith(c.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never splits a surrogate pair', () => {
    expect(clip('😀'.repeat(100), 5)).toBe('😀😀…');
  });

  it('reads no more of a huge token than it shows', () => {
    const huge = 'x'.repeat(5e7);
    expect(quoted(huge)).toBe(`'${'x'.repeat(ECHO_LIMIT)}…'`);
  });
});

describe('capReports', () => {
  it('keeps the first ones and counts the rest', () => {
    expect(capReports([1, 2, 3], (n) => -n)).toEqual([1, 2, 3]);
    const many = Array.from({ length: MAX_REPORTS + 5 }, (_, i) => i);
    expect(capReports(many, (n) => -n)).toEqual([...many.slice(0, MAX_REPORTS), -5]);
  });
});

describe('clip and capReports edges (mutation survivors, issue #16)', () => {
  it('escapes one control character at a time and keeps surrogate pairs whole at the cut', () => {
    expect(clip('a\u0007b')).toBe('a\\x07b');
    expect(clip('a\ud800\udc00', 2)).toBe('a…');
    expect(clip('a\udbff\udfff', 2)).toBe('a…');
    expect(clip('a\ud800\udc00', 3)).toBe('a\ud800\udc00');
  });

  it('keeps exactly MAX_REPORTS items as they are', () => {
    const ten = Array.from({ length: MAX_REPORTS }, (_, i) => i);
    expect(capReports(ten, (n) => -n)).toEqual(ten);
  });
});

