// Every shape of answer (shape.ts) in every format, byte for byte (index.ts): a count, an inventory
// (an object, null, a scalar, a list), a plain object, a scalar, with and without -c; and how a whole
// list is cut into chunks.
import { describe, expect, it } from 'vitest';
import { listRenderer, renderChunks, renderValue, type OutputFormat, type RenderOptions } from './index.js';

const FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'table', 'csv', 'value'];

/** The text of `v` in each format, in FORMATS order. */
const all = (v: unknown, extra: Partial<RenderOptions> = {}) => FORMATS.map((format) => renderValue(v, { format, color: false, ...extra }));

describe('every shape in every format', () => {
  it('a count answer: the number, as the format shows one field', () => {
    expect(all({ total: 3 })).toEqual(['{\n  "total": 3\n}\n', 'total: 3\n', '┌───────┬───┐\n│ total │ 3 │\n└───────┴───┘\n', 'total\r\n3\r\n', '3\n']);
    // Beyond 2^53, exactly; -c does not apply.
    expect(all({ total: 2n ** 64n }, { columns: ['uuid'] })).toEqual([
      '{\n  "total": 18446744073709551616\n}\n',
      'total: 18446744073709551616\n',
      '┌───────┬──────────────────────┐\n│ total │ 18446744073709551616 │\n└───────┴──────────────────────┘\n',
      'total\r\n18446744073709551616\r\n',
      '18446744073709551616\n',
    ]);
    // The table box keeps to the width like any other box.
    expect(renderValue({ total: 123456789012 }, { format: 'table', color: false, width: 20 })).toBe('┌───────┬──────────┐\n│ total │ 12345678 │\n│       │ 9012     │\n└───────┴──────────┘\n');
    expect(renderValue({ total: 3 }, { format: 'csv', color: false, terminal: true })).toBe('total\r\n3\r\n');
  });

  it('an inventory: a box in table, one row in csv and value, the object in json and yaml', () => {
    const inv = { inventory: { uuid: 'u', n: 1, state: 'Running' } };
    expect(all(inv)).toEqual([
      '{\n  "uuid": "u",\n  "n": 1,\n  "state": "Running"\n}\n',
      "uuid: u\n'n': 1\nstate: Running\n",
      '┌───────┬─────────┐\n│ uuid  │ u       │\n│ n     │ 1       │\n│ state │ Running │\n└───────┴─────────┘\n',
      'uuid,n,state\r\nu,1,Running\r\n',
      'u\t1\tRunning\n',
    ]);
    const coloured = renderValue(inv, { format: 'table', color: true });
    expect(coloured).toContain('│ \x1b[1mstate\x1b[22m │ \x1b[32mRunning\x1b[39m │');
    expect(coloured).toContain('│ \x1b[1mn\x1b[22m     │ 1       │');
  });

  it('an inventory with -c: those paths, in that order', () => {
    expect(all({ inventory: { uuid: 'u', n: { x: 1 } } }, { columns: ['n.x', ' uuid', 'none'] })).toEqual([
      '{\n  "n.x": 1,\n  "uuid": "u",\n  "none": null\n}\n',
      'n.x: 1\nuuid: u\nnone: null\n',
      '┌──────┬───┐\n│ n.x  │ 1 │\n│ uuid │ u │\n│ none │   │\n└──────┴───┘\n',
      'n.x,uuid,none\r\n1,u,\r\n',
      '1\tu\t\n',
    ]);
    // Columns that are all blank are no columns.
    expect(all({ inventory: { a: 1 } }, { columns: [' '] })).toEqual(all({ inventory: { a: 1 } }));
  });

  it('an inventory that is null, a scalar or a list: a list of what there is', () => {
    expect(all({ inventory: null })).toEqual(['null\n', 'null\n', '(no results)\n', '', '']);
    expect(all({ inventory: 'text' })).toEqual(['"text"\n', 'text\n', '┌───────┐\n│ value │\n├───────┤\n│ text  │\n└───────┘\n', 'value\r\ntext\r\n', 'text\n']);
    expect(all({ inventory: [1, 2] })).toEqual(['[\n  1,\n  2\n]\n', '- 1\n- 2\n', '┌───────┐\n│ value │\n├───────┤\n│ 1, 2  │\n└───────┘\n', 'value\r\n"1,2"\r\n', '1,2\n']);
    expect(all({ inventory: null }, { columns: ['uuid'] })).toEqual(['null\n', 'null\n', '(no results)\n', 'uuid\r\n', '']);
    expect(all({ inventory: 'x' }, { columns: ['uuid'] })).toEqual(['"x"\n', 'x\n', '┌──────┐\n│ uuid │\n├──────┤\n│      │\n└──────┘\n', 'uuid\r\n""\r\n', '\n']);
  });

  it('another object: key and value pairs, undefined members left out', () => {
    const v = { version: '4.1', ok: true, gone: undefined, schema: { x: 'y' } };
    expect(all(v)).toEqual([
      '{\n  "version": "4.1",\n  "ok": true\n}\n',
      "version: '4.1'\nok: true\n",
      '┌─────────┬──────┐\n│ version │ 4.1  │\n│ ok      │ true │\n└─────────┴──────┘\n',
      'key,value\r\nversion,4.1\r\nok,true\r\n',
      'version\t4.1\nok\ttrue\n',
    ]);
    expect(all(v, { columns: ['version'] })).toEqual([
      '{\n  "version": "4.1"\n}\n',
      "version: '4.1'\n",
      '┌─────────┬─────┐\n│ version │ 4.1 │\n└─────────┴─────┘\n',
      'version\r\n4.1\r\n',
      '4.1\n',
    ]);
    // On a terminal csv shows a control character in a key or value as an escape.
    expect(renderValue({ 'k\x1b': 'v\x07' }, { format: 'csv', color: false, terminal: true })).toBe('key,value\r\nk\\e,v\\x07\r\n');
    expect(renderValue({ 'k\x1b': 'v\x07' }, { format: 'csv', color: false })).toBe('key,value\r\nk\x1b,v\x07\r\n');
    expect(all({})).toEqual(['{}\n', '{}\n', '', 'key,value\r\n', '']);
  });

  it('a scalar: itself, controls made safe in the human formats', () => {
    expect(all('a\x07b')).toEqual(['"a\\u0007b"\n', '"a\\ab"\n', 'a?b\n', 'value\r\na\x07b\r\n', 'a\\x07b\n']);
    expect(renderValue('a\x07b', { format: 'csv', color: false, terminal: true })).toBe('value\r\na\\x07b\r\n');
    expect(all(null)).toEqual(['null\n', 'null\n', '', 'value\r\n""\r\n', '\n']);
    expect(all(5)).toEqual(['5\n', '5\n', '5\n', 'value\r\n5\r\n', '5\n']);
    expect(all(2n ** 60n)).toEqual(['1152921504606846976\n', '1152921504606846976\n', '1152921504606846976\n', 'value\r\n1152921504606846976\r\n', '1152921504606846976\n']);
  });

  it('a list with a total and -c: json and yaml keep the total, table shows it, csv and value do not', () => {
    expect(all({ inventories: [{ a: 1, b: 2 }], total: 1 }, { columns: ['a'] })).toEqual([
      '{\n  "inventories": [\n    {\n      "a": 1\n    }\n  ],\n  "total": 1\n}\n',
      'inventories:\n  - a: 1\ntotal: 1\n',
      '┌───┐\n│ a │\n├───┤\n│ 1 │\n└───┘\n1 of 1\n',
      'a\r\n1\r\n',
      '1\n',
    ]);
    expect(all({ inventories: [], total: 0 })).toEqual(['{\n  "inventories": [],\n  "total": 0\n}\n', 'inventories: []\ntotal: 0\n', '(no results)\n0 of 0\n', '', '']);
  });

  it('refuses an unknown format, naming the ones there are', () => {
    const msg = "unknown output format 'xml' (expected one of json, table, yaml, csv, value)";
    expect(() => renderValue(1, { format: 'xml' as OutputFormat, color: false })).toThrow(msg);
    expect(() => renderValue({ inventories: [] }, { format: 'xml' as OutputFormat, color: false })).toThrow(msg);
    expect(() => listRenderer({ format: 'xml' as OutputFormat, color: false })).toThrow(msg);
  });
});

describe('a whole list in chunks', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ v: String(i % 10).repeat(100) }));
  const sizes = (n: number) => [...renderChunks(rows(n), { format: 'value', color: false })].map((c) => c.length);

  it('renders 500 rows at a time and yields once 64 KiB have gathered', () => {
    // 101 characters a row: two batches of 500 pass 65,536.
    expect(sizes(2000)).toEqual([101_000, 101_000]);
    expect(sizes(2100)).toEqual([101_000, 101_000, 10_100]);
    expect(sizes(600)).toEqual([60_600]);
    expect(sizes(1)).toEqual([101]);
    // Nothing to show: no chunk at all, not an empty one.
    expect([...renderChunks({ inventories: [] }, { format: 'value', color: false })]).toEqual([]);
    expect([...renderChunks(rows(2000), { format: 'value', color: false })].join('')).toBe(rows(2000).map((r) => `${r.v}\n`).join(''));
  });

  it('a chunk is yielded when exactly 64 KiB have gathered', () => {
    const rows = (last: number) => [...Array.from({ length: 499 }, () => ({ v: 'x'.repeat(130) })), { v: 'y'.repeat(last) }, { v: 'z' }];
    const sizes = (n: number) => [...renderChunks(rows(n), { format: 'value', color: false, columns: ['v'] })].map((c) => c.length);
    expect(sizes(166)).toEqual([65_536, 2]);
    expect(sizes(165)).toEqual([65_537]);
  });

  it('a list renderer takes its options trimmed: blank columns are none', () => {
    const r = listRenderer({ format: 'csv', color: false, columns: [' a ', ''] });
    expect(r.rows([{ a: 1, b: 2 }]) + r.end()).toBe('a\r\n1\r\n');
    const d = listRenderer({ format: 'csv', color: false, columns: ['  '] });
    expect(d.rows([{ a: 1, b: 2 }]) + d.end()).toBe('a,b\r\n1,2\r\n');
    const j = listRenderer({ format: 'json', color: false, columns: [' a '] });
    expect(j.rows([{ a: 1, b: 2 }]) + j.end()).toBe('[\n  {\n    "a": 1\n  }\n]\n');
    const y = listRenderer({ format: 'yaml', color: false, columns: ['b'] });
    expect(y.rows([{ a: 1, b: 2 }]) + y.end()).toBe('- b: 2\n');
    const t = listRenderer({ format: 'table', color: false, columns: [' b'], width: 30 });
    expect(t.rows([{ a: 1, b: 2 }]) + t.end()).toBe('┌───┐\n│ b │\n├───┤\n│ 2 │\n└───┘\n');
    const v = listRenderer({ format: 'value', color: false, columns: ['b '] });
    expect(v.rows([{ a: 1, b: 2 }]) + v.end()).toBe('2\n');
    const term = listRenderer({ format: 'csv', color: false, terminal: true });
    expect(term.rows([{ a: '\x1b' }]) + term.end()).toBe('a\r\n\\e\r\n');
  });
});
