// Which strings the text writer may put between quotes as they are: exactly those JSON.stringify would write so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsEscape, valueText } from './row-code.js';

describe('needsEscape', () => {
  it('is false only for strings JSON.stringify writes as they are, and true for any quote, backslash, control or surrogate', () => {
    const chars = fc.constantFrom('a', 'Z', '0', ' ', 'é', '中', '"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800', '\udfff', '😀', '/');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 12 }), (cs) => {
        const s = cs.join('');
        const special = /["\\\u0000-\u001f\ud800-\udfff]/.test(s);
        expect(needsEscape(s)).toBe(special);
        if (!needsEscape(s)) expect(JSON.stringify(s)).toBe(`"${s}"`);
        expect(valueText(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('looks at the whole string, whatever its length, and at nothing but strings of those characters', () => {
    expect(needsEscape('')).toBe(false);
    expect(needsEscape(`${'0'.repeat(5000)}"`)).toBe(true);
    expect(needsEscape(`\n${'0'.repeat(5000)}`)).toBe(true);
    expect(needsEscape('line one\nline two')).toBe(true);
    expect(needsEscape('0dacf069bc8a40cb9fc4aaeba6cb94b2')).toBe(false);
  });
});
