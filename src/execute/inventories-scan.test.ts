import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExact } from './exact-json.js';
import { InventoriesScanner, ReplyFormatError } from './inventories-scan.js';

/** JSON text of a value that may hold bigints (written as plain integers). */
function toJson(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(',')}}`;
  return JSON.stringify(v);
}

/** Feeds `text` cut at `cuts` (byte offsets) and returns rows and head. */
function scan(text: string | Buffer, cuts: number[] = []): { rows: unknown[]; head: Record<string, unknown>; listSeen: boolean } {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const s = new InventoriesScanner();
  const rows: unknown[] = [];
  let from = 0;
  for (const c of [...new Set(cuts)].filter((c) => c > 0 && c < buf.length).sort((a, b) => a - b)) {
    s.push(buf.subarray(from, c));
    rows.push(...s.take());
    from = c;
  }
  s.push(buf.subarray(from));
  s.end();
  rows.push(...s.take());
  return { rows, head: s.head, listSeen: s.listSeen };
}

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: fc.constantFrom('a', '"', '\\', '中', '😀', '\n', 'é', '{', '}', ']', ',', '},{', '0', '1') }),
    fc.integer(),
    // Doubles as Java writes them: an integral one beyond 2^53 is never written as a plain integer.
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0) && !(Number.isInteger(d) && !Number.isSafeInteger(d))),
    fc.boolean(),
    fc.constant(null),
    fc.bigInt({ min: 2n ** 53n, max: 2n ** 70n }),
    fc.bigInt({ min: -(2n ** 70n), max: -(2n ** 53n) }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: fc.constantFrom('k', 'x', '"', '\\', '中') }), tie('value'), { maxKeys: 4 }),
  ),
}));

/** Rows as a server sends them: mostly objects, some holding lists of objects (`},{` inside a row). */
const row = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.constantFrom('uuid', 'name', 'vmNics', 'n', '},{'), fc.oneof(json.value, fc.array(fc.dictionary(fc.constantFrom('ip', 'k'), json.value), { maxLength: 3 })), { maxKeys: 4 }) },
  { weight: 1, arbitrary: json.value },
);

describe('InventoriesScanner', () => {
  it('property: any chunking gives the rows and members of the whole answer, longs exact', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.constantFrom(',', ' , ', ',\n'), json.value, json.value, fc.boolean(), fc.array(fc.nat(4000), { maxLength: 12 }), (rows, sep, other, schema, schemaFirst, cuts) => {
        const schemaMember = `"schema" :${toJson(schema)} ,`;
        const text = `{${schemaFirst ? schemaMember : ''}"inventories" : [${rows.map(toJson).join(sep)}], ${schemaFirst ? '' : schemaMember}"total":${rows.length}, "other":${toJson(other)}}`;
        const got = scan(text, cuts);
        expect(got.rows).toEqual(rows);
        expect(got.head).toEqual({ total: rows.length, other });
        expect(got.listSeen).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads many rows in chunks of any size, whether the last `},{` of a chunk falls between rows or inside one', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      uuid: `u${i}`,
      name: i % 7 ? `vm-${i}` : 'a "},{" in a name',
      vmNics: Array.from({ length: i % 4 }, (_, k) => ({ ip: `10.0.${k}.${i % 250}` })),
      size: i % 500 ? i : 2n ** 63n + BigInt(i),
    }));
    const text = Buffer.from(`{"inventories":[${rows.map(toJson).join(',')}],"total":3000}`);
    for (const size of [1, 7, 100, 1000, 4096, 65536, 300_000, text.length]) {
      const cuts = Array.from({ length: Math.ceil(text.length / size) }, (_, k) => k * size);
      const got = scan(text, cuts);
      expect(got.rows, `chunks of ${size}`).toEqual(rows);
      expect(got.head).toEqual({ total: 3000 });
    }
  });

  it('reads most rows of compact JSON by cuts, and stops cutting when most cuts miss', () => {
    const compact = (rows: unknown[]) => Buffer.from(`{"inventories":[${rows.map(toJson).join(',')}]}`);
    const feed = (text: Buffer) => {
      const s = new InventoriesScanner();
      for (let at = 0; at < text.length; at += 4096) s.push(text.subarray(at, at + 4096));
      s.end();
      expect(s.take()).toHaveLength(2000);
      return s.rowsRead;
    };
    const flat = feed(compact(Array.from({ length: 2000 }, (_, i) => ({ uuid: `u${i}`, nics: [{ ip: `10.0.0.${i % 250}` }] }))));
    expect(flat.cut).toBeGreaterThan(1900);
    expect(flat.cut + flat.scanned).toBe(2000);
    // Each row ends in a list of objects: the last `},{` of a chunk is nearly always inside a row.
    const nested = feed(compact(Array.from({ length: 2000 }, (_, i) => ({ uuid: `u${i}`, nics: Array.from({ length: 30 }, () => ({ ip: 'x' })) }))));
    expect(nested.cut).toBeLessThan(100);
    expect(nested.cut + nested.scanned).toBe(2000);
    // Pretty-printed rows have no `},{`: all are scanned.
    expect(feed(Buffer.from(`{"inventories":[${Array.from({ length: 2000 }, (_, i) => `{"a": ${i}}`).join(', ')}]}`))).toEqual({ cut: 0, scanned: 2000 });
  });

  it('cuts inside escapes, multi-byte characters and digit runs do not matter', () => {
    const text = '{"inventories":[{"n":"a\\\\\\"b\\\\","m":"数据😀","big":12345678901234567890,"neg":-9007199254740993}],"total":1}';
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 1; i < bytes.length; i++) {
      for (const j of [i + 1, i + 3]) {
        const got = scan(bytes, [i, j]);
        expect(got.rows).toEqual([{ n: 'a\\"b\\', m: '数据😀', big: 12345678901234567890n, neg: -9007199254740993n }]);
      }
    }
  });

  it('keeps safe integers and floats as numbers, longs beyond 2^53 as bigints', () => {
    const { rows } = scan('{"inventories":[{"a":9007199254740991,"b":9007199254740992,"c":1.5,"d":12345678901234567.5,"e":"12345678901234567890"}]}');
    expect(rows).toEqual([{ a: 9007199254740991, b: 9007199254740992n, c: 1.5, d: 12345678901234567.5, e: '12345678901234567890' }]);
  });

  it('skips the schema map, reads a count answer, an empty body and a bare array', () => {
    expect(scan('{"schema":{"inventories[0]":"org.zstack.X"},"inventories":[{"a":1}]}')).toEqual({ rows: [{ a: 1 }], head: {}, listSeen: true });
    expect(scan('{"total":42}')).toEqual({ rows: [], head: { total: 42 }, listSeen: false });
    expect(scan('')).toEqual({ rows: [], head: {}, listSeen: false });
    expect(scan(' [1, "x", {"a":[]}, null] ')).toEqual({ rows: [1, 'x', { a: [] }, null], head: {}, listSeen: true });
    expect(scan('{"inventories":[]}')).toEqual({ rows: [], head: {}, listSeen: true });
  });

  it('refuses malformed or truncated answers', () => {
    for (const bad of ['{"inventories":[{"a":1}', '{"inventories":[{"a":1},]}', '{"inventories":[{"a":}]}', '{"a" 1}', '"text"', '{"a":1}x', '{"inventories":[{]}]}', '{"inventories":[1 2]}']) {
      expect(() => scan(bad), bad).toThrow(ReplyFormatError);
    }
  });

  it('checks the schema map it passes over, at any cut', () => {
    const good = '{"inventories":[{"a":1}],"schema":{"inventories[0]":"org.zstack.X","n":[1,-2.5e3,true,null,"\\u00e9"]},"total":1}';
    const bad = [
      '{"inventories":[{"a":1}],"schema":{"inventories[0]":"org.zstack.X",}}',
      '{"inventories":[{"a":1}],"schema":{"inventories[0]" "org.zstack.X"}}',
      '{"inventories":[{"a":1}],"schema":{"a":"\\q"}}',
      '{"inventories":[{"a":1}],"schema":{"a":[1}}',
      '{"inventories":[{"a":1}],"schema":{"a":01}}',
      '{"inventories":[{"a":1}],"schema":{"a":"x"}',
      '{"inventories":[{"a":1}],"schema":{"a":"x"',
      '{"schema":tru',
    ];
    for (let cut = 1; cut < good.length; cut++) expect(scan(good, [cut, cut + 7])).toEqual({ rows: [{ a: 1 }], head: { total: 1 }, listSeen: true });
    for (const text of bad) {
      for (let cut = 1; cut < text.length; cut += 3) expect(() => scan(text, [cut]), text).toThrow(ReplyFormatError);
    }
  });

  it('refuses more than 1 MiB of blank space between values (not JSON; it would be read for nothing)', () => {
    const s = new InventoriesScanner();
    const blanks = Buffer.alloc(64 * 1024, 0x20);
    expect(() => {
      for (let i = 0; i < 17; i++) s.push(blanks);
    }).toThrow(/more than 1 MiB of blank space/);
    expect(scan(`{"inventories":[1,${' '.repeat(100_000)}2]}`).rows).toEqual([1, 2]);
  });

  it('hands rows out as their chunk arrives', () => {
    const s = new InventoriesScanner();
    s.push(Buffer.from('{"inventories":[{"a":1},{"a":2},{"a"'));
    expect(s.take()).toEqual([{ a: 1 }, { a: 2 }]);
    s.push(Buffer.from(':3}]}'));
    expect(s.take()).toEqual([{ a: 3 }]);
    s.end();
  });
});

describe('parseJsonExact', () => {
  it('is JSON.parse, with bigints for integers beyond 2^53', () => {
    expect(parseJsonExact('{"a":[1,2.5,"x"],"b":null}')).toEqual({ a: [1, 2.5, 'x'], b: null });
    expect(parseJsonExact('{"size":18446744073709551615,"s":"18446744073709551615","f":1e400,"t":[true,false]}')).toEqual({
      size: 18446744073709551615n,
      s: '18446744073709551615',
      f: Infinity,
      t: [true, false],
    });
    const proto = parseJsonExact('{"__proto__":{"x":11111111111111111111}}') as object;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto, '__proto__')?.value).toEqual({ x: 11111111111111111111n });
    for (const bad of ['{"a":11111111111111111111', '[1111111111111111111 2]', '{"a":1111111111111111111x}', '"\\q1111111111111111111"']) {
      expect(() => parseJsonExact(bad), bad).toThrow(SyntaxError);
    }
  });
});
