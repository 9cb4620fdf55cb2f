// The layout rules of the double-Tab listing (listing.ts) on hand-made completions: widths of wide
// characters, column fitting, descriptions clipped to the width, block order and separators.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columns, formatListing, textWidth } from './listing.js';
import type { Candidate, Completion } from './types.js';

const of = (candidates: Candidate[]): Completion => ({ replaceFrom: 0, replaceTo: 0, candidates });

/** The ranges textWidth counts as two columns (East Asian wide and fullwidth). */
const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

describe('textWidth', () => {
  it('counts two columns for each wide range, first and last code point, one just outside', () => {
    for (const [lo, hi] of WIDE) {
      expect(textWidth(String.fromCodePoint(lo)), lo.toString(16)).toBe(2);
      expect(textWidth(String.fromCodePoint(hi)), hi.toString(16)).toBe(2);
      expect(textWidth(String.fromCodePoint(lo - 1)), (lo - 1).toString(16)).toBe(1);
      expect(textWidth(String.fromCodePoint(hi + 1)), (hi + 1).toString(16)).toBe(1);
    }
  });

  it('is the sum over code points (a pair of surrogates is one)', () => {
    expect(textWidth('')).toBe(0);
    expect(textWidth('ab')).toBe(2);
    expect(textWidth('名前x')).toBe(5);
    expect(textWidth('\u{20000}')).toBe(2);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(textWidth(a + b)).toBe(textWidth(a) + textWidth(b));
        expect(textWidth(a)).toBeGreaterThanOrEqual([...a].length);
        expect(textWidth(a)).toBeLessThanOrEqual(2 * [...a].length);
      }),
    );
  });
});

describe('columns', () => {
  it('cells are as wide as the widest item + 2; the last of a row is not padded', () => {
    expect(columns(['a', 'bbb', 'cc'], 80)).toEqual(['a    bbb  cc']);
    expect(columns(['a', 'bbb', 'cc'], 10)).toEqual(['a    bbb', 'cc']);
    expect(columns(['a', 'bbb', 'cc'], 9)).toEqual(['a', 'bbb', 'cc']);
    expect(columns([], 80)).toEqual([]);
    expect(columns(['x'], 0)).toEqual(['x']);
  });

  it('pads wide characters by their display width', () => {
    expect(columns(['名前', 'ab', 'c'], 80)).toEqual(['名前  ab    c']);
  });

  it('fits every row within the width when the cells do, and keeps every item in order', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/\s/.test(s)), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 120 }), (items, width) => {
        const rows = columns(items, width);
        const cell = Math.max(...items.map(textWidth)) + 2;
        if (cell <= width) for (const r of rows) expect(textWidth(r)).toBeLessThanOrEqual(width);
        const perRow = Math.max(1, Math.floor(width / cell));
        expect(rows).toHaveLength(Math.ceil(items.length / perRow));
        expect(rows.flatMap((r) => r.split(/\s+/))).toEqual(items);
      }),
    );
  });
});

describe('formatListing', () => {
  it('describes values in two columns: the names padded to the widest + 2, at most half the width', () => {
    const c = of([
      { value: 'a', description: 'first', group: 'value' },
      { value: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', description: 'second', group: 'value' },
      { value: 'cc', group: 'value' },
    ]);
    // Half of 34 is 17: the long name is not padded, its line is clipped to 34 columns.
    expect(formatListing(c, { width: 34 })).toEqual(['[Values:]', `a${' '.repeat(16)}first`, `${'b'.repeat(30)}sec…`, 'cc']);
    // The width is at least 20, so the names get at least 10 columns.
    expect(formatListing(c, { width: 10 })[1]).toBe(`a${' '.repeat(9)}first`);
    const short = of([
      { value: 'a', description: 'x', group: 'value' },
      { value: 'bcd', description: 'y', group: 'value' },
    ]);
    expect(formatListing(short, { width: 80 })).toEqual(['[Values:]', 'a    x', 'bcd  y']);
  });

  it('clips a described line to the width with …, counting wide characters as two', () => {
    const c = of([{ value: 'op', description: '名'.repeat(30), group: 'option' }]);
    const lines = formatListing(c, { width: 20 });
    expect(lines[0]).toBe('[Options:]');
    expect(lines[1]).toBe(`op  ${'名'.repeat(7)}…`);
    expect(textWidth(lines[1]!)).toBe(19);
    const exact = of([{ value: 'op', description: 'x'.repeat(16), group: 'option' }]);
    expect(formatListing(exact, { width: 20 })[1]).toBe(`op  ${'x'.repeat(16)}`);
    const over = of([{ value: 'op', description: 'x'.repeat(17), group: 'option' }]);
    expect(formatListing(over, { width: 20 })[1]).toBe(`op  ${'x'.repeat(15)}…`);
  });

  it('takes a width of at least 20, and 80 when none is known', () => {
    const long = of([{ value: 'v', description: 'd'.repeat(200), group: 'value' }]);
    expect(formatListing(long, { width: 5 })[1]).toHaveLength(20);
    expect(formatListing(long, { width: 0 })[1]).toHaveLength(80);
    expect(formatListing(long, { width: Number.NaN })[1]).toHaveLength(80);
  });

  it('undescribed values are laid out in columns, shown by their display text', () => {
    const c = of([
      { value: "'a b'", display: 'a b', group: 'value' },
      { value: 'c', group: 'value' },
    ]);
    expect(formatListing(c, { width: 80 })).toEqual(['[Values:]', 'a b  c']);
  });

  it('orders the blocks, each titled once, separated by one blank line', () => {
    const c = of([
      { value: 'p2=', group: 'param' },
      { value: 'v', group: 'value' },
      { value: 'f=', group: 'field' },
      { value: 'j.', group: 'join' },
      { value: '--o', group: 'option', description: 'opt' },
      { value: 'Api', group: 'api' },
      { value: 'b', group: 'builtin', description: 'bi' },
      { value: 'q=', group: 'queryParam' },
      { value: 'p1=', group: 'param', required: true },
      { value: 'k!=', display: '!=', group: 'operator', description: 'not equal' },
    ]);
    expect(formatListing(c, { width: 80 })).toEqual([
      '[Built-ins:]',
      'b  bi',
      '',
      '[APIs:]',
      'Api',
      '',
      '[Options:]',
      '--o  opt',
      '',
      '[Query Conditions:]',
      'j.',
      '',
      'f=',
      '',
      '[Operators for k:]',
      '!=  not equal',
      '',
      '[Parameters:]',
      'q=',
      '',
      'p1=*',
      '',
      'p2=',
      '',
      '[Values:]',
      'v',
      '(* required)',
    ]);
  });

  it('leaves out empty blocks and their titles; no note without required params', () => {
    expect(formatListing(of([]), { width: 80 })).toEqual([]);
    expect(formatListing(of([{ value: 'f=', group: 'field' }]), { width: 80 })).toEqual(['[Query Conditions:]', 'f=']);
    expect(formatListing(of([{ value: 'p=', group: 'param' }]), { width: 80 })).toEqual(['[Parameters:]', 'p=']);
  });

  it('shows at most maxItems (400 by default) and says how many more there are', () => {
    const many = of(Array.from({ length: 405 }, (_, i): Candidate => ({ value: `api${i}`, group: 'api' })));
    const lines = formatListing(many, { width: 20 });
    expect(lines[lines.length - 1]).toBe('... 5 more; type more letters to narrow');
    expect(lines.join(' ')).toContain('api399');
    expect(lines.join(' ')).not.toContain('api400');
    const capped = formatListing(many, { width: 20, maxItems: 3 });
    expect(capped).toEqual(['[APIs:]', 'api0  api1  api2', '... 402 more; type more letters to narrow']);
    expect(formatListing(of(many.candidates.slice(0, 400)), { width: 20 }).at(-1)).toMatch(/api399$/);
  });
});
