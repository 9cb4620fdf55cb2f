import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnReader } from './column-reader.js';
import { compileColumn } from './rows.js';

const KEYS = ['uuid', 'name', 'state', 'vmNics', '__proto__', 'constructor', 'toString', 'a.b', 'size'] as const;
const PATHS = [...KEYS, 'vmNics.ip', 'a', 'missing', 'hasOwnProperty'];

/** Every column's value through the reader, row by row. */
function readAll(paths: readonly string[], rows: readonly unknown[]): unknown[][] {
  const cols = paths.map(compileColumn);
  const reader = new ColumnReader(cols);
  return rows.map((row) => {
    reader.read(row);
    return cols.map((_, c) => reader.value(c));
  });
}

/** The same through each column's getter. */
function getAll(paths: readonly string[], rows: readonly unknown[]): unknown[][] {
  const cols = paths.map(compileColumn);
  return rows.map((row) => cols.map((col) => col.get(row)));
}

describe('ColumnReader', () => {
  it('property: gives what each column getter gives, whatever the rows, their keys and their order', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.record({ ip: fc.string() })), fc.dictionary(fc.string(), fc.integer()));
    const row = fc.oneof(
      { weight: 8, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), value) },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer())) },
    );
    // JSON.parse makes what a server sends: own `__proto__` keys, keys in any order.
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const parsed = JSON.parse(JSON.stringify(rows)) as unknown[];
        expect(readAll(PATHS, parsed)).toEqual(getAll(PATHS, parsed));
      }),
      { numRuns: 500 },
    );
  });

  it('follows a change in the order of keys from one row to the next', () => {
    const rows = [{ a: 1, b: 2 }, { b: 3, a: 4 }, { a: 5 }, { c: 6, b: 7, a: 8 }];
    expect(readAll(['a', 'b'], rows)).toEqual([[1, 2], [4, 3], [5, undefined], [8, 7]]);
  });

  it('hands values that are objects, and rows that are not plain objects, to the getter', () => {
    const when = new Date(Date.UTC(2024, 0, 2));
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 'x' });
    class Vm {
      a = 'y';
    }
    expect(readAll(['a', 'b'], [{ a: when, b: [1] }, bare, new Vm(), ['a']])).toEqual([
      ['2024-01-02T00:00:00.000Z', [1]],
      ['x', undefined],
      ['y', undefined],
      [undefined, undefined],
    ]);
  });
});
