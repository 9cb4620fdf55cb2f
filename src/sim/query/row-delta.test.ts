// Rows kept as differences from a keyframe: whatever the pieces (missing, extra or changed ones, non-ASCII text, rows
// with nothing in common), the text put back together is the text given, and rows much like the keyframe keep little.
// (Pieces hold whole code points: the text writer never splits a surrogate pair, and escapes lone surrogates.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Table } from '../store/table.js';
import { RowCache, roomFor, rowBytes, writeRow, type CachedRow } from './row-cache.js';

/** Fewer property cases under mutation testing (each mutant runs them all). */
const propertyRuns = process.env.STRYKER_MUTATOR_WORKER === undefined ? 200 : 20;
const text = (e: CachedRow): string => rowBytes(e).toString('utf8');
/** Bytes the cache holds for the entry itself (the keyframe's are shared). */
const kept = (e: CachedRow): number => e.end - e.start;

const uuid = (n: number): string => n.toString(16).padStart(32, '0');
/** A VM-like row in pieces: keys, quotes and values, as the text writer pushes them. */
function vm(n: number, opts: { host?: boolean; name?: string } = {}): string[] {
  const out = ['{', '"uuid":"', uuid(n), '"', ',"name":"', opts.name ?? `vm-${n}`, '"', ',"zoneUuid":"', uuid(1), '"', ',"clusterUuid":"', uuid(2), '"'];
  if (opts.host !== false) out.push(',"hostUuid":"', uuid(3 + (n % 5)), '"');
  out.push(',"memorySize":', '1073741824', ',"platform":"', 'Linux', '"', ',"createDate":"', 'Oct 17, 2024 5:45:35 AM', '"', ',"state":"', 'Running', '"', '}');
  return out;
}

describe('rows kept as differences from a keyframe', () => {
  it('keep what differs only, and give back the exact text', () => {
    const cache = new RowCache({ version: 0 });
    const t = new Table('VmInstanceInventory');
    const first = cache.set(t, 1, 'VmInstanceInventory', vm(1), '');
    expect(text(first)).toBe(vm(1).join(''));
    for (let n = 2; n <= 50; n++) {
      const e = cache.set(t, n, 'VmInstanceInventory', vm(n), '');
      expect(text(e)).toBe(vm(n).join(''));
      expect(kept(e)).toBeLessThan(vm(n).join('').length / 2);
    }
    expect(text(cache.get(t, 1, 'VmInstanceInventory')!)).toBe(vm(1).join(''));
  });

  it('step over a piece the keyframe has and the row lacks, and the other way round', () => {
    const cache = new RowCache({ version: 0 });
    const t = new Table('VmInstanceInventory');
    cache.set(t, 1, 'VmInstanceInventory', vm(1), '');
    const lacks = cache.set(t, 2, 'VmInstanceInventory', vm(2, { host: false }), '');
    expect(text(lacks)).toBe(vm(2, { host: false }).join(''));
    expect(kept(lacks)).toBeLessThan(60);
    const other = new RowCache({ version: 0 });
    other.set(t, 1, 'VmInstanceInventory', vm(1, { host: false }), '');
    const has = other.set(t, 2, 'VmInstanceInventory', vm(2), '');
    expect(text(has)).toBe(vm(2).join(''));
    expect(kept(has)).toBeLessThan(110);
  });

  it('write non-ASCII text as UTF-8, in the keyframe and in what differs', () => {
    const cache = new RowCache({ version: 0 });
    const t = new Table('VmInstanceInventory');
    cache.set(t, 1, 'VmInstanceInventory', vm(1, { name: 'é-😀-名前' }), '');
    const e = cache.set(t, 2, 'VmInstanceInventory', vm(2, { name: 'ü-云主机-\u{1f680}' }), '');
    expect(text(e)).toBe(vm(2, { name: 'ü-云主机-\u{1f680}' }).join(''));
    expect(text(cache.get(t, 1, 'VmInstanceInventory')!)).toBe(vm(1, { name: 'é-😀-名前' }).join(''));
    expect(e.size).toBe(Buffer.byteLength(vm(2, { name: 'ü-云主机-\u{1f680}' }).join('')));
  });

  it('make a row with little in common a keyframe of its own, and keep the rows written from the one before', () => {
    const cache = new RowCache({ version: 0 });
    const t = new Table('VmInstanceInventory');
    cache.set(t, 1, 'VmInstanceInventory', vm(1), '');
    const before = cache.set(t, 2, 'VmInstanceInventory', vm(2), '');
    const odd = ['{', '"something":"', 'else entirely, and longer than the rest of the row put together', '"', '}'];
    const e = cache.set(t, 3, 'VmInstanceInventory', odd, '');
    expect(e.keyframe).not.toBe(before.keyframe);
    expect(text(e)).toBe(odd.join(''));
    expect(text(cache.get(t, 2, 'VmInstanceInventory')!)).toBe(vm(2).join(''));
    // Later rows like the new keyframe are written from it.
    expect(cache.set(t, 4, 'VmInstanceInventory', odd, '').keyframe).toBe(e.keyframe);
  });

  it('are written at any place of a buffer with the room they ask for, and nothing past it', () => {
    const cache = new RowCache({ version: 0 });
    const t = new Table('VmInstanceInventory');
    cache.set(t, 1, 'VmInstanceInventory', vm(1), '');
    const e = cache.set(t, 2, 'VmInstanceInventory', vm(2), '');
    const dst = Buffer.alloc(7 + roomFor(e) + 5, '#');
    expect(writeRow(e, dst, 7)).toBe(7 + e.size);
    expect(dst.toString('utf8', 7, 7 + e.size)).toBe(vm(2).join(''));
    expect(dst.toString('utf8', 0, 7)).toBe('#######');
    expect(dst.toString('utf8', dst.length - 5)).toBe('#####');
  });

  it('give back the text of any rows made by editing pieces of one another (property)', () => {
    const piece = fc.oneof(fc.constantFrom('{', '}', ',"a":"', '"', ',"b":', 'Running', 'Stopped', 'é', '名前', '\u{1f680}'), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 8 }));
    const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace'), fc.nat(), piece);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 1, maxLength: 12 }), (base, rows) => {
        const cache = new RowCache({ version: 0 });
        const t = new Table('ZoneInventory');
        const made: string[][] = [];
        let cur = base;
        for (const edits of [[], ...rows]) {
          cur = [...cur];
          for (const [how, at, p] of edits) {
            const i = cur.length === 0 ? 0 : at % cur.length;
            if (how === 'insert') cur.splice(i, 0, p);
            else if (how === 'delete') cur.splice(i, 1);
            else cur[i] = p;
          }
          made.push(cur);
          expect(text(cache.set(t, made.length, 'ZoneInventory', cur, ''))).toBe(cur.join(''));
        }
        made.forEach((pieces, i) => expect(text(cache.get(t, i + 1, 'ZoneInventory')!)).toBe(pieces.join('')));
      }),
      { numRuns: propertyRuns },
    );
  });

  it('start again once dropped rows are half of what is kept and the bound is reached', () => {
    const cache = new RowCache({ version: 0 }, 4000);
    const t = new Table('ZoneInventory');
    const row = (n: number): string => `${n}:`.padEnd(200, String.fromCharCode(97 + (n % 26)));
    for (let n = 1; n <= 5; n++) cache.set(t, n, 'ZoneInventory', row(n), '');
    for (let n = 1; n <= 4; n++) cache.drop(t, n);
    expect(cache.get(t, 5, 'ZoneInventory')).toBeDefined();
    // Room for a row of 1000 characters (3000 bytes at most) is not left: everything kept goes.
    cache.set(t, 6, 'ZoneInventory', row(6).repeat(5), '');
    expect(cache.get(t, 5, 'ZoneInventory')).toBeUndefined();
    expect(text(cache.get(t, 6, 'ZoneInventory')!)).toBe(row(6).repeat(5));
  });
});
