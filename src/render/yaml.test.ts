import { describe, expect, it } from 'vitest';
import { renderValue } from './index.js';
import { yamlNumber, yamlString } from './yaml.js';

const yaml = (v: unknown) => renderValue(v, { format: 'yaml', color: false });

describe('yaml scalars', () => {
  it('quotes strings a loader would read as another type', () => {
    for (const s of ['yes', 'No', 'ON', 'off', 'y', 'N', 'null', 'Null', '~', 'true', 'FALSE', '<<', '=']) {
      expect(yamlString(s), s).toBe(`'${s}'`);
    }
    for (const s of ['123', '-1', '+1', '1.5', '.5', '1e5', '1_000', '0x1F', '0o17', '017', '0b101', '1:20', '10:20:30:40:50:59', '2017-05-11', '2001-12-14t21:59:43.10-05:00', '.inf', '-.Inf', '.NaN', '4749240e1']) {
      expect(yamlString(s), s).toBe(`'${s}'`);
    }
  });

  it('quotes strings starting with an indicator or holding `: ` / ` #`, and empty or padded ones', () => {
    for (const s of ['', ' ', ' lead', 'trail ', '- a', '-a', '-', '---', '...', 'a: b', 'a:', ':a', '#x', 'a #b', '?', '[x]', '{x}', '*a', '&a', '!x', '|', '>', '%x', '@x', '`x`', '"q"']) {
      expect(yamlString(s), s).toBe(`'${s}'`);
    }
    expect(yamlString("'q'")).toBe("'''q'''");
    expect(yamlString("it's")).toBe("it's");
  });

  it('leaves ordinary strings plain', () => {
    for (const s of ['Running', 'Test-VM', 'May 11, 2017 1:23:02 PM', '192.168.1.10', '00:0c:29:bd:99:fc', 'a:b', 'a#b', 'http://x/y?z=1#f', 'C:\\Windows', '474924e1b9c743119cb892e4223598d2', 'bece18afd5af4a8cbcc87496aa3ae8a8', '数据库服务器', 'emoji 😀', '1e', 'a, b']) {
      expect(yamlString(s), s).toBe(s);
    }
  });

  it('escapes control and non-printable characters in double quotes', () => {
    expect(yamlString('tab\there')).toBe('"tab\\there"');
    expect(yamlString('cr\r\nlf')).toBe('"cr\\r\\nlf"');
    expect(yamlString('esc\x1b[31m nul\0 del\x7f nel\x85 ls\u2028 bom\ufeff lone\ud800')).toBe(
      '"esc\\e[31m nul\\0 del\\x7f nel\\N ls\\L bom\\ufeff lone\\ud800"',
    );
    expect(yamlString('back\\slash"quote\n')).toBe('"back\\\\slash\\"quote\\n"');
  });

  it('writes numbers so YAML 1.1 loaders read floats too', () => {
    expect(yamlNumber(8589934592)).toBe('8589934592');
    expect(yamlNumber(1e21)).toBe('1.0e+21');
    expect(yamlNumber(1.5e-7)).toBe('1.5e-7');
    expect(yamlNumber(NaN)).toBe('.nan');
    expect(yamlNumber(-Infinity)).toBe('-.inf');
  });
});

describe('yaml documents', () => {
  it('uses literal block scalars for multi-line text, with the right chomping', () => {
    expect(yaml({ a: 'line1\nline2', b: 'x\n', c: 'y\n\n', d: '\nlead', e: 'x\n  indented' })).toBe(
      'a: |-\n  line1\n  line2\nb: |\n  x\nc: |+\n  y\n\nd: "\\nlead"\ne: |-\n  x\n    indented\n',
    );
    expect(yaml(['p\nq'])).toBe('- |-\n  p\n  q\n');
    expect(yaml('top\nlevel')).toBe('|-\n  top\n  level\n');
  });

  it('nests mappings and sequences in block style', () => {
    expect(yaml({ items: [{ uuid: 'u1', vmNics: [{ ip: '10.0.0.1' }], tags: [] }, [[1, 2], {}]], total: 2, 'key: x': null, '': true })).toBe(
      [
        'items:',
        '  - uuid: u1',
        '    vmNics:',
        '      - ip: 10.0.0.1',
        '    tags: []',
        '  - - - 1',
        '      - 2',
        '    - {}',
        'total: 2',
        "'key: x': null",
        "'': true",
        '',
      ].join('\n'),
    );
    expect(yaml({})).toBe('{}\n');
    expect(yaml([])).toBe('[]\n');
    expect(yaml(null)).toBe('null\n');
    expect(yaml('yes')).toBe("'yes'\n");
  });

  it('drops undefined members, honours toJSON and survives cycles', () => {
    const cyc: Record<string, unknown> = { a: 1 };
    cyc.me = cyc;
    expect(yaml({ u: undefined, d: new Date(0), arr: [undefined], cyc })).toBe(
      "d: '1970-01-01T00:00:00.000Z'\narr:\n  - null\ncyc:\n  a: 1\n  me: \"[Circular]\"\n",
    );
  });

  it('colours only when asked', () => {
    const v = { state: 'Running', n: 1, ok: true, none: null, text: 'a\nb' };
    expect(yaml(v)).not.toContain('\x1b');
    const c = renderValue(v, { format: 'yaml', color: true });
    expect(c).toContain('\x1b[36mstate\x1b[39m: \x1b[32mRunning\x1b[39m');
    // eslint-disable-next-line no-control-regex
    expect(c.replace(/\x1b\[[0-9;]*m/g, '')).toBe(yaml(v));
  });
});

describe('keys longer than an implicit key may be', () => {
  it('writes a key over 1,024 characters as an explicit `? key` with `:` under it, nested and in lists alike', () => {
    const long = 'k'.repeat(1100);
    expect(yaml({ [long]: 1, b: 2 })).toBe(`? ${long}\n: 1\nb: 2\n`);
    expect(yaml({ a: { [long]: 'x' } })).toBe(`a:\n  ? ${long}\n  : x\n`);
    expect(yaml([{ [long]: [1] }])).toBe(`- ? ${long}\n  :\n    - 1\n`);
    // 1,024 characters is still an implicit key; escapes count (each control character takes 4).
    const edge = 'k'.repeat(1024);
    expect(yaml({ [edge]: 1 })).toBe(`${edge}: 1\n`);
    const escaped = '\u0001'.repeat(300);
    expect(yaml({ [escaped]: 1 }).startsWith('? "')).toBe(true);
  });
});
