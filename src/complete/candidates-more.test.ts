// Details of stage 2 (candidates.ts) that the main tests leave open: descriptions, operators and
// their texts, query params, the cap and filters on live values.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { candidatesFor, complete } from './candidates.js';
import { FakeValueSource } from './testing.js';
import type { Analysis, Completion, ValueSource } from './types.js';

const registry = loadRegistry();
const run = (line: string, values?: ValueSource, more: object = {}): Promise<Completion> => complete(line, line.length, { registry, ...(values ? { values } : {}), ...more });
const vals = (c: Completion) => c.candidates.map((x) => x.value);

describe('descriptions of params and fields', () => {
  it('a param: its type, required, at most six valid values, its resource', async () => {
    const level = (await run('AddLogConfiguration lev')).candidates;
    expect(level).toEqual([{ value: 'level=', group: 'param', description: 'string, one of OFF, FATAL, ERROR, WARN, INFO, DEBUG, ...' }]);
    const uuid = (await run('StartVmInstance uu')).candidates;
    expect(uuid).toEqual([{ value: 'uuid=', group: 'param', description: 'string, required, VmInstance', required: true }]);
    expect((await run('StartVmInstance hostU')).candidates).toEqual([{ value: 'hostUuid=', group: 'param', description: 'string, Host' }]);
    expect((await run('CreateVmInstance strat')).candidates[0]!.description).toBe('string, one of InstantStart, JustCreate, CreateStopped');
  });

  it('a query field: its type, tags first; a join: where it goes', async () => {
    const c = await run('QueryVmInstance ');
    const fields = c.candidates.filter((x) => x.group === 'field');
    expect(fields.slice(0, 2).map((x) => x.value)).toEqual(['__systemTag__=', '__userTag__=']);
    expect(fields[0]!.description).toBe('tag');
    expect(fields.find((x) => x.value === 'cpuNum=')!.description).toBe('Integer');
    const names = fields.slice(2).map((x) => x.value);
    expect(names).toEqual([...names].sort());
    const joins = c.candidates.filter((x) => x.group === 'join');
    expect(joins.map((x) => x.value)).toEqual([...joins.map((x) => x.value)].sort());
    expect(joins.find((x) => x.value === 'zone.')!.description).toBe('join to Zone');
    expect(c.candidates.find((x) => x.value === 'limit=')!.description).toMatch(/^int/);
    // Each value once.
    expect(new Set(vals(c)).size).toBe(c.candidates.length);
  });

  it('given keys are left out whatever their case; query params given are left out, conditions not', async () => {
    expect(vals(await run('StartVmInstance HOSTUUID=x ho'))).not.toContain('hostUuid=');
    expect(vals(await run('StartVmInstance HOSTUUID=x '))).toEqual(['uuid=', 'clusterUuid=', 'systemTags=', 'userTags=']);
    const q = vals(await run('QueryVmInstance sortBy=name '));
    expect(q).not.toContain('sortBy=');
    expect(q).toContain('sortDirection=');
    expect(q).toContain('name=');
  });
});

describe('operators', () => {
  it('every operator of a text field, each described', async () => {
    const ops = (await run('QueryVmInstance name')).candidates.filter((x) => x.group === 'operator');
    expect(ops.map((x) => [x.display, x.description])).toEqual([
      ['=', 'equal (=null: is null)'],
      ['!=', 'not equal (!=null: not null)'],
      ['?=', 'in a,b,c'],
      ['!?=', 'not in a,b,c'],
      ['~=', 'like (% any, _ one char)'],
      ['!~=', 'not like'],
      ['>', 'greater than'],
      ['<', 'less than'],
      ['>=', 'greater or equal'],
      ['<=', 'less or equal'],
    ]);
    expect(ops[0]!.value).toBe('name=');
    expect((await run('QueryVmInstance name')).candidates.some((x) => x.value === 'name=' && x.group === 'field')).toBe(false);
  });

  it('after a key of an action or a query param, only = is an operator', async () => {
    const at = (api: string, key: string, opPrefix: string): Analysis => ({ kind: 'operator', api, key, opPrefix, given: [], replaceFrom: 0, replaceTo: 0 });
    expect((await candidatesFor(at('StartVmInstance', 'uuid', ''), { registry })).candidates).toEqual([{ value: 'uuid=', group: 'param' }]);
    expect((await candidatesFor(at('StartVmInstance', 'uuid', '!'), { registry })).candidates).toEqual([]);
    expect((await candidatesFor(at('StartVmInstance', 'nope', ''), { registry })).candidates).toEqual([]);
    expect((await candidatesFor(at('QueryVmInstance', 'limit', ''), { registry })).candidates).toEqual([{ value: 'limit=', group: 'queryParam' }]);
    expect((await candidatesFor(at('QueryVmInstance', 'limit', '!'), { registry })).candidates).toEqual([]);
    expect((await candidatesFor(at('QueryVmInstance', 'nope', ''), { registry })).candidates).toEqual([]);
    expect(vals(await run('QueryVmInstance nope!'))).toEqual([]);
  });

  it('an API not in the registry, or an analysis of nothing, gives nothing', async () => {
    expect(await candidatesFor({ kind: 'key', api: 'Nope', prefix: '', given: [], replaceFrom: 3, replaceTo: 4 }, { registry })).toEqual({ replaceFrom: 3, replaceTo: 4, candidates: [] });
    expect(await candidatesFor({ kind: 'none', replaceFrom: 2, replaceTo: 2 }, { registry })).toEqual({ replaceFrom: 2, replaceTo: 2, candidates: [] });
  });
});

describe('query param values', () => {
  it('groupBy takes one field, replyWithCount a boolean, limit nothing', async () => {
    const g = await run('QueryVmInstance groupBy=zoneU');
    expect(g.candidates).toEqual([{ value: 'zoneUuid', display: 'zoneUuid', group: 'value', final: true }]);
    expect(vals(await run('QueryVmInstance replyWithCount=t'))).toEqual(['true']);
    expect(vals(await run('QueryVmInstance limit='))).toEqual([]);
    // Only = takes a value for them.
    expect(vals(await run('QueryVmInstance sortBy!=na'))).toEqual([]);
    expect(vals(await run('QueryVmInstance fields!=na'))).toEqual([]);
  });

  it('a boolean condition takes true or false; a number condition nothing', async () => {
    expect(vals(await run('QueryL3Network system='))).toEqual(['true', 'false']);
    expect(vals(await run('QueryVmInstance cpuNum='))).toEqual([]);
    expect(vals(await run('QueryVmInstance nope='))).toEqual([]);
  });
});

describe('live values', () => {
  const listing = (items: unknown[]): ValueSource => ({ values: async () => items as never });

  it('at most maxValues (200 by default), each once, non-empty, starting with the text in any case', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ value: `a${i}` }));
    expect((await run('StartVmInstance uuid=', listing(many))).candidates).toHaveLength(200);
    expect(vals(await run('StartVmInstance uuid=', listing(many), { maxValues: 2 }))).toEqual(['a0', 'a1']);
    const mixed = listing([{ value: 'Ab1' }, { value: 'ab1' }, { value: 'Ab1' }, { value: '' }, { value: 'b2' }, { value: 'aB3', label: 'x\u001by' }]);
    const c = await run('StartVmInstance uuid=aB', mixed);
    expect(c.candidates).toEqual([
      { value: 'Ab1', display: 'Ab1', group: 'value', final: true },
      { value: 'ab1', display: 'ab1', group: 'value', final: true },
      { value: 'aB3', display: 'aB3', group: 'value', final: true, description: 'x\\ey' },
    ]);
    expect(vals(await run('StartVmInstance uuid=', listing('nope' as never)))).toEqual([]);
  });

  it('replaces the whole value, or the last item of a list', async () => {
    const src = new FakeValueSource({ QueryVmInstance: [{ uuid: 'aa11' }], QueryL3Network: [{ uuid: 'l3a' }] });
    const line = 'StartVmInstance uuid=a';
    const c = await run(line, src);
    expect(c).toMatchObject({ replaceFrom: 21, replaceTo: 22, api: 'StartVmInstance', query: false });
    const l = await run('CreateVmInstance l3NetworkUuids=x,l', src);
    expect(l).toMatchObject({ replaceFrom: 34, replaceTo: 35 });
    expect(l.candidates).toEqual([{ value: 'l3a', display: 'l3a', group: 'value', final: false }]);
  });

  it('names by @ for uuids: a name with a comma is offered for one value, never as a list item', async () => {
    const src = new FakeValueSource({ QueryVmInstance: [{ uuid: 'u1', name: 'a,b' }, { uuid: 'u2', name: 'ab' }] });
    expect(vals(await run('StopVmInstance uuid=@a', src))).toEqual(['@a,b', '@ab']);
    expect(vals(await run('QueryVmInstance uuid?=x,@a', src))).toEqual(['@ab']);
    expect(src.requests.map((r) => [r.field, r.prefix])).toEqual([
      ['name', 'a'],
      ['name', 'a'],
    ]);
  });
});
