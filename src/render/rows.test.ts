// The row model shared by table, csv and value (rows.ts): dotted column paths, field kinds and the
// default columns they give, and the text of a cell in each format.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileColumn, csvCell, fieldKinds, isRecord, isScalar, normalizeColumns, prep, scalarFields, scalarText, tableCell, valueCell } from './rows.js';

const row = {
  a: { b: [{ c: 1 }, { c: [2, 3] }, { d: 4 }, 5] },
  'x.y': 'dotted',
  x: { y: 'nested', z: 'other' },
  arr: [[1, 2], [3]],
  when: new Date(0),
  wrapped: { toJSON: () => ({ inner: 'seen' }) },
};
const get = (path: string, r: unknown = row) => compileColumn(path).get(r);

describe('column paths', () => {
  it('walk into objects, index arrays with a plain number, map the rest of the path over other arrays', () => {
    expect(get('a.b.c')).toEqual([1, 2, 3]);
    expect(get('a.b.0.c')).toBe(1);
    expect(get('a.b.1.c')).toEqual([2, 3]);
    expect(get('a.b.4.c')).toBeUndefined();
    expect(get('a.b.9')).toBeUndefined();
    // Not an index (a leading zero, a sign): a field name looked up in every element.
    expect(get('a.b.01.c')).toEqual([]);
    expect(get('a.b.-1')).toEqual([]);
    expect(get('a.b.1e0')).toEqual([]);
    expect(get('a.b.c.0')).toEqual([2]);
    expect(get('arr.0')).toEqual([1, 2]);
    expect(get('arr.1.0')).toBe(3);
    expect(get('arr.x')).toEqual([]);
    expect(get('x.z')).toBe('other');
    expect(get('list.10', { list: Array.from({ length: 12 }, (_, i) => i) })).toBe(10);
  });

  it('a key equal to the whole path wins over the walk; missing keys and non-objects give undefined', () => {
    expect(get('x.y')).toBe('dotted');
    expect(get('x.y', { x: { y: 'nested' } })).toBe('nested');
    expect(get('nope')).toBeUndefined();
    expect(get('a.nope')).toBeUndefined();
    expect(get('x.z.deeper')).toBeUndefined();
    expect(get('a', 'not a row')).toBeUndefined();
    expect(get('a.b', ['a'])).toEqual([]);
    expect(get('a', [{ a: 1 }])).toBeUndefined();
    expect(get('a', null)).toBeUndefined();
    expect(get('a.b', null)).toBeUndefined();
    // Inherited properties are not fields.
    expect(get('toString')).toBeUndefined();
    expect(get('x.toString')).toBeUndefined();
    expect(get('x.y.length', { x: { y: 'abc' } })).toBeUndefined();
    expect(compileColumn('a.b').path).toBe('a.b');
  });

  it('apply toJSON on the way and at the end', () => {
    expect(get('when')).toBe('1970-01-01T00:00:00.000Z');
    expect(get('wrapped.inner')).toBe('seen');
    expect(get('wrapped')).toEqual({ inner: 'seen' });
    expect(get('list.inner', { list: [{ toJSON: () => ({ inner: 1 }) }, { inner: 2 }] })).toEqual([1, 2]);
    expect(get('a.b', { 'a.b': new Date(0) })).toBe('1970-01-01T00:00:00.000Z');
  });

  it('flatten one level of arrays found through an array', () => {
    expect(get('nics.ips', { nics: [{ ips: ['1', '2'] }, { ips: [] }, { ips: ['3'] }, { other: 1 }] })).toEqual(['1', '2', '3']);
    expect(get('nics.ips', { nics: [{ ips: [['1'], '2'] }] })).toEqual([['1'], '2']);
  });

  it('options: trimmed, empties dropped, none left is no columns', () => {
    expect(normalizeColumns(undefined)).toBeUndefined();
    expect(normalizeColumns([])).toBeUndefined();
    expect(normalizeColumns([' ', ''])).toBeUndefined();
    expect(normalizeColumns([' uuid ', '', 'name'])).toEqual(['uuid', 'name']);
  });
});

describe('field kinds and default columns', () => {
  it('a field takes the kind of its first value that is not null or an empty list', () => {
    const rows = [{ a: null, b: [], c: [{ ip: '1' }], d: [1], e: {}, f: 1 }, { a: 'x', b: [1], c: 'y', e: 2, g: [{ ip: 1 }, 2] }, 'str', null, [1]];
    expect([...fieldKinds(rows)]).toEqual([
      ['a', 'scalar'],
      ['b', 'list'],
      ['c', 'iplist'],
      ['d', 'list'],
      ['e', 'object'],
      ['f', 'scalar'],
      ['g', 'iplist'],
    ]);
    expect([...fieldKinds([{ n: [{ mac: 'm' }, { ip: '1' }] }, { m: new Date(0) }, { u: undefined }])]).toEqual([
      ['n', 'iplist'],
      ['m', 'scalar'],
      ['u', 'none'],
    ]);
    expect([...fieldKinds([{ n: null }, { n: null }])]).toEqual([['n', 'none']]);
  });

  it('inherited fields are not fields', () => {
    const proto = { inherited: 1 };
    const r = Object.assign(Object.create(proto) as Record<string, unknown>, { own: 2 });
    expect([...fieldKinds([r])]).toEqual([['own', 'scalar']]);
  });

  it('default flat columns: the scalar fields and those only ever null, first-seen order', () => {
    expect(scalarFields([{ a: 1, nested: { x: 1 }, list: [1], n: null }, { b: 'x', a: 2, n: null }])).toEqual(['a', 'n', 'b']);
    expect(scalarFields([])).toEqual([]);
  });
});

describe('cell text', () => {
  it('scalars', () => {
    expect(scalarText('s')).toBe('s');
    expect(scalarText(1.5)).toBe('1.5');
    expect(scalarText(false)).toBe('false');
    expect(scalarText(12345678901234567890n)).toBe('12345678901234567890');
    expect(scalarText(null)).toBe('');
    expect(scalarText(undefined)).toBe('');
    expect(scalarText(Symbol('s'))).toBe('Symbol(s)');
    expect(isScalar(null)).toBe(true);
    expect(isScalar(1)).toBe(true);
    expect(isScalar([])).toBe(false);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord({})).toBe(true);
    expect(prep(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(prep({ toJSON: 1 })).toEqual({ toJSON: 1 });
    expect(prep(null)).toBeNull();
  });

  it('table: one line; lists of scalars or IPs joined with ", " (empty ones skipped), other lists counted, objects as JSON', () => {
    const cases: [unknown, string][] = [
      [null, ''],
      [undefined, ''],
      ['a\nb', 'a⏎b'],
      [7, '7'],
      [7n, '7'],
      [true, 'true'],
      [[], ''],
      [[null, ''], ''],
      [[1, 'a', null, true], '1, a, true'],
      [['x\ny'], 'x⏎y'],
      [[{ ip: '1' }, { ip: null }, { ip: '2' }], '1, 2'],
      [[{ ip: new Date(0) }], '1970-01-01T00:00:00.000Z'],
      [[{ ip: null }], '1 item'],
      [[{ a: 1 }], '1 item'],
      [[{ a: 1 }, { b: 2 }], '2 items'],
      [[{ ip: '1' }, 5], '1, 5'],
      [[1, { a: 1 }], '2 items'],
      [[[1]], '1 item'],
      [[new Date(0)], '1970-01-01T00:00:00.000Z'],
      [{ a: 'b\tc' }, '{"a":"b\\tc"}'],
      [{ toJSON: () => [1, 2] }, '1, 2'],
    ];
    for (const [v, text] of cases) expect(tableCell(v), String(text)).toBe(text);
  });

  it('table: a long string or JSON is cut to 4096 characters before it is measured', () => {
    expect(tableCell('x'.repeat(5000))).toBe('x'.repeat(4096));
    expect(tableCell('x'.repeat(4096))).toBe('x'.repeat(4096));
    expect(tableCell({ s: 'y'.repeat(5000) })).toBe(`{"s":"${'y'.repeat(4090)}`);
    expect(tableCell({ s: 'y'.repeat(4088) })).toBe(`{"s":"${'y'.repeat(4088)}"}`);
    expect(tableCell({ s: '\x1b'.repeat(2) })).toBe('{"s":"\\u001b\\u001b"}');
    expect(tableCell({ s: '\u2028' })).toBe('{"s":"\\u2028"}');
  });

  it('csv and value: lists of scalars joined with ",", other nested values as compact JSON', () => {
    const cases: [unknown, string, string][] = [
      [null, '', ''],
      ['a\nb\tc\r\nd', 'a\nb\tc\r\nd', 'a b c d'],
      ['\x1b[2J', '\x1b[2J', '\\e[2J'],
      [[1, 'a', null, true], '1,a,,true', '1,a,,true'],
      [[null, ''], ',', ','],
      [[new Date(0)], '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'],
      [[{ ip: '1' }], '[{"ip":"1"}]', '[{"ip":"1"}]'],
      [[1, [2]], '[1,[2]]', '[1,[2]]'],
      [{ a: 'b\tc' }, '{"a":"b\\tc"}', '{"a":"b\\tc"}'],
      [{ toJSON: () => ['x', 'y'] }, 'x,y', 'x,y'],
      [new Date(0), '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'],
      [['a\tb'], 'a\tb', 'a b'],
    ];
    for (const [v, csv, value] of cases) {
      expect(csvCell(v), JSON.stringify(v)).toBe(csv);
      expect(valueCell(v), JSON.stringify(v)).toBe(value);
    }
  });

  it('value: a run of tabs and line breaks is one space; other controls are escaped; one line always', () => {
    expect(valueCell('a\t\t\r\n\nb')).toBe('a b');
    expect(valueCell('\ta\n')).toBe(' a ');
    expect(valueCell('a\rb')).toBe('a b');
    expect(valueCell('a\x07\u2028b')).toBe('a\\x07\\u2028b');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '\x1b', '\x85', '中'), maxLength: 20 }), (s) => {
        const t = valueCell(s);
        expect(t).not.toMatch(/[\t\n\r\x1b\x85]/);
        // Each run of tabs and breaks became exactly one space.
        expect(t.replace(/\\e|\\x85/g, '')).toBe(s.replace(/[\t\n\r]+/g, ' ').replace(/[\x1b\x85]/g, ''));
      }),
    );
  });
});
