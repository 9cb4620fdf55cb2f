import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIRST_ROWS, listRenderer, renderValue } from './index.js';
import { fitWidths } from './table.js';
import { displayWidth } from './width.js';

const table = (v: unknown, width?: number, columns?: string[], color = false) => renderValue(v, { format: 'table', color, width, columns });
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

function vm(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: `${i}`.padStart(32, 'a'),
    name: `vm-${i}`,
    description: i % 2 ? 'a rather long description that goes on and on and on' : null,
    hostUuid: `${i}`.padStart(32, 'b'),
    type: 'UserVm',
    memorySize: 2 ** 30 * (i + 1),
    cpuNum: i + 1,
    createDate: 'Nov 14, 2017 10:20:57 PM',
    state: i % 2 ? 'Stopped' : 'Running',
    vmNics: [{ ip: `10.0.0.${i}`, mac: 'fa:16:3e:00:00:01' }],
    allVolumes: [{ uuid: 'v', size: 1 }],
    ...extra,
  };
}

describe('table', () => {
  it('fits every line into the terminal width, cutting text with … and naming the columns left out', () => {
    const v = { inventories: [vm(1), vm(2, { name: '一个非常长的云主机名称用来测试截断' })], total: 2 };
    for (let width = 60; width <= 200; width += 7) {
      const out = table(v, width);
      for (const l of lines(out)) expect(displayWidth(l), `width ${width}: ${l}`).toBeLessThanOrEqual(width);
    }
    const narrow = lines(table(v, 60));
    expect(narrow[1]).toBe('│ uuid                             │ name        │ state   │');
    expect(narrow[4]).toBe('│ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2 │ 一个非常长… │ Running │');
    expect(narrow.slice(6).join(' ')).toBe('2 of 2 not shown: vmNics, type, description, memorySize, cpuNum, createDate, hostUuid, allVolumes (pick columns with -c; -o json shows every field)');
    // Optional columns come in only when they fit whole (text up to 40 columns each); NIC IPs first.
    expect(lines(table(v, 140))[1]).toBe('│ uuid                             │ name                               │ state   │ vmNics   │ type   │ memorySize │ cpuNum │ allVolumes │');
  });

  it('never cuts a uuid or a number: when the columns asked for cannot fit, rows become records', () => {
    const v = { inventories: [vm(1, { name: 'x'.repeat(60) })] };
    const out = lines(table(v, 80, ['uuid', 'name', 'vmNics.ip']));
    expect(out.every((l) => displayWidth(l) === 80)).toBe(true);
    expect(out[3]).toContain('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1');
    expect(out[3]).toContain('xxxxx…');
    const records = lines(table({ inventories: [vm(1), vm(2)] }, 50, ['uuid', 'hostUuid', 'memorySize', 'name']));
    expect(records).toEqual([
      '─[ 1 ]────────────────────────────────────────────',
      'uuid       │ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1',
      'hostUuid   │ bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb1',
      'memorySize │ 2147483648',
      'name       │ vm-1',
      '─[ 2 ]────────────────────────────────────────────',
      'uuid       │ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2',
      'hostUuid   │ bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2',
      'memorySize │ 3221225472',
      'name       │ vm-2',
    ]);
    // Default columns in records: the mandatory ones and the next four; the rest are named.
    const narrow = lines(table({ inventories: [vm(1)] }, 40));
    expect(narrow.slice(1, 10).map((l) => l.split(' ')[0])).toEqual(['uuid', '', 'name', 'state', 'vmNics', 'type', 'description', '', 'memorySize']);
    expect(narrow.slice(10).join(' ')).toBe('not shown: cpuNum, createDate, hostUuid, allVolumes (pick columns with -c; -o json shows every field)');
    // Long values wrap under themselves in records.
    const wrapped = lines(table({ inventories: [vm(1, { name: 'y'.repeat(70) })] }, 50, ['uuid', 'hostUuid', 'name']));
    expect(wrapped.slice(3)).toEqual(['name     │ ' + 'y'.repeat(39), '         │ ' + 'y'.repeat(31)]);
  });

  it('fixes the layout from the first rows: later text is cut on a terminal, uuids and numbers overflow, nothing is cut in a file', () => {
    const first = Array.from({ length: FIRST_ROWS }, (_, i) => ({ uuid: `u${i}`, name: 'short', size: 1 }));
    const late = { uuid: 'u'.repeat(40), name: 'a much longer name than before', size: 123456789 };
    const r = listRenderer({ format: 'table', color: false, width: 100 });
    let out = r.rows(first) + r.rows([late]) + r.end({});
    const lastRow = lines(out).at(-2)!;
    expect(lastRow).toContain('u'.repeat(40));
    expect(lastRow).toContain('123456789');
    expect(lastRow).toMatch(/│ a much l…  *│/);
    const file = listRenderer({ format: 'table', color: false });
    out = file.rows(first) + file.rows([late]) + file.end({});
    expect(lines(out).at(-2)).toContain('a much longer name than before');
  });

  it('aligns CJK text by display width', () => {
    const v = [{ name: '数据库服务器', zone: 'zone-1' }, { name: 'web', zone: '区域二' }];
    const out = lines(table(v, 80));
    const w = displayWidth(out[0]!);
    for (const l of out) expect(displayWidth(l)).toBe(w);
    expect(out[3]).toBe('│ 数据库服务器 │ zone-1 │');
    expect(out[4]).toBe('│ web          │ 区域二 │');
  });

  it('property: any width ≥ 40 bounds the lines of any string table; grid lines line up', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '中', '😀', '\n', '\t', 'é', '\u0301'), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.record({ uuid: cell, name: cell, state: cell, other: cell }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 40, max: 160 }), (rows, width) => {
        const out = lines(table(rows, width));
        for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        const grid = out.filter((l) => /^[│┌├└]/.test(l));
        for (const l of grid) expect(displayWidth(l)).toBe(displayWidth(grid[0]!));
      }),
      { numRuns: 200 },
    );
  });

  it('summarises nested lists: NICs as IPs, others as a count', () => {
    const v = { inventories: [vm(1, { vmNics: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] })] };
    const out = table(v, undefined, ['name', 'vmNics', 'allVolumes', 'vmNics.mac', 'allVolumes.0.uuid']);
    expect(lines(out)[3]).toBe('│ vm-1 │ 10.0.0.1, 10.0.0.2 │ 1 item     │            │ v                 │');
  });

  it('shows rows that are not objects in one `value` column, and all-empty fields rather than nothing', () => {
    expect(table(['x', 1, null, { a: 1 }], 80)).toBe('┌─────────┐\n│ value   │\n├─────────┤\n│ x       │\n│ 1       │\n│         │\n│ {"a":1} │\n└─────────┘\n');
    expect(lines(table({ inventories: [{ a: null, b: [] }, {}] }, 80))[1]).toBe('│ a │ b │');
    expect(table('just text', 80)).toBe('just text\n');
  });

  it('shows `<rows> of <total>` and handles empty answers', () => {
    expect(table({ inventories: [vm(0)], total: 120 }, 100)).toContain('┘\n1 of 120\n');
    expect(table({ inventories: [vm(0)] }, 100)).toMatch(/┘\nnot shown: createDate, hostUuid, allVolumes \(pick columns with -c; -o json shows every field\)\n$/);
    expect(table({ inventories: [vm(0)] }, 200).endsWith('┘\n')).toBe(true);
    expect(table({ inventories: [], total: 0 }, 100)).toBe('(no results)\n0 of 0\n');
    expect(table({}, 100)).toBe('');
    expect(table({ inventory: null }, 100)).toBe('(no results)\n');
  });

  it('lays a single inventory out vertically', () => {
    const inv = { inventory: { uuid: 'u1', name: 'web', state: 'Running', vmNics: [{ ip: '10.0.0.1' }], description: 'two\nlines' } };
    expect(table(inv, 60)).toBe(
      [
        '┌─────────────┬───────────┐',
        '│ uuid        │ u1        │',
        '│ name        │ web       │',
        '│ state       │ Running   │',
        '│ vmNics      │ 10.0.0.1  │',
        '│ description │ two⏎lines │',
        '└─────────────┴───────────┘',
        '',
      ].join('\n'),
    );
    // Values wrap rather than being cut; keys are cut past a third of the width.
    expect(lines(table(inv, 23))).toEqual([
      '┌──────────┬──────────┐',
      '│ uuid     │ u1       │',
      '│ name     │ web      │',
      '│ state    │ Running  │',
      '│ vmNics   │ 10.0.0.1 │',
      '│ descrip… │ two⏎line │',
      '│          │ s        │',
      '└──────────┴──────────┘',
    ]);
    expect(lines(table({ inventory: { uuid: 'c4fd039c9a6b417ebc5d51f3fad860ac' } }, 30))).toEqual([
      '┌──────┬─────────────────────┐',
      '│ uuid │ c4fd039c9a6b417ebc5 │',
      '│      │ d51f3fad860ac       │',
      '└──────┴─────────────────────┘',
    ]);
    // Columns are never cut below 8: narrower terminals overflow rather than show nothing.
    expect(lines(table(inv, 22))[1]).toBe('│ uuid     │ u1       │');
    expect(table(inv, 60, ['name', 'vmNics.ip'])).toBe('┌───────────┬──────────┐\n│ name      │ web      │\n│ vmNics.ip │ 10.0.0.1 │\n└───────────┴──────────┘\n');
  });

  it('colours states, header and footer only when colour is on', () => {
    const v = { inventories: [vm(0), vm(1)], total: 5 };
    expect(table(v, 120)).not.toContain('\x1b');
    const c = table(v, 120, undefined, true);
    expect(c).toContain('\x1b[32mRunning\x1b[39m');
    expect(c).toContain('\x1b[31mStopped\x1b[39m');
    expect(c).toContain('\x1b[1muuid\x1b[22m');
    expect(c).toContain('\x1b[90m2 of 5\x1b[39m');
    // eslint-disable-next-line no-control-regex
    expect(c.replace(/\x1b\[[0-9;]*m/g, '')).toBe(table(v, 120));
  });

  it('fitWidths squeezes the widest columns first and keeps protected ones', () => {
    expect(fitWidths([10, 20, 30], [Infinity, Infinity, Infinity], undefined)).toEqual([10, 20, 30]);
    expect(fitWidths([10, 20, 30], [Infinity, Infinity, Infinity], 10 + 20 + 30 + 10)).toEqual([10, 20, 30]);
    expect(fitWidths([10, 20, 30], [Infinity, Infinity, Infinity], 50)).toEqual([10, 15, 15]);
    expect(fitWidths([32, 20, 30], [Infinity, Infinity, Infinity], 70, [32, 20, 30], [true, false, false])).toEqual([32, 14, 14]);
    expect(fitWidths([10, 20, 30], [Infinity, 5, Infinity], 200)).toEqual([10, 5, 30]);
  });
});
