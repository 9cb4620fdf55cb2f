// The table's layout rules (table.ts), each on a small case with the exact text: which default
// columns and in what order, right-aligned numbers, the room given for later rows, how widths are
// squeezed, records on a narrow terminal, the footer, the key │ value box, a scalar.
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, listRenderer, renderValue } from './index.js';
import { fitWidths, wrapText } from './table.js';

const table = (v: unknown, width?: number, columns?: string[], color = false) => renderValue(v, { format: 'table', color, width, columns });
const INF = Infinity;
const grey = (s: string) => `\x1b[90m${s}\x1b[39m`;
const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;

describe('default columns', () => {
  it('mandatory ones, then NIC IPs, type, other scalars, …Uuid references, nested values; all-null fields skipped', () => {
    const row = { zUuid: 'z', misc: 'm', obj: { a: 1 }, nics: [{ ip: '1.1.1.1' }], type: 'T', name: 'n', list: [1, 2], nul: null, none: [] };
    expect(table([row])).toBe(
      [
        '┌──────┬─────────┬──────┬──────┬───────┬─────────┬──────┐',
        '│ name │ nics    │ type │ misc │ zUuid │ obj     │ list │',
        '├──────┼─────────┼──────┼──────┼───────┼─────────┼──────┤',
        '│ n    │ 1.1.1.1 │ T    │ m    │ z     │ {"a":1} │ 1, 2 │',
        '└──────┴─────────┴──────┴──────┴───────┴─────────┴──────┘',
        '',
      ].join('\n'),
    );
    // The mandatory ones in their own order, whatever the rows' order; a null uuid is not one.
    expect(table([{ status: 's', state: 't', name: 'n', uuid: null, b: 1 }]).split('\n')[1]).toBe('│ name │ state │ status │ b │');
    expect(table([{ uuid: null }, { uuid: 'u' }]).split('\n')[1]).toBe('│ uuid │');
    expect(table([{ b: 1, status: 's', name: 'n' }]).split('\n')[1]).toBe('│ name │ status │ b │');
    // A …Uuid reference is one by the end of its name.
    expect(table([{ name: 'n', aUuid: 'x', hostUuidX: 'y' }]).split('\n')[1]).toBe('│ name │ hostUuidX │ aUuid │');
    // A field null in every row is left out even when it comes first.
    expect(table([{ x: null, uuid: 'u' }])).toBe('┌──────┐\n│ uuid │\n├──────┤\n│ u    │\n└──────┘\n');
  });

  it('without a mandatory column the first useful one takes its place; only nulls still give a table', () => {
    expect(table([{ b: 1, a: 'x' }], 80)).toBe('┌───┬───┐\n│ b │ a │\n├───┼───┤\n│ 1 │ x │\n└───┴───┘\n');
    expect(table([{ obj: { a: 1 }, nul: null }], 80)).toBe('┌─────────┐\n│ obj     │\n├─────────┤\n│ {"a":1} │\n└─────────┘\n');
    expect(table([{ nul: null, nul2: null }], 80)).toBe('┌─────┬──────┐\n│ nul │ nul2 │\n├─────┼──────┤\n│     │      │\n└─────┴──────┘\n');
    // On a narrow terminal the first of them is kept and the others are named.
    expect(table([{ nul: null, nul2: null }], 10)).toBe(
      '┌─────┐\n│ nul │\n├─────┤\n│     │\n└─────┘\nnot shown:\nnul2 (pick\ncolumns\nwith -c;\n-o json\nshows\nevery\nfield)\n',
    );
  });

  it('columns of numbers only (nulls aside) are right-aligned, bigints included', () => {
    expect(table([{ count: 5n, x: null, s: 1 }, { count: null, x: 2, s: 'a' }, { count: 123, s: 2 }], 80)).toBe(
      '┌───────┬───┬───┐\n│ count │ x │ s │\n├───────┼───┼───┤\n│     5 │   │ 1 │\n│       │ 2 │ a │\n│   123 │   │ 2 │\n└───────┴───┴───┘\n',
    );
    // A row without the field, or with null, leaves the column numeric; headers stay on the left.
    expect(table([{ num: 5 }, {}, { num: null }])).toBe('┌─────┐\n│ num │\n├─────┤\n│   5 │\n│     │\n│     │\n└─────┘\n');
    expect(table([{ a: 1 }], undefined, ['longname', 'a'])).toBe('┌──────────┬───┐\n│ longname │ a │\n├──────────┼───┤\n│          │ 1 │\n└──────────┴───┘\n');
  });

  it('uuids (a uuid field, a path ending in .uuid, a …Uuid reference) are never cut: records instead', () => {
    const x = 'x'.repeat(20);
    expect(table([{ 'a.uuid': x }], 20, ['a.uuid'])).toBe('─[ 1 ]──────────────\na.uuid │ xxxxxxxxxxx\n       │ xxxxxxxxx\n');
    expect(table([{ hostUuid: x }], 20, ['hostUuid'])).toBe('─[ 1 ]──────────────\nhostUuid │ xxxxxxxxx\n         │ xxxxxxxxx\n         │ xx\n');
    expect(table([{ uuid: x }], 20, ['uuid'])).toBe('─[ 1 ]──────────────\nuuid │ xxxxxxxxxxxxx\n     │ xxxxxxx\n');
    for (const p of ['xuuid', 'a.uuidx', 'uuids', 'hostUuidx']) {
      expect(table([{ [p]: x }], 20, [p]), p).toBe(`┌──────────────────┐\n│ ${p.padEnd(16)} │\n├──────────────────┤\n│ xxxxxxxxxxxxxxx… │\n└──────────────────┘\n`);
    }
  });

  it('a table exactly as wide as the terminal is a table; one column less is records', () => {
    const u = 'u'.repeat(32);
    expect(table([{ uuid: u }], 36)).toBe(`┌──────────────────────────────────┐\n│ uuid                             │\n├──────────────────────────────────┤\n│ ${u} │\n└──────────────────────────────────┘\n`);
    expect(table([{ uuid: u }], 35)).toBe(`─[ 1 ]─────────────────────────────\nuuid │ ${'u'.repeat(28)}\n     │ uuuu\n`);
    // An optional column comes in when it fits exactly.
    expect(table([{ uuid: 'u', name: 'n', d: 'dd' }], 20).split('\n')[1]).toBe('│ uuid │ name │ d  │');
    expect(table([{ uuid: 'u', name: 'n', d: 'dd' }], 19).split('\n')[1]).toBe('│ uuid │ name │');
  });

  it('text columns asked for that cannot fit even at 8 columns each: records', () => {
    const x = 'x'.repeat(20);
    expect(table([{ a: x, b: x, c: x }], 20, ['a', 'b', 'c'])).toBe(
      '─[ 1 ]──────────────\na │ xxxxxxxxxxxxxxxx\n  │ xxxx\nb │ xxxxxxxxxxxxxxxx\n  │ xxxx\nc │ xxxxxxxxxxxxxxxx\n  │ xxxx\n',
    );
  });

  it('an optional text column is capped at 40 columns, a mandatory one is not', () => {
    expect(table([{ uuid: 'u', name: 'y'.repeat(50), d: 'x'.repeat(50) }], 200).split('\n')[3]).toBe(`│ u    │ ${'y'.repeat(50)} │ ${'x'.repeat(39)}… │`);
  });

  it('headers are made safe and cut like cells', () => {
    expect(table([{ 'a\x1bb': 1, uuid: 'u' }], 30)).toBe('┌──────┬─────┐\n│ uuid │ a?b │\n├──────┼─────┤\n│ u    │   1 │\n└──────┴─────┘\n');
    expect(table([{ averyveryverylongheadername: 1, anotherveryverylongheader: 'abc' }], 30)).toBe(
      [
        '┌────────────────────────────┐',
        '│ averyveryverylongheaderna… │',
        '├────────────────────────────┤',
        '│                          1 │',
        '└────────────────────────────┘',
        'not shown:',
        'anotherveryverylongheader',
        '(pick columns with -c; -o json',
        'shows every field)',
        '',
      ].join('\n'),
    );
  });

  it('a string past 4096 characters shows its first 4096, with or without a width', () => {
    const out = table([{ s: 'x'.repeat(5000) }]);
    expect(out.split('\n')[3]).toBe(`│ ${'x'.repeat(4096)} │`);
    expect(table([{ s: 'x'.repeat(4096) }]).split('\n')[3]).toBe(`│ ${'x'.repeat(4096)} │`);
  });
});

describe('rows after the first ones', () => {
  const first = Array.from({ length: FIRST_ROWS }, () => ({ uuid: 'u1', name: 'ab', size: 1 }));
  const late = { uuid: 'uuuuuu', name: 'abcdefghijk', size: 123 };
  const render = (rows: object[], width?: number) => {
    const r = listRenderer({ format: 'table', color: false, width });
    return (r.rows(rows) + r.rows([late]) + r.end({})).split('\n');
  };

  it('text columns get up to 4 columns to spare when the terminal has them; uuids and numbers overflow', () => {
    const out = render(first, 40);
    expect(out.slice(0, 2)).toEqual(['┌──────┬──────────┬──────┐', '│ uuid │ name     │ size │']);
    expect(out.slice(-3)).toEqual(['│ uuuuuu │ abcdefg… │  123 │', '└──────┴──────────┴──────┘', '']);
    // Only what is left: 2 columns here.
    expect(render(first, 24).slice(-3)).toEqual(['│ uuuuuu │ abcde… │  123 │', '└──────┴────────┴──────┘', '']);
    expect(render(first, 22).slice(-3)).toEqual(['│ uuuuuu │ abc… │  123 │', '└──────┴──────┴──────┘', '']);
    // No width: nothing is cut.
    expect(render(first).slice(-3)).toEqual(['│ uuuuuu │ abcdefghijk │  123 │', '└──────┴──────┴──────┘', '']);
  });

  it('the spare room goes to the first text columns shown at their full width, 4 each', () => {
    const rows = Array.from({ length: FIRST_ROWS }, () => ({ uuid: 'u1', name: 'ab', type: 'cd', misc: 'ef' }));
    const r = listRenderer({ format: 'table', color: false, width: 35 });
    const out = (r.rows(rows) + r.end({})).split('\n');
    // 1 + 7 + 7 + 7 + 7 = 29 used: name gets 4 more, type the last 2.
    expect(out[1]).toBe('│ uuid │ name     │ type   │ misc │');
  });

  it('the header once, before the first row; later batches add rows only', () => {
    const r = listRenderer({ format: 'table', color: false, columns: ['uuid'] });
    const first = r.rows(Array.from({ length: FIRST_ROWS }, () => ({ uuid: 'a' })));
    expect(first.startsWith('┌──────┐\n│ uuid │\n├──────┤\n│ a    │\n│ a    │\n')).toBe(true);
    expect(first.split('\n').length).toBe(FIRST_ROWS + 4);
    expect(r.rows([{ uuid: 'b' }])).toBe('│ b    │\n');
    expect(r.rows([])).toBe('');
    expect(r.end()).toBe('└──────┘\n');
  });

  it('records for many rows too', () => {
    const r = listRenderer({ format: 'table', color: false, width: 20 });
    const out = r.rows(Array.from({ length: FIRST_ROWS }, () => ({ uuid: 'c4fd039c9a6b417ebc5d51f3fad860ac' }))) + r.end();
    expect(out.slice(0, 83)).toBe('─[ 1 ]──────────────\nuuid │ c4fd039c9a6b4\n     │ 17ebc5d51f3fa\n     │ d860ac\n─[ 2 ]');
    expect(out.split('\n').length).toBe(4 * FIRST_ROWS + 1);
  });

  it('a capped column gets no room to spare', () => {
    const rows = Array.from({ length: FIRST_ROWS }, () => ({ uuid: 'u', d: 'x'.repeat(50), e: 'ab' }));
    const r = listRenderer({ format: 'table', color: false, width: 200 });
    expect((r.rows(rows) + r.end()).split('\n')[1]).toBe(`│ uuid │ d${' '.repeat(39)} │ e      │`);
  });

  it('fewer rows than FIRST_ROWS: all of them are seen, no room is added', () => {
    const out = render(first.slice(2), 40);
    expect(out.slice(0, 2)).toEqual(['┌────────┬─────────────┬──────┐', '│ uuid   │ name        │ size │']);
    expect(out.at(-3)).toBe('│ uuuuuu │ abcdefghijk │  123 │');
  });
});

describe('fitWidths', () => {
  it('squeezes the widest columns to one level, then gives the rest one column each from the left', () => {
    expect(fitWidths([5, 20, 30], [INF, INF, INF], 40)).toEqual([5, 13, 12]);
    expect(fitWidths([11, 10, 10], [INF, INF, INF], 38)).toEqual([10, 9, 9]);
    expect(fitWidths([11, 10, 10], [INF, INF, INF], 41)).toEqual([11, 10, 10]);
    // A column held up by its minimum takes no share of what is left over.
    expect(fitWidths([12, 20], [INF, INF], 27, [10, 3])).toEqual([10, 10]);
    expect(fitWidths([11, 10, 10], [INF, INF, INF], 40)).toEqual([10, 10, 10]);
  });

  it('cuts headers wider than their cells first', () => {
    // Column 2's cells need only 3: it goes down to 8 before column 3 gives anything.
    expect(fitWidths([5, 20, 30], [INF, INF, INF], 40, [5, 3, 30])).toEqual([5, 8, 17]);
    expect(fitWidths([5, 20, 30], [INF, INF, INF], 56, [5, 3, 30])).toEqual([5, 11, 30]);
  });

  it('never below 8 (or the natural width when less), overflowing instead; caps apply first; at least 1', () => {
    expect(fitWidths([10, 10, 10], [INF, INF, INF], 30)).toEqual([8, 8, 8]);
    expect(fitWidths([9, 5, 9], [INF, INF, INF], 10)).toEqual([8, 5, 8]);
    expect(fitWidths([0, 12], [INF, 4], 80)).toEqual([1, 4]);
    expect(fitWidths([0, 12], [INF, 4], undefined)).toEqual([0, 12]);
  });

  it('protected columns give way last', () => {
    expect(fitWidths([32, 20, 30], [INF, INF, INF], 60, [32, 20, 30], [true, false, false])).toEqual([32, 9, 9]);
    expect(fitWidths([32, 20, 30], [INF, INF, INF], 40, [32, 20, 30], [true, false, false])).toEqual([14, 8, 8]);
  });
});

describe('wrapText', () => {
  it('cuts by display columns, a wide character never split', () => {
    expect(wrapText('abcdef', 2)).toEqual(['ab', 'cd', 'ef']);
    expect(wrapText('abcde', 2)).toEqual(['ab', 'cd', 'e']);
    expect(wrapText('abc', 3)).toEqual(['abc']);
    expect(wrapText('a中b', 2)).toEqual(['a', '中', 'b']);
    expect(wrapText('中中', 1)).toEqual(['中', '中']);
    expect(wrapText('ab中', 3)).toEqual(['ab', '中']);
    expect(wrapText('abc', 0)).toEqual(['abc']);
    expect(wrapText('', 3)).toEqual(['']);
  });
});

describe('records (the columns cannot fit)', () => {
  it('a rule per row, keys cut past a third of the width, values wrapped, states coloured', () => {
    const rows = [{ uuid: 'c4fd039c9a6b417ebc5d51f3fad860ac', averyveryverylongheadername: 'value text that is long enough to wrap around', state: 'Running' }];
    expect(table(rows, 30, ['uuid', 'averyveryverylongheadername', 'state'], true)).toBe(
      [
        grey('─[ 1 ]────────────────────────'),
        `${bold('uuid')}       │ c4fd039c9a6b417eb`,
        '           │ c5d51f3fad860ac',
        `${bold('averyvery…')} │ value text that i`,
        '           │ s long enough to ',
        '           │ wrap around',
        `${bold('state')}      │ \x1b[32mRunning\x1b[39m`,
        '',
      ].join('\n'),
    );
  });

  it('the key column is as wide as the widest key when that is less; values get at least 8', () => {
    expect(table({ inventories: [{ uuid: 'c4fd039c9a6b417ebc5d51f3fad860ac', name: 'x' }], total: 7 }, 20)).toBe(
      ['─[ 1 ]──────────────', 'uuid │ c4fd039c9a6b4', '     │ 17ebc5d51f3fa', '     │ d860ac', 'name │ x', '1 of 7', ''].join('\n'),
    );
    expect(table([{ uuid: 'c4fd039c9a6b417ebc5d51f3fad860ac' }], 12)).toBe(
      ['─[ 1 ]──────', 'uuid │ c4fd039c', '     │ 9a6b417e', '     │ bc5d51f3', '     │ fad860ac', ''].join('\n'),
    );
    // The rule is as wide as the terminal, whatever the row number.
    const many = Array.from({ length: 10 }, () => ({ uuid: 'c4fd039c9a6b417ebc5d51f3fad860ac' }));
    expect(table(many, 12).split('\n').filter((l) => l.startsWith('─['))).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `─[ ${i + 1} ]──────`),
      '─[ 10 ]─────',
    ]);
  });
});

describe('footer', () => {
  const many = Object.fromEntries(['uuid', ...Array.from({ length: 10 }, (_, i) => `field${i}`)].map((k) => [k, k === 'uuid' ? 'u'.repeat(32) : 'v'.repeat(30)]));

  it('names eight left-out columns, then how many more; wrapped to the width, grey with colour', () => {
    expect(table([many], 60, undefined, true)).toBe(
      [
        '┌──────────────────────────────────┐',
        `│ ${bold('uuid')}                             │`,
        '├──────────────────────────────────┤',
        `│ ${'u'.repeat(32)} │`,
        '└──────────────────────────────────┘',
        grey('not shown: field0, field1, field2, field3, field4, field5,'),
        grey('field6, field7 and 2 more (pick columns with -c; -o json'),
        grey('shows every field)'),
        '',
      ].join('\n'),
    );
    const eight = Object.fromEntries(Object.entries(many).slice(0, 9));
    expect(table([eight], 60).split('\n').slice(5)).toEqual(['not shown: field0, field1, field2, field3, field4, field5,', 'field6, field7 (pick columns with -c; -o json shows every', 'field)', '']);
    const nine = Object.fromEntries(Object.entries(many).slice(0, 10));
    expect(table([nine], 60).split('\n').slice(5).join(' ')).toBe(
      'not shown: field0, field1, field2, field3, field4, field5, field6, field7 and 1 more (pick columns with -c; -o json shows every field) ',
    );
  });

  it('the total comes first, for no rows too', () => {
    expect(table({ inventories: [{ uuid: 'u', a: 'x'.repeat(30) }], total: 12n }, 20, undefined, true)).toBe(
      ['┌──────┐', `│ ${bold('uuid')} │`, '├──────┤', '│ u    │', '└──────┘', grey('1 of 12'), grey('not shown: a (pick'), grey('columns with -c; -o'), grey('json shows every'), grey('field)'), ''].join('\n'),
    );
    expect(table({ inventories: [], total: 0 }, 20, undefined, true)).toBe(`(no results)\n${grey('0 of 0')}\n`);
    expect(table({ inventories: [{ uuid: 'u' }, { uuid: 'v' }] }, 20)).toBe('┌──────┐\n│ uuid │\n├──────┤\n│ u    │\n│ v    │\n└──────┘\n');
  });
});

describe('key │ value box', () => {
  it('keys get at most a third of the width (never below 8), values the rest less 7, wrapped', () => {
    expect(table({ inventory: { averylongkeyname: 'short', k: 'a much longer value here that wraps' } }, 30)).toBe(
      [
        '┌────────────┬───────────────┐',
        '│ averylong… │ short         │',
        '│ k          │ a much longer │',
        '│            │  value here t │',
        '│            │ hat wraps     │',
        '└────────────┴───────────────┘',
        '',
      ].join('\n'),
    );
    expect(table({ inventory: { k: 'v' } }, 200)).toBe('┌───┬───┐\n│ k │ v │\n└───┴───┘\n');
    expect(table({ inventory: { k: '' } }, 200)).toBe('┌───┬───┐\n│ k │   │\n└───┴───┘\n');
    expect(table({ inventory: { k: '' } })).toBe('┌───┬───┐\n│ k │   │\n└───┴───┘\n');
    expect(table({ inventory: { a: 'x'.repeat(20), b: 'y' } }, 12)).toBe(
      ['┌───┬──────────┐', '│ a │ xxxxxxxx │', '│   │ xxxxxxxx │', '│   │ xxxx     │', '│ b │ y        │', '└───┴──────────┘', ''].join('\n'),
    );
    expect(table({ inventory: { 'k\x1b': 'a\nb' } }, 80)).toBe('┌────┬─────┐\n│ k? │ a⏎b │\n└────┴─────┘\n');
  });

  it('colours the key, and a state value by its meaning', () => {
    expect(table({ inventory: { status: 'Stopped', name: 'Stopped' } }, 80, undefined, true)).toBe(
      `┌────────┬─────────┐\n│ ${bold('status')} │ \x1b[31mStopped\x1b[39m │\n│ ${bold('name')}   │ Stopped │\n└────────┴─────────┘\n`,
    );
  });
});

describe('a scalar', () => {
  it('on its own line; tab and newline kept, other controls shown as ?', () => {
    expect(table('a\tb\nc\x1b\x7f\x9f\u2028\x00\x08\x0b')).toBe('a\tb\nc???????\n');
    expect(table('x\n')).toBe('x\n');
    expect(table(true)).toBe('true\n');
    expect(table(0)).toBe('0\n');
    expect(table('')).toBe('\n');
    expect(table(undefined)).toBe('');
    expect(table(null)).toBe('');
  });
});
