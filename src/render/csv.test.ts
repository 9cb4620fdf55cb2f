import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderValue } from './index.js';
import { defuseFormula } from './csv.js';

const csv = (v: unknown, columns?: string[]) => renderValue(v, { format: 'csv', color: false, columns });
// Under Stryker (npm run mutate) every mutant of the renderers runs the round-trip: fewer cases there.
const roundTrips = process.env.STRYKER_MUTATOR_WORKER === undefined ? 400 : 20;

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) throw new Error('missing final CRLF');
  return rows;
}

describe('csv', () => {
  it('round-trips tricky strings through an RFC 4180 reader', () => {
    const tricky = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', ' ', 'a', '中', '😀', "'") }));
    fc.assert(
      fc.property(fc.array(fc.tuple(tricky, tricky, tricky), { minLength: 1, maxLength: 8 }), (tuples) => {
        const rows = tuples.map(([a, b, c]) => ({ a, b, c }));
        expect(parseCsv(csv(rows))).toEqual([['a', 'b', 'c'], ...tuples.map((t) => t.map(defuseFormula))]);
      }),
      { numRuns: roundTrips },
    );
  });

  it('takes the union of scalar fields in first-seen order, nested values only on request (lists joined, objects as JSON)', () => {
    const rows = { inventories: [{ uuid: 'u1', nics: [{ ip: '1.1.1.1' }], n: 1 }, { uuid: 'u2', state: 'Running', ok: false, none: null }], total: 9 };
    expect(csv(rows)).toBe('uuid,n,state,ok,none\r\nu1,1,,,\r\nu2,,Running,false,\r\n');
    expect(csv(rows, ['uuid', 'nics', 'nics.ip'])).toBe('uuid,nics,nics.ip\r\nu1,"[{""ip"":""1.1.1.1""}]",1.1.1.1\r\nu2,,\r\n');
  });

  it('writes a plain object as key,value and a lone empty field as ""', () => {
    expect(csv({ success: true, names: ['a', 'b'] })).toBe('key,value\r\nsuccess,true\r\nnames,"a,b"\r\n');
    expect(csv([{ a: '' }, { a: 'x' }])).toBe('a\r\n""\r\nx\r\n');
    expect(csv({ inventories: [] })).toBe('');
    expect(csv({ inventories: [] }, ['uuid'])).toBe('uuid\r\n');
    expect(csv({ inventory: { uuid: 'u', name: 'a,b' } })).toBe('uuid,name\r\nu,"a,b"\r\n');
  });
});

describe('value', () => {
  const value = (v: unknown, columns?: string[]) => renderValue(v, { format: 'value', color: false, columns });

  it('prints values only, tab-separated, one row per line', () => {
    const v = { inventories: [{ uuid: 'u1', name: 'a', vmNics: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }, { uuid: 'u2', name: 'multi\nline\tx' }] };
    expect(value(v)).toBe('u1\ta\nu2\tmulti line x\n');
    expect(value(v, ['uuid'])).toBe('u1\nu2\n');
    expect(value(v, ['vmNics.ip', 'name'])).toBe('10.0.0.1,10.0.0.2\ta\n\tmulti line x\n');
    expect(value({ inventory: { uuid: 'u9', state: 'Running' } }, ['uuid'])).toBe('u9\n');
  });

  it('prints a plain object as key<TAB>value and a scalar as itself', () => {
    expect(value({ enable: true, version: null, list: [{ a: 1 }] })).toBe('enable\ttrue\nversion\t\nlist\t[{"a":1}]\n');
    expect(value({ enable: true }, ['enable'])).toBe('true\n');
    expect(value('hello')).toBe('hello\n');
    expect(value({})).toBe('');
  });
});

describe('csv formula guard', () => {
  const csv = (v: unknown, columns?: string[]) => renderValue(v, { format: 'csv', color: false, columns });

  it("makes cells a spreadsheet would run inert with a leading ', and leaves numbers alone", () => {
    const rows = [{ a: '=HYPERLINK("http://x")', b: '+1+2', c: '-2+3', d: '@SUM(A1)', e: '\tx', f: '-5', g: '+1.5e3', h: 'safe', i: -7 }];
    expect(csv(rows).split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'+1+2,'-2+3,'@SUM(A1),'\tx,-5,+1.5e3,safe,-7`);
    expect(defuseFormula('=1')).toBe("'=1");
    expect(defuseFormula('a=1')).toBe('a=1');
  });

  it('writes list cells like value does: scalars joined with commas', () => {
    expect(csv({ inventories: [{ uuid: 'u', vmNics: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }] }, ['uuid', 'vmNics.ip'])).toBe('uuid,vmNics.ip\r\nu,"10.0.0.1,10.0.0.2"\r\n');
  });
});
