// Lines built to hurt (issue #11): 100k quotes, backslashes, operators, a 1 MB token, binary, more
// than 10000 params. Each gets diagnostics, never an exception, in bounded work. Kept apart from
// parser.test.ts so that mutation runs (scripts/mutate/run.mjs) can leave them out: under Stryker's
// instrumentation each line takes seconds, for every mutant of the lexer.
import { describe, expect, it } from 'vitest';
import { parseLine } from './parser.js';

describe('hostile lines (issue #11)', () => {
  const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  const shapes: [string, string][] = [
    ['100k double quotes', '"'.repeat(1e5)],
    ['100k single quotes', "'".repeat(1e5)],
    ['100k backslashes', '\\'.repeat(1e5)],
    ['a 1 MB token', `Api k=${'v'.repeat(1e6)}`],
    ['100k bare words', 'Api ' + 'w '.repeat(1e5)],
    ['100k operators', 'Api ' + '!?='.repeat(1e5)],
    ['100k escaped commas', 'Api k=' + '\\,'.repeat(1e5)],
    ['binary', Array.from({ length: 1e5 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('')],
  ];

  it.each(shapes)('%s: diagnostics, never an exception, at most ten of them and a count', (_name, line) => {
    const r = parseLine(line);
    expect(r.diagnostics.length).toBeLessThanOrEqual(11);
    for (const d of r.diagnostics) {
      expect(d.message).not.toMatch(CONTROL);
      expect(d.message.length).toBeLessThan(250);
      expect(d.span.end).toBeLessThanOrEqual(line.length);
    }
  });
});
