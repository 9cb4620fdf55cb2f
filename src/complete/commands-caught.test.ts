// The CLI's own words in completion (commands.ts) where a wrong turn would only show as an exception
// the engine catches in itself: every line here must complete without one (onInternalError throws).
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { candidatesFor, complete, type CompleteContext } from './candidates.js';
import type { Analysis, BuiltinCompletion, Completion, OptionCompletion } from './types.js';

const registry = loadRegistry();
const options: OptionCompletion[] = [
  { long: '--host', takesValue: true, value: '<host>', description: 'the host' },
  { long: '--output', short: '-o', takesValue: true, value: '<format>', description: 'format', choices: ['json', 'yaml'] },
  { long: '--columns', short: '-c', takesValue: true, value: '<paths>', description: 'columns', valueKind: 'columns' },
  { long: '--profile', takesValue: true, value: '<name>', description: 'profile', valueKind: 'profile' },
];
const builtins: BuiltinCompletion[] = [
  { name: 'watch', summary: 'w', options: [{ long: '--interval', short: '-n', value: '<s>', description: 'seconds' }, { long: '--mode', value: '<m>', description: 'm', choices: ['fast', 'slow'] }], args: [{ name: 'command', description: '', kind: 'command', variadic: true }] },
  { name: 'job', summary: 'j', subcommands: [{ name: 'wait', summary: 'w', args: [{ name: 'job', description: '', kind: 'job' }], options: [{ long: '--every', value: '<s>', description: 'poll' }] }] },
  { name: 'sched', summary: 's', subcommands: [{ name: 'run', summary: 'r', args: [{ name: 'command', description: '', kind: 'command', variadic: true }] }] },
  { name: 'show', summary: 's', args: [{ name: 'N', description: '', kind: 'result' }] },
  { name: 'use', summary: 'u', args: [{ name: 'name', description: '', kind: 'profile', choices: ['none'] }] },
  { name: 'call', summary: 'c', args: [{ name: 'api', description: '', kind: 'api' }] },
  { name: 'help', summary: 'h', args: [{ name: 'topic', description: '', kind: 'topic', variadic: true }] },
  { name: 'bare', summary: 'no arguments' },
];
const strict = (more: Partial<CompleteContext> = {}): CompleteContext => ({
  registry,
  options,
  builtins,
  local: { profiles: () => ['prod'], jobs: () => [{ value: 'j1' }], results: () => [{ value: '1' }] },
  onInternalError: (e) => {
    throw e;
  },
  ...more,
});
const run = (line: string, more?: Partial<CompleteContext>): Promise<Completion> => complete(line, line.length, strict(more));
const vals = (c: Completion) => c.candidates.map((x) => x.value);

describe('lines that complete without an internal error', () => {
  it('local values missing or failing give nothing', async () => {
    expect(vals(await run('show ', { local: {} }))).toEqual([]);
    expect(vals(await run('job wait ', { local: {} }))).toEqual([]);
    expect(vals(await run('--profile ', { local: {} }))).toEqual([]);
    expect(vals(await run('--profile ', { local: { profiles: () => Promise.reject(new Error('x')) } }))).toEqual([]);
    expect(vals(await run('show '))).toEqual(['1']);
  });

  it('options without choices, columns without an API, words past the last argument', async () => {
    expect(vals(await run('--host '))).toEqual([]);
    expect(vals(await run('-c uu'))).toEqual([]);
    expect(vals(await run('bare x '))).toEqual([]);
    expect(vals(await run('bare --h'))).toEqual(['--host']);
    expect(vals(await run('job wait j1 '))).toEqual([]);
    expect(vals(await run('job wait j1 --e'))).toEqual(['--every']);
    expect(vals(await run('job wait --every '))).toEqual([]);
    expect(vals(await run('job wait --every 5 --e'))).toEqual(['--every']);
  });

  it('a context without options or built-ins', async () => {
    const a: Analysis = { kind: 'optionValue', option: '--output', prefix: '', item: { prefix: '', head: [], replaceFrom: 0 }, replaceFrom: 0, replaceTo: 0 };
    expect((await candidatesFor(a, { registry })).candidates).toEqual([]);
    const b: Analysis = { kind: 'builtin', name: 'watch', words: [], prefix: '', nameFrom: 0, wordStarts: [], text: 'watch ', replaceFrom: 6, replaceTo: 6 };
    expect((await candidatesFor(b, { registry })).candidates).toEqual([]);
    expect(vals(await run('job wait --every ', { options: undefined }))).toEqual([]);
  });
});

describe('built-in words, exactly', () => {
  it('choices of a built-in option and profiles are final', async () => {
    expect((await run('watch --mode s')).candidates).toStrictEqual([{ value: 'slow', display: 'slow', group: 'value', final: true }]);
    expect((await run('use n')).candidates).toStrictEqual([{ value: 'none', display: 'none', group: 'value', final: true }]);
    expect((await run('-o j')).candidates).toStrictEqual([{ value: 'json', display: 'json', group: 'value', final: true }]);
  });

  it('after the command word, an option of the built-in belongs to the command', async () => {
    expect(vals(await run('watch QueryVmInstance -n cpu'))).toContain('cpuNum=');
    expect(vals(await run('watch QueryVmInstance name=x cpuN'))).toContain('cpuNum=');
    const c = await run('watch -n 5 QueryVmInstance name=x cpuN');
    expect(vals(c)).toContain('cpuNum=');
    expect(c).toMatchObject({ replaceFrom: 34, replaceTo: 38 });
  });

  it('a command argument of a subcommand starts after the subcommand', async () => {
    const c = await run('sched run QueryVmInstance cpuN');
    expect(vals(c)).toContain('cpuNum=');
    expect(c).toMatchObject({ replaceFrom: 26, replaceTo: 30 });
  });

  it('an api argument is not a topic: no built-ins among its names', async () => {
    expect(vals(await run('call he'))).not.toContain('help');
    expect(vals(await run('help he'))[0]).toBe('help');
  });
});
