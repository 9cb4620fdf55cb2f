import { describe, expect, it } from 'vitest';
import { parseLine } from '../parse/parser.js';
import { planCommand } from './planner.js';
import { findReferences, MAX_NAME_LENGTH, MAX_REFERENCES, substituteReferences, type NameReference } from './references.js';
import { registry } from './testing.js';

function find(line: string) {
  const cmd = parseLine(line).command!;
  const api = registry.api(cmd.name)!;
  return { cmd, found: findReferences(registry, api, cmd) };
}

/** Each reference as `@name -> QueryApi`. */
function refs(line: string): string[] {
  return find(line).found.references.map((r) => `${r.written} -> ${r.resource.queryApi}`);
}

function errors(line: string): string[] {
  return find(line).found.errors.map((e) => (e.hint ? `${e.message} | ${e.hint}` : e.message));
}

/** The line with every reference replaced by `<name>` in upper case, planned: its URL and body. */
function substituted(line: string): { url: string; body: unknown } {
  const { cmd, found } = find(line);
  const out = substituteReferences(cmd, found, (r: NameReference) => r.name.toUpperCase());
  const planned = planCommand(registry, out);
  if (!planned.ok) throw new Error(planned.errors.map((e) => e.message).join('; '));
  return { url: decodeURIComponent(planned.request.pathAndQuery), body: planned.request.body };
}

describe('findReferences', () => {
  it('finds @names in uuid params, list items included, each with the resource to look it up in', () => {
    expect(refs('StopVmInstance uuid=@web-01')).toEqual(['@web-01 -> QueryVmInstance']);
    expect(refs('CreateVmInstance name=x instanceOfferingUuid=@small imageUuid=@centos l3NetworkUuids=@pub,@priv,abc')).toEqual([
      '@small -> QueryInstanceOffering',
      '@centos -> QueryImage',
      '@pub -> QueryL3Network',
      '@priv -> QueryL3Network',
    ]);
  });

  it('finds @names in conditions on uuid fields with = != ?= !?=, joins included', () => {
    expect(refs('QueryVmInstance hostUuid=@host-1 zoneUuid?=@z1,@z2 clusterUuid!=@c vmNics.l3NetworkUuid!?=@pub')).toEqual([
      '@host-1 -> QueryHost',
      '@z1 -> QueryZone',
      '@z2 -> QueryZone',
      '@c -> QueryCluster',
      '@pub -> QueryL3Network',
    ]);
    expect(refs('QueryVmInstance uuid=@web-01')).toEqual(['@web-01 -> QueryVmInstance']);
  });

  it('leaves @ alone where the value is no uuid: other params and fields, LIKE patterns, JSON lists', () => {
    expect(refs('CreateVmInstance name=@x description=@y instanceOfferingUuid=a imageUuid=b')).toEqual([]);
    expect(refs('QueryVmInstance name=@x description~=@y% uuid~=@abc%')).toEqual([]);
    expect(refs('CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=\'["@pub"]\'')).toEqual([]);
    expect(find('CreateVmInstance name=@x instanceOfferingUuid=a imageUuid=b').found.rewrites).toEqual([]);
  });

  it('reads @@ as a literal @ and asks for nothing', () => {
    expect(refs('StopVmInstance uuid=@@web')).toEqual([]);
    expect(substituted('StopVmInstance uuid=@@web').url).toBe('/zstack/v1/vm-instances/@web/actions');
  });

  it('refuses an @name it cannot look up, naming it: no name after @, unknown resource, nameless resource, operator in the name', () => {
    expect(errors('StopVmInstance uuid=@')).toEqual(["'@' in uuid needs a name after it | e.g. uuid=@web-01; @@ is a literal @"]);
    expect(errors('AckAlarmData alarmUuid=a resourceUuid=@r alertDataUuid=x')).toEqual(["cannot look up '@r': what resourceUuid refers to is not known | give its uuid; @@ is a literal @"]);
    expect(errors('DetachSecurityGroupFromL3Network securityGroupUuid=@sg l3NetworkUuid=@pub')).toEqual([]);
    expect(errors('DeleteVmNic uuid=@nic-1')).toEqual(["cannot look up '@nic-1': VmNics have no names | give its uuid; @@ is a literal @"]);
    expect(errors('StopVmInstance uuid=@a!=b')[0]).toMatch(/^cannot look up '@a!=b': the server would split the name at its operator/);
  });

  it('escapes control characters and clips long names in its messages', () => {
    const [e] = errors(`StopVmInstance uuid=@a\u001b[31m${'x'.repeat(200)}!=b`);
    expect(e).toContain('\\e[31m');
    expect(e).not.toContain('\u001b');
    expect(e!.length).toBeLessThan(200);
  });

  it('refuses names longer than ZStack keeps, and reports at most ten problems and a count', () => {
    expect(errors(`StopVmInstance uuid=@${'n'.repeat(MAX_NAME_LENGTH + 1)}`)[0]).toMatch(/names are at most 255 characters \| give its uuid$/);
    const bad = errors(`CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=${Array(500).fill('@').join(',')}`);
    expect(bad).toHaveLength(11);
    expect(bad[10]).toBe('490 more problems not shown | fix the ones above first');
  });

  it(`bounds the references of one line to ${MAX_REFERENCES}`, () => {
    const many = Array.from({ length: MAX_REFERENCES + 1 }, (_, i) => `@n${i}`).join(',');
    expect(errors(`CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=${many}`)).toEqual([
      `${MAX_REFERENCES + 1} @name references in one line; at most ${MAX_REFERENCES} | give uuids, or split the line`,
    ]);
  });
});

describe('findReferences, corner by corner', () => {
  it('looks only at values starting with @, in uuid slots taken with = (or a condition operator that takes uuids)', () => {
    for (const line of ['StopVmInstance uuid=a@b', 'StopVmInstance uuid!=@a', 'StopVmInstance nope=@a', 'QueryVmInstance zone=@z', 'QueryVmInstance hostUuid>@h', 'QueryVmInstance hostUuid~=@h', 'QueryAudit resourceUuid=@x', 'QueryVmInstance nope=@x', 'QueryVmInstance hostUuid=x,@h']) {
      const { found } = find(line);
      expect([found.references, found.errors, found.rewrites], line).toEqual([[], [], []]);
    }
  });

  it('leaves a ?= list with an escaped comma to the planner, but takes an escaped comma in a list param', () => {
    expect(find('QueryVmInstance hostUuid?=@a\\,b,@c').found.rewrites).toEqual([]);
    expect(refs('CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=@a\\,b')).toEqual(['@a,b -> QueryL3Network']);
  });

  it('reads a list where the slot takes one, and one name where it takes one', () => {
    expect(refs('StopVmInstance uuid=@a,b')).toEqual(['@a,b -> QueryVmInstance']);
    expect(refs('QueryVmInstance hostUuid=@a,b')).toEqual(['@a,b -> QueryHost']);
    expect(refs('QueryVmInstance zoneUuid!?=@z1,@z2')).toEqual(['@z1 -> QueryZone', '@z2 -> QueryZone']);
    expect(refs('CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=@pub,[')).toEqual(['@pub -> QueryL3Network']);
    expect(refs(`CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=' ["a"],@x'`)).toEqual([]);
  });

  it('keeps what it cannot look up as it was written when rewriting', () => {
    for (const item of ['@', `@${'n'.repeat(MAX_NAME_LENGTH + 1)}`, '@a!=b']) {
      const { cmd, found } = find(`StopVmInstance uuid=${item}`);
      expect(substituteReferences(cmd, found, () => 'U').args[0]!.value).toBe(item);
    }
    for (const line of ['AckAlarmData alarmUuid=a resourceUuid=@r alertDataUuid=x', 'DeleteVmNic uuid=@nic-1']) {
      const { cmd, found } = find(line);
      expect(substituteReferences(cmd, found, () => 'U').args.map((a) => a.value)).toEqual(cmd.args.map((a) => a.value));
    }
  });

  it('refuses only the names the server would split: operators other than a first ?= or =', () => {
    expect(find('StopVmInstance uuid=@a=b').found.references.map((r) => r.name)).toEqual(['a=b']);
    expect(find('StopVmInstance uuid=@a?=b').found.references.map((r) => r.name)).toEqual(['a?=b']);
    expect(find('StopVmInstance uuid=@a>b<c').found.references.map((r) => r.name)).toEqual(['a>b<c']);
    for (const name of ['a<=b', 'a!?=b', 'a>=b', 'a~=b', 'a!=b']) {
      expect(errors(`StopVmInstance uuid=@${name}`), name).toEqual([`cannot look up '@${name}': the server would split the name at its operator | give its uuid`]);
    }
  });

  it(`takes names of ${MAX_NAME_LENGTH} characters and ${MAX_REFERENCES} references`, () => {
    expect(errors(`StopVmInstance uuid=@${'n'.repeat(MAX_NAME_LENGTH)}`)).toEqual([]);
    const many = Array.from({ length: MAX_REFERENCES }, (_, i) => `@n${i}`).join(',');
    const { found } = find(`CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=${many}`);
    expect([found.errors, found.references.length]).toEqual([[], MAX_REFERENCES]);
  });

  it('gives the command back unchanged when there is nothing to rewrite, and escapes commas a uuid brings', () => {
    const plain = find('StopVmInstance uuid=x');
    expect(substituteReferences(plain.cmd, plain.found, () => 'U')).toBe(plain.cmd);
    const { cmd, found } = find('CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=@p,q');
    const arg = substituteReferences(cmd, found, () => 'u,v').args[3]!;
    expect([arg.value, arg.literalCommas]).toEqual(['u,v,q', [1]]);
    expect(cmd.args[3]!.value).toBe('@p,q');
  });
});

describe('substituteReferences', () => {
  it('puts the uuids where the names were, in the path, the body and lists', () => {
    expect(substituted('StopVmInstance uuid=@web-01').url).toBe('/zstack/v1/vm-instances/WEB-01/actions');
    expect(substituted('CreateVmInstance name=x instanceOfferingUuid=@small imageUuid=@@img l3NetworkUuids=@pub,abc,@@x').body).toEqual({
      params: { name: 'x', instanceOfferingUuid: 'SMALL', imageUuid: '@img', l3NetworkUuids: ['PUB', 'abc', '@x'] },
    });
  });

  it('keeps escaped commas inside items and takes an @name holding one whole', () => {
    const { cmd, found } = find('CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=@a\\,b,@@c\\,d');
    expect(found.references.map((r) => r.name)).toEqual(['a,b']);
    const out = substituteReferences(cmd, found, () => 'U');
    const planned = planCommand(registry, out);
    expect(planned.ok && planned.request.body).toEqual({ params: { name: 'x', instanceOfferingUuid: 'a', imageUuid: 'b', l3NetworkUuids: ['U', '@c,d'] } });
  });

  it('rewrites conditions, `?=` lists included', () => {
    expect(substituted('QueryVmInstance hostUuid=@h zoneUuid?=@z1,@z2').url).toBe('/zstack/v1/vm-instances?q=hostUuid=H&q=zoneUuid?=Z1,Z2');
  });
});
