// The yaml writer's rules one by one (yaml.ts): when a string must be quoted (each kind of number, each
// indicator, each place a `: ` or ` #` is meaningful), each escape of a double-quoted string, block
// scalars, nesting and colour, the list writer, and chunks of a big document.
import { describe, expect, it } from 'vitest';
import { listRenderer, renderChunks, renderValue } from './index.js';
import { yamlNumber, yamlString } from './yaml.js';

const yaml = (v: unknown, color = false) => renderValue(v, { format: 'yaml', color });
const quoted = (s: string) => expect(yamlString(s), JSON.stringify(s)).toBe(`'${s.replace(/'/g, "''")}'`);
const plain = (s: string) => expect(yamlString(s), JSON.stringify(s)).toBe(s);
const key = (s: string) => `\x1b[36m${s}\x1b[39m`;
const str = (s: string) => `\x1b[32m${s}\x1b[39m`;
const num = (s: string) => `\x1b[33m${s}\x1b[39m`;
const nul = (s: string) => `\x1b[90m${s}\x1b[39m`;

describe('which strings are quoted', () => {
  it('digits and letters: only the number forms', () => {
    for (const s of ['1E5', '0B1', '0O7', '08', '0xff', '0XFF', '12', '1e5', '0']) quoted(s);
    for (const s of ['0x', '12abc', '0xG', '1e5x', '0o8', '0b2', '1E', '0o', '0b', '1e5e5', '474924e1b9c743119cb892e4223598d2']) plain(s);
  });

  it('the other number forms (signs, dots, underscores, colons, infinities, dates)', () => {
    for (const s of ['9.5', '0.5', '+1.5', '+1', '1_000', '1__0', '1.', '1.e5', '+.5', '.5e5', '1e+5', '1e-5', '0x1_F', '+0x1F', '+017', '0o1_7', '0b1_0', '+0b1', '1:20', '1:20.5', '0:0', '1:2:3', '.inf', '.Inf', '.INF', '+.inf', '.nan', '.NaN', '.NAN', '2017-05-11', '2017-5-1', '2017-05-11 x', '2017-05-11T10:00']) quoted(s);
    for (const s of ['.', '+', '._', '+.', '1:60', '1:2x', '.iNf', '+.nan', '2017-05-11x', '201-05-11', '2017-05', '1.5.5', '1 000', '1,000', '9a.b']) plain(s);
    // Each form whole, from its first character to its last.
    for (const s of ['1.5e55', '1e55', '+0o17', '+1:20', '1:20.55']) quoted(s);
    for (const s of ['1+0x1F', '0x1F_g', '0b1_2', '1+0b1', '.1:20', '1.inf', '.infx', '.nanx', '12017-05-11']) plain(s);
  });

  it('every indicator at the start', () => {
    for (const c of '-?:,[]{}#&*!|>\'"%@`') quoted(`${c}x`);
    for (const s of ['~x', '<<x', '=x', '中...', 'x...', 'a~', '中#x', '_x', '/path/x', 'ñ']) plain(s);
    quoted('...x');
    quoted('...');
  });

  it('reserved words in any case, alone', () => {
    for (const s of ['yes', 'YES', 'no', 'y', 'Y', 'n', 'on', 'On', 'off', 'true', 'False', 'FALSE', 'null', 'NULL', '~', '<<', '=']) quoted(s);
    for (const s of ['Yes please', 'No.', 'nulls', 'yess', 'T', 'offf', 'trueish', 'Y2', '==', '~~']) plain(s);
  });

  it('blanks at either end, `: ` and ` #` inside, a `:` at the end', () => {
    for (const s of ['', ' ', '中 ', ' 中', 'a: b', 'a:', '中: x', '中:', 'é: ', '中 #x', 'a #b', 'a #', 'a  #', 'trail ']) quoted(s);
    for (const s of ['a b', 'a:b', 'a#b', 'a b  c', 'a  b', 'x@y.z', 'a(b)', 'a=b', 'A+B', 'a-b', 'a,b', 'a/b', '中=', 'http://x/y?z=1#f']) plain(s);
  });

  it('single quotes are doubled inside single quotes', () => {
    expect(yamlString("'a'b")).toBe("'''a''b'");
    expect(yamlString("it's")).toBe("it's");
  });

  it('double quotes, with the named escapes, for what cannot be written plain', () => {
    const named: [string, string][] = [
      ['\0', '\\0'], ['\x07', '\\a'], ['\b', '\\b'], ['\t', '\\t'], ['\n', '\\n'], ['\x0b', '\\v'], ['\f', '\\f'],
      ['\r', '\\r'], ['\x1b', '\\e'], ['\x85', '\\N'], ['\u2028', '\\L'], ['\u2029', '\\P'],
    ];
    for (const [c, e] of named) expect(yamlString(`a${c}"\\`), JSON.stringify(c)).toBe(`"a${e}\\"\\\\"`);
    const hex: [string, string][] = [
      ['\x01', '\\x01'], ['\x1f', '\\x1f'], ['\x7f', '\\x7f'], ['\x80', '\\x80'], ['\x9f', '\\x9f'], ['\ufeff', '\\ufeff'],
      ['\ufffe', '\\ufffe'], ['\uffff', '\\uffff'], ['\ud800', '\\ud800'], ['\udbff', '\\udbff'], ['\udc00', '\\udc00'], ['\udfff', '\\udfff'],
    ];
    for (const [c, e] of hex) expect(yamlString(`a${c}b`), JSON.stringify(c)).toBe(`"a${e}b"`);
    // A surrogate pair is one character and stays as it is; the lone halves around it do not.
    expect(yamlString('😀\t')).toBe('"😀\\t"');
    expect(yamlString('\udc00😀\ud800')).toBe('"\\udc00😀\\ud800"');
    expect(yamlString('😀')).toBe('😀');
    expect(yamlString('\ud83d')).toBe('"\\ud83d"');
    expect(yamlString('\ude00x')).toBe('"\\ude00x"');
    // Printable characters near the escaped ones stay as they are.
    expect(yamlString('\xa0\u2027\u202a\ufefe\ufffd x\t')).toBe('"\xa0\u2027\u202a\ufefe\ufffd x\\t"');
  });
});

describe('numbers', () => {
  it('an exponent gets a `.0` when its mantissa has no point', () => {
    expect(yamlNumber(-1e21)).toBe('-1.0e+21');
    expect(yamlNumber(1e-7)).toBe('1.0e-7');
    expect(yamlNumber(1.5e-7)).toBe('1.5e-7');
    expect(yamlNumber(0)).toBe('0');
    expect(yamlNumber(123.456)).toBe('123.456');
    expect(yamlNumber(Infinity)).toBe('.inf');
    expect(yaml({ big: 2n ** 70n, neg: -1e21, nan: NaN, inf: Infinity })).toBe('big: 1180591620717411303424\nneg: -1.0e+21\nnan: .nan\ninf: .inf\n');
  });
});

describe('documents', () => {
  it('block scalars only for printable multi-line text not starting with a blank', () => {
    expect(yaml({ a: 'a\nb', b: ' a\nb', c: '\ta\nb', d: 'a\r\nb', e: 'a\n\x07', f: 'a\nb\n', g: 'a\n\n', h: 'a\n\nb', i: { j: [{ k: 'x\ny' }] } })).toBe(
      'a: |-\n  a\n  b\nb: " a\\nb"\nc: "\\ta\\nb"\nd: "a\\r\\nb"\ne: "a\\n\\a"\nf: |\n  a\n  b\ng: |+\n  a\n\nh: |-\n  a\n\n  b\ni:\n  j:\n    - k: |-\n        x\n        y\n',
    );
    expect(yaml({ a: 'x\n\n\n' })).toBe('a: |+\n  x\n\n\n');
    expect(yaml('x\ny\n')).toBe('|\n  x\n  y\n');
  });

  it('drops undefined, functions and symbols from objects, writes null for them in lists', () => {
    expect(yaml({ a: [undefined, () => 1], f: () => 1, b: 1, e: { u: undefined }, n: [[]], s: Symbol('x') })).toBe("a:\n  - null\n  - null\nb: 1\ne: {}\n'n':\n  - []\n");
    expect(yaml({ deep: { er: { a: [undefined, 1], f: () => 1, b: { c: {} } } } })).toBe('deep:\n  er:\n    a:\n      - null\n      - 1\n    b:\n      c: {}\n');
    expect(yaml({ u: undefined })).toBe('{}\n');
    expect(yaml(undefined)).toBe('null\n');
    expect(yaml({ f: false, t: true })).toBe('f: false\nt: true\n');
  });

  it('inherited properties are not members', () => {
    const inh = () => Object.assign(Object.create({ inh: 1 }) as object, { own: 2 });
    expect(yaml({ e: Object.create({ inh: 1 }), o: inh(), l: [inh()] })).toBe('e: {}\no:\n  own: 2\nl:\n  - own: 2\n');
    expect(yaml({ deep: { er: { e: Object.create({ inh: 1 }), o: inh() } } })).toBe('deep:\n  er:\n    e: {}\n    o:\n      own: 2\n');
  });

  it('the same object twice is written twice; only a cycle is cut', () => {
    const shared = { x: 1 };
    expect(yaml({ a: shared, b: { c: shared, d: shared } })).toBe('a:\n  x: 1\nb:\n  c:\n    x: 1\n  d:\n    x: 1\n');
    const cyc: Record<string, unknown> = { x: 1 };
    cyc.deeper = { back: cyc, list: [cyc] };
    expect(yaml({ top: { cyc } })).toBe('top:\n  cyc:\n    x: 1\n    deeper:\n      back: "[Circular]"\n      list:\n        - "[Circular]"\n');
    const top: Record<string, unknown> = { x: 1 };
    top.me = top;
    top.list = [top];
    expect(yaml(top)).toBe('x: 1\nme: "[Circular]"\nlist:\n  - "[Circular]"\n');
  });

  it('colours keys, strings (each line of a block), numbers, booleans and null', () => {
    expect(yaml({ a: 1, b: 'x\ny', c: [true, null], d: 'z', e: 2n }, true)).toBe(
      `${key('a')}: ${num('1')}\n${key('b')}: |-\n  ${str('x')}\n  ${str('y')}\n${key('c')}:\n  - \x1b[35mtrue\x1b[39m\n  - ${nul('null')}\n${key('d')}: ${str('z')}\n${key('e')}: ${num('2')}\n`,
    );
    expect(yaml({ 'n': [] }, true)).toBe(`${key("'n'")}: []\n`);
  });
});

describe('lists row by row', () => {
  it('with a total: `inventories:` then the rows, then `total:`; colour on the keys', () => {
    const r = listRenderer({ format: 'yaml', color: true, withTotal: true });
    expect(r.rows([{ a: 1 }]) + r.rows([undefined, 'x']) + r.end({ total: 2n })).toBe(
      `${key('inventories')}:\n  - ${key('a')}: ${num('1')}\n  - ${nul('null')}\n  - ${str('x')}\n${key('total')}: ${num('2')}\n`,
    );
    const empty = listRenderer({ format: 'yaml', color: false, withTotal: true });
    expect(empty.rows([]) + empty.end()).toBe('inventories: []\ntotal: null\n');
    const bare = listRenderer({ format: 'yaml', color: false });
    expect(bare.rows([]) + bare.end({ total: 3 })).toBe('[]\n');
    const two = listRenderer({ format: 'yaml', color: false });
    expect(two.rows([[1, 2]]) + two.rows([{}, 'a\nb']) + two.end()).toBe('- - 1\n  - 2\n- {}\n- |-\n  a\n  b\n');
  });
});

describe('chunks of a big document', () => {
  it('top-level and big nested containers are yielded about every 64 KiB', () => {
    const v = { a: { b: Array.from({ length: 2000 }, (_, i) => `${'x'.repeat(95)}${String(i).padStart(5, '0')}`), c: 1 }, d: 2 };
    const chunks = [...renderChunks(v, { format: 'yaml', color: false })];
    expect(chunks.join('')).toBe(`a:\n  b:\n${v.a.b.map((s) => `    - ${s}\n`).join('')}  c: 1\nd: 2\n`);
    // Each row is 107 characters: a chunk is yielded as soon as 65,536 have gathered.
    const sizes = chunks.map((c) => c.length);
    expect(sizes.slice(0, -1).every((n) => n >= 65_536 && n < 65_536 + 107)).toBe(true);
    expect(sizes.length).toBe(4);
    const obj = { wrap: { inner: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, 'v'.repeat(100)])) } };
    const objChunks = [...renderChunks(obj, { format: 'yaml', color: false })];
    expect(objChunks.length).toBeGreaterThan(1);
    expect(objChunks.slice(0, -1).every((c) => c.length >= 65_536 && c.length < 65_536 + 120)).toBe(true);
    expect(objChunks.join('')).toBe(`wrap:\n  inner:\n${Object.keys(obj.wrap.inner).map((k) => `    ${k}: ${'v'.repeat(100)}\n`).join('')}`);
  });

  it('a big list inside a list is walked too, its first item on the dash line', () => {
    const big = Array.from({ length: 300 }, (_, i) => i);
    expect(yaml({ a: [big, { k: big }] })).toBe(`a:\n  - - 0\n${big.slice(1).map((i) => `    - ${i}\n`).join('')}  - k:\n${big.map((i) => `      - ${i}\n`).join('')}`);
  });

  it('below the top two levels, a container is walked only past 256 entries', () => {
    const sizes = (v: unknown) => [...renderChunks(v, { format: 'yaml', color: false })].map((c) => c.length);
    const list = (n: number) => Array.from({ length: n }, () => 'x'.repeat(1000));
    const map = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${String(i).padStart(3, '0')}`, 'x'.repeat(1000)]));
    expect(sizes({ w: { a: list(256) } })).toEqual([257_800]);
    expect(sizes({ w: { a: list(257) } })).toEqual([66_470, 66_462, 66_462, 59_413]);
    expect(sizes({ w: { a: map(256) } })).toEqual([258_824]);
    expect(sizes({ w: { a: map(257) } })).toEqual([65_723, 65_715, 65_715, 62_682]);
  });

  it('a chunk is yielded when exactly 64 KiB have gathered', () => {
    const items = (last: number) => ({ a: [...Array.from({ length: 65 }, () => 'x'.repeat(1000)), 'y'.repeat(last), 'z'] });
    const sizes = (v: unknown) => [...renderChunks(v, { format: 'yaml', color: false })].map((c) => c.length);
    expect(sizes(items(203))).toEqual([65_536, 6]);
    expect(sizes(items(202))).toEqual([65_541]);
  });

  it('a small nested container is written whole', () => {
    const v = { a: { b: { c: [1, 2], d: { e: 'f' } } } };
    expect([...renderChunks(v, { format: 'yaml', color: false })]).toEqual(['a:\n  b:\n    c:\n      - 1\n      - 2\n    d:\n      e: f\n']);
  });
});
