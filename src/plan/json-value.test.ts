import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactLong, toJsonText } from './json-text.js';
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

describe('readJson, case by case', () => {
  it('says what is wrong and where, for every kind of syntax error', () => {
    const cases: [string, string][] = [
      ['', 'unexpected end at the end'],
      [' ', 'unexpected end at the end'],
      ['[1,', 'unexpected end at the end'],
      ['[1 2]', "expected ',' or ']' at character 4"],
      ['[1', 'unexpected end at the end'],
      ['{', 'expected a "key" at the end'],
      ['{"a"', "expected ':' at the end"],
      ['{"a" 1}', "expected ':' at character 6"],
      ['{"a":', 'unexpected end at the end'],
      ['{"a":1', 'unexpected end at the end'],
      ['{"a":1,', 'expected a "key" at the end'],
      ['{"a":1 "b"}', "expected ',' or '}' at character 8"],
      ['{a:1}', 'expected a "key" at character 2'],
      ['{"a":1,}', 'expected a "key" at character 8'],
      ['{"a\\x":1}', 'bad string at character 4'],
      ['{"a":1,"b\\x":2}', 'bad string at character 10'],
      ['[1,]', "unexpected ']' at character 4"],
      ['"abc', 'bad string at the end'],
      ['"a\\x"', 'bad string at character 3'],
      ['"\\u12G4"', 'bad string at character 2'],
      ['"\\u12"', 'bad string at character 2'],
      ['"\\', 'bad string at character 2'],
      ['"a\u001fb"', 'bad string at character 3'],
      ['-', "unexpected '-' at character 1"],
      ['01', "unexpected '1' at character 2"],
      ['1.', "unexpected '.' at character 2"],
      ['.5', "unexpected '.' at character 1"],
      ['1e', "unexpected 'e' at character 2"],
      ['tru', "unexpected 't' at character 1"],
      ['nul', "unexpected 'n' at character 1"],
      ['\f1', "unexpected '\\x0c' at character 1"],
      ['\u00a01', "unexpected '\u00a0' at character 1"],
      ['1 2', "unexpected '2' at character 3"],
      ['"a"x', "unexpected 'x' at character 4"],
      ['{"a":1}}', "unexpected '}' at character 8"],
      ['[1]]', "unexpected ']' at character 4"],
      [']', "unexpected ']' at character 1"],
    ];
    for (const [text, message] of cases) expect(readJson(text), JSON.stringify(text)).toEqual({ ok: false, kind: 'syntax', message });
  });

  it('reads every literal, the four JSON blanks anywhere, and empty containers', () => {
    const ok = (text: string) => readJson(text);
    expect(ok(' \t\n\r[ \t\n\r1 \t\n\r, \t\n\r2 \t\n\r] \t\n\r')).toEqual({ ok: true, value: [1, 2] });
    expect(ok('{ \t\n\r"a" \t\n\r: \t\n\r1 \t\n\r, \t\n\r"b":2 \t\n\r}')).toEqual({ ok: true, value: { a: 1, b: 2 } });
    expect([ok('[ ]'), ok('{ }'), ok('true'), ok('false'), ok('null'), ok('""'), ok('"a b"')]).toEqual([
      { ok: true, value: [] }, { ok: true, value: {} }, { ok: true, value: true }, { ok: true, value: false }, { ok: true, value: null }, { ok: true, value: '' }, { ok: true, value: 'a b' },
    ]);
    expect(ok('[true,false,null,{"a":[{}]}]')).toEqual({ ok: true, value: [true, false, null, { a: [{}] }] });
    expect(ok('{"a":1,"a":2}')).toEqual({ ok: true, value: { a: 2 } });
    const read = ok('{"a":1}');
    expect(read.ok && Object.getOwnPropertyDescriptor(read.value, 'a')).toEqual({ value: 1, writable: true, enumerable: true, configurable: true });
    expect(ok('"\\u00e9\\u00E9"')).toEqual({ ok: true, value: 'éé' });
    expect(ok('"\\ud83d"')).toEqual({ ok: true, value: '\ud83d' });
  });

  it('reads numbers as Java does: exact longs, doubles for fractions and exponents', () => {
    expect(readJson('[-0,1e2,1E+2,1.5e-3,-2.5]')).toEqual({ ok: true, value: [0, 100, 100, 0.0015, -2.5] });
    expect(readJson('[9007199254740991,9007199254740992,-9223372036854775808]')).toEqual({
      ok: true,
      value: [9007199254740991, new ExactLong('9007199254740992'), new ExactLong('-9223372036854775808')],
    });
    expect(readJson('-9223372036854775809')).toEqual({ ok: false, kind: 'range', message: '-9223372036854775809 is out of range for a long (-2^63 .. 2^63-1) at character 1' });
    expect(readJson('[1,9223372036854775808]')).toEqual({ ok: false, kind: 'range', message: '9223372036854775808 is out of range for a long (-2^63 .. 2^63-1) at character 4' });
    expect(readJson('-1e400')).toEqual({ ok: false, kind: 'range', message: '-1e400 is out of range for a double at character 1' });
    expect(readJson('1.0e308')).toEqual({ ok: true, value: 1e308 });
  });
});

describe('toJsonText', () => {
  it('writes exact longs as bare numbers anywhere, indented or not, and a look-alike string as a string', () => {
    expect(toJsonText({ a: new ExactLong('9007199254740993'), b: [new ExactLong('1'), new ExactLong('-2')] })).toBe('{"a":9007199254740993,"b":[1,-2]}');
    expect(toJsonText({ a: [new ExactLong('7')] }, 2)).toBe('{\n  "a": [\n    7\n  ]\n}');
    expect(toJsonText(new ExactLong('5'))).toBe('5');
    expect(toJsonText({ s: '\u0000x:0\u0000', n: new ExactLong('3') })).toBe('{"s":"\\u0000x:0\\u0000","n":3}');
    expect(toJsonText({ a: 1 }, 1)).toBe('{\n "a": 1\n}');
    expect(toJsonText(undefined)).toBeUndefined();
    // Whatever placeholder the writer uses, a string cannot pass for one.
    expect(toJsonText({ s: '\u0000undefined:0\u0000', n: new ExactLong('3') })).toBe('{"s":"\\u0000undefined:0\\u0000","n":3}');
  });
});
