import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { complete } from './candidates.js';
import { FakeValueSource } from './testing.js';
import type { Completion, ValueSource } from './types.js';

const registry = loadRegistry();
const rows = {
  QueryVmInstance: [
    { uuid: 'aa11', name: 'web-1' },
    { uuid: 'ab22', name: 'my vm' },
    { uuid: 'bb33', name: 'db' },
  ],
  QueryHost: [{ uuid: 'h1', name: 'host-1' }],
  QueryL3Network: [{ uuid: 'l3a', name: 'public' }],
};

async function run(line: string, values: ValueSource = new FakeValueSource(rows), cursor = line.length): Promise<Completion> {
  return complete(line, cursor, { registry, values });
}
const vals = (c: Completion) => c.candidates.map((x) => x.value);

describe('API names', () => {
  it('completes by prefix, exact case first', async () => {
    const c = await run('QueryVmIns');
    expect(vals(c)[0]).toBe('QueryVmInstance');
    expect(vals(c).every((v) => v.startsWith('QueryVmIns'))).toBe(true);
    expect(c.candidates[0]).toMatchObject({ group: 'api', final: true });
    expect(c).toMatchObject({ replaceFrom: 0, replaceTo: 10 });
  });

  it('matches a prefix in any case', async () => {
    expect(vals(await run('queryvminstance'))[0]).toBe('QueryVmInstance');
  });

  it('falls back to fuzzy matching: qvmins -> QueryVmInstance', async () => {
    const c = await run('qvmins');
    expect(vals(c)[0]).toBe('QueryVmInstance');
  });

  it('offers nothing for an unknown API', async () => {
    expect(vals(await run('NoSuchApi '))).toEqual([]);
  });
});

describe('params of an action API', () => {
  it('lists required params first, marked, each inserting name=', async () => {
    const c = await run('StartVmInstance ');
    expect(c.candidates[0]).toMatchObject({ value: 'uuid=', required: true, group: 'param' });
    expect(vals(c)).toContain('hostUuid=');
    expect(c.candidates.filter((x) => x.required).map((x) => x.value)).toEqual(['uuid=']);
  });

  it('leaves out params already given, before or after the cursor', async () => {
    expect(vals(await run('StartVmInstance hostUuid=h1 '))).not.toContain('hostUuid=');
    const line = 'CreateVmInstance  name=vm1';
    const c = await run(line, undefined, 17);
    expect(vals(c)).not.toContain('name=');
    expect(vals(c)).toContain('imageUuid=');
  });

  it('filters by what was typed', async () => {
    expect(vals(await run('StartVmInstance ho'))).toEqual(['hostUuid=']);
  });
});

describe('query conditions', () => {
  it('offers fields, visible joins and query params at the top level', async () => {
    const c = await run('QueryVmInstance ');
    const v = vals(c);
    expect(v).toEqual(expect.arrayContaining(['vmNics.', 'zone.', 'cpuNum=', 'name=', '__systemTag__=', 'limit=', 'fields=', 'sortBy=', 'sortDirection=']));
    expect(c.candidates.find((x) => x.value === 'vmNics.')!.group).toBe('join');
    expect(c.candidates.find((x) => x.value === 'limit=')!.group).toBe('queryParam');
    expect(c.query).toBe(true);
  });

  it('hides hidden joins and offers aliases', async () => {
    const v = vals(await run('QueryZone '));
    expect(v).not.toContain('backupStorageRef.');
    expect(v).toContain('backupStorage.');
  });

  it('completes join paths: vmNics. -> vmNics.l3Network. and vmNics.ip=', async () => {
    const v = vals(await run('QueryVmInstance vmNics.'));
    expect(v).toEqual(expect.arrayContaining(['vmNics.l3Network.', 'vmNics.ip=', 'vmNics.eip.']));
    expect(v).not.toContain('limit=');
    expect(vals(await run('QueryVmInstance vmNics.l3'))).toEqual(['vmNics.l3Network.', 'vmNics.l3NetworkUuid=']);
  });

  it('follows join paths to depth 4 and beyond', async () => {
    const v = vals(await run('QueryVmInstance zone.cluster.l2Network.l3Network.'));
    expect(v).toEqual(expect.arrayContaining(['zone.cluster.l2Network.l3Network.ipRanges.', 'zone.cluster.l2Network.l3Network.name=']));
    const deeper = vals(await run('QueryVmInstance zone.cluster.l2Network.l3Network.ipRanges.st'));
    expect(deeper).toContain('zone.cluster.l2Network.l3Network.ipRanges.startIp=');
  });

  it('offers nothing below a path that is not a join', async () => {
    expect(vals(await run('QueryVmInstance cpuNum.'))).toEqual([]);
    expect(vals(await run('QueryVmInstance nope.x'))).toEqual([]);
  });

  it('offers the operators fitting a complete field name', async () => {
    const c = await run('QueryVmInstance cpuNum');
    expect(c.candidates.filter((x) => x.group === 'operator').map((x) => x.display)).toEqual(['=', '!=', '>', '<', '>=', '<=', '?=', '!?=']);
    expect(vals(c)).toContain('cpuNum>=');
    const bool = await run('QueryL3Network system');
    expect(bool.candidates.filter((x) => x.group === 'operator').map((x) => x.display)).toEqual(['=', '!=']);
  });

  it('completes a half-typed operator', async () => {
    expect(vals(await run('QueryVmInstance cpuNum!'))).toEqual(['cpuNum!=', 'cpuNum!?=']);
    expect(vals(await run('QueryVmInstance name~'))).toEqual(['name~=']);
  });

  it('leaves out query params already given but not conditions', async () => {
    const v = vals(await run('QueryVmInstance limit=5 name=a '));
    expect(v).not.toContain('limit=');
    expect(v).toContain('name=');
  });
});

describe('query param values', () => {
  it('fields= completes field names as a comma list, without repeats', async () => {
    const line = 'QueryVmInstance fields=uuid,na';
    const c = await run(line);
    expect(vals(c)).toEqual(['name']);
    expect(line.slice(0, c.replaceFrom) + vals(c)[0]).toBe('QueryVmInstance fields=uuid,name');
    expect(vals(await run('QueryVmInstance fields=uuid,'))).not.toContain('uuid');
    expect(c.candidates[0]!.final).toBeFalsy();
  });

  it('sortBy= takes fields, sortDirection= asc/desc, count= a boolean', async () => {
    expect(vals(await run('QueryVmInstance sortBy=cre'))).toEqual(['createDate']);
    expect(vals(await run('QueryVmInstance sortDirection='))).toEqual(['asc', 'desc']);
    expect(vals(await run('QueryVmInstance count='))).toEqual(['true', 'false']);
  });
});

describe('values', () => {
  it('valid values and booleans of action params', async () => {
    expect(vals(await run('CreateVmInstance strategy='))).toEqual(['InstantStart', 'JustCreate', 'CreateStopped']);
    expect(vals(await run('CreateVmInstance strategy=j'))).toEqual(['JustCreate']);
    expect(vals(await run('CreateVmInstance virtio='))).toEqual(['true', 'false']);
  });

  it('live uuids with names for a uuid param, from its resource type', async () => {
    const src = new FakeValueSource(rows);
    const c = await run('StartVmInstance uuid=a', src);
    expect(c.candidates.map((x) => [x.value, x.description])).toEqual([
      ['aa11', 'web-1'],
      ['ab22', 'my vm'],
    ]);
    expect(src.requests[0]).toMatchObject({ queryApi: 'QueryVmInstance', inventory: 'VmInstanceInventory', field: 'uuid', prefix: 'a', resourceType: 'VmInstanceVO' });
    expect(c.candidates[0]!.final).toBe(true);
  });

  it('a path uuid without metadata takes the resource listed at its path: /hosts/{uuid}/... -> QueryHost', async () => {
    const src = new FakeValueSource(rows);
    expect(vals(await run('AllocateHostResource uuid=', src))).toEqual(['h1']);
    expect(src.requests[0]).toMatchObject({ queryApi: 'QueryHost' });
  });

  it('uuid-ish query fields: hostUuid, vmNics.l3NetworkUuid, uuid', async () => {
    const src = new FakeValueSource(rows);
    expect(vals(await run('QueryVmInstance hostUuid=', src))).toEqual(['h1']);
    expect(vals(await run('QueryVmInstance vmNics.l3NetworkUuid=', src))).toEqual(['l3a']);
    expect(vals(await run('QueryVmInstance uuid=b', src))).toEqual(['bb33']);
    expect(src.requests.map((r) => r.queryApi)).toEqual(['QueryHost', 'QueryL3Network', 'QueryVmInstance']);
  });

  it('names for name= of a query, quoted when needed', async () => {
    const src = new FakeValueSource(rows);
    const c = await run('QueryVmInstance name=', src);
    expect(vals(c)).toEqual(['web-1', "'my vm'", 'db']);
    expect(src.requests[0]).toMatchObject({ field: 'name', queryApi: 'QueryVmInstance' });
  });

  it('uuid=@ completes names as @name references, in params, list items and uuid conditions', async () => {
    const src = new FakeValueSource({ ...rows, QueryL3Network: [{ uuid: 'l3a', name: 'public' }, { uuid: 'l3b', name: 'pri,vate' }] });
    const c = await run('StopVmInstance uuid=@', src);
    expect(vals(c)).toEqual(['@web-1', "'@my vm'", '@db']);
    expect(c.candidates[0]).toMatchObject({ display: '@web-1', final: true });
    expect(src.requests[0]).toMatchObject({ queryApi: 'QueryVmInstance', field: 'name', prefix: '' });
    expect(vals(await run('StopVmInstance uuid=@W', src))).toEqual(['@web-1']);
    // A list item: the name replaces only the item; a name with a comma cannot be written there.
    const l = await run('CreateVmInstance l3NetworkUuids=l3x,@', src);
    expect(vals(l)).toEqual(['@public']);
    expect('CreateVmInstance l3NetworkUuids=l3x,@'.slice(0, l.replaceFrom)).toBe('CreateVmInstance l3NetworkUuids=l3x,');
    expect(vals(await run('QueryVmInstance hostUuid?=@host-1,@h', src))).toEqual(['@host-1']);
    // @@ is a literal @: nothing to complete; name= takes names as they are.
    expect(vals(await run('StopVmInstance uuid=@@', src))).toEqual([]);
    expect(vals(await run('QueryVmInstance name=@', src))).toEqual([]);
  });

  it('completes the last item of an in-list or a list param', async () => {
    const c = await run('QueryVmInstance uuid?=aa11,a');
    expect(vals(c)).toEqual(['aa11', 'ab22']);
    const l = await run('CreateVmInstance l3NetworkUuids=x,');
    expect(vals(l)).toEqual(['l3a']);
    expect(l.candidates[0]!.final).toBeFalsy();
  });

  it('offers no values for secrets or free text', async () => {
    const src = new FakeValueSource(rows);
    expect(vals(await run('LogInByAccount password=', src))).toEqual([]);
    expect(vals(await run('QueryVmInstance description=', src))).toEqual([]);
    expect(src.requests).toEqual([]);
  });

  it('survives a value source that fails or answers garbage', async () => {
    const failing: ValueSource = { values: () => Promise.reject(new Error('boom')) };
    expect(vals(await run('StartVmInstance uuid=', failing))).toEqual([]);
    const throwing: ValueSource = {
      values: () => {
        throw new Error('sync');
      },
    };
    expect(vals(await run('StartVmInstance uuid=', throwing))).toEqual([]);
    const garbage = { values: async () => [null, { value: 3 }, { value: 'ok1' }] } as unknown as ValueSource;
    expect(vals(await run('StartVmInstance uuid=', garbage))).toEqual(['ok1']);
  });
});

describe('server data in candidates', () => {
  it('never reaches the terminal raw: labels escaped, values with control characters left out', async () => {
    const evil = new FakeValueSource({
      QueryVmInstance: [
        { uuid: 'aaaa1111aaaa1111aaaa1111aaaa1111', name: 'web\u001b]0;pwned\u0007' },
        { uuid: 'bbbb2222bbbb2222bbbb2222bbbb2222', name: 'db' },
      ],
    });
    const byUuid = await run('StopVmInstance uuid=', evil);
    expect(byUuid.candidates.map((c) => c.description)).toEqual(['web\\e]0;pwned\\x07', 'db']);
    const byName = await run('QueryVmInstance name=', evil);
    expect(byName.candidates.map((c) => c.display)).toEqual(['db']);
  });
});
