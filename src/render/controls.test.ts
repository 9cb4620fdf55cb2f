// Control characters in server data (issue #11): a VM named `\x1b]0;title\x07` or `\x1b[2J` must never
// reach the terminal raw in a human format, nor break a row over two lines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderValue, type RenderOptions } from './index.js';

/** What a terminal may act on: C0 but tab and newline, DEL, C1, and the Unicode line separators. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/g;

const attack = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u001b]0;pwned\u0007', '\u001b[2J\u001b[H', '\u009b31m', 'a\rb\nc\u2028d', '\u0000\u0007\u007f'),
  fc.tuple(fc.string(), fc.constantFrom('\u001b', '\u009b', '\r', '\u0085'), fc.string()).map(([a, c, b]) => a + c + b),
);

const formats: RenderOptions[] = [
  { format: 'table', color: false },
  { format: 'table', color: false, width: 60 },
  { format: 'value', color: false },
  { format: 'csv', color: false, terminal: true },
  { format: 'json', color: false },
  { format: 'yaml', color: false },
];

function shapes(s: string): unknown[] {
  return [
    { inventories: [{ uuid: 'u1', name: s, state: 'Running' }, { uuid: 'u2', name: 'ok', state: s }] },
    { inventory: { uuid: 'u1', name: s, [s]: 1 } },
    [s, 'x'],
    s,
    { error: { details: s } },
  ];
}

describe('control characters in human formats', () => {
  it.each(formats.map((f) => [`${f.format}${f.width ? ' (narrow)' : ''}`, f] as const))('%s: never raw', (_name, opts) => {
    fc.assert(
      fc.property(attack, (s) => {
        for (const v of shapes(s)) {
          const out = renderValue(v, opts);
          // csv ends its records with CRLF; nothing else may hold a CR.
          expect(opts.format === 'csv' ? out.replaceAll('\r\n', '\n') : out).not.toMatch(UNSAFE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each(formats.filter((f) => f.format !== 'yaml').map((f) => [f.format, f] as const))('%s: a value never adds a line', (_name, opts) => {
    fc.assert(
      fc.property(attack, (s) => {
        const lines = (x: string) => renderValue({ inventories: [{ uuid: 'u1', name: x }] }, opts).split('\n').length;
        expect(lines(s)).toBe(lines('x'));
      }),
      { numRuns: 300 },
    );
  });

  it('with colour, only the styles add escape sequences', () => {
    fc.assert(
      fc.property(attack, (s) => {
        for (const format of ['table', 'json', 'yaml'] as const) {
          const v = { inventories: [{ uuid: 'u1', name: s, state: 'Running' }] };
          expect(renderValue(v, { format, color: true }).replace(SGR, '')).toBe(renderValue(v, { format, color: false }));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shows an injected sequence visibly in value and csv', () => {
    const v = { inventories: [{ name: 'vm\u001b]0;pwned\u0007' }] };
    expect(renderValue(v, { format: 'value', color: false })).toBe('vm\\e]0;pwned\\x07\n');
    expect(renderValue(v, { format: 'csv', color: false, terminal: true })).toBe('name\r\nvm\\e]0;pwned\\x07\r\n');
  });

  it('keeps csv data exact when it does not go to a terminal', () => {
    const v = { inventories: [{ name: 'vm\u001b[2J' }] };
    expect(renderValue(v, { format: 'csv', color: false })).toBe('name\r\nvm\u001b[2J\r\n');
  });
});
