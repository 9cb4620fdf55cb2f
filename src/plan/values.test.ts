// convertValue and the number readers, case by case: which texts each param type takes, the typed
// value it gives, and the exact one-line message (and hint, or none) of each refusal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParamDef } from '../schema/types.js';
import { ExactLong } from './json-text.js';
import { convertValue, doubleValue, integerValue, type Converted } from './values.js';

function param(type: ParamDef['type'], more: Partial<ParamDef> = {}): ParamDef {
  return { name: 'p', type, required: false, in: 'body', ...more };
}

function convert(p: ParamDef, value: string, literalCommas: number[] = []): Converted {
  return convertValue(p, { value, literalCommas, valueQuoted: false });
}

/** The value taken, or the refusal as `message | hint` (`message` alone when there is no hint). */
function read(p: ParamDef, value: string): unknown {
  const c = convert(p, value);
  if (c.ok) return c.value;
  expect(Object.keys(c).sort()).toEqual(c.hint === undefined ? ['message', 'ok'] : ['hint', 'message', 'ok']);
  return c.hint === undefined ? `! ${c.message}` : `! ${c.message} | ${c.hint}`;
}

describe('integers', () => {
  const int = param('integer');
  const long = param('long');

  it('take decimal digits with an optional sign, and nothing else', () => {
    expect(['0', '7', '+7', '-7', '007', '-0'].map((v) => read(int, v))).toEqual([0, 7, 7, -7, 7, 0]);
    for (const bad of ['', '+', '-', ' 7', '7 ', '7a', 'a7', '1.0', '1e3', '0x10', '١٢']) {
      expect(read(int, bad), bad).toBe(`! p must be an integer, got '${bad}'`);
    }
  });

  it('are checked against the 32-bit range for integer params and the 64-bit one for long params, both ends included', () => {
    expect(read(int, '2147483647')).toBe(2147483647);
    expect(read(int, '-2147483648')).toBe(-2147483648);
    expect(read(int, '2147483648')).toBe('! p is out of range for a 32-bit integer: 2147483648 | a 32-bit integer is -2147483648 .. 2147483647');
    expect(read(int, '-2147483649')).toBe('! p is out of range for a 32-bit integer: -2147483649 | a 32-bit integer is -2147483648 .. 2147483647');
    expect(read(long, '2147483648')).toBe(2147483648);
    expect(read(long, '9223372036854775807')).toEqual(new ExactLong('9223372036854775807'));
    expect(read(long, '-9223372036854775808')).toEqual(new ExactLong('-9223372036854775808'));
    expect(read(long, '9223372036854775808')).toBe(
      '! p is out of range for a long: 9223372036854775808 | a long is -9223372036854775808 .. 9223372036854775807',
    );
    expect(read(long, '-9223372036854775809')).toMatch(/^! p is out of range for a long: -9223372036854775809 \|/);
    expect(integerValue('32767', 'f', 'short')).toEqual({ ok: true, value: 32767 });
    expect(integerValue('-32768', 'f', 'short')).toEqual({ ok: true, value: -32768 });
    expect(integerValue('32768', 'f', 'short')).toEqual({ ok: false, message: 'f is out of range for a 16-bit integer: 32768', hint: 'a 16-bit integer is -32768 .. 32767' });
  });

  it('are JS numbers while exact, and their digits beyond 2^53', () => {
    expect(read(long, '9007199254740991')).toBe(9007199254740991);
    expect(read(long, '-9007199254740991')).toBe(-9007199254740991);
    expect(read(long, '9007199254740992')).toEqual(new ExactLong('9007199254740992'));
    expect(read(long, '-9007199254740993')).toEqual(new ExactLong('-9007199254740993'));
    expect(read(long, '+0009007199254740993')).toEqual(new ExactLong('9007199254740993'));
  });

  it('clip a long number in the message', () => {
    const digits = '9'.repeat(60);
    expect(read(long, digits)).toBe(`! p is out of range for a long: ${'9'.repeat(40)}… | a long is -9223372036854775808 .. 9223372036854775807`);
  });

  it('keep to a numberRange, both ends included, rounding a fractional end inwards', () => {
    const port = param('integer', { numberRange: [1, 65535] });
    expect(['1', '65535', '80'].map((v) => read(port, v))).toEqual([1, 65535, 80]);
    expect(read(port, '0')).toBe('! p must be between 1 and 65535, got 0');
    expect(read(port, '65536')).toBe('! p must be between 1 and 65535, got 65536');
    const half = param('long', { numberRange: [0.5, 10.5] });
    expect(['1', '10'].map((v) => read(half, v))).toEqual([1, 10]);
    expect(['0', '11'].map((v) => typeof read(half, v))).toEqual(['string', 'string']);
  });

  it('name a range end at the edge of a long as 2^63, not as a rounded double', () => {
    const size = param('long', { numberRange: [1, 9223372036854775807] });
    expect(read(size, '0')).toBe('! p must be between 1 and 2^63-1, got 0');
    expect(read(param('long', { numberRange: [-9223372036854775808, -1] }), '0')).toBe('! p must be between -2^63 and -1, got 0');
    const near = 2 ** 63 - 1024;
    expect(read(param('long', { numberRange: [near, 2 ** 63] }), '0')).toBe('! p must be between 2^63-1 and 2^63-1, got 0');
    expect(read(param('long', { numberRange: [2 ** 62, 2 ** 62 + 2048] }), '0')).toBe('! p must be between 4611686018427388000 and 4611686018427390000, got 0');
  });

  it('keep to validValues by their decimal text, as the server compares them', () => {
    const ipVersion = param('integer', { validValues: ['4', '6'] });
    expect(['4', '6', '+6', '06'].map((v) => read(ipVersion, v))).toEqual([4, 6, 6, 6]);
    expect(read(ipVersion, '5')).toBe("! '5' is not a valid value for p (one of 4, 6) | did you mean 4, 6?");
    expect(read(ipVersion, '46')).toMatch(/^! '46' is not a valid value for p \(one of 4, 6\)/);
    expect(read(ipVersion, 'x')).toBe("! p must be an integer, got 'x'");
    const big = param('long', { validValues: ['9223372036854775807'] });
    expect(read(big, '9223372036854775807')).toEqual(new ExactLong('9223372036854775807'));
    expect(read(big, '9223372036854775806')).toMatch(/^! '9223372036854775806' is not a valid value for p/);
  });
});

describe('doubles', () => {
  const dbl = param('double');

  it('take what Java reads as a decimal, trimmed, and refuse words and hex', () => {
    expect(['1', '-1.5', '+2', '1.', '.5', '1e3', '1E+3', '2.5e-3', ' 4 ', '12.5', '.25', '10e10'].map((v) => read(dbl, v))).toEqual([
      1, -1.5, 2, 1, 0.5, 1000, 1000, 0.0025, 4, 12.5, 0.25, 1e11,
    ]);
    for (const bad of ['', '.', 'e3', '1e', '1e+', 'Infinity', 'NaN', '0x10', '1,5', '1.2.3', '--1', 'x1', '1x']) {
      expect(read(dbl, bad), bad).toBe(`! p must be a number, got '${bad}'`);
    }
  });

  it('refuse a value beyond a double, and a float beyond a float, either sign', () => {
    expect(read(dbl, '1e308')).toBe(1e308);
    expect(read(dbl, '1e309')).toBe('! p is out of range for a double: 1e309');
    expect(read(dbl, '-1e309')).toBe('! p is out of range for a double: -1e309');
    expect(doubleValue('3.4028234663852886e38', 'f', true)).toEqual({ ok: true, value: 3.4028234663852886e38 });
    expect(doubleValue('-3.4028234663852886e38', 'f', true)).toEqual({ ok: true, value: -3.4028234663852886e38 });
    expect(doubleValue('3.5e38', 'f', true)).toEqual({ ok: false, message: 'f is out of range for a float: 3.5e38' });
    expect(doubleValue('-3.5e38', 'f', true)).toEqual({ ok: false, message: 'f is out of range for a float: -3.5e38' });
    expect(doubleValue('3.5e38', 'f')).toEqual({ ok: true, value: 3.5e38 });
  });

  it('keep to a numberRange, both ends included', () => {
    const ratio = param('double', { numberRange: [0, 1.5] });
    expect(['0', '1.5', '0.75'].map((v) => read(ratio, v))).toEqual([0, 1.5, 0.75]);
    expect(read(ratio, '-0.001')).toBe('! p must be between 0 and 1.5, got -0.001');
    expect(read(ratio, '1.5001')).toBe('! p must be between 0 and 1.5, got 1.5001');
    expect(read(param('double', { numberRange: [0, 9223372036854775807] }), '-1')).toBe('! p must be between 0 and 2^63-1, got -1');
    expect(read(ratio, 'x')).toBe("! p must be a number, got 'x'");
  });
});

describe('booleans', () => {
  it('are true or false in any case, nothing else', () => {
    const b = param('boolean');
    expect(['true', 'false', 'TRUE', 'False'].map((v) => read(b, v))).toEqual([true, false, true, false]);
    for (const bad of ['', 'yes', '1', 'truee', ' true']) expect(read(b, bad)).toBe(`! p must be true or false, got '${bad}'`);
  });
});

describe('strings', () => {
  it('keep to validValues, suggesting the same word in another case first, else the closest ones', () => {
    const dir = param('string', { validValues: ['in', 'out'] });
    expect(read(dir, 'in')).toBe('in');
    expect(read(dir, 'IN')).toBe("! 'IN' is not a valid value for p (one of in, out) | did you mean in?");
    expect(read(dir, 'ot')).toBe("! 'ot' is not a valid value for p (one of in, out) | did you mean out, in?");
    expect(read(dir, 'sideways')).toBe("! 'sideways' is not a valid value for p (one of in, out)");
  });

  it('suggest only the same word in another case when there is one, before closer spellings', () => {
    const p = param('string', { validValues: ['ab', 'ac', 'ad'] });
    expect(read(p, 'AB')).toBe("! 'AB' is not a valid value for p (one of ab, ac, ad) | did you mean ab?");
    expect(read(p, 'ae')).toBe("! 'ae' is not a valid value for p (one of ab, ac, ad) | did you mean ab, ac, ad?");
  });

  it('list at most eight valid values in the message', () => {
    const eight = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8'];
    expect(read(param('string', { validValues: eight }), 'zzzzzz')).toBe(`! 'zzzzzz' is not a valid value for p (one of ${eight.join(', ')})`);
    expect(read(param('string', { validValues: [...eight, 'i9'] }), 'zzzzzz')).toBe("! 'zzzzzz' is not a valid value for p");
  });

  it('keep to maxLength and minLength in characters, not UTF-16 units, both ends included', () => {
    const name = param('string', { maxLength: 3, minLength: 2 });
    expect(['ab', 'abc', '😀😀😀', 'é😀'].map((v) => read(name, v))).toEqual(['ab', 'abc', '😀😀😀', 'é😀']);
    expect(read(name, 'abcd')).toBe('! p is longer than 3 characters');
    expect(read(name, '😀😀😀😀')).toBe('! p is longer than 3 characters');
    expect(read(name, 'a')).toBe('! p is shorter than 2 characters');
    expect(read(name, '😀')).toBe('! p is shorter than 2 characters');
    expect(read(param('string', { maxLength: 0 }), '')).toBe('');
    expect(read(param('string', { minLength: 0 }), '')).toBe('');
  });

  it('check the valid values before the length', () => {
    expect(read(param('string', { validValues: ['abcdef'], maxLength: 2 }), 'abcdef')).toBe('! p is longer than 2 characters');
    expect(read(param('string', { validValues: ['ab'], maxLength: 2 }), 'abcdef')).toMatch(/^! 'abcdef' is not a valid value/);
  });

  it('take any text when nothing limits it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(read(param('string'), s)).toBe(s);
      }),
    );
  });
});

describe('lists', () => {
  const tags = param('list');

  it('split at commas not written \\, and take a JSON list (leading blanks allowed) as it is', () => {
    expect(read(tags, 'a,b')).toEqual(['a', 'b']);
    expect(convert(tags, 'a,b', [1])).toEqual({ ok: true, value: ['a,b'] });
    expect(read(tags, '["a,b", 1, {"k": true}]')).toEqual(['a,b', 1, { k: true }]);
    expect(read(tags, '  [1]')).toEqual([1]);
    expect(read(tags, 'x[1]')).toEqual(['x[1]']);
  });

  it('refuse JSON that is no list, or no JSON, with a hint to quote it', () => {
    expect(read(tags, '[1,')).toBe("! p is not valid JSON: unexpected end at the end | quote JSON in single quotes: p='[...]'");
    expect(read(tags, '[9223372036854775808]')).toBe('! p: 9223372036854775808 is out of range for a long (-2^63 .. 2^63-1) at character 2');
  });

  it('check every item against a numberRange: integers only, in range, whatever the form', () => {
    const sizes = param('list', { numberRange: [1, 100] });
    expect(read(sizes, '1,100')).toEqual([1, 100]);
    expect(read(sizes, '[1, 100]')).toEqual([1, 100]);
    expect(read(sizes, '1,101')).toBe('! p item 2 must be between 1 and 100, got 101');
    expect(read(sizes, '[0]')).toBe('! p item 1 must be between 1 and 100, got 0');
    expect(read(sizes, '[1.5]')).toBe('! p item 1 must be an integer, got 1.5');
    expect(read(sizes, '[1e2]')).toEqual([100]);
    expect(read(sizes, '["7"]')).toEqual([7]);
    expect(read(sizes, '[true]')).toBe('! p item 1 must be a number, got a boolean');
    expect(read(sizes, '[null]')).toBe('! p item 1 must be a number, got null');
    expect(read(sizes, '[[1]]')).toBe('! p item 1 must be a number, got a list');
    expect(read(sizes, '1,x')).toBe("! p item 2 must be an integer, got 'x'");
    const huge = param('list', { numberRange: [1, 9223372036854775807] });
    expect(read(huge, '[9223372036854775807]')).toEqual([new ExactLong('9223372036854775807')]);
    expect(read(huge, '9223372036854775807')).toEqual([new ExactLong('9223372036854775807')]);
    expect(read(huge, '[9223372036854775808]')).toMatch(/^! p: 9223372036854775808 is out of range for a long/);
    expect(read(huge, '9223372036854775808')).toMatch(/^! p item 1 is out of range for a long: 9223372036854775808/);
  });

  it('check every item against validValues, naming at most eight of them for an item that is no string', () => {
    const types = param('list', { validValues: ['VolumeVO', 'VmInstanceVO'] });
    expect(read(types, 'VolumeVO,VmInstanceVO')).toEqual(['VolumeVO', 'VmInstanceVO']);
    expect(read(types, 'VolumeVO,volumevo')).toBe("! 'volumevo' is not a valid value for p (one of VolumeVO, VmInstanceVO) | did you mean VolumeVO?");
    expect(read(types, '[1]')).toBe('! p item 1 must be one of VolumeVO, VmInstanceVO, got a number');
    const nine = param('list', { validValues: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] });
    expect(read(nine, '["a", {}]')).toBe('! p item 2 must be one of a, b, c, d, e, f, g, h, got a object');
  });

  it('take any items when nothing limits them', () => {
    expect(read(tags, '[true, null, "x"]')).toEqual([true, null, 'x']);
    expect(read(tags, '')).toEqual([]);
  });
});

describe('maps and objects', () => {
  it('a map takes a JSON object only', () => {
    const m = param('map');
    expect(read(m, '{"a":[1]}')).toEqual({ a: [1] });
    expect(read(m, '[1]')).toBe(`! p needs a JSON object, got a list | e.g. p='{"key":"value"}'`);
    expect(read(m, 'null')).toBe(`! p needs a JSON object, got null | e.g. p='{"key":"value"}'`);
    expect(read(m, '"s"')).toBe(`! p needs a JSON object, got a string | e.g. p='{"key":"value"}'`);
    expect(read(m, '{')).toBe("! p is not valid JSON: expected a \"key\" at the end | quote JSON in single quotes: p='{...}'");
    expect(read(m, '{"a":1e999}')).toBe('! p: 1e999 is out of range for a double at character 6');
  });

  it('an object takes any JSON value', () => {
    const o = param('object');
    expect(['1', '"s"', 'null', '[1]', '{"a":1}'].map((v) => read(o, v))).toEqual([1, 's', null, [1], { a: 1 }]);
    expect(read(o, 'x')).toBe("! p is not valid JSON: unexpected 'x' at character 1 | quote JSON in single quotes: p='{...}'");
    expect(read(o, '['.repeat(65))).toBe('! p: nested deeper than 64 levels at character 65');
  });
});
