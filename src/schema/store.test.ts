import { describe, expect, it } from 'vitest';
import { Registry } from './registry.js';
import { decodeRegistry, encodeRegistry, indexToText, storeFromEncoded } from './store.js';
import type { ApiDef, InventoryDef, RegistryData } from './types.js';

const api = (name: string): ApiDef => ({ name, method: 'GET', path: `/${name.toLowerCase()}`, wrapper: '', needSession: true, async: false, query: false, params: [] });
const inventory = (name: string): InventoryDef => ({ name, fields: [], queryable: [], joins: [] });

// Sorted as the generator sorts (case-insensitively), which is not the order of `<`.
const data: RegistryData = {
  version: 'test',
  apis: Array.from({ length: 30 }, (_, i) => api(`${i % 2 ? 'Query' : 'query'}Thing${String(i).padStart(2, '0')}`)),
  inventories: Array.from({ length: 12 }, (_, i) => inventory(`Thing${i}Inventory`)),
  queryParams: [],
};
const encoded = encodeRegistry(data);
const bytes = Buffer.from(encoded.lines);
const text = indexToText(encoded.index);
const open = () => storeFromEncoded(encoded.index, bytes);
const openText = () => storeFromEncoded(text, bytes);

describe.each([
  ['the index object', open],
  ['the index text', openText],
])('storeFromEncoded over %s', (_, open) => {
  it('finds every entry and no other, across the first lookups and the many after them', () => {
    const store = open();
    for (const round of [1, 2]) {
      for (const a of data.apis) expect(store.getApi(a.name), `${a.name} (round ${round})`).toEqual(a);
      for (const i of data.inventories) expect(store.getInventory(i.name)).toEqual(i);
      expect(store.getApi('QueryThing99')).toBeUndefined();
      expect(store.getApi('querything01')).toBeUndefined();
      expect(store.getInventory('__proto__')).toBeUndefined();
    }
  });

  it('answers a miss among the first lookups the same as after them', () => {
    const store = open();
    expect(store.getApi('Nope')).toBeUndefined();
    expect(store.getApi(data.apis[29]!.name)).toEqual(data.apis[29]);
  });

  it('lists the names in the generator\'s order, and keeps the version and query params', () => {
    const store = open();
    expect(store.apiNames).toEqual(data.apis.map((a) => a.name));
    expect(store.inventoryNames).toEqual(data.inventories.map((i) => i.name));
    expect(store.version).toBe('test');
    expect(store.queryParams).toEqual([]);
    // The same once many lookups have built the entries (names then come from them).
    const used = open();
    for (const a of data.apis) used.getApi(a.name);
    for (const i of data.inventories) used.getInventory(i.name);
    expect(used.apiNames).toEqual(data.apis.map((a) => a.name));
    expect(used.inventoryNames).toEqual(data.inventories.map((i) => i.name));
  });

  it('finds no API by an inventory name nor the reverse, nor by a part, a prefix or an empty name', () => {
    const store = open();
    expect(store.getApi('Thing3Inventory')).toBeUndefined();
    expect(store.getInventory('QueryThing01')).toBeUndefined();
    for (let i = 0; i < 12; i++) {
      expect(store.getApi('QueryThing0')).toBeUndefined();
      expect(store.getApi('ueryThing01')).toBeUndefined();
      expect(store.getApi('')).toBeUndefined();
      expect(store.getApi('QueryThing01\t0')).toBeUndefined();
      expect(store.getInventory('Thing3Inventory\nq')).toBeUndefined();
    }
  });
});

describe('indexToText', () => {
  it('writes a JSON head line, then one tab-separated line per API and per inventory', () => {
    const lines = text.split('\n');
    expect(JSON.parse(lines[0]!)).toEqual({ version: 'test', queryParams: [] });
    expect(lines[1]).toBe(`a\t${data.apis[0]!.name}\t0\t${encoded.index.apis[0]![2]}`);
    expect(lines.filter((l) => l.startsWith('a\t'))).toHaveLength(30);
    expect(lines.filter((l) => l.startsWith('i\t'))).toHaveLength(12);
    expect(lines.at(-1)).toBe('');
  });

  it('keeps the query params of the head', () => {
    const qp = { ...encoded.index, queryParams: [{ name: 'limit', type: 'Integer', required: false }] };
    expect(storeFromEncoded(indexToText(qp as typeof encoded.index), bytes).queryParams).toEqual(qp.queryParams);
  });

  it('refuses a name holding a tab or a newline', () => {
    for (const bad of ['A\tB', 'A\nB']) {
      expect(() => indexToText({ ...encoded.index, apis: [[bad, 0, 1]] })).toThrow(/tab or a newline/);
    }
  });
});

describe('storeFromEncoded over a reader of byte ranges', () => {
  it('reads only the entries looked up, each once, and gives what the bytes give', () => {
    const reads: number[] = [];
    const store = storeFromEncoded(encoded.index, (offset, length) => {
      reads.push(offset);
      return bytes.toString('utf8', offset, offset + length);
    });
    expect(reads).toEqual([]);
    expect(store.getApi('QueryThing07')).toEqual(open().getApi('QueryThing07'));
    expect(store.getApi('QueryThing07')).toEqual(data.apis[7]);
    expect(store.getInventory('Thing3Inventory')).toEqual(data.inventories[3]);
    expect(store.getApi('Nope')).toBeUndefined();
    expect(reads).toHaveLength(2);
  });
});

describe('Registry over the encoded store', () => {
  it('finds APIs in any case, before and after exact-case lookups', () => {
    const reg = new Registry(open());
    expect(reg.api('QUERYTHING01')?.name).toBe('QueryThing01');
    for (const a of data.apis) expect(reg.api(a.name)?.name).toBe(a.name);
    expect(reg.api('querything03')?.name).toBe('QueryThing03');
    expect(reg.api('querything99')).toBeUndefined();
  });
});

describe('encodeRegistry', () => {
  it('places entries by byte offsets, so text beyond ASCII reads back whole', () => {
    const wide: RegistryData = {
      version: 'wide',
      apis: [api('Zéro'), { ...api('Emoji'), path: '/😀/ü' }, api('Plain')],
      inventories: [inventory('ÄInventory'), inventory('BInventory')],
      queryParams: [],
    };
    const e = encodeRegistry(wide);
    expect(e.lines.split('\n')).toHaveLength(6);
    expect(decodeRegistry(e.index, Buffer.from(e.lines))).toEqual(wide);
    expect(decodeRegistry(indexToText(e.index), Buffer.from(e.lines))).toEqual(wide);
    expect(e.index.apis.map(([n, , len]) => [n, len])).toEqual(wide.apis.map((a) => [a.name, Buffer.byteLength(JSON.stringify(a))]));
    expect(e.index.apis[0]![1]).toBe(0);
    expect(e.index.inventories[0]![1]).toBe(e.index.apis.reduce((n, [, , len]) => n + len + 1, 0));
  });
});
