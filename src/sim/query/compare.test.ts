// The simulator's condition semantics, unit by unit: Java type to value kind, coercion of condition
// text (and its SYS.1007 refusals), every operator against numbers, strings and nulls, LIKE
// patterns, sort order, condition splitting in ZStack's operator order, and timestamp text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerce, equalityKeys, likeToRegExp, matcher, sortCompare, valueKind } from './compare.js';
import { isEqualityOp, NEGATED, OPS_IN_ORDER, parseCondition, type Op } from './condition.js';
import { formatDate, parseDate } from './dates.js';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('valueKind', () => {
  it('maps each Java type to how its values compare', () => {
    for (const t of ['Long', 'Integer', 'Short', 'Double', 'Float', 'BigDecimal', 'long', 'int', 'short', 'double', 'float']) expect(valueKind(t), t).toBe('number');
    expect([valueKind('Boolean'), valueKind('boolean')]).toEqual(['boolean', 'boolean']);
    expect([valueKind('Timestamp'), valueKind('Date')]).toEqual(['date', 'date']);
    for (const t of ['String', 'Longer', 'xLong', 'BooleanX', 'aBoolean', 'Dates', 'MyTimestamp', '']) expect(valueKind(t), t).toBe('string');
  });
});

describe('coerce', () => {
  it('reads numbers, refusing blanks and what is not a finite number', () => {
    expect([coerce('number', '1.5', 'f'), coerce('number', '-2', 'f'), coerce('number', '1e3', 'f')]).toEqual([1.5, -2, 1000]);
    for (const t of ['', '  ', 'abc', 'Infinity', '-Infinity', 'NaN', '1x']) {
      expect(refusal(() => coerce('number', t, 'cpuNum'))).toContain(`value[${t}] of field[cpuNum] is not a number`);
    }
  });

  it('reads exactly true and false as booleans', () => {
    expect([coerce('boolean', 'true', 'f'), coerce('boolean', 'false', 'f')]).toEqual([true, false]);
    for (const t of ['TRUE', 'False', '1', '']) expect(refusal(() => coerce('boolean', t, 'f'))).toContain(`value[${t}] of field[f] is not a boolean`);
  });

  it('reads dates to epoch milliseconds, and keeps strings as they are', () => {
    expect(coerce('date', '2020-01-02', 'f')).toBe(Date.UTC(2020, 0, 2));
    expect(refusal(() => coerce('date', 'soon', 'createDate'))).toContain('value[soon] of field[createDate] is not a date');
    expect(coerce('string', ' a,b ', 'f')).toBe(' a,b ');
  });

  it('looks up one key for =, each comma-separated one for ?=', () => {
    expect(equalityKeys('number', '=', '1', 'f')).toEqual([1]);
    expect(equalityKeys('string', '=', 'a,b', 'f')).toEqual(['a,b']);
    expect(equalityKeys('number', '?=', '1,2,3', 'f')).toEqual([1, 2, 3]);
    expect(equalityKeys('string', '?=', 'a,,b', 'f')).toEqual(['a', '', 'b']);
  });
});

describe('LIKE patterns', () => {
  it('take regular-expression characters literally', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'.*+?^${}()|[]\\/ab') }).filter((s) => !/[%_\\]/.test(s)), (p) => {
        expect(likeToRegExp(p).test(p)).toBe(true);
        expect(likeToRegExp(p).test(`${p}x`)).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(likeToRegExp('a.c').test('abc')).toBe(false);
    expect(likeToRegExp('a/c').source).toBe('^a\\/c$');
  });

  it('let % and _ cross line ends, and read a backslash at the end as itself', () => {
    expect(likeToRegExp('a%b').test('a\nx\nb')).toBe(true);
    expect(likeToRegExp('a_b').test('a\nb')).toBe(true);
    expect(likeToRegExp('a\\').test('a\\')).toBe(true);
    expect(likeToRegExp('a\\_').test('a_')).toBe(true);
    expect(likeToRegExp('a\\_').test('ab')).toBe(false);
    expect(likeToRegExp('\\\\').test('\\')).toBe(true);
  });
});

describe('matcher', () => {
  const OPS = ['=', '!=', '>', '<', '>=', '<='] as const;
  const js: Record<(typeof OPS)[number], (a: number, b: number) => boolean> = {
    '=': (a, b) => a === b, '!=': (a, b) => a !== b, '>': (a, b) => a > b, '<': (a, b) => a < b, '>=': (a, b) => a >= b, '<=': (a, b) => a <= b,
  };

  it('compares numbers numerically with every operator', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), (op, v, t) => {
        expect(matcher('number', op, String(t), 'f')(v)).toBe(js[op](v, t));
      }),
      { numRuns: 500 },
    );
    expect(matcher('number', '>', '9', 'f')(10)).toBe(true);
  });

  it('compares strings by code unit with every operator', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), fc.constantFrom('a', 'b', 'ab', '10', '9', ''), fc.constantFrom('a', 'b', 'ab', '10', '9'), (op, v, t) => {
        const c = v < t ? -1 : v > t ? 1 : 0;
        expect(matcher('string', op, t, 'f')(v)).toBe(js[op](c, 0));
      }),
      { numRuns: 300 },
    );
  });

  it('matches sets and patterns, positive and negated, and null never except by is null', () => {
    expect(['a', 'b', 'c'].map(matcher('string', '?=', 'a,b', 'f'))).toEqual([true, true, false]);
    expect(['a', 'b', 'c'].map(matcher('string', '!?=', 'a,b', 'f'))).toEqual([false, false, true]);
    expect([1, 2, 3].map(matcher('number', '?=', '1,3', 'f'))).toEqual([true, false, true]);
    expect(['web-1', 'db-1', 7].map(matcher('string', '~=', 'web%', 'f'))).toEqual([true, false, false]);
    expect(['web-1', 'db-1'].map(matcher('string', '!~=', 'web%', 'f'))).toEqual([false, true]);
    expect([7, 17].map(matcher('number', '~=', '1%', 'f'))).toEqual([false, true]);
    for (const op of ['=', '!=', '>', '<', '>=', '<=', '~=', '!~=', '?=', '!?='] as const) {
      expect([null, undefined].map(matcher('number', op, '1', 'f')), op).toEqual([false, false]);
    }
    expect([null, undefined, 0, ''].map(matcher('string', 'is null', '', 'f'))).toEqual([true, true, false, false]);
    expect([null, undefined, 0, ''].map(matcher('string', 'not null', '', 'f'))).toEqual([false, false, true, true]);
  });

  it('refuses a condition value its field cannot hold, before any row is read', () => {
    expect(refusal(() => matcher('number', '=', 'x', 'cpuNum'))).toContain('is not a number');
    expect(refusal(() => matcher('number', '?=', '1,x', 'cpuNum'))).toContain('value[x]');
    expect(refusal(() => matcher('boolean', '!?=', 'yes', 'f'))).toContain('is not a boolean');
  });
});

describe('sortCompare', () => {
  it('puts nulls first, numbers in numeric order, the rest by string', () => {
    expect([3, null, 10, null, 2].sort(sortCompare)).toEqual([null, null, 2, 3, 10]);
    expect(['b', 'a', 'B'].sort(sortCompare)).toEqual(['B', 'a', 'b']);
    expect([sortCompare(null, undefined), sortCompare(null, 1), sortCompare(1, null), sortCompare('a', 'a')]).toEqual([0, -1, 1, 0]);
    expect(Math.sign(sortCompare(10, 9))).toBe(1);
    expect(Math.sign(sortCompare('10', '9'))).toBe(-1);
    // Undefined sorts with null; a number against a string compares as text.
    expect([sortCompare(undefined, 'a'), sortCompare('a', undefined), sortCompare(undefined, null)]).toEqual([-1, 1, 0]);
    expect([Math.sign(sortCompare(2, '10')), Math.sign(sortCompare('10', 2))]).toEqual([1, -1]);
  });
});

describe('parseCondition', () => {
  it('splits at the first operator of ZStack order found anywhere, else at a null suffix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z.]{1,8}$/), fc.constantFrom(...OPS_IN_ORDER), fc.stringMatching(/^[a-z0-9 ,%]{0,8}$/), (path, op, value) => {
        expect(parseCondition(`${path}${op}${value}`)).toEqual({ path, op, value });
      }),
      { numRuns: 300 },
    );
    expect(OPS_IN_ORDER).toEqual(['!=', '>=', '<=', '!?=', '!~=', '~=', '?=', '=', '>', '<']);
    expect(parseCondition('a is null')).toEqual({ path: 'a', op: 'is null', value: '' });
    expect(parseCondition('a not null')).toEqual({ path: 'a', op: 'not null', value: '' });
    expect(parseCondition('is null')).toBeUndefined();
    expect(parseCondition('=x')).toEqual({ path: '', op: '=', value: 'x' });
    expect(parseCondition('a is nullx')).toBeUndefined();
    expect(parseCondition('anot null')).toBeUndefined();
  });

  it('names the equality ops and the positive form of each negated one', () => {
    const all: Op[] = [...OPS_IN_ORDER, 'is null', 'not null'];
    expect(all.filter(isEqualityOp)).toEqual(['?=', '=']);
    expect(NEGATED).toEqual({ '!=': '=', '!?=': '?=', '!~=': '~=' });
  });
});

describe('dates', () => {
  it("writes ZStack's text: 12-hour clock, 12 for noon and midnight, two-digit minutes and seconds", () => {
    expect(formatDate(Date.UTC(2020, 1, 3, 0, 0, 0))).toBe('Feb 3, 2020 12:00:00 AM');
    expect(formatDate(Date.UTC(2020, 11, 31, 12, 0, 9))).toBe('Dec 31, 2020 12:00:09 PM');
    expect(formatDate(Date.UTC(2020, 5, 15, 11, 59, 59))).toBe('Jun 15, 2020 11:59:59 AM');
    expect(formatDate(Date.UTC(2020, 5, 15, 13, 4, 5))).toBe('Jun 15, 2020 1:04:05 PM');
    // A second call (from the memo) gives the same text.
    expect(formatDate(Date.UTC(2020, 5, 15, 13, 4, 5))).toBe('Jun 15, 2020 1:04:05 PM');
  });

  it('reads epoch milliseconds, ISO-like dates and its own text, all as UTC', () => {
    expect(parseDate(' 1500000000000 ')).toBe(1500000000000);
    expect(parseDate('-5')).toBe(-5);
    expect(parseDate('2020-1-2')).toBe(Date.UTC(2020, 0, 2));
    expect(parseDate('2020-01-02T03:04')).toBe(Date.UTC(2020, 0, 2, 3, 4));
    expect(parseDate('2020-01-02 03:04:05')).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(parseDate('Jan 2, 2020 12:30:00 AM')).toBe(Date.UTC(2020, 0, 2, 0, 30));
    expect(parseDate('Jan 2, 2020 12:30:00 PM')).toBe(Date.UTC(2020, 0, 2, 12, 30));
    for (const t of ['Foo 2, 2020 1:00:00 AM', 'jan 2, 2020 1:00:00 AM', '2020-01-02 03', '2020/01/02', '1.5', 'x2020-01-02', '2020-01-02x', 'Jan 2, 2020 1:00:00 XM', 'xJan 2, 2020 1:00:00 AM', 'Jan 2, 2020 1:00:00 AMx']) {
      expect(parseDate(t), t).toBeUndefined();
    }
  });

  it('reads back any time it writes, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2208988800, max: 4102444800 }), (s) => {
        expect(parseDate(formatDate(s * 1000))).toBe(s * 1000);
      }),
      { numRuns: 300 },
    );
  });
});
