// The table's exact text for a varied list of rows, fed in batches of several sizes: digests taken
// from the renderer as it was before its per-cell fast paths (commit 3520eec), so any change to a
// single byte of any line, header, border or footer fails here. The rows cross FIRST_ROWS and mix
// what takes each path: printable ASCII, wide, combining and control characters, long text, numbers,
// bigints, booleans, nulls, missing fields, lists of IPs and of objects, objects, and later rows
// wider than the first ones.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listRenderer, renderValue } from './index.js';

const STATES = ['Running', 'Stopped', 'Starting', 'Destroyed', 'Unknown', 'weird_State'];
const NAMES = ['vm-%', '数据库-%', 'e\u0301cole-%', 'tab\there-%', 'line\nbreak-%', 'esc\u001b[31m-%', '😀-%', 'x'.repeat(50) + '-%', 'y'.repeat(5000), '', ' lead-%'];

function row(i: number): Record<string, unknown> {
  const hex = ((i * 2654435761) >>> 0).toString(16).padStart(8, '0').repeat(4);
  const r: Record<string, unknown> = {
    uuid: i === 2000 ? hex + 'extra-wide-later' : hex,
    name: NAMES[i % NAMES.length]!.replace('%', String(i)),
    state: STATES[i % STATES.length],
    type: i % 7 ? 'UserVm' : 'ApplianceVm',
    memorySize: i % 11 ? 2 ** 30 * (1 + (i % 4)) : null,
    cpuNum: i % 5 ? i % 9 : -1.5,
    big: i % 13 ? 12345 : 2n ** 64n + BigInt(i),
    flag: i % 2 === 0,
    description: i % 3 ? null : `web server ${i} — ${'z'.repeat(i % 60)}`,
    vmNics: i % 4 ? [{ ip: `10.0.${i >> 8}.${i & 255}`, mac: 'fa:16:3e' }, ...(i % 8 ? [] : [{ ip: `fd00::${i}` }])] : [],
    allVolumes: Array.from({ length: i % 3 }, (_, k) => ({ uuid: `v${k}`, size: k })),
    tags: i % 6 ? ['a', i, null, true] : [],
    extra: i % 10 ? { k: i, s: 'v"q' } : null,
    zoneUuid: 'c0e8b8f5d43f454d8feccc0e1e5cf119',
  };
  if (i % 17 === 0) delete r.name;
  if (i > 1200) r.lateField = `late-${i}`;
  return r;
}

const ROWS = Array.from({ length: 2600 }, (_, i) => row(i + 1));
const SIZES = [1, 7, 500, 999, 1000, 1001, 64];

/** The list rendered in batches of varying size, the way a streamed answer arrives. */
function streamed(opts: { width?: number; columns?: string[]; color?: boolean }, rows = ROWS): string {
  const r = listRenderer({ format: 'table', color: opts.color ?? false, withTotal: true, ...(opts.width ? { width: opts.width } : {}), ...(opts.columns ? { columns: opts.columns } : {}) });
  let out = '';
  for (let i = 0, k = 0; i < rows.length; k++) {
    const n = SIZES[k % SIZES.length]!;
    out += r.rows(rows.slice(i, i + n));
    i += n;
  }
  return out + r.end({ total: 9999 });
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);

describe('table output, byte for byte', () => {
  const cases: [string, { width?: number; columns?: string[]; color?: boolean }, string][] = [
    ['no width (a pipe)', {}, 'a863cd7b3ad44440c608866f'],
    ['no width, colour', { color: true }, 'cbf86499199be8157556e042'],
    ['a 200-column terminal', { width: 200 }, '0102595bd62049a0384c19b2'],
    ['a 200-column terminal, colour', { width: 200, color: true }, '5b49bd39937dd530e4c7ee78'],
    ['an 80-column terminal', { width: 80 }, '82dc259111d453514d65e457'],
    ['columns asked for', { width: 120, columns: ['name', 'vmNics.ip', 'allVolumes.size', 'cpuNum', 'big', 'tags', 'extra', 'vmNics.0.ip', 'missing'] }, '9d9b4ca8e1cc1f7e92dec17f'],
    ['columns asked for, no width, colour', { columns: ['state', 'uuid', 'description', 'flag'], color: true }, '0f96cf2fafe745370f2656da'],
    ['records (too narrow)', { width: 40, columns: ['uuid', 'name', 'state', 'big'] }, '86dde4685271def91ba8fc3d'],
  ];
  for (const [what, opts, want] of cases) {
    it(what, () => {
      expect(digest(streamed(opts))).toBe(want);
    });
  }

  it('rows that are not all objects, and a bare value list', () => {
    const mixed = [1, 'two', null, { a: 1 }, [1, 2], 3n ** 40n, true, 'a longer text that a narrow terminal cuts'];
    expect(digest(streamed({}, mixed as never))).toBe('f9dc4ef47ccd69b192eacf68');
    expect(digest(streamed({ width: 30 }, mixed as never))).toBe('0b7b235c2615df7a4ddbe166');
  });
});
