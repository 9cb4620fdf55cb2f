import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { complete } from './candidates.js';
import { columns, formatListing } from './listing.js';
import type { Completion } from './types.js';

const registry = loadRegistry();
const listing = async (line: string, width = 80) => formatListing(await complete(line, line.length, { registry }), { width });

describe('formatListing', () => {
  it('shows a query as [Query Conditions:] (joins, blank, fields) then [Parameters:]', async () => {
    const lines = await listing('QueryVmInstance ');
    expect(lines[0]).toBe('[Query Conditions:]');
    const params = lines.indexOf('[Parameters:]');
    const firstField = lines.findIndex((l) => l.includes('cpuNum='));
    const lastJoin = lines.map((l) => /(^|\s)zone\.(\s|$)/.test(l)).lastIndexOf(true);
    expect(lastJoin).toBeGreaterThan(0);
    expect(lines[lastJoin + 1]).toBe('');
    expect(firstField).toBeGreaterThan(lastJoin);
    expect(params).toBeGreaterThan(firstField);
    expect(lines.slice(params).join(' ')).toMatch(/limit=.*fields=/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });

  it('lists every candidate', async () => {
    const c = await complete('QueryVmInstance vmNics.', 23, { registry });
    const text = formatListing(c, { width: 60 }).join('\n');
    for (const x of c.candidates) expect(text).toContain(x.value);
  });

  it('marks required params of an action', async () => {
    const lines = await listing('CreateVmInstance ');
    expect(lines[0]).toBe('[Parameters:]');
    expect(lines[1]).toBe('name=*');
    expect(lines[lines.length - 1]).toBe('(* required)');
  });

  it('lists operators and described values one per line', async () => {
    expect((await listing('QueryVmInstance cpuNum')).slice(0, 2)).toEqual(['[Operators for cpuNum:]', '=    equal (=null: is null)']);
    const c: Completion = {
      replaceFrom: 0,
      replaceTo: 0,
      candidates: [
        { value: 'aa11', description: 'web-1', group: 'value' },
        { value: 'bb2', description: 'db', group: 'value' },
      ],
    };
    expect(formatListing(c, { width: 40 })).toEqual(['[Values:]', 'aa11  web-1', 'bb2   db']);
  });

  it('caps long listings and says how many were left out', async () => {
    const lines = await listing('');
    expect(lines[0]).toBe('[APIs:]');
    expect(lines[lines.length - 1]).toMatch(/^\.\.\. \d+ more; type more letters to narrow$/);
  });

  it('lays out row-major columns fitting the width', () => {
    expect(columns(['a', 'bb', 'c', 'dd', 'e'], 8)).toEqual(['a   bb', 'c   dd', 'e']);
    expect(columns(['abcdefghij'], 4)).toEqual(['abcdefghij']);
  });
});
