// Stage 1 (analyze.ts) on lines with options and built-ins (a LineShape), and quoting corners of
// keys and operators.
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import type { LineShape } from './types.js';

const shape: LineShape = {
  options: [
    { long: '--output', short: '-o', takesValue: true },
    { long: '--columns', short: '-c', takesValue: true },
    { long: '--https', takesValue: false },
  ],
  builtins: ['help', 'watch'],
};
const at = (line: string, cursor = line.length) => analyze(line, cursor, shape);

describe('options on the line', () => {
  it('an option value inline, after = or glued to a short name', () => {
    expect(at('QueryZone --output=js')).toEqual({ kind: 'optionValue', option: '--output', prefix: 'js', item: { prefix: 'js', head: [], replaceFrom: 19 }, api: 'QueryZone', replaceFrom: 19, replaceTo: 21 });
    expect(at('QueryZone -ojs')).toMatchObject({ kind: 'optionValue', option: '--output', prefix: 'js', replaceFrom: 12 });
    expect(at('-c uuid,na')).toStrictEqual({ kind: 'optionValue', option: '--columns', prefix: 'uuid,na', item: { prefix: 'na', head: ['uuid'], replaceFrom: 8 }, replaceFrom: 3, replaceTo: 10 });
    expect(at('QueryZone -c ')).toStrictEqual({ kind: 'optionValue', option: '--columns', prefix: '', item: { prefix: '', head: [], replaceFrom: 13 }, api: 'QueryZone', replaceFrom: 13, replaceTo: 13 });
    expect(at('QueryZone -c vmNic').kind === 'optionValue' && at('QueryZone -c vmNic')).toMatchObject({ item: { replaceFrom: 13 } });
  });

  it('an option name being written; a flag with = is still an option', () => {
    expect(at('--ho')).toStrictEqual({ kind: 'option', prefix: '--ho', replaceFrom: 0, replaceTo: 4 });
    expect(at('QueryZone --https=')).toMatchObject({ kind: 'option', prefix: '--https=', api: 'QueryZone' });
    expect(at('QueryZone "--ho"').kind).toBe('none');
  });

  it('options and their values are not the command, nor given keys', () => {
    expect(at('-o json QueryZone na')).toMatchObject({ kind: 'key', api: 'QueryZone', prefix: 'na' });
    expect(at('--https QueryZone na')).toMatchObject({ kind: 'key', api: 'QueryZone' });
    expect(at('--nope QueryZone na')).toMatchObject({ kind: 'key', api: 'QueryZone' });
    expect(at('QueryVmInstance -o json name=x -c uuid ')).toMatchObject({ kind: 'key', given: ['name'] });
    expect(at('QueryVmInstance name=x -o ')).toMatchObject({ kind: 'optionValue', option: '--output' });
    // An option value that looks like a condition is still the option's.
    expect(at('QueryVmInstance -c a=b name=x ')).toMatchObject({ kind: 'key', given: ['name'] });
    expect(at('QueryVmInstance --output=a=b -c ')).toMatchObject({ kind: 'optionValue', option: '--columns' });
  });

  it('a built-in keeps its words, options included; its text is the line left of the cursor', () => {
    expect(at('help -o j')).toMatchObject({ kind: 'builtin', name: 'help', words: ['-o'], prefix: 'j', nameFrom: 0, wordStarts: [5] });
    expect(at('  watch QueryZone na', 17)).toMatchObject({ kind: 'builtin', name: 'watch', words: [], prefix: 'QueryZone', nameFrom: 2, text: '  watch QueryZone' });
    expect(at('-o json watch ')).toMatchObject({ kind: 'builtin', name: 'watch', words: [], prefix: '' });
  });
});

describe('keys given elsewhere', () => {
  it('counts key-operator words only, not the word at the cursor (even when the cursor is just before it)', () => {
    expect(analyze('StartVmInstance uuid hostUuid=x ', 32)).toMatchObject({ kind: 'key', given: ['hostUuid'] });
    expect(analyze('StartVmInstance hostUuid=x', 16)).toMatchObject({ kind: 'key', prefix: '', given: [] });
    expect(analyze('StartVmInstance a=1 b=2 ', 24)).toMatchObject({ given: ['a', 'b'] });
  });
});

describe('quoted operators', () => {
  it('a quoted operator character is no operator', () => {
    expect(analyze('QueryVmInstance cpuNum"="5', 26).kind).toBe('none');
    expect(analyze('QueryVmInstance cpuNum"!"', 25).kind).toBe('none');
    expect(analyze('QueryVmInstance cpuNum!"?"', 26).kind).toBe('none');
    expect(analyze('QueryVmInstance cpuNum>"="4', 27)).toMatchObject({ kind: 'value', op: '>', prefix: '=4' });
  });
});
