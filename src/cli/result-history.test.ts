import { describe, expect, it } from 'vitest';
import { expandRefs } from '../parse/expand.js';
import { fieldValues, ResultHistory, rowsOf } from './result-history.js';

const vms = {
  inventories: [
    { uuid: 'u1', name: 'web 1', state: 'Running', vmNics: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], systemTags: ['a', 'b'] },
    { uuid: 'u2', name: 'db,2', state: 'Stopped', vmNics: [], systemTags: [] },
  ],
};

describe('rows and field values', () => {
  it('rows of a query, an action, a count', () => {
    expect(rowsOf(vms)).toHaveLength(2);
    expect(rowsOf({ inventory: { uuid: 'x' } })).toEqual([{ uuid: 'x' }]);
    expect(rowsOf([1, 2])).toEqual([1, 2]);
  });

  it('walks into lists, picks by index, flattens a last list of values', () => {
    const rows = rowsOf(vms);
    expect(fieldValues(rows, ['uuid']).values).toEqual(['u1', 'u2']);
    expect(fieldValues(rows, ['vmNics', 'ip']).values).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(fieldValues(rows, ['vmNics', '1', 'ip']).values).toEqual(['10.0.0.2']);
    expect(fieldValues(rows, ['1', 'uuid']).values).toEqual(['u2']);
    expect(fieldValues(rows, ['5', 'uuid']).found).toBe(false);
    expect(fieldValues(rows, ['systemTags']).values).toEqual(['a', 'b']);
    expect(fieldValues(rows, ['nmae']).found).toBe(false);
    expect(fieldValues(rows, ['vmNics']).objects).toBe(true);
    expect(fieldValues(rows, ['toString']).found).toBe(false);
  });
});

describe('ResultHistory', () => {
  it('numbers results from 1 and looks $N.field / $_.field up', () => {
    const h = new ResultHistory();
    expect(h.add('QueryVmInstance', 'QueryVmInstance', vms, 100).n).toBe(1);
    expect(h.add('QueryZone', 'QueryZone', { inventories: [{ uuid: 'z1' }] }, 10).n).toBe(2);
    expect(h.lookup({ result: 1, path: ['uuid'], text: '$1.uuid' })).toEqual({ values: ['u1', 'u2'] });
    expect(h.lookup({ result: 'last', path: ['uuid'], text: '$_.uuid' })).toEqual({ values: ['z1'] });
    expect(h.lookup({ result: 3, path: ['uuid'], text: '$3.uuid' })).toMatchObject({ error: 'no result 3' });
    expect(h.lookup({ result: 1, path: ['nmae'], text: '$1.nmae' })).toMatchObject({ error: 'result 1 (QueryVmInstance) has no field nmae' });
    expect(h.lookup({ result: 1, path: ['vmNics'], text: '$1.vmNics' })).toMatchObject({ error: '$1.vmNics is an object, not a value' });
    expect(h.list().map((e) => [e.n, e.rows])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('keeps at most a count and a size, oldest dropped first; says when a number is gone', () => {
    const h = new ResultHistory({ count: 2, bytes: 100 });
    h.add('A', 'A', { inventory: {} }, 10);
    h.add('B', 'B', { inventory: {} }, 10);
    h.add('C', 'C', { inventory: {} }, 10);
    expect(h.list().map((e) => e.n)).toEqual([2, 3]);
    expect(h.find(1)).toMatchObject({ error: 'result 1 is no longer kept (the oldest kept is 2)' });
    h.add('D', 'D', { inventory: {} }, 95);
    expect(h.list().map((e) => e.n)).toEqual([4]);
    const big = h.add('E', 'E', { inventory: {} }, 1000);
    expect(big.value).toBeUndefined();
    expect(h.lookup({ result: 5, path: ['uuid'], text: '$5.uuid' })).toMatchObject({ error: 'result 5 was too large to keep' });
  });
});

describe('expandRefs', () => {
  const h = new ResultHistory();
  h.add('QueryVmInstance', 'QueryVmInstance', vms, 100);
  const lookup = h.lookup.bind(h);

  it('writes values escaped, several as a comma list, and says where', () => {
    const r = expandRefs('StopVmInstance uuid=$1.uuid', lookup);
    expect(r).toEqual({ ok: true, line: 'StopVmInstance uuid=u1,u2', expansions: [{ ref: { result: 1, path: ['uuid'], text: '$1.uuid' }, span: { start: 20, end: 25 }, count: 2 }] });
    expect(expandRefs('UpdateVmInstance uuid=x name=$_.name', lookup)).toMatchObject({ ok: true, line: 'UpdateVmInstance uuid=x name=web\\ 1,db\\,2' });
  });

  it('leaves quoted and escaped dollars alone, and $1x is no reference', () => {
    for (const line of ["A name='$1.uuid'", 'A name="$1.uuid"', 'A name=\\$1.uuid', 'A name=pa$1x', 'A # $1.uuid']) {
      expect(expandRefs(line, lookup)).toEqual({ ok: true, line, expansions: [] });
    }
  });

  it('refuses a reference without a field, or to an unknown result', () => {
    expect(expandRefs('A uuid=$1', lookup)).toMatchObject({ ok: false, message: '$1 needs a field' });
    expect(expandRefs('A uuid=$9.uuid', lookup)).toMatchObject({ ok: false, message: 'no result 9' });
  });
});
