// The json writer's own paths (json.ts), each with its exact text: the writer that takes over from
// JSON.stringify (colour, bigints, cycles), one-line JSON for cells, the list writer with and without
// a total over several batches, and where a big document is cut into chunks.
import { describe, expect, it } from 'vitest';
import { listRenderer, renderChunks, renderValue } from './index.js';
import { compactJson, jsonString } from './json.js';

const json = (v: unknown, color = false) => renderValue(v, { format: 'json', color });
const key = (s: string) => `\x1b[36m"${s}"\x1b[39m`;
const num = (s: string) => `\x1b[33m${s}\x1b[39m`;
const str = (s: string) => `\x1b[32m"${s}"\x1b[39m`;
const nul = '\x1b[90mnull\x1b[39m';

describe('json text', () => {
  it('DEL, C1 controls and the line separators become \\u escapes; other characters stay', () => {
    expect(jsonString('\x7f\x80\x9f\u2028\u2029\xa0\x1f"')).toBe('"\\u007f\\u0080\\u009f\\u2028\\u2029\xa0\\u001f\\""');
    expect(jsonString('plain')).toBe('"plain"');
  });

  it('one-line JSON of values JSON.stringify cannot write (bigints), with its rules for the rest', () => {
    const shared = { s: [1] };
    expect(compactJson({ n: 1n, u: undefined, f: () => 1, y: Symbol('y'), a: [undefined, NaN, -Infinity, 2n, { b: null }, [], {}, () => 1], d: new Date(0), s: 'x\u2028"', t: true, sh: [shared, shared] })).toBe(
      '{"n":1,"a":[null,null,null,2,{"b":null},[],{},null],"d":"1970-01-01T00:00:00.000Z","s":"x\\u2028\\"","t":true,"sh":[{"s":[1]},{"s":[1]}]}',
    );
    expect(compactJson({ big: 2n ** 64n, list: [2n ** 64n] })).toBe('{"big":18446744073709551616,"list":[18446744073709551616]}');
    expect(compactJson({})).toBe('{}');
    expect(compactJson([])).toBe('[]');
    expect(compactJson('s')).toBe('"s"');
    expect(compactJson(undefined)).toBe('null');
  });

  it('a cycle becomes "[Circular]" wherever it closes; the same object twice is not a cycle', () => {
    const cyc: Record<string, unknown> = { name: 'x' };
    cyc.self = cyc;
    cyc.list = [cyc, 1];
    expect(compactJson(cyc)).toBe('{"name":"x","self":"[Circular]","list":["[Circular]",1]}');
    const top: Record<string, unknown> = { x: 1 };
    top.me = top;
    expect(json(top)).toBe('{\n  "x": 1,\n  "me": "[Circular]"\n}\n');
    expect(json(top, true)).toBe(`{\n  ${key('x')}: ${num('1')},\n  ${key('me')}: ${str('[Circular]')}\n}\n`);
    const deep: Record<string, unknown> = { v: 2n };
    deep.again = { back: deep };
    expect(json({ wrap: { deep } })).toBe('{\n  "wrap": {\n    "deep": {\n      "v": 2,\n      "again": {\n        "back": "[Circular]"\n      }\n    }\n  }\n}\n');
    const shared = { s: [1] };
    const twice = { a: shared, b: shared, c: { d: shared, e: [shared, shared] } };
    const text = JSON.stringify(twice, null, 2) + '\n';
    expect(json(twice)).toBe(text);
    // eslint-disable-next-line no-control-regex
    expect(json(twice, true).replace(/\x1b\[[0-9;]*m/g, '')).toBe(text);
    expect(json({ n: 1n, ...twice })).toBe(text.replace('{\n', '{\n  "n": 1,\n'));
  });

  it('colours each kind of value, at any depth', () => {
    expect(json({ a: [[1, [2, {}]], {}, []], b: { c: null, d: false, e: 'x', f: 3n, g: NaN } }, true)).toBe(
      `{\n  ${key('a')}: [\n    [\n      ${num('1')},\n      [\n        ${num('2')},\n        {}\n      ]\n    ],\n    {},\n    []\n  ],\n` +
        `  ${key('b')}: {\n    ${key('c')}: ${nul},\n    ${key('d')}: \x1b[35mfalse\x1b[39m,\n    ${key('e')}: ${str('x')},\n    ${key('f')}: ${num('3')},\n    ${key('g')}: ${nul}\n  }\n}\n`,
    );
    expect(json({ a: 1 }, true)).toBe(`{\n  ${key('a')}: ${num('1')}\n}\n`);
    expect(json({}, true)).toBe('{}\n');
    expect(json('s', true)).toBe(`${str('s')}\n`);
    expect(json(null, true)).toBe(`${nul}\n`);
  });

  it('inherited properties are not members, with colour or bigints too', () => {
    const inh = () => Object.assign(Object.create({ inh: 1 }) as object, { own: 2 });
    const v = { e: Object.create({ inh: 1 }) as object, o: inh(), l: [inh()] };
    const text = '{\n  "e": {},\n  "o": {\n    "own": 2\n  },\n  "l": [\n    {\n      "own": 2\n    }\n  ]';
    expect(json(v)).toBe(`${text}\n}\n`);
    expect(json({ ...v, n: 1n })).toBe(`${text},\n  "n": 1\n}\n`);
    expect(json({ deep: { er: v } }, true)).toContain(`${key('er')}: {\n      ${key('e')}: {},\n      ${key('o')}: {\n        ${key('own')}: ${num('2')}\n      },`);
  });

  it('bigints deep in an answer are exact, the rest as JSON.stringify writes it', () => {
    expect(json({ a: { b: { c: [1n, { d: 'e' }] } }, e: [], f: { g: [1, { h: null }] } })).toBe(
      '{\n  "a": {\n    "b": {\n      "c": [\n        1,\n        {\n          "d": "e"\n        }\n      ]\n    }\n  },\n  "e": [],\n  "f": {\n    "g": [\n      1,\n      {\n        "h": null\n      }\n    ]\n  }\n}\n',
    );
  });
});

describe('json lists row by row', () => {
  it('several batches, with a total, coloured or with bigints: one valid document', () => {
    let r = listRenderer({ format: 'json', color: true, withTotal: true });
    expect(r.rows([{ a: 1 }]) + r.rows([{ b: [1n] }]) + r.end({ total: 2 })).toBe(
      `{\n  ${key('inventories')}: [\n    {\n      ${key('a')}: ${num('1')}\n    },\n    {\n      ${key('b')}: [\n        ${num('1')}\n      ]\n    }\n  ],\n  ${key('total')}: ${num('2')}\n}\n`,
    );
    r = listRenderer({ format: 'json', color: false, withTotal: true });
    expect(r.rows([{ a: 1 }]) + r.rows([{ b: [1n] }, { c: [2] }]) + r.end()).toBe(
      '{\n  "inventories": [\n    {\n      "a": 1\n    },\n    {\n      "b": [\n        1\n      ]\n    },\n    {\n      "c": [\n        2\n      ]\n    }\n  ],\n  "total": null\n}\n',
    );
    r = listRenderer({ format: 'json', color: false });
    expect(r.rows([{ a: 1 }]) + r.rows([]) + r.rows([{ b: [1n] }, { c: [2] }]) + r.rows([3]) + r.end({ total: 9 })).toBe(
      '[\n  {\n    "a": 1\n  },\n  {\n    "b": [\n      1\n    ]\n  },\n  {\n    "c": [\n      2\n    ]\n  },\n  3\n]\n',
    );
    // Batches JSON.stringify cannot write (bigints) between ones it can.
    r = listRenderer({ format: 'json', color: false });
    expect(r.rows([{ b: 1n }]) + r.rows([{ a: 1 }]) + r.rows([{ c: 2n }]) + r.end()).toBe('[\n  {\n    "b": 1\n  },\n  {\n    "a": 1\n  },\n  {\n    "c": 2\n  }\n]\n');
    r = listRenderer({ format: 'json', color: false, withTotal: true });
    expect(r.rows([{ a: [1] }]) + r.rows([{ b: 'x' }]) + r.end({ total: 10n ** 20n })).toBe(
      '{\n  "inventories": [\n    {\n      "a": [\n        1\n      ]\n    },\n    {\n      "b": "x"\n    }\n  ],\n  "total": 100000000000000000000\n}\n',
    );
  });

  it('no rows: an empty list, or an empty list and the total', () => {
    expect(listRenderer({ format: 'json', color: false }).end()).toBe('[]\n');
    expect(listRenderer({ format: 'json', color: false, withTotal: true }).end({ total: 0 })).toBe('{\n  "inventories": [],\n  "total": 0\n}\n');
    expect(listRenderer({ format: 'json', color: true, withTotal: true }).end({ total: 0 })).toBe(`{\n  ${key('inventories')}: [],\n  ${key('total')}: ${num('0')}\n}\n`);
  });

  it('-c: each row projected, null for what a row lacks', () => {
    const r = listRenderer({ format: 'json', color: false, columns: ['uuid', 'nics.ip'], withTotal: true });
    expect(r.rows([{ uuid: 'a', nics: [{ ip: '1' }] }]) + r.rows([{ name: 'b' }]) + r.end({ total: 2 })).toBe(
      '{\n  "inventories": [\n    {\n      "uuid": "a",\n      "nics.ip": [\n        "1"\n      ]\n    },\n    {\n      "uuid": null,\n      "nics.ip": null\n    }\n  ],\n  "total": 2\n}\n',
    );
    expect(renderValue({ uuid: 'u', name: 'n' }, { format: 'json', color: false, columns: ['name'] })).toBe('{\n  "name": "n"\n}\n');
  });
});

describe('json chunks', () => {
  it('a big object is yielded as soon as 64 KiB have gathered, item by item', () => {
    const v = { a: { b: Array.from({ length: 2000 }, (_, i) => `${'x'.repeat(95)}${String(i).padStart(5, '0')}`) } };
    const chunks = [...renderChunks(v, { format: 'json', color: false })];
    expect(chunks.join('')).toBe(JSON.stringify(v, null, 2) + '\n');
    const sizes = chunks.map((c) => c.length);
    // Each item is 110 characters with its indentation and comma.
    expect(sizes.slice(0, -1).every((n) => n >= 65_536 && n < 65_536 + 110)).toBe(true);
    expect(sizes.length).toBe(4);
    const obj = { wrap: { inner: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'v'.repeat(100)])) } };
    const objChunks = [...renderChunks(obj, { format: 'json', color: true })];
    expect(objChunks.length).toBeGreaterThan(1);
    expect(objChunks.slice(0, -1).every((c) => c.length >= 65_536 && c.length < 65_536 + 140)).toBe(true);
  });

  it('below the top two levels, a container is walked only past 256 entries', () => {
    const sizes = (v: unknown) => [...renderChunks(v, { format: 'json', color: false })].map((c) => c.length);
    const list = (n: number) => Array.from({ length: n }, () => 'x'.repeat(1000));
    const map = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${String(i).padStart(3, '0')}`, 'x'.repeat(1000)]));
    expect(sizes({ w: { a: list(256) } })).toEqual([258_586, 7]);
    expect(sizes({ w: { a: list(257) } })).toEqual([65_670, 65_650, 65_650, 62_633]);
    expect(sizes({ w: { a: map(256) } })).toEqual([260_634, 7]);
    expect(sizes({ w: { a: map(257) } })).toEqual([66_190, 66_170, 66_170, 63_129]);
  });

  it('a chunk is yielded when exactly 64 KiB have gathered', () => {
    const items = (last: number) => ({ a: [...Array.from({ length: 64 }, () => 'x'.repeat(1000)), 'y'.repeat(last), 'z'] });
    const sizes = (v: unknown) => [...renderChunks(v, { format: 'json', color: false })].map((c) => c.length);
    expect(sizes(items(1007))).toEqual([65_536, 16]);
    expect(sizes(items(1006))).toEqual([65_544, 7]);
  });

  it('a small document is one chunk', () => {
    expect([...renderChunks({ a: { b: { c: [1, 2] } } }, { format: 'json', color: false })]).toEqual(['{\n  "a": {\n    "b": {\n      "c": [\n        1,\n        2\n      ]\n    }\n  }\n}\n']);
  });
});
