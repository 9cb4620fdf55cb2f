// `$N.field` references written into a line: which dollars are references, what a reference reads
// as, and that any value written in comes back out of the lexer as exactly one word's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeValue, expandRefs, hasRefs, type ResultRef } from './expand.js';
import { lex } from './lexer.js';
import { splitList } from './parser.js';

/** A lookup that answers every reference with `values` and records what it was asked. */
function recorder(values: string[]) {
  const asked: ResultRef[] = [];
  return { asked, lookup: (ref: ResultRef) => (asked.push(ref), { values }) };
}

describe('escapeValue', () => {
  it('escapes blanks, quotes, backslash, comma, # and $, and nothing else', () => {
    expect(escapeValue(`a b\t'"\\,#$c`)).toBe(`a\\ b\\\t\\'\\"\\\\\\,\\#\\$c`);
    expect(escapeValue('web-01.x:y/z@%+=?~!<>')).toBe('web-01.x:y/z@%+=?~!<>');
  });

  it('gives back any value as one word, its commas literal (one list item)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (v) => {
        const { tokens, escapedCommas } = lex(`k=${escapeValue(v)}`);
        expect(tokens).toHaveLength(1);
        expect(tokens[0]!.text).toBe(`k=${v}`);
        const value = { value: v, literalCommas: escapedCommas[0]!.map((c) => c - 2) };
        expect(splitList(value)).toEqual([v]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hasRefs', () => {
  it('is true for an unquoted $N or $_ only', () => {
    expect(['A x=$1.uuid', 'A x=$_.uuid', 'A x=$12', 'A x=a,$3.name'].map(hasRefs)).toEqual([true, true, true, true]);
    expect(["A x='$1.uuid'", 'A x=\\$1.uuid', 'A x=$a', 'A x=$', 'A x=$1a', 'A x=$_x', '# $1.uuid', 'A x=$1234567890.a'].map(hasRefs)).toEqual(
      [false, false, false, false, false, false, false, false],
    );
  });
});

describe('expandRefs', () => {
  it('reads the result number or $_ and the dotted path', () => {
    const r = recorder(['v']);
    expect(expandRefs('A a=$1.uuid b=$_.vmNics.ip c=$123456789.x_y.Z9', r.lookup).ok).toBe(true);
    expect(r.asked).toEqual([
      { result: 1, path: ['uuid'], text: '$1.uuid' },
      { result: 'last', path: ['vmNics', 'ip'], text: '$_.vmNics.ip' },
      { result: 123456789, path: ['x_y', 'Z9'], text: '$123456789.x_y.Z9' },
    ]);
  });

  it('ends a reference where its characters end, keeping the rest of the word', () => {
    const r = recorder(['u1', 'u2']);
    expect(expandRefs('A uuid=$1.uuid,x name=a$1.name-b', r.lookup)).toEqual({
      ok: true,
      line: 'A uuid=u1,u2,x name=au1,u2-b',
      expansions: [
        { ref: { result: 1, path: ['uuid'], text: '$1.uuid' }, span: { start: 7, end: 12 }, count: 2 },
        { ref: { result: 1, path: ['name'], text: '$1.name' }, span: { start: 21, end: 26 }, count: 2 },
      ],
    });
    expect(expandRefs('A x=$1.a.', recorder(['v']).lookup)).toMatchObject({ ok: true, line: 'A x=v.' });
  });

  it('writes values escaped, and an empty list as nothing', () => {
    expect(expandRefs('A x=$1.a', recorder(['a b', 'c,d']).lookup)).toMatchObject({ ok: true, line: 'A x=a\\ b,c\\,d' });
    expect(expandRefs('A x=$1.a y=1', recorder([]).lookup)).toEqual({
      ok: true,
      line: 'A x= y=1',
      expansions: [{ ref: { result: 1, path: ['a'], text: '$1.a' }, span: { start: 4, end: 4 }, count: 0 }],
    });
  });

  it('passes on the lookup error with its hint, or without one', () => {
    expect(expandRefs('A x=$2.a', () => ({ error: 'no result 2', hint: 'results list them' }))).toEqual({ ok: false, message: 'no result 2', hint: 'results list them' });
    expect(expandRefs('A x=$2.a', () => ({ error: 'no result 2' }))).toEqual({ ok: false, message: 'no result 2' });
  });

  it('asks for a field when a reference has none', () => {
    expect(expandRefs('A x=$_', recorder(['v']).lookup)).toEqual({ ok: false, message: '$_ needs a field', hint: 'e.g. $_.uuid' });
  });

  it('reads a dollar that is partly quoted or escaped as text', () => {
    for (const line of ['A x=$1".a"', "A x=$'1'.a", 'A x=$1\\.a', 'A x="$"1.a']) {
      const r = recorder(['v']);
      expect(expandRefs(line, r.lookup)).toEqual({ ok: true, line, expansions: [] });
      expect(r.asked).toEqual([]);
    }
  });
});

describe('reference boundaries (mutation survivors, issue #16)', () => {
  it('finds a reference only where its $ is, however many are in a word', () => {
    expect(expandRefs('A x=$x$1.a', recorder(['v']).lookup)).toMatchObject({ ok: true, line: 'A x=$xv' });
    expect(expandRefs('A x=$1.a,$2.b', recorder(['v']).lookup)).toMatchObject({ ok: true, line: 'A x=v,v' });
    expect(expandRefs("A x=$1.a,'b c'", recorder(['v']).lookup)).toMatchObject({ ok: true, line: "A x=v,'b c'" });
  });
});

