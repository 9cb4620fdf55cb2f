// The lexer word by word: separators, quotes and escapes, where each character came from and whether
// it was quoted, comments, unterminated quotes, the token limit, and quoting a word back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex, quoteWord } from './lexer.js';

const texts = (line: string) => lex(line).tokens.map((t) => t.text);

describe('lex', () => {
  it('splits at spaces, tabs, line feeds and carriage returns only', () => {
    expect(texts(' a\tb\nc\rd  e ')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(texts('a\u000bb\u00a0c')).toEqual(['a\u000bb\u00a0c']);
    expect(texts('')).toEqual([]);
    expect(texts('   ')).toEqual([]);
  });

  it('reads quotes and escapes into one word, and records each character as typed or quoted', () => {
    const [t] = lex(`a'b c'"d\\"e\\\\f\\,g"\\ h\\x`).tokens;
    expect(t!.text).toBe('ab cd"e\\f,g hx');
    expect(t!.literal).toEqual([false, true, true, true, true, true, true, true, true, true, true, true, false, true]);
    expect(t!.offsets).toEqual([0, 2, 3, 4, 7, 8, 10, 11, 13, 14, 16, 18, 20, 21]);
    expect(t!.span).toEqual({ start: 0, end: 23 });
    expect(t!.raw).toBe(`a'b c'"d\\"e\\\\f\\,g"\\ h\\x`);
    expect(t!.unterminated).toBeUndefined();
  });

  it('keeps a backslash before other characters inside double quotes, and one at the end of the line', () => {
    expect(texts('"a\\nb"')).toEqual(['a\\nb']);
    expect(texts("'a\\\"b'")).toEqual(['a\\"b']);
    expect(texts('a\\')).toEqual(['a\\']);
    expect(lex('a\\').tokens[0]!.literal).toEqual([false, false]);
    expect(texts('"a\\')).toEqual(['a\\']);
  });

  it('records commas written \\, (in double quotes too), by their index in the text', () => {
    expect(lex('k=a\\,b,c "x\\,y"\\,').escapedCommas).toEqual([[3], [1, 3]]);
    expect(lex("k='a,b'").escapedCommas).toEqual([[]]);
  });

  it('starts a comment at an unquoted # that begins a word only', () => {
    expect(lex('a b#c # d e')).toMatchObject({ comment: { start: 6, end: 11 } });
    expect(texts('a b#c # d e')).toEqual(['a', 'b#c']);
    expect(lex("'#' \\#x")).toMatchObject({ tokens: [{ text: '#' }, { text: '#x' }] });
    expect(lex("'#' \\#x").comment).toBeUndefined();
    expect(lex('#all')).toEqual({ tokens: [], escapedCommas: [], comment: { start: 0, end: 4 } });
  });

  it('marks a token whose quote is not closed, reading to the end of the line', () => {
    expect(lex("a 'b c")).toMatchObject({ tokens: [{ text: 'a' }, { text: 'b c', unterminated: "'", span: { start: 2, end: 6 } }] });
    expect(lex('"b c\\"')).toMatchObject({ tokens: [{ text: 'b c"', unterminated: '"' }] });
    expect(lex("''").tokens[0]).toMatchObject({ text: '', raw: "''" });
    expect(lex("''").tokens[0]!.unterminated).toBeUndefined();
    expect(lex('""x').tokens[0]).toMatchObject({ text: 'x', literal: [false] });
  });

  it('stops after maxTokens words, giving the span of the rest', () => {
    expect(lex('a b  c d', 2)).toEqual({ tokens: expect.any(Array), escapedCommas: [[], []], overflow: { start: 5, end: 8 } });
    expect(texts('a b')).toEqual(['a', 'b']);
    expect(lex('a b', 2).overflow).toBeUndefined();
    expect(lex('a b ', 2).overflow).toBeUndefined();
    expect(lex('a # b', 1).overflow).toBeUndefined();
  });

  it('maps every character of every token to a line offset holding it or its escape', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab ,#\'"\\') , maxLength: 16 }), (line) => {
        for (const t of lex(line).tokens) {
          expect(t.offsets).toHaveLength(t.text.length);
          expect(t.literal).toHaveLength(t.text.length);
          expect(line.slice(t.span.start, t.span.end)).toBe(t.raw);
          t.offsets.forEach((o, i) => {
            expect(o).toBeGreaterThanOrEqual(t.span.start);
            expect(o).toBeLessThan(t.span.end);
            expect([t.text[i], '\\']).toContain(line[o]);
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('quoteWord', () => {
  it('leaves plain words as they are and quotes the rest the cheapest way', () => {
    expect(quoteWord('')).toBe("''");
    expect(quoteWord('web-01.a,b:c/d@e%f+g=h?i~j!k<l>m_Z9')).toBe('web-01.a,b:c/d@e%f+g=h?i~j!k<l>m_Z9');
    expect(quoteWord('#x')).toBe("'#x'");
    expect(quoteWord('a#x')).toBe("'a#x'");
    expect(quoteWord('a b')).toBe("'a b'");
    expect(quoteWord('a$b')).toBe("'a$b'");
    expect(quoteWord(`it's "x" \\`)).toBe(`"it's \\"x\\" \\\\"`);
  });

  it('gives any word back through the lexer', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab #\'"\\,$\t') }), (w) => {
        expect(lex(quoteWord(w)).tokens.map((t) => t.text)).toEqual([w]);
      }),
      { numRuns: 500 },
    );
  });
});
