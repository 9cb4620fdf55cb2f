// The word limit of a line: more than MAX_WORDS (10000) params are refused at once, reading no
// further, in the shell and one-shot alike. Apart from hostile-input.test.ts so that mutation runs
// keep it (about a second) while leaving the 100k-character lines out.
import { describe, expect, it } from 'vitest';
import { parseLine, parseWords } from './parser.js';

describe('the word limit', () => {
  it('refuses a line of more than 10000 params at once, reading no further', () => {
    for (const r of [parseLine('Api ' + 'k=v '.repeat(10_001)), parseWords(['Api', ...Array.from({ length: 10_001 }, () => 'k=v')])]) {
      expect(r.command).toBeUndefined();
      expect(r.tokens).toEqual([]);
      expect(r.diagnostics.map((d) => d.message)).toEqual(['more than 10000 params on one line']);
    }
    const line = 'Api ' + 'k=v '.repeat(10_000) + 'x=1 y=2';
    const d = parseLine(line).diagnostics[0]!;
    expect(line.slice(d.span.start, d.span.end)).toBe('x=1 y=2');
    expect(parseLine('Api ' + 'k=v '.repeat(10_000)).command!.args).toHaveLength(10_000);
    expect(parseWords(['Api', ...Array.from({ length: 10_000 }, () => 'k=v')]).command!.args).toHaveLength(10_000);
  });
});
