// Query conditions case by case: the class and operators of each field type, how the server splits a
// condition, the numeric checks by Java type, and the exact message of each refusal.
import { describe, expect, it } from 'vitest';
import { parseLine } from '../parse/parser.js';
import { fieldClass, operatorsFor, planCondition, selectableFields, serverSplit } from './conditions.js';
import { planErrors, planLine, registry } from './testing.js';

const errors = (line: string): string[] => planErrors(line, true);
/** The one q= a line sends, decoded. */
const q = (line: string): string => new URL(`http://x${planLine(line).pathAndQuery}`).searchParams.get('q')!;

describe('field classes and their operators', () => {
  it('class a field by its Java type, tags by their name', () => {
    for (const t of ['Long', 'Integer', 'Short', 'Double', 'Float', 'long', 'int', 'short', 'double', 'float']) expect(fieldClass('f', t), t).toBe('number');
    for (const t of ['Boolean', 'boolean']) expect(fieldClass('f', t)).toBe('boolean');
    for (const t of ['Timestamp', 'Date']) expect(fieldClass('f', t)).toBe('time');
    for (const t of ['String', 'LongJobState', 'Longs', 'xint', 'Booleans', 'aBoolean', 'aDate', 'Timestamps', 'List']) expect(fieldClass('f', t), t).toBe('text');
    expect(fieldClass('__systemTag__', 'String')).toBe('tag');
    expect(fieldClass('__userTag__', 'Long')).toBe('tag');
    expect(fieldClass('__otherTag__', 'String')).toBe('text');
  });

  it('give each class its operators, in the order messages list them', () => {
    expect(operatorsFor('number')).toEqual(['=', '!=', '>', '<', '>=', '<=', '?=', '!?=']);
    expect(operatorsFor('time')).toEqual(['=', '!=', '>', '<', '>=', '<=', '?=', '!?=']);
    expect(operatorsFor('boolean')).toEqual(['=', '!=']);
    expect(operatorsFor('tag')).toEqual(['=', '!=', '?=', '!?=', '~=', '!~=']);
    expect(operatorsFor('text')).toEqual(['=', '!=', '?=', '!?=', '~=', '!~=', '>', '<', '>=', '<=']);
  });

  it('refuse an operator a field class does not take, naming the type or "a tag"', () => {
    expect(errors('QueryBlockVolume isShareable>true')).toEqual(["operator '>' makes no sense for isShareable (Boolean) | use one of = !="]);
    expect(errors('QueryVmInstance __systemTag__>x')).toEqual(["operator '>' makes no sense for __systemTag__ (a tag) | use one of = != ?= !?= ~= !~="]);
    expect(errors('QueryVmInstance createDate~=2020')).toEqual(["operator '~=' makes no sense for createDate (Timestamp) | use one of = != > < >= <= ?= !?="]);
    expect(q('QueryVmInstance createDate>2020')).toBe('createDate>2020');
    expect(q('QueryVmInstance name>=a')).toBe('name>=a');
  });
});

describe('serverSplit', () => {
  it('splits at the first operator of the server’s order found after the first character', () => {
    expect(serverSplit('a=b')).toEqual(['a', '=', 'b']);
    expect(serverSplit('a!=b')).toEqual(['a', '!=', 'b']);
    expect(serverSplit('a>=b')).toEqual(['a', '>=', 'b']);
    expect(serverSplit('a<=b')).toEqual(['a', '<=', 'b']);
    expect(serverSplit('a!?=b')).toEqual(['a', '!?=', 'b']);
    expect(serverSplit('a!~=b')).toEqual(['a', '!~=', 'b']);
    expect(serverSplit('a~=b')).toEqual(['a', '~=', 'b']);
    expect(serverSplit('a?=b')).toEqual(['a', '?=', 'b']);
    expect(serverSplit('a>b')).toEqual(['a', '>', 'b']);
    expect(serverSplit('a<b')).toEqual(['a', '<', 'b']);
    expect(serverSplit('a=b!=c')).toEqual(['a=b', '!=', 'c']);
    expect(serverSplit('a<b=c')).toEqual(['a<b', '=', 'c']);
    expect(serverSplit('=a')).toBeUndefined();
    expect(serverSplit('=a=b')).toBeUndefined();
    expect(serverSplit('a=')).toEqual(['a', '=', '']);
    expect(serverSplit('ab')).toBeUndefined();
  });

  it('is behind the warning for a value the server would read otherwise', () => {
    expect(planLine('QueryVmInstance name<a=b').warnings).toEqual(["the server will read 'name<a=b' as name<a = b: the value contains an operator"]);
    expect(planLine('QueryVmInstance description=a>=b').warnings).toEqual(["the server will read 'description=a>=b' as description=a >= b: the value contains an operator"]);
    expect(planLine('QueryVmInstance description==x').warnings).toEqual([]);
    expect(planLine('QueryVmInstance description=a<b').warnings).toEqual([]);
    // A quoted '=' after '>' makes the server read '>=' where '>' was typed.
    expect(planLine('QueryVmInstance name>"=x"').warnings).toEqual(["the server will read 'name>=x' as name >= x: the value contains an operator"]);
  });
});

describe('numeric conditions', () => {
  it('take an integer field’s values as its Java type does', () => {
    expect(q('QueryVmInstance cpuNum=2147483647')).toBe('cpuNum=2147483647');
    expect(errors('QueryVmInstance cpuNum=2147483648')).toEqual(['cpuNum is out of range for a 32-bit integer: 2147483648']);
    expect(errors('QueryActiveAlarmTemplate period=2147483648')).toEqual(['period is out of range for a 32-bit integer: 2147483648']);
    expect(q('QueryVmInstance memorySize=9223372036854775807')).toBe('memorySize=9223372036854775807');
    expect(errors('QueryVmInstance memorySize=9223372036854775808')).toEqual(['memorySize is out of range for a long: 9223372036854775808']);
    expect(errors('QueryVmInstance cpuNum=1.5')).toEqual(["cpuNum is an integer (Integer); '1.5' is not"]);
    expect(errors('QueryVmInstance memorySize=1e3')).toEqual(["memorySize is an integer (Long); '1e3' is not"]);
    expect(errors('QueryAppBuildSystem totalCapacity=1.5')).toEqual(["totalCapacity is an integer (long); '1.5' is not"]);
    expect(errors('QueryVmInstance cpuNum=x')).toEqual(["cpuNum is a number (Integer); 'x' is not"]);
  });

  it('take a floating field’s values as a double, or a float for Float', () => {
    expect(q('QueryAlarm threshold=1.5e3')).toBe('threshold=1.5e3');
    expect(errors('QueryAlarm threshold=1e309')).toEqual(['threshold is out of range for a double: 1e309']);
    expect(q('QueryAlarm threshold=3.5e38')).toBe('threshold=3.5e38');
    expect(errors('QueryCephBackupStorage poolDiskUtilization=3.5e38')).toEqual(['poolDiskUtilization is out of range for a float: 3.5e38']);
    expect(q('QueryCephBackupStorage poolDiskUtilization=1.5')).toBe('poolDiskUtilization=1.5');
  });

  it('check every item of a list condition', () => {
    expect(q('QueryVmInstance cpuNum?=1,2')).toBe('cpuNum?=1,2');
    expect(errors('QueryVmInstance cpuNum?=1,x')).toEqual(["cpuNum is a number (Integer); 'x' is not"]);
    expect(errors('QueryVmInstance cpuNum!?=1,2147483648')).toEqual(['cpuNum is out of range for a 32-bit integer: 2147483648']);
    expect(errors('QueryVmInstance cpuNum=1,2')).toEqual(["cpuNum is a number (Integer); '1,2' is not"]);
  });
});

describe('other condition checks', () => {
  it('refuse an empty list or an empty item for ?= and !=?, and a comma inside an item', () => {
    expect(errors('QueryVmInstance cpuNum!?=1,')).toEqual(["'!?=' needs a comma-separated list of values for cpuNum | e.g. cpuNum!?=a,b"]);
    expect(errors('QueryVmInstance name!?=')).toEqual(["'!?=' needs a comma-separated list of values for name | e.g. name!?=a,b"]);
    expect(errors('QueryVmInstance name?=,a')).toEqual(["'?=' needs a comma-separated list of values for name | e.g. name?=a,b"]);
    expect(errors('QueryVmInstance name?=a\\,b')).toEqual(["a value of '?=' cannot contain a comma: the server splits at every comma | use ~= with a pattern instead"]);
    expect(errors('QueryVmInstance name!?=a\\,b')).toEqual(["a value of '!?=' cannot contain a comma: the server splits at every comma | use ~= with a pattern instead"]);
    expect(q('QueryVmInstance name=a\\,b')).toBe('name=a,b');
    expect(q('QueryVmInstance name=')).toBe('name=');
    expect(q('QueryVmInstance name~=')).toBe('name~=');
  });

  it('take true or false in any case for a boolean field', () => {
    expect(q('QueryBlockVolume isShareable=TRUE')).toBe('isShareable=TRUE');
    expect(q('QueryBlockVolume isShareable!=false')).toBe('isShareable!=false');
    for (const v of ['yes', 'truex', 'xfalse', '']) expect(errors(`QueryBlockVolume isShareable=${v}`)).toEqual([`isShareable is true or false; got '${v}'`]);
  });

  it('take null only with = and !=', () => {
    for (const op of ['?=', '~=', '>']) {
      expect(errors(`QueryVmInstance name${op}null`)).toEqual([
        `'${op}null' makes no sense for name | use =null (is null) or !=null (not null); quote "null" for the text null`,
      ]);
    }
    expect(q('QueryVmInstance cpuNum=null')).toBe('cpuNum is null');
    expect(q('QueryVmInstance name=Null')).toBe('name=Null');
  });

  it('name the unknown segment of a path and where it was looked for', () => {
    expect(errors('QueryVmInstance nope.x=1')).toEqual(["unknown query field 'nope.x' for QueryVmInstance | did you mean zone?"]);
    expect(errors('QueryVmInstance zone.nmae=1')).toEqual(["unknown query field 'zone.nmae' (no field 'nmae' in ZoneInventory) | did you mean zone.name?"]);
    expect(errors('QueryVmInstance zone.cluster.nmae=1')).toEqual([
      "unknown query field 'zone.cluster.nmae' (no field 'nmae' in ClusterInventory) | did you mean zone.cluster.name?",
    ]);
    expect(errors('QueryVmInstance zone.nojoin.x=1')).toEqual(["unknown query field 'zone.nojoin.x' (no join 'nojoin' in ZoneInventory) | see: help QueryVmInstance"]);
    expect(errors('QueryVmInstance name.x=1')).toEqual(["unknown query field 'name.x' for QueryVmInstance | see: help QueryVmInstance"]);
    expect(errors('QueryVmInstance zone.name.x=1')).toEqual(["unknown query field 'zone.name.x' ('name' is a field of ZoneInventory, not a join) | see: help QueryVmInstance"]);
  });

  it('name four plain fields of a join used as a field', () => {
    expect(errors('QueryVmInstance zone=1')).toEqual([
      "'zone' is a join to ZoneInventory, not a field | name one of its fields, e.g. zone.createDate, zone.description, zone.isDefault, zone.lastOpDate",
    ]);
  });

  it('name no tag field as an example field of a join', () => {
    expect(errors('QueryL3Network networkServices=1')).toEqual([
      "'networkServices' is a join to NetworkServiceL3NetworkRefInventory, not a field | name one of its fields, e.g. networkServices.l3NetworkUuid, networkServices.networkServiceProviderUuid, networkServices.networkServiceType",
    ]);
  });

  it('check Short fields as 16-bit integers, and name a join that leads nowhere (shapes the registry may bring)', () => {
    const vm = registry.inventory('VmInstanceInventory')!;
    const fake = Object.create(registry) as typeof registry;
    fake.resolvePath = (inv, path, suggest) => {
      if (path === 'level') return { ok: true, inventory: inv, field: { name: 'level', type: 'Short' }, endsAtJoin: false } as ReturnType<typeof registry.resolvePath>;
      if (path === 'zone.lost.x') return { ok: false, segment: 1, problem: 'unknown-target', inventory: inv, suggestions: [] } as ReturnType<typeof registry.resolvePath>;
      return registry.resolvePath(inv, path, suggest);
    };
    const cond = (line: string) => {
      const r = planCondition(fake, vm, 'QueryVmInstance', parseLine(`QueryVmInstance ${line}`).command!.args[0]!, true);
      return r.ok ? r.q : r.error.message;
    };
    expect(cond('level=32767')).toBe('level=32767');
    expect(cond('level=32768')).toBe('level is out of range for a 16-bit integer: 32768');
    expect(cond('level=1.5')).toBe("level is an integer (Short); '1.5' is not");
    expect(cond('zone.lost.x=1')).toBe("unknown query field 'zone.lost.x' (join 'lost' leads to an unknown inventory)");
  });

  it('let fields=, sortBy= and groupBy= name every field of the inventory', () => {
    const vm = registry.inventory('VmInstanceInventory')!;
    expect(selectableFields(vm)).toEqual(vm.fields.map((f) => f.name));
  });
});
