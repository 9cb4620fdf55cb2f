// What an answer's result is (shape.ts), the row holding of list renderers (list.ts), and the corners
// of watch's change highlighting (changes.ts).
import { describe, expect, it } from 'vitest';
import { clipColumns, highlightChanges } from './changes.js';
import { afterFirstRows, FIRST_ROWS, projector, type ListRenderer } from './list.js';
import { isCountAnswer, resultOf, withoutSchema } from './shape.js';

const R = '\x1b[7m';
const N = '\x1b[27m';

describe('resultOf', () => {
  it('reads a query, a count, an inventory, another object and a scalar', () => {
    expect(resultOf({ inventories: [{ a: 1 }], schema: { x: 'y' } })).toEqual({ kind: 'list', rows: [{ a: 1 }] });
    expect(resultOf({ inventories: [], total: 5 })).toEqual({ kind: 'list', rows: [], total: 5 });
    expect(resultOf({ inventories: [], total: 5n })).toEqual({ kind: 'list', rows: [], total: 5n });
    expect(resultOf({ inventories: [], total: '5' })).toEqual({ kind: 'list', rows: [] });
    expect(resultOf([1, 2])).toEqual({ kind: 'list', rows: [1, 2] });
    expect(resultOf({ total: 3 })).toEqual({ kind: 'count', total: 3 });
    expect(resultOf({ total: 3, schema: {} })).toEqual({ kind: 'count', total: 3 });
    expect(resultOf({ inventory: { uuid: 'u' } })).toEqual({ kind: 'one', row: { uuid: 'u' } });
    expect(resultOf({ inventory: null })).toEqual({ kind: 'one', row: null });
    expect(resultOf({ inventory: undefined, version: '5' })).toEqual({ kind: 'object', value: { inventory: undefined, version: '5' } });
    expect(resultOf({ inventories: 'no' })).toEqual({ kind: 'object', value: { inventories: 'no' } });
    expect(resultOf('text')).toEqual({ kind: 'scalar', value: 'text' });
    expect(resultOf(null)).toEqual({ kind: 'scalar', value: null });
    expect(resultOf(new Date(0))).toEqual({ kind: 'scalar', value: '1970-01-01T00:00:00.000Z' });
    expect(resultOf({ inventory: new Date(0) })).toEqual({ kind: 'one', row: '1970-01-01T00:00:00.000Z' });
  });

  it('a count answer holds a numeric total and nothing else defined', () => {
    expect(isCountAnswer({ total: 1 })).toBe(true);
    expect(isCountAnswer({ total: 1, other: undefined })).toBe(true);
    expect(isCountAnswer({ total: 1, other: null })).toBe(false);
    expect(isCountAnswer({ total: 'x' })).toBe(false);
    expect(isCountAnswer({ count: 1 })).toBe(false);
    expect(isCountAnswer({})).toBe(false);
  });

  it('drops the schema map only when there is one, keeping the same object otherwise', () => {
    const plain = { a: 1 };
    expect(withoutSchema(plain)).toBe(plain);
    expect(withoutSchema({ a: 1, schema: {} })).toEqual({ a: 1 });
  });
});

describe('afterFirstRows', () => {
  /** A renderer that writes what it was started with and every batch. */
  const recording = (starts: number[]) => (first: readonly unknown[]): ListRenderer => {
    starts.push(first.length);
    return { rows: (b) => `rows(${b.length})`, end: (t) => `end(${String(t?.total)})` };
  };

  it('holds rows until FIRST_ROWS have come, then starts from them and writes them', () => {
    const starts: number[] = [];
    const r = afterFirstRows(recording(starts), true);
    expect(r.rows(new Array(FIRST_ROWS - 1).fill(0))).toBe('');
    expect(starts).toEqual([]);
    expect(r.rows([0])).toBe(`rows(${FIRST_ROWS})`);
    expect(starts).toEqual([FIRST_ROWS]);
    expect(r.rows([0, 0])).toBe('rows(2)');
    expect(r.end({ total: 9 })).toBe('end(9)');
    expect(starts).toEqual([FIRST_ROWS]);
  });

  it('starts at the end from the rows held, if fewer came', () => {
    const starts: number[] = [];
    const r = afterFirstRows(recording(starts), true);
    expect(r.rows([1, 2, 3])).toBe('');
    expect(r.end()).toBe('rows(3)end(undefined)');
    expect(starts).toEqual([3]);
  });

  it('without holding, starts at once from no rows', () => {
    const starts: number[] = [];
    const r = afterFirstRows(recording(starts), false);
    expect(starts).toEqual([0]);
    expect(r.rows([1])).toBe('rows(1)');
    expect(r.end()).toBe('end(undefined)');
  });

  it('projects rows on columns, null where a row has nothing', () => {
    expect(projector(['uuid', 'nics.ip', 'x'])({ uuid: 'u', nics: [{ ip: '1' }, { ip: '2' }] })).toEqual({ uuid: 'u', 'nics.ip': ['1', '2'], x: null });
  });
});

describe('highlightChanges corners', () => {
  it('switches reverse video on and off at each run of changes', () => {
    expect(highlightChanges(['abcde'], ['xbcze'], 80, 5)).toEqual([`${R}x${N}bc${R}z${N}e`]);
    expect(highlightChanges(['abc'], ['xyz'], 80, 5)).toEqual([`${R}xyz${N}`]);
    // Characters gone from a shorter line are not marked; a longer line's new tail is.
    expect(highlightChanges(['abcdef'], ['abc'], 80, 5)).toEqual(['abc']);
    expect(highlightChanges(['ab'], ['abcd'], 80, 5)).toEqual([`ab${R}cd${N}`]);
  });

  it('compares what is shown: clipped and sanitised lines', () => {
    expect(highlightChanges(['abcX'], ['abcY'], 3, 5)).toEqual(['abc']);
    expect(highlightChanges(['a\x1bb'], ['a\x07b'], 80, 5)).toEqual(['a?b']);
    expect(highlightChanges(['a'], ['b'], 80, 0)).toEqual([]);
    expect(highlightChanges(['a'], ['b'], 80, -1)).toEqual([]);
  });

  it('clips by columns: a wide character that does not fit whole is left out', () => {
    expect(clipColumns('ab', 2)).toEqual(['a', 'b']);
    expect(clipColumns('a云', 2)).toEqual(['a']);
    expect(clipColumns('云', 2)).toEqual(['云']);
    expect(clipColumns('abc', 0)).toEqual([]);
    expect(clipColumns('😀x', 3)).toEqual(['😀', 'x']);
  });
});
