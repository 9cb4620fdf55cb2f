// Option words on a line: which tokens are options, their values (glued, after `=`, or the next
// word), what is reported for unknown options and misused values, and where the command word is.
import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';
import { commandWordIndex, findOption, looksLikeOption, splitOptions, wordTokens, type LineSyntax } from './options.js';
import { parseLine, parseWords } from './parser.js';

const SYNTAX: LineSyntax = {
  options: [
    { long: '--output', short: '-o', takesValue: true },
    { long: '--timeout', takesValue: true },
    { long: '--dry-run', takesValue: false },
    { long: '--yes', short: '-y', takesValue: false },
  ],
};

const split = (line: string) => splitOptions(lex(line).tokens, SYNTAX);
const words = (line: string) => {
  const { tokens } = lex(line);
  const s = splitOptions(tokens, SYNTAX);
  return s.rest.map((i) => tokens[i]!.text);
};

describe('looksLikeOption', () => {
  it('is an unquoted - or -- followed by a letter', () => {
    const check = (line: string) => looksLikeOption(lex(line).tokens[0]!);
    expect(['-o', '-ojson', '--output', '--output=json', '--x'].map(check)).toEqual([true, true, true, true, true]);
    expect(['-', '--', '-1', '--1', '---x', 'a-b', "'-o'", '"--output"', '\\-o', 'x=-o'].map(check)).toEqual(
      [false, false, false, false, false, false, false, false, false, false],
    );
  });
});

describe('findOption', () => {
  it('finds an option by its long or short name, nothing else', () => {
    expect(findOption(SYNTAX, '--output')?.long).toBe('--output');
    expect(findOption(SYNTAX, '-o')?.long).toBe('--output');
    expect(findOption(SYNTAX, '-y')?.long).toBe('--yes');
    expect(findOption(SYNTAX, '--out')).toBeUndefined();
    expect(findOption(SYNTAX, 'o')).toBeUndefined();
    expect(findOption({ options: [{ long: '--timeout', takesValue: true }] }, '-t')).toBeUndefined();
  });
});

describe('splitOptions', () => {
  it('takes a value after =, glued to a short name, or as the next word, with the span of both words', () => {
    expect(split('--output=json').options).toEqual([{ name: '--output', written: '--output', value: 'json', span: { start: 0, end: 13 } }]);
    expect(split('-ojson').options).toEqual([{ name: '--output', written: '-o', value: 'json', span: { start: 0, end: 6 } }]);
    expect(split('Api -o json k=v').options).toEqual([{ name: '--output', written: '-o', value: 'json', span: { start: 4, end: 11 } }]);
    expect(split('Api --timeout 90s').options).toEqual([{ name: '--timeout', written: '--timeout', value: '90s', span: { start: 4, end: 17 } }]);
    expect(split('--output= x').options[0]!.value).toBe('');
    expect(words('Api -o json k=v --yes --timeout=3 z=1')).toEqual(['Api', 'k=v', 'z=1']);
    expect(split('Api -o json k=v --yes --timeout=3 z=1').rest).toEqual([0, 3, 6]);
  });

  it('takes a flag alone, with no value', () => {
    expect(split('Api --dry-run k=v').options).toEqual([{ name: '--dry-run', written: '--dry-run', span: { start: 4, end: 13 } }]);
    expect(words('Api --dry-run k=v -y')).toEqual(['Api', 'k=v']);
    expect(split('Api -y').options).toEqual([{ name: '--yes', written: '-y', span: { start: 4, end: 6 } }]);
  });

  it('reports an option missing its value at the end of the line', () => {
    const s = split('Api k=v -o');
    expect(s.options).toEqual([]);
    expect(s.rest).toEqual([0, 1]);
    expect(s.diagnostics).toEqual([{ span: { start: 8, end: 10 }, message: 'option -o needs a value', hint: 'write -o <value>' }]);
  });

  it('reports a value given to a flag, = or glued', () => {
    expect(split('Api --dry-run=yes').diagnostics).toEqual([
      { span: { start: 4, end: 17 }, message: 'option --dry-run takes no value', hint: 'write --dry-run alone' },
    ]);
    expect(split('Api -yes').diagnostics).toEqual([{ span: { start: 4, end: 8 }, message: 'option -y takes no value', hint: 'write -y alone' }]);
    expect(split('Api -yes').options).toEqual([]);
    expect(split('Api --dry-run=yes').options).toEqual([]);
  });

  it('reports an unknown option with the names of its kind that start with it or are close', () => {
    expect(split('Api --out=json').diagnostics).toEqual([{ span: { start: 4, end: 14 }, message: "unknown option '--out'", hint: 'did you mean --output, --timeout?' }]);
    expect(split('Api --outp').diagnostics[0]!.hint).toBe('did you mean --output?');
    expect(split('Api --dryrun').diagnostics[0]!.hint).toBe('did you mean --dry-run?');
    expect(split('Api -x').diagnostics[0]).toEqual({ span: { start: 4, end: 6 }, message: "unknown option '-x'", hint: 'did you mean -o, -y?' });
    expect(split('Api -zjson').diagnostics[0]!.message).toBe("unknown option '-z'");
    expect(split('Api --qqqqqqqqqqqq').diagnostics[0]!.hint).toBe('help lists the options');
    const three: LineSyntax = { options: ['--aa', '--ab', '--ac', '--ad'].map((long) => ({ long, takesValue: false })) };
    expect(splitOptions(lex('X --a').tokens, three).diagnostics[0]!.hint).toBe('did you mean --aa, --ab, --ac?');
  });

  it('takes the word after an unknown option as its value, unless it is an option, a param or the first word', () => {
    expect(words('Api --colour red k=v')).toEqual(['Api', 'k=v']);
    expect(words('Api --colour k=v')).toEqual(['Api', 'k=v']);
    expect(words('Api --colour=red next')).toEqual(['Api', 'next']);
    expect(words('Api --colour -y next')).toEqual(['Api', 'next']);
    expect(split('Api --colour -y').options.map((o) => o.name)).toEqual(['--yes']);
    expect(words('--colour Api k=v')).toEqual(['Api', 'k=v']);
    expect(words('Api --colour')).toEqual(['Api']);
  });

  it('is what parseLine uses: options anywhere, the rest is the command', () => {
    const p = parseLine('-o json QueryVmInstance name=x --dry-run', SYNTAX);
    expect(p.command?.name).toBe('QueryVmInstance');
    expect(p.command?.args.map((a) => a.key)).toEqual(['name']);
    expect(p.options.map((o) => [o.name, o.value])).toEqual([['--output', 'json'], ['--dry-run', undefined]]);
    expect(parseWords(['QueryVmInstance', '--output=csv'], SYNTAX).options[0]!.value).toBe('csv');
  });
});

describe('commandWordIndex', () => {
  it('skips options and the values of those that take one as the next word', () => {
    const at = (...w: string[]) => commandWordIndex(wordTokens(w), SYNTAX);
    expect(at('Api')).toBe(0);
    expect(at('-o', 'json', 'Api')).toBe(2);
    expect(at('-ojson', 'Api')).toBe(1);
    expect(at('--output', 'json', 'Api')).toBe(2);
    expect(at('--output=json', 'Api')).toBe(1);
    expect(at('--dry-run', 'Api')).toBe(1);
    expect(at('-y', '--yes', 'Api')).toBe(2);
    expect(at('--unknown', 'Api')).toBe(1);
    expect(at('-o', 'json')).toBe(-1);
    expect(at()).toBe(-1);
  });

  it('reads a quoted word as the command, whatever it looks like', () => {
    expect(commandWordIndex(lex("'-o' x").tokens, SYNTAX)).toBe(0);
  });
});

describe('wordTokens', () => {
  it('makes tokens with no literal character', () => {
    expect(wordTokens(['ab', ''])).toEqual([{ text: 'ab', literal: [false, false] }, { text: '', literal: [] }]);
  });
});

describe('option corners (mutation survivors, issue #16)', () => {
  it('takes what follows a glued short name as its value, = included', () => {
    expect(split('-o=json').options[0]!.value).toBe('=json');
  });

  it('suggests names of the same kind, those starting with what was typed first', () => {
    expect(split('Api --o').diagnostics[0]!.hint).not.toMatch(/(^|[ ,])-o\b/);
    expect(split('Api --t').diagnostics[0]!.hint).toBe('did you mean --timeout, --output?');
    expect(split('Api --d').diagnostics[0]!.hint).toMatch(/^did you mean --dry-run/);
  });
});

