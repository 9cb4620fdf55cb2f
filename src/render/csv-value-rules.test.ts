// The csv and value writers' rules one by one (csv.ts, value.ts): which fields are quoted, which are
// defused as formulas and which numbers are left alone, the default columns, the header written once,
// escapes on a terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRenderer, renderValue, type RenderOptions } from './index.js';
import { csvField, csvList, csvObject, csvScalar, defuseFormula } from './csv.js';

const csv = (v: unknown, extra: Partial<RenderOptions> = {}) => renderValue(v, { format: 'csv', color: false, ...extra });
const value = (v: unknown, extra: Partial<RenderOptions> = {}) => renderValue(v, { format: 'value', color: false, ...extra });

describe('csv fields', () => {
  it('quoted when they hold a quote, a comma, a CR or an LF; quotes doubled', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('"')).toBe('""""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    for (const s of ['a b', "a'b", '', 'x=', ' -5', 'a;b', 'a\tb']) expect(csvField(s), JSON.stringify(s)).toBe(s);
  });

  it('a text starting with = + - @ TAB or CR gets a leading quote, also inside quotes', () => {
    for (const s of ['=x', '+x', '-x', '@x', '\tx', '=1', '-5x', '-1e', '--5', '-.', '-', '+', '-1.2.3', '-e5', '-5 ', '+.5e', '-5e+', '+1-2']) {
      expect(defuseFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    }
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('-1,5')).toBe('"\'-1,5"');
    expect(csvField('+1\n')).toBe('"\'+1\n"');
  });

  it('numbers, signed or not, with a point or an exponent, are left as they are', () => {
    for (const s of ['-5', '+5', '-0', '+1.5e3', '-.5', '-.55', '+5.', '-1E-3', '+1e+3', '-12.75', '+.5', '-5e10', '-1.5E+7', '5']) expect(defuseFormula(s), s).toBe(s);
  });

  it('property: a defused field is the text with one leading quote, or the text itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '.', 'e', '1', '0', 'a', ' '), maxLength: 8 }), (s) => {
        const d = defuseFormula(s);
        const risky = /^[=+\-@\t\r]/.test(s);
        const number = /^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(s);
        expect(d).toBe(risky && !number ? `'${s}` : s);
      }),
      { numRuns: 300 },
    );
  });
});

describe('csv records', () => {
  it('an empty first field is an empty field, not a lone empty record', () => {
    expect(csv([{ a: '', b: 'x' }])).toBe('a,b\r\n,x\r\n');
    expect(csv([{ a: '' }])).toBe('a\r\n""\r\n');
    expect(csv([{ a: null }], { columns: ['a'] })).toBe('a\r\n""\r\n');
  });

  it('rows that are not all objects: one value column', () => {
    expect(csv([1, 'a'])).toBe('value\r\n1\r\na\r\n');
    expect(csv([{ a: 1 }, 2])).toBe('value\r\n"{""a"":1}"\r\n2\r\n');
  });

  it('on a terminal the header and keys are escaped too; the key,value header never needs it', () => {
    expect(csv([{ 'a\x1b': 1 }], { terminal: true })).toBe('a\\e\r\n1\r\n');
    expect(csv([{ 'a\x1b': 1 }])).toBe('a\x1b\r\n1\r\n');
    expect(csv({ 'k\x1b': 'v', u: undefined })).toBe('key,value\r\nk\x1b,v\r\n');
    expect(csv({ 'k\n': '=v' }, { terminal: true })).toBe("key,value\r\nk\\n,'=v\r\n");
  });

  it('the writers called without `terminal` keep the data as it is', () => {
    const r = csvList(['a']);
    expect(r.rows([{ a: '\x1b' }]) + r.end()).toBe('a\r\n\x1b\r\n');
    expect(csvObject({ k: '\x1b' })).toBe('key,value\r\nk,\x1b\r\n');
    expect(csvScalar('\x1b')).toBe('value\r\n\x1b\r\n');
  });

  it('the header once, before the first row, over several batches; alone when no row comes', () => {
    const r = listRenderer({ format: 'csv', color: false, columns: ['a'] });
    expect(r.rows([{ a: 1 }])).toBe('a\r\n1\r\n');
    expect(r.rows([{ a: 2 }, { a: 3 }])).toBe('2\r\n3\r\n');
    expect(r.end()).toBe('');
    const none = listRenderer({ format: 'csv', color: false, columns: ['a', 'b'] });
    expect(none.rows([])).toBe('a,b\r\n');
    expect(none.end()).toBe('');
    const untouched = listRenderer({ format: 'csv', color: false, columns: ['a', 'b'] });
    expect(untouched.end()).toBe('a,b\r\n');
    const held = listRenderer({ format: 'csv', color: false });
    expect(held.rows([{ a: 1 }])).toBe('');
    expect(held.end()).toBe('a\r\n1\r\n');
  });
});

describe('value', () => {
  it('rows that are not objects, nested fields, a key with a tab', () => {
    expect(value([1, 'a', null])).toBe('1\na\n\n');
    expect(value([{ a: 1 }, 2])).toBe('{"a":1}\n2\n');
    expect(value({ 'k\tx': 'v\x07', u: undefined })).toBe('k x\tv\\x07\n');
    expect(value([{ a: 1, b: { c: 1 }, d: 'x' }])).toBe('1\tx\n');
    expect(value([{ a: 1, b: 2, c: 3 }], { columns: ['c', 'a'] })).toBe('3\t1\n');
    expect(value(null)).toBe('\n');
    expect(value([])).toBe('');
  });

  it('with -c rows are written as they come; without, after the first ones are seen', () => {
    const r = listRenderer({ format: 'value', color: false, columns: ['a', 'b'] });
    expect(r.rows([{ a: 1, b: 2 }])).toBe('1\t2\n');
    expect(r.rows([{ b: 3 }])).toBe('\t3\n');
    expect(r.end()).toBe('');
    const held = listRenderer({ format: 'value', color: false });
    expect(held.rows([{ a: 1 }])).toBe('');
    expect(held.rows([{ a: 2, b: 3 }])).toBe('');
    expect(held.end()).toBe('1\t\n2\t3\n');
  });
});
