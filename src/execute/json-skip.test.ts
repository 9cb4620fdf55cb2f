import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSkipper, MAX_SKIP_DEPTH } from './json-skip.js';

/**
 * Feeds `text` then `,` to a skipper, cut at `cuts`: whether it accepted one JSON value followed only
 * by blanks and the `,` (what JSON.parse of `text` would accept).
 */
function accepts(text: string, cuts: number[] = []): boolean {
  const buf = Buffer.from(text + ',', 'utf8');
  const s = new JsonSkipper();
  let from = 0;
  let end = -1;
  try {
    for (const c of [...new Set(cuts)].filter((c) => c > 0 && c < buf.length).sort((a, b) => a - b).concat(buf.length)) {
      const piece = buf.subarray(from, c);
      end = s.feed(piece, 0);
      if (end >= 0) {
        end += from;
        break;
      }
      from = c;
    }
  } catch (e) {
    expect(e).toBeInstanceOf(SyntaxError);
    return false;
  }
  if (end < 0) return false;
  return /^[ \t\n\r]*,$/.test(buf.subarray(end).toString('utf8'));
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON-ish pieces, so that mutated texts hit every state of the grammar. */
const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '00', '0', '1', '-', '.', 'e', 'E', '+', 'true', 'false', 'null', 'tru', 'nul', ' ', '\n', '\t', 'a', 'é', '中', '\u0001', 'ff', 'A1b2');

describe('JsonSkipper', () => {
  it('property: accepts exactly what JSON.parse accepts, however the text is cut', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'medium' }), fc.array(fc.nat(400), { maxLength: 6 }), (text, cuts) => {
        expect(accepts(text, cuts)).toBe(true);
        expect(accepts(` \n${text}\t `, cuts)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.array(fc.nat(40), { maxLength: 4 }), (pieces, cuts) => {
        const text = pieces.join('');
        expect(accepts(text, cuts), text).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('property: a valid text with one byte changed, dropped or added is judged as JSON.parse judges it', () => {
    fc.assert(
      fc.property(fc.json({ depthSize: 'small' }), fc.nat(), fc.constantFrom('replace', 'drop', 'add'), piece, fc.array(fc.nat(200), { maxLength: 4 }), (json, at0, how, p, cuts) => {
        const at = at0 % (json.length + 1);
        const text = how === 'drop' ? json.slice(0, at) + json.slice(at + 1) : json.slice(0, at) + p + json.slice(how === 'replace' ? at + 1 : at);
        expect(accepts(text, cuts), text).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the grammar edge cases as JSON.parse does', () => {
    const cases = [
      '0', '-0', '0.5', '1e5', '1E+5', '1e-05', '0e1', '-', '01', '1.', '.5', '1e', '1e+', '--1', '+1', '1.5.5', '1ee5',
      '"a\\"b"', '"\\u00e9\\uD83D\\ude00"', '"\\x"', '"\\u12G4"', '"\\u12"', '"tab\there"', '"\u007f"', '"a',
      'true', 'false', 'null', 'True', 'nul', 'nulll', 'truefalse',
      '{}', '[]', '{"a":1}', '{"a":1,}', '[1,]', '[,1]', '{"a" 1}', '{"a":}', '{1:2}', '{"a":1 "b":2}', '[1 2]', '{]', '[}', '[[]]]', '{"a":[{"b":{}}]}',
    ];
    for (const text of cases) expect(accepts(text), text).toBe(parses(text));
  });

  it('ends a number at the byte after it, and reads nothing past the value', () => {
    const s = new JsonSkipper();
    expect(s.feed(Buffer.from('123'), 0)).toBe(-1);
    expect(s.feed(Buffer.from('45}'), 0)).toBe(2);
    expect(s.done).toBe(true);
    const t = new JsonSkipper();
    expect(t.feed(Buffer.from('xx{"a":[1,"]"]}, "next"'), 2)).toBe(15);
  });

  it(`refuses nesting deeper than ${MAX_SKIP_DEPTH} levels`, () => {
    expect(accepts('['.repeat(MAX_SKIP_DEPTH) + ']'.repeat(MAX_SKIP_DEPTH))).toBe(true);
    expect(() => new JsonSkipper().feed(Buffer.from('['.repeat(MAX_SKIP_DEPTH + 1)), 0)).toThrow(/nested more than/);
  });
});
