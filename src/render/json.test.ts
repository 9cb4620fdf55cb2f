import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderChunks, renderValue } from './index.js';

const plain = (v: unknown) => renderValue(v, { format: 'json', color: false });
const coloured = (v: unknown) => renderValue(v, { format: 'json', color: true });
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('json', () => {
  it('round-trips arbitrary JSON values (JSON.parse(render(v)) equals v)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        const text = plain(v);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        // JSON.stringify's text, but DEL, C1 controls and U+2028/9 written as \u escapes (same JSON value).
        expect(text).toBe(JSON.stringify(v, null, 2).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n');
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
      { numRuns: 500 },
    );
  });

  it('with colour is the same text once the ANSI codes are removed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        expect(stripAnsi(coloured(v))).toBe(plain(v));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes quotes, backslashes, control characters (C1 and DEL too) and lone surrogates', () => {
    const v = { 'k"ey\\\u009b': 'say "hi"\\ \n\t\r\b\f\u0000\u001f\u007f\u009b2J\u2028 \ud800 中文 😀' };
    const text = plain(v);
    expect(text).toBe('{\n  "k\\"ey\\\\\\u009b": "say \\"hi\\"\\\\ \\n\\t\\r\\b\\f\\u0000\\u001f\\u007f\\u009b2J\\u2028 \\ud800 中文 😀"\n}\n');
    expect(stripAnsi(coloured(v))).toBe(text);
    expect(JSON.parse(text)).toEqual(v);
    expect(JSON.parse(stripAnsi(coloured(v)))).toEqual(v);
  });

  it('colours keys, strings, numbers, booleans and null only when asked', () => {
    const v = { a: 'x', b: 1, c: true, d: null };
    expect(plain(v)).not.toContain('\x1b');
    const c = coloured(v);
    expect(c).toContain('\x1b[36m"a"\x1b[39m: \x1b[32m"x"\x1b[39m');
    expect(c).toContain('\x1b[33m1\x1b[39m');
    expect(c).toContain('\x1b[35mtrue\x1b[39m');
    expect(c).toContain('\x1b[90mnull\x1b[39m');
  });

  it('follows JSON.stringify for undefined, NaN and toJSON; writes bigints exactly; survives cycles', () => {
    expect(plain({ a: undefined, b: [undefined, NaN, Infinity], d: new Date(0) })).toBe(
      '{\n  "b": [\n    null,\n    null,\n    null\n  ],\n  "d": "1970-01-01T00:00:00.000Z"\n}\n',
    );
    expect(plain(undefined)).toBe('null\n');
    expect(plain({ n: 12345678901234567890n })).toBe('{\n  "n": 12345678901234567890\n}\n');
    const cyc: Record<string, unknown> = { name: 'x' };
    cyc.self = cyc;
    expect(JSON.parse(plain({ inventories: [cyc] }))).toEqual([{ name: 'x', self: '[Circular]' }]);
    expect(plain({})).toBe('{}\n');
    expect(plain([])).toBe('[]\n');
  });

  it('streams big answers in several chunks that join to the whole text', () => {
    const v = { inventories: Array.from({ length: 5000 }, (_, i) => ({ uuid: `u${i}`, name: `vm-${i}`, n: [i] })), total: 5000 };
    const chunks = [...renderChunks(v, { format: 'json', color: false })];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.length > 0 && c.length < 200_000)).toBe(true);
    expect(chunks.join('')).toBe(JSON.stringify(v, null, 2) + '\n');
    // Over 256 items at depth 2: walked in chunks too (each item, small, is written whole).
    const big = Array.from({ length: 300 }, (_, i) => ({ deep: { list: Array.from({ length: 30 }, (_, j) => i + j) } }));
    const deepChunks = [...renderChunks({ wrap: { big } }, { format: 'json', color: true })];
    expect(deepChunks.length).toBeGreaterThan(3);
    expect(JSON.parse(stripAnsi(deepChunks.join('')))).toEqual({ wrap: { big } });
  });

  it('projects rows on the given columns', () => {
    const v = { inventories: [{ uuid: 'a', name: 'x', vmNics: [{ ip: '10.0.0.1' }] }, { uuid: 'b' }] };
    const rows = [
      { uuid: 'a', 'vmNics.ip': ['10.0.0.1'] },
      { uuid: 'b', 'vmNics.ip': null },
    ];
    expect(JSON.parse(renderValue(v, { format: 'json', color: false, columns: ['uuid', 'vmNics.ip'] }))).toEqual(rows);
    // The same shape with or without -c: the rows, or (replyWithCount) the rows and the total.
    expect(JSON.parse(renderValue({ ...v, total: 2 }, { format: 'json', color: false, columns: ['uuid', 'vmNics.ip'] }))).toEqual({ inventories: rows, total: 2 });
    expect(JSON.parse(renderValue({ inventory: { uuid: 'a', name: 'x' } }, { format: 'json', color: false, columns: ['name'] }))).toEqual({ name: 'x' });
  });
});
