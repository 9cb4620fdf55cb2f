import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonText } from './json-text.js';
import { MAX_JSON_DEPTH, readJson } from './json-value.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** An integer literal JSON.parse takes but no Java long holds. */
const beyondLong = /(?<![\d.eE+-])-?\d{19,}(?![\d.eE])/;

describe('readJson', () => {
  it('reads any JSON as JSON.parse does, except integers beyond a long, which it refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v);
        const r = readJson(text);
        if (r.ok) expect(toJsonText(r.value)).toBe(JSON.stringify(JSON.parse(text)));
        else {
          expect(r.kind).toBe('range');
          expect(text).toMatch(beyondLong);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the texts JSON.parse accepts (bar range and depth), and never throws', () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.string({ unit: 'binary', maxLength: 3 }), fc.nat({ max: 3 })).map(([t, at, ins, del]) => {
      const i = at % (t.length + 1);
      return t.slice(0, i) + ins + t.slice(i + del);
    });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: 'binary' })), (text) => {
        const r = readJson(text);
        if (!r.ok && r.kind !== 'syntax') return;
        expect(r.ok, text).toBe(parses(text));
        if (!r.ok) expect(r.message).toMatch(/ (at character \d+|at the end)$/);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps every long exact, and refuses one beyond', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (b) => {
        const r = readJson(`{"size":${b}}`);
        expect(r.ok && toJsonText(r.value)).toBe(`{"size":${b}}`);
      }),
      { numRuns: 1000 },
    );
    expect(readJson('[9223372036854775808]')).toMatchObject({ ok: false, kind: 'range' });
    expect(readJson('[-9223372036854775809]')).toMatchObject({ ok: false, kind: 'range' });
    expect(readJson('[1e309]')).toMatchObject({ ok: false, kind: 'range', message: '1e309 is out of range for a double at character 2' });
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting, refuses one more, and any depth without recursion`, () => {
    expect(readJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
    expect(readJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toMatchObject({ ok: false, kind: 'depth' });
    expect(readJson('{"a":'.repeat(1e6))).toMatchObject({ ok: false, kind: 'depth' });
  });

  it('keeps __proto__ as a plain key', () => {
    const r = readJson('{"__proto__":{"polluted":1}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(toJsonText(r.value)).toBe('{"__proto__":{"polluted":1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads strings with every escape, and refuses raw control characters as JSON does', () => {
    const r = readJson(String.raw`["\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"]`);
    expect(r).toEqual({ ok: true, value: ['"\\/\b\f\n\r\t\u00e9\u{1f600}'] });
    expect(readJson('["a\u0001"]').ok).toBe(false);
  });
});
