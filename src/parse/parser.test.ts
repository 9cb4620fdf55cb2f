import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS } from './ast.js';
import { lex, quoteWord } from './lexer.js';
import { parseLine, parseWords, splitList } from './parser.js';

describe('parseLine', () => {
  it('parses an API name and key=value params with spans', () => {
    const line = 'StartVmInstance uuid=abc hostUuid=H';
    const r = parseLine(line);
    expect(r.diagnostics).toEqual([]);
    expect(r.command?.name).toBe('StartVmInstance');
    const [a, b] = r.command!.args;
    expect(a).toMatchObject({ key: 'uuid', op: '=', value: 'abc' });
    expect(line.slice(b!.keySpan.start, b!.keySpan.end)).toBe('hostUuid');
    expect(line.slice(b!.valueSpan.start, b!.valueSpan.end)).toBe('H');
  });

  it('handles double, single quotes and escapes', () => {
    const r = parseLine(`CreateVmInstance name="my vm" description='a "b" c' tag=x\\ y note="q\\"uote"`);
    expect(r.command!.args.map((a) => a.value)).toEqual(['my vm', 'a "b" c', 'x y', 'q"uote']);
    expect(r.command!.args[0]!.valueQuoted).toBe(true);
  });

  it('reads every query operator, longest match first', () => {
    for (const op of OPERATORS) {
      const arg = parseLine(`QueryVmInstance cpuNum${op}4`).command!.args[0]!;
      expect(arg).toMatchObject({ key: 'cpuNum', op, value: '4' });
    }
  });

  it('keeps operator characters inside a value', () => {
    const arg = parseLine('QueryVmInstance description="a=b!=c"').command!.args[0]!;
    expect(arg).toMatchObject({ key: 'description', op: '=', value: 'a=b!=c' });
  });

  it('distinguishes a quoted null from the null keyword', () => {
    expect(parseLine('QueryVmInstance name=null').command!.args[0]!.valueQuoted).toBe(false);
    expect(parseLine('QueryVmInstance name="null"').command!.args[0]!.valueQuoted).toBe(true);
  });

  it('accepts dotted join paths and tag fields as keys', () => {
    const args = parseLine('QueryVmInstance vmNics.l3Network.zone.name=z1 __systemTag__=ha::NeverStop').command!.args;
    expect(args.map((a) => [a.key, a.value])).toEqual([
      ['vmNics.l3Network.zone.name', 'z1'],
      ['__systemTag__', 'ha::NeverStop'],
    ]);
  });

  it('splits lists at commas but not at \\,', () => {
    const arg = parseLine('CreateVmInstance l3NetworkUuids=a,b\\,c,d').command!.args[0]!;
    expect(splitList(arg)).toEqual(['a', 'b,c', 'd']);
    expect(splitList(parseLine('X a=').command!.args[0]!)).toEqual([]);
  });

  it('reports a bare word, a missing key and an unterminated quote with spans', () => {
    const line = 'StartVmInstance uuid =x name="oops';
    const r = parseLine(line);
    const msgs = r.diagnostics.map((d) => d.message);
    expect(msgs).toContain("expected key=value, got 'uuid'");
    expect(msgs).toContain("missing a name before '=' in '=x'");
    expect(msgs).toContain('unterminated double quote');
    const bare = r.diagnostics.find((d) => d.message.startsWith('expected'))!;
    expect(line.slice(bare.span.start, bare.span.end)).toBe('uuid');
  });

  it('reports an unterminated quote once, not also the shape of the broken token', () => {
    expect(parseLine('StartVmInstance "x').diagnostics.map((d) => d.message)).toEqual(['unterminated double quote']);
  });

  it('ignores comments and empty lines', () => {
    expect(parseLine('   ').command).toBeUndefined();
    expect(parseLine('# a comment').command).toBeUndefined();
    expect(parseLine('QueryZone # trailing').command!.args).toEqual([]);
  });

  it('flags a line that starts with a param instead of an API', () => {
    expect(parseLine('name=vm1').diagnostics[0]!.message).toMatch(/expected an API name/);
  });
});

describe('parseWords (one-shot argv)', () => {
  it('takes words as the shell gave them', () => {
    const r = parseWords(['CreateVmInstance', 'name=my vm', 'l3NetworkUuids=a\\,b,c']);
    expect(r.command!.args[0]!.value).toBe('my vm');
    expect(splitList(r.command!.args[1]!)).toEqual(['a,b', 'c']);
  });
});

describe('properties', () => {
  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseLine(s);
        // Tokens in order, each within the line; so is every diagnostic.
        let end = 0;
        for (const t of r.tokens) {
          expect(t.span.start).toBeGreaterThanOrEqual(end);
          expect(t.span.end).toBeLessThanOrEqual(s.length);
          end = t.span.end;
        }
        expect(r.tokens.length > 0 || s.trim() === '' || s.trimStart().startsWith('#')).toBe(true);
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.array(fc.string()), (w) => void parseWords(w)), { numRuns: 500 });
  });

  it('quoting round-trips any word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const { tokens } = lex(quoteWord(s));
        expect(tokens).toHaveLength(1);
        expect(tokens[0]!.text).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('a quoted value round-trips through key=value', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z]\w{0,10}$/), fc.string(), (key, value) => {
        const arg = parseLine(`Api ${key}=${quoteWord(value)}`).command!.args[0]!;
        expect(arg.key).toBe(key);
        expect(arg.op).toBe('=');
        expect(arg.value).toBe(value);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('quoting rules (issue #16)', () => {
  it('reads \\, inside double quotes as a literal comma, never a list separator', () => {
    const arg = parseLine('CreateVmInstance systemTags="a\\,b",c').command!.args[0]!;
    expect(arg.value).toBe('a,b,c');
    expect(splitList(arg)).toEqual(['a,b', 'c']);
    expect(splitList(parseLine('X k="x\\,y\\,z"').command!.args[0]!)).toEqual(['x,y,z']);
  });

  it('reports an unterminated single quote, with the token span', () => {
    const line = "StartVmInstance uuid=u name='abc";
    const r = parseLine(line);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['unterminated single quote']);
    expect(line.slice(r.diagnostics[0]!.span.start, r.diagnostics[0]!.span.end)).toBe("name='abc");
  });

  it('reports every kind of unterminated quote, wherever it starts', () => {
    fc.assert(
      fc.property(fc.constantFrom('"', "'"), fc.string({ maxLength: 20 }).filter((s) => !s.includes('"') && !s.includes("'")), (q, before) => {
        const r = parseLine(`Api k=${quoteWord(before)}${q}rest`);
        expect(r.diagnostics.map((d) => d.message)).toContain(`unterminated ${q === '"' ? 'double' : 'single'} quote`);
      }),
    );
  });
});

describe('reports on one line (issue #11)', () => {
  it('counts the problems it does not show', () => {
    const r = parseLine('Api ' + 'w '.repeat(100));
    expect(r.diagnostics).toHaveLength(11);
    expect(r.diagnostics[10]!.message).toBe('90 more problems on this line not shown');
  });

  it('quotes a bad token clipped and escaped', () => {
    const r = parseLine(`Api ${'\u001b[2J'.repeat(100)}`);
    expect(r.diagnostics[0]!.message).toMatch(/^unexpected '\\e' in '(\\e\[2J)+…'$/);
  });
});

describe('parseWords properties', () => {
  it('keeps each word, with \\, read as a literal comma and every character mapped to its place', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z\\,=]{0,12}$/), { minLength: 1, maxLength: 4 }), (words) => {
        const r = parseWords(words);
        const joined = words.join(' ');
        r.tokens.forEach((t, w) => {
          expect(t.text).toBe(words[w]!.replaceAll('\\,', ','));
          expect(t.offsets).toHaveLength(t.text.length);
          [...t.text].forEach((c, i) => expect(joined[t.offsets[i]!]).toBe(t.literal[i] ? '\\' : c));
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('shapes of parsed args (mutation survivors, issue #16)', () => {
  it('gives a bare word the whole token as its key, no value, and a hint', () => {
    const r = parseLine('Api word');
    expect(r.command!.args[0]).toEqual({
      span: { start: 4, end: 8 }, key: 'word', keySpan: { start: 4, end: 8 }, value: '', valueSpan: { start: 8, end: 8 }, valueQuoted: false, literalCommas: [],
    });
    expect(r.diagnostics).toEqual([{ span: { start: 4, end: 8 }, message: "expected key=value, got 'word'", hint: 'write word=<value>' }]);
    expect(parseLine("Api ''").diagnostics[0]!.hint).toBe('write name=<value>');
    expect(parseLine('Api k,x').diagnostics[0]).toEqual({
      span: { start: 4, end: 7 }, message: "unexpected ',' in 'k,x'", hint: 'a param is key=value; quote values with spaces: name="my vm"',
    });
    expect(parseLine('Api =v').diagnostics[0]).toEqual({ span: { start: 4, end: 6 }, message: "missing a name before '=' in '=v'", hint: 'write key=value' });
  });

  it('reads an operator only when none of its characters is quoted or escaped', () => {
    expect(parseLine('Api k"="v').diagnostics[0]!.message).toBe(`unexpected '=' in 'k=v'`);
    expect(parseLine('Api k!"="v').diagnostics[0]!.message).toBe(`unexpected '!' in 'k!=v'`);
    expect(parseLine('Api k"!"=v').diagnostics[0]!.message).toBe(`unexpected '!' in 'k!=v'`);
    expect(parseLine('Api k!="x"').command!.args[0]).toMatchObject({ key: 'k', op: '!=', value: 'x' });
  });

  it('gives empty keys and values an empty span where they would be', () => {
    const a = parseLine('Api =v').command!.args[0]!;
    expect(a.keySpan).toEqual({ start: 4, end: 4 });
    const b = parseLine('Api k=').command!.args[0]!;
    expect(b.valueSpan).toEqual({ start: 6, end: 6 });
    expect(parseLine('Api k=v x=1').command!.span).toEqual({ start: 0, end: 11 });
  });

  it('marks a value quoted when any of its characters was, and keeps a \\, at its start', () => {
    expect(parseLine('Api k=a"b"').command!.args[0]!.valueQuoted).toBe(true);
    expect(parseLine('Api k=ab').command!.args[0]!.valueQuoted).toBe(false);
    const c = parseLine('Api k=\\,a,b').command!.args[0]!;
    expect(c.literalCommas).toEqual([0]);
    expect(splitList(c)).toEqual([',a', 'b']);
  });

  it('reports a param first only when it reads as key=value, and an unterminated quote with how to close it', () => {
    expect(parseLine('k=v x=1').diagnostics[0]).toEqual({
      span: { start: 0, end: 3 }, message: "expected an API name first, got 'k=v'", hint: 'a command starts with an API name, e.g. QueryVmInstance name=vm1',
    });
    expect(parseLine('Query.Vm x=1').diagnostics).toEqual([]);
    expect(parseLine('9Api x=1').diagnostics).toEqual([]);
    expect(parseLine('Api k="v').diagnostics).toEqual([{ span: { start: 4, end: 8 }, message: 'unterminated double quote', hint: 'close it with "' }]);
    expect(parseLine('Api').options).toEqual([]);
  });

  it('reads \\, in argv words at their place, gives each word its span, and reports nothing for good words', () => {
    const r = parseWords(['Api', 'k=a\\,b\\,c,d', 'x=1']);
    expect(r.command!.args[0]!.literalCommas).toEqual([1, 3]);
    expect(splitList(r.command!.args[0]!)).toEqual(['a,b,c', 'd']);
    expect(r.tokens.map((t) => t.span)).toEqual([{ start: 0, end: 3 }, { start: 4, end: 15 }, { start: 16, end: 19 }]);
    expect(r.diagnostics).toEqual([]);
    const syntax = { options: [{ long: '--output', short: '-o', takesValue: true }] };
    const o = parseLine('-o json Api k=a\\,b', syntax);
    expect(o.command!.args[0]!.literalCommas).toEqual([1]);
    expect(o.command!.name).toBe('Api');
  });
});

