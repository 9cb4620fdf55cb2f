// Boundaries of the width rules (width.ts) and of state colouring (style.ts): the code points where a
// width changes, what sanitizeCell turns into what, padding and cutting at exact fits.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { getStyle, isStateColumn } from './style.js';
import { codePointWidth, displayWidth, padEnd, padStart, sanitizeCell, truncate } from './width.js';

describe('codePointWidth', () => {
  it('control characters take no column, other Latin ones one', () => {
    expect([0x00, 0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0xff, 0x2ff].map(codePointWidth)).toEqual([0, 0, 1, 1, 0, 0, 1, 1, 1]);
  });

  it('wide ranges take two columns from their first to their last code point', () => {
    // [first, last] of some ranges of the table, with the code points just outside them.
    const ranges: [number, number][] = [
      [0x1100, 0x115f],
      [0x231a, 0x231b],
      [0x2e80, 0x303e],
      [0x3041, 0x33ff],
      [0xac00, 0xd7a3],
      [0xff00, 0xff60],
      [0xffe0, 0xffe6],
      [0x1f300, 0x1f320],
      [0x1faf0, 0x1faf8],
      [0x20000, 0x2fffd],
      [0x30000, 0x3fffd],
    ];
    for (const [lo, hi] of ranges) {
      expect(codePointWidth(lo), lo.toString(16)).toBe(2);
      expect(codePointWidth(hi), hi.toString(16)).toBe(2);
      expect(codePointWidth((lo + hi) >> 1), ((lo + hi) >> 1).toString(16)).toBe(2);
    }
    for (const cp of [0x10ff, 0x1160, 0x2319, 0x231c, 0x303f, 0xd7a4, 0xff61, 0xffdf, 0xffe7, 0x1f321, 0x1faf9, 0x2fffe, 0x3fffe, 0x10ffff]) {
      expect(codePointWidth(cp), cp.toString(16)).toBe(1);
    }
  });

  it('combining marks and zero-width characters take none', () => {
    for (const cp of [0x300, 0x36f, 0x20dd, 0x200b, 0x200f, 0x2060, 0x2064, 0xfeff]) expect(codePointWidth(cp), cp.toString(16)).toBe(0);
    for (const cp of [0x2010, 0x2065, 0x2500, 0x2026]) expect(codePointWidth(cp), cp.toString(16)).toBe(1);
  });
});

describe('displayWidth', () => {
  it('is the sum of the code point widths, ASCII or not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 20 }), (s) => {
        let w = 0;
        for (const ch of s) w += codePointWidth(ch.codePointAt(0)!);
        expect(displayWidth(s)).toBe(w);
      }),
    );
    expect(displayWidth('a\tb')).toBe(2);
    expect(displayWidth('~ ')).toBe(2);
  });
});

describe('sanitizeCell', () => {
  it('turns each line break into one ⏎, a tab into a space, other controls into ?', () => {
    expect(sanitizeCell('a\rb')).toBe('a⏎b');
    expect(sanitizeCell('a\r\nb\n\nc')).toBe('a⏎b⏎⏎c');
    expect(sanitizeCell('a\u2028b\u2029c')).toBe('a⏎b⏎c');
    expect(sanitizeCell('\x00\x1f\x7f\x85\x9f')).toBe('?????');
    expect(sanitizeCell('\t')).toBe(' ');
    expect(sanitizeCell('\xa0é中')).toBe('\xa0é中');
  });

  it('leaves no control character and never changes the length but for CRLF', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\r', '\n', '\t', '\x00', '\x1b', '\x1f', '\x7f', '\x85', '\x9f', '\xa0', '\u2028', '\u2029', 'a', '中', '😀'), maxLength: 30 }), (s) => {
        const out = sanitizeCell(s);
        expect(out).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/);
        expect(out.length).toBe(s.length - (s.match(/\r\n/g)?.length ?? 0));
      }),
    );
  });
});

describe('truncate and padding', () => {
  it('keeps text that fits exactly, cuts one column more', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcd', 3)).toBe('ab…');
    expect(truncate('abcd', 2)).toBe('a…');
    expect(truncate('中文字', 6)).toBe('中文字');
    expect(truncate('中文字', 5)).toBe('中文…');
    expect(truncate('中文字', 2)).toBe('…');
    expect(truncate('é中', 2)).toBe('é…');
    // The width may be given; it is trusted.
    expect(truncate('abc', 2, 2)).toBe('abc');
    expect(truncate('ab', 5, 9)).toBe('ab…');
  });

  it('the cut text is never wider than asked (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.integer({ min: 0, max: 25 }), (s, max) => {
        const t = truncate(s, max);
        expect(displayWidth(t)).toBeLessThanOrEqual(max);
        if (displayWidth(s) <= max) expect(t).toBe(s);
        else if (max > 0) expect(t.endsWith('…')).toBe(true);
      }),
    );
  });

  it('pads to the width on the side asked, never cuts', () => {
    expect(padEnd('ab', 2, 5)).toBe('ab   ');
    expect(padStart('ab', 2, 5)).toBe('   ab');
    expect(padEnd('abc', 3, 3)).toBe('abc');
    expect(padStart('abc', 3, 3)).toBe('abc');
    expect(padEnd('abcd', 4, 2)).toBe('abcd');
    expect(padStart('abcd', 4, 2)).toBe('abcd');
    expect(padEnd('中', 2, 3)).toBe('中 ');
  });
});

describe('state colours', () => {
  const on = getStyle(true);
  const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
  const yellow = (s: string) => `\x1b[33m${s}\x1b[39m`;
  const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
  const grey = (s: string) => `\x1b[90m${s}\x1b[39m`;

  it('colours a state by its meaning, whatever its case, spaces, dashes or underscores', () => {
    expect(on.state('Running')).toBe(green('Running'));
    expect(on.state('Connected')).toBe(green('Connected'));
    expect(on.state('Stopped')).toBe(red('Stopped'));
    expect(on.state('Not Ready')).toBe(red('Not Ready'));
    expect(on.state('Paused')).toBe(yellow('Paused'));
    expect(on.state('Volume_Migrating')).toBe(yellow('Volume_Migrating'));
    expect(on.state('PreMaintenance')).toBe(yellow('PreMaintenance'));
    expect(on.state('Destroyed')).toBe(grey('Destroyed'));
    expect(on.state('no-state')).toBe(grey('no-state'));
    expect(on.state('Enabled')).toBe(green('Enabled'));
    expect(on.state('Disabled')).toBe(grey('Disabled'));
    expect(on.state('Whatever')).toBe('Whatever');
  });

  it('colours nothing when colour is off, and never wraps empty text', () => {
    const off = getStyle(false);
    expect(off.on).toBe(false);
    for (const f of [off.state, off.key, off.str, off.num, off.bool, off.nul, off.header, off.dim]) expect(f('Running')).toBe('Running');
    expect(on.on).toBe(true);
    expect(on.str('')).toBe('');
    expect(on.header('h')).toBe('\x1b[1mh\x1b[22m');
    expect(on.key('k')).toBe('\x1b[36mk\x1b[39m');
    expect(on.num('1')).toBe(yellow('1'));
    expect(on.bool('true')).toBe('\x1b[35mtrue\x1b[39m');
    expect(on.nul('null')).toBe(grey('null'));
    expect(on.dim('d')).toBe(grey('d'));
    expect(getStyle(true)).toBe(on);
  });

  it('state columns: state or status, alone or at the end of a name or path', () => {
    for (const p of ['state', 'Status', 'STATE', 'vm.state', 'powerState', 'vmNics.0.connectionStatus', 'a.b.status']) expect(isStateColumn(p), p).toBe(true);
    for (const p of ['states', 'statement', 'stateX', 'powerstate', 'state.x', 'name', 'upstate']) expect(isStateColumn(p), p).toBe(false);
  });
});

describe('edges', () => {
  it('a cut to one column is the ellipsis alone, zero-width characters included', () => {
    expect(truncate('\u200bab', 1)).toBe('…');
    expect(truncate('\u200bab', 2)).toBe('\u200bab');
    expect(truncate('\u200babc', 2)).toBe('\u200ba…');
  });

  it('a state or status word must end the name', () => {
    for (const p of ['lastStateChange', 'StatusCode', 'vm.stateless']) expect(isStateColumn(p), p).toBe(false);
  });

  it('the coloured style is built on first use in a fresh module', async () => {
    vi.resetModules();
    const fresh = await import('./style.js');
    const st = fresh.getStyle(true);
    expect(st.on).toBe(true);
    expect(st.state('Running')).toBe('\x1b[32mRunning\x1b[39m');
    expect(st.key('k')).toBe('\x1b[36mk\x1b[39m');
  });
});
