// The CLI's own words in completion (commands.ts): option names and values, result columns, and the
// words of a built-in, over a small command table of this file's own (the real one is tested through
// the front ends in src/cli and src/repl).
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { complete, type CompleteContext } from './candidates.js';
import { columnChoices, optionCompletion } from './commands.js';
import { FakeValueSource } from './testing.js';
import type { BuiltinCompletion, Completion, OptionCompletion } from './types.js';

const registry = loadRegistry();

const options: OptionCompletion[] = [
  { long: '--host', short: '-H', takesValue: true, value: '<host>', description: 'the host' },
  { long: '--output', short: '-o', takesValue: true, value: '<format>', description: 'output format', valueKind: 'format', choices: ['json', 'table', 'yaml'] },
  { long: '--columns', short: '-c', takesValue: true, value: '<paths>', description: 'columns', valueKind: 'columns' },
  { long: '--profile', takesValue: true, value: '<name>', description: 'a profile', valueKind: 'profile' },
  { long: '--file', takesValue: true, value: '<path>', description: 'a file', valueKind: 'file' },
  { long: '--https', takesValue: false, description: 'use https' },
];

const builtins: BuiltinCompletion[] = [
  { name: 'help', aliases: ['h'], summary: 'show help', args: [{ name: 'topic', description: '', kind: 'topic', variadic: true }] },
  {
    name: 'job',
    summary: 'jobs',
    subcommands: [
      { name: 'wait', summary: 'wait for a job', args: [{ name: 'job', description: '', kind: 'job' }], options: [{ long: '--every', value: '<s>', description: 'poll interval' }] },
      { name: 'watch', summary: 'watch a job', args: [{ name: 'job', description: '', kind: 'job' }] },
      { name: 'secret', summary: 'hidden one', hidden: true },
    ],
  },
  {
    name: 'watch',
    summary: 'repeat a query',
    options: [
      { long: '--interval', short: '-n', value: '<s>', description: 'seconds between runs' },
      { long: '--diff', short: '-d', description: 'highlight changes' },
      { long: '--mode', value: '<m>', description: 'mode', choices: ['fast', 'slow'] },
    ],
    args: [{ name: 'command', description: '', kind: 'command', variadic: true }],
  },
  { name: 'use', summary: 'use a profile', args: [{ name: 'name', description: '', kind: 'profile', choices: ['none'] }] },
  { name: 'show', summary: 'show a result', args: [{ name: 'N', description: '', kind: 'result' }, { name: 'file', description: '', kind: 'file' }] },
  { name: 'completion', summary: 'shell script', args: [{ name: 'shell', description: '', kind: 'choices', choices: ['bash', 'zsh'] }] },
  { name: 'set', summary: 'settings', args: [{ name: 'settings', description: '', kind: 'choices', choices: ['host=', 'port='], variadic: true }] },
  { name: 'call', summary: 'an api', args: [{ name: 'api', description: '', kind: 'api' }] },
  { name: 'secret-thing', summary: 'hidden', hidden: true },
  { name: 'Upper', summary: 'not lower-case' },
];

const ctx = (more: Partial<CompleteContext> = {}): CompleteContext => ({
  registry,
  options,
  builtins,
  local: {
    profiles: () => ['prod', 'lab'],
    jobs: () => [
      { value: '1', label: 'StartVmInstance' },
      { value: 'abcd', label: 'job abcd' },
      { value: 'ABzz' },
    ],
    results: () => [{ value: '1' }, { value: '2', label: 'QueryZone' }],
  },
  values: new FakeValueSource({ QueryVmInstance: [{ uuid: 'aa11', name: 'web' }] }),
  ...more,
});
const run = (line: string, more?: Partial<CompleteContext>, cursor = line.length): Promise<Completion> => complete(line, cursor, ctx(more));
const vals = (c: Completion): string[] => c.candidates.map((x) => x.value);

describe('optionCompletion', () => {
  it('matches long names by prefix, each with its value and description, final', () => {
    expect(optionCompletion('--h', options)).toEqual([
      { value: '--host', group: 'option', description: '<host> the host', final: true },
      { value: '--https', group: 'option', description: 'use https', final: true },
    ]);
  });

  it('a single dash and a letter matches short names; an option without one is not offered', () => {
    expect(optionCompletion('-o', options).map((c) => c.value)).toEqual(['-o']);
    expect(optionCompletion('-', options).map((c) => c.value)).toEqual(options.map((o) => o.long));
    expect(optionCompletion('--', options).map((c) => c.value)).toEqual(options.map((o) => o.long));
    expect(optionCompletion('-p', options)).toEqual([]);
  });
});

describe('columnChoices', () => {
  const vm = registry.inventory('VmInstanceInventory')!;

  it('offers plain fields and list joins with a dot, described by type', () => {
    const cols = columnChoices(registry, vm, '');
    expect(cols).toContainEqual({ value: 'uuid', description: 'String' });
    expect(cols).toContainEqual({ value: 'cpuNum', description: 'Integer' });
    const nics = cols.find((c) => c.value === 'vmNics.');
    expect(nics?.description).toMatch(/ of rows$/);
    // Only fields: no join that is not also a field of the rows.
    expect(cols.every((c) => c.value === 'vmNics.' || !c.value.endsWith('.') || vm.fields.some((f) => `${f.name}.` === c.value))).toBe(true);
  });

  it('follows a dotted path into the nested rows', () => {
    const cols = columnChoices(registry, vm, 'vmNics.ip');
    expect(cols).toContainEqual({ value: 'vmNics.ip', description: 'String' });
    expect(cols.every((c) => c.value.startsWith('vmNics.'))).toBe(true);
  });

  it('offers nothing below a path that is not a nested list', () => {
    expect(columnChoices(registry, vm, 'uuid.x')).toEqual([]);
    expect(columnChoices(registry, vm, 'nope.x')).toEqual([]);
    // zone is a join of queries, not a field of the rows.
    expect(columnChoices(registry, vm, 'zone.')).toEqual([]);
  });
});

describe('option values', () => {
  it('a format from the option choices, after a separate word or inline', async () => {
    const c = await run('QueryZone -o y');
    expect(c.candidates).toEqual([{ value: 'yaml', display: 'yaml', group: 'value', final: true }]);
    expect(c).toMatchObject({ replaceFrom: 13, replaceTo: 14 });
    expect(vals(await run('QueryZone --output=t'))).toEqual(['table']);
    expect(vals(await run('QueryZone --output '))).toEqual(['json', 'table', 'yaml']);
  });

  it('profile names from the local values, none when they fail', async () => {
    expect(vals(await run('--profile '))).toEqual(['prod', 'lab']);
    expect(vals(await run('--profile l'))).toEqual(['lab']);
    const failing = { profiles: () => Promise.reject(new Error('unreadable')) };
    expect(vals(await run('--profile ', { local: failing }))).toEqual([]);
    expect(vals(await run('--profile ', { local: {} }))).toEqual([]);
  });

  it('nothing for a value without choices (a host, a file), or an option not in the table', async () => {
    expect(vals(await run('--host '))).toEqual([]);
    expect(vals(await run('--file '))).toEqual([]);
    expect(vals(await run('--https '))).not.toContain('json');
  });

  it('columns of the line API rows: the last item of a comma list, dotted paths shown by their last part', async () => {
    const line = 'QueryVmInstance -c uuid,vmNics.ipV';
    const c = await run(line);
    expect(c.candidates).toEqual([{ value: 'vmNics.ipVersion', display: 'ipVersion', group: 'value', description: 'Integer', final: true }]);
    expect(line.slice(0, c.replaceFrom)).toBe('QueryVmInstance -c uuid,');
    expect(c.replaceTo).toBe(line.length);
  });

  it('a list column is not final (a path goes on), and columns given already are left out', async () => {
    const c = await run('QueryVmInstance -c vmNic');
    expect(c.candidates).toEqual([expect.objectContaining({ value: 'vmNics.', display: 'vmNics.', final: false })]);
    const v = vals(await run('QueryVmInstance -c uuid,name,'));
    expect(v).not.toContain('uuid');
    expect(v).not.toContain('name');
    expect(v).toContain('state');
  });

  it('no columns without a query API on the line', async () => {
    expect(vals(await run('-c uu'))).toEqual([]);
    expect(vals(await run('NoSuchApi -c uu'))).toEqual([]);
  });
});

describe('built-in words', () => {
  it('subcommands, hidden ones left out, with their summaries', async () => {
    const c = await run('job ');
    expect(c.candidates).toEqual([
      { value: 'wait', group: 'builtin', description: 'wait for a job', final: true },
      { value: 'watch', group: 'builtin', description: 'watch a job', final: true },
    ]);
    expect(vals(await run('job wa'))).toEqual(['wait', 'watch']);
    expect(vals(await run('job wai'))).toEqual(['wait']);
    // An unknown subcommand: nothing follows it.
    expect(vals(await run('job nope '))).toEqual([]);
  });

  it('the argument of a subcommand, and its own options', async () => {
    const c = await run('job wait a');
    expect(c.candidates).toEqual([
      { value: 'abcd', display: 'abcd', group: 'value', final: true, description: 'job abcd' },
      { value: 'ABzz', display: 'ABzz', group: 'value', final: true },
    ]);
    expect(c).toMatchObject({ replaceFrom: 9, replaceTo: 10 });
    expect(vals(await run('job wait --e'))).toEqual(['--every']);
    // Past its only argument, a subcommand takes nothing more.
    expect(vals(await run('job wait abcd '))).toEqual([]);
  });

  it('an option value of a built-in is not an argument', async () => {
    expect(vals(await run('job wait --every 5 a'))).toEqual(['abcd', 'ABzz']);
    expect(vals(await run('job wait --every '))).toEqual([]);
  });

  it('a built-in option with choices, and a line option (-o) after a built-in', async () => {
    expect(vals(await run('watch --mode '))).toEqual(['fast', 'slow']);
    expect(vals(await run('watch --mode s'))).toEqual(['slow']);
    expect(vals(await run('help -o '))).toEqual(['json', 'table', 'yaml']);
    const c = await run('help --profile p');
    expect(c.candidates).toEqual([{ value: 'prod', display: 'prod', group: 'value', final: true }]);
    expect(c).toMatchObject({ replaceFrom: 15, replaceTo: 16 });
  });

  it('options of a built-in by their long and short names', async () => {
    expect(vals(await run('watch --i'))).toEqual(['--interval']);
    expect(vals(await run('watch -n'))).toEqual(['-n']);
    expect(vals(await run('watch --'))).toEqual(['--interval', '--diff', '--mode', ...options.map((o) => o.long)]);
  });

  it('a command argument is a command line of its own, also after options', async () => {
    const c = await run('watch QueryVmInstance cpuN');
    expect(vals(c)).toContain('cpuNum=');
    expect(c).toMatchObject({ replaceFrom: 22, replaceTo: 26 });
    const d = await run('watch -n 5 -d QueryVmInstance cpuN');
    expect(vals(d)).toContain('cpuNum=');
    expect(d).toMatchObject({ replaceFrom: 30, replaceTo: 34 });
    // An option word inside the nested command is the command's own.
    const e = await run('watch QueryVmInstance -o y');
    expect(vals(e)).toEqual(['yaml']);
    expect(e).toMatchObject({ replaceFrom: 25, replaceTo: 26 });
  });

  it('the first word of a command argument is an API name, shifted to the line', async () => {
    const c = await run('watch QueryVmInsta');
    expect(vals(c)[0]).toBe('QueryVmInstance');
    expect(c).toMatchObject({ replaceFrom: 6, replaceTo: 18 });
    const d = await run('watch -n 5 QueryVmInsta');
    expect(vals(d)[0]).toBe('QueryVmInstance');
    expect(d).toMatchObject({ replaceFrom: 11, replaceTo: 23 });
  });

  it('topics: visible built-ins by prefix, then APIs', async () => {
    const c = await run('help ');
    const v = vals(c);
    expect(v.slice(0, 8)).toEqual(['help', 'job', 'watch', 'use', 'show', 'completion', 'set', 'call']);
    expect(v).not.toContain('secret-thing');
    expect(v).toContain('QueryVmInstance');
    expect(c.candidates[0]).toEqual({ value: 'help', group: 'builtin', final: true });
    expect(c.candidates.find((x) => x.value === 'QueryVmInstance')).toEqual({ value: 'QueryVmInstance', group: 'api', final: true });
    const wa = (await run('help wa')).candidates;
    expect(wa.filter((x) => x.group === 'builtin').map((x) => x.value)).toEqual(['watch']);
    expect(wa[0]!.value).toBe('watch');
    expect(vals(await run('h QueryVmInsta'))[0]).toBe('QueryVmInstance');
    // Variadic: the second topic too.
    expect(vals(await run('help job wa'))[0]).toBe('watch');
  });

  it('an api argument takes API names only', async () => {
    const c = await run('call StartVmIns');
    expect(c.candidates[0]).toEqual({ value: 'StartVmInstance', group: 'api', final: true });
    expect(vals(c).every((v) => /^StartVmIns/i.test(v))).toBe(true);
    expect(vals(await run('call StartVmInstance '))).toEqual([]);
  });

  it('profiles with the argument own extra choices', async () => {
    expect(vals(await run('use '))).toEqual(['prod', 'lab', 'none']);
    expect(vals(await run('use n'))).toEqual(['none']);
  });

  it('results by number, labelled; a file argument gets nothing', async () => {
    const c = await run('show ');
    expect(c.candidates).toEqual([
      { value: '1', display: '1', group: 'value', final: true },
      { value: '2', display: '2', group: 'value', final: true, description: 'QueryZone' },
    ]);
    expect(vals(await run('show 2 '))).toEqual([]);
    expect(vals(await run('show ', { local: {} }))).toEqual([]);
    expect(vals(await run('job wait ', { local: {} }))).toEqual([]);
  });

  it('fixed choices: final for a single argument, not for a variadic one', async () => {
    expect((await run('completion z')).candidates).toEqual([{ value: 'zsh', display: 'zsh', group: 'value', final: true }]);
    expect((await run('set p')).candidates).toEqual([{ value: 'port=', display: 'port=', group: 'value', final: false }]);
    expect(vals(await run('set host=a '))).toEqual(['host=', 'port=']);
    expect(vals(await run('completion bash '))).toEqual([]);
  });

  it('a built-in not in the table, or one without arguments, offers nothing', async () => {
    expect(vals(await run('Upper '))).toEqual([]);
    expect(vals(await run('job secret '))).toEqual([]);
  });
});

describe('first word', () => {
  it('visible lower-case built-ins and aliases first, with summaries, then APIs', async () => {
    const c = await run('h');
    expect(c.candidates[0]).toEqual({ value: 'help', group: 'builtin', description: 'show help', final: true });
    expect(c.candidates[1]).toEqual({ value: 'h', group: 'builtin', description: 'show help', final: true });
    expect(vals(await run('Upp'))).not.toContain('Upper');
    expect((await run('secret')).candidates.filter((x) => x.group === 'builtin')).toEqual([]);
  });

  it('fuzzy API matches only when no built-in starts with the text', async () => {
    expect(vals(await run('qvmins'))[0]).toBe('QueryVmInstance');
    // `s` starts built-ins (show, set) and APIs; both are offered, built-ins first.
    const s = vals(await run('s'));
    expect(s.slice(0, 2)).toEqual(['show', 'set']);
    expect(s).toContain('StartVmInstance');
  });
});
