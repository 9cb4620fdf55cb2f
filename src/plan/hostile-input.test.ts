// Hostile input to the planner (issue #11): huge names, control characters, numbers beyond every
// range, JSON nested without end. Every case ends in a short, one-line usage error or an exact request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWords } from '../parse/parser.js';
import { planCommand } from './planner.js';
import { planErrors as errors, planLine as plan, registry as reg } from './testing.js';

function messages(words: string[]): string[] {
  const r = planCommand(reg, parseWords(words).command!);
  return r.ok ? [] : r.errors.flatMap((e) => [e.message, ...(e.hint ? [e.hint] : [])]);
}

// C0, DEL, C1 and the Unicode line separators: none may reach a terminal raw.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

describe('huge names', () => {
  it('answers an unknown API name of 1e5 and 1e6 characters with one short line', () => {
    for (const n of [1e5, 1e6]) {
      const errs = messages(['Q'.repeat(n)]);
      expect(errs[0]).toMatch(/^unknown API 'Q+…'$/);
      expect(errs[0]!.length).toBeLessThan(100);
    }
  });

  it('answers a 1e5-character unknown param, field, value and operator token with short lines', () => {
    const big = 'k'.repeat(1e5);
    for (const words of [
      ['StartVmInstance', 'uuid=u', `${big}=1`],
      ['QueryVmInstance', `${big}=1`],
      ['QueryVmInstance', `vmNics.${big}=1`],
      ['QueryVmInstance', `cpuNum=${big}`],
      ['QueryVmInstance', `fields=${big}`],
      ['CreateVmInstance', 'name=v', `type=${big}`],
      ['CreateVmInstance', 'name=v', `cpuNum=${big}`],
      ['CreateVmInstance', 'name=v', `virtio=${big}`],
      ['StartVmInstance', `uuid~=${big}`],
      ['QueryVmInstance', big],
    ]) {
      const errs = messages(words);
      expect(errs.length, words.join(' ').slice(0, 40)).toBeGreaterThan(0);
      for (const e of errs) expect(e.length, e.slice(0, 60)).toBeLessThan(250);
    }
  });

  it('shows at most ten problems of a line with thousands of them, and a count', () => {
    const words = ['StartVmInstance', 'uuid=u', ...Array.from({ length: 9000 }, (_, i) => `bad${i}=1`)];
    const r = planCommand(reg, parseWords(words).command!);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(11);
      expect(r.errors[10]!.message).toBe('8990 more problems not shown');
    }
  });
});

describe('names that are also JavaScript property names', () => {
  it('are unknown query fields, not crashes', () => {
    for (const key of ['toString', '__proto__', 'constructor', 'vmNics.toString', 'vmNics.__proto__.x', 'hasOwnProperty.ip']) {
      expect(errors(`QueryVmInstance ${key}=1`)[0], key).toMatch(/^unknown query field/);
    }
    expect(errors('toString')[0]).toMatch(/^unknown API 'toString'/);
    expect(errors('StartVmInstance uuid=u constructor=1')[0]).toMatch(/^unknown param 'constructor'/);
  });
});

describe('messages that quote input', () => {
  const token = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', minLength: 300, maxLength: 3000 }));
  const shapes: ((t: string) => string[])[] = [
    (t) => [t],
    (t) => ['StartVmInstance', `uuid=u`, `${t}=1`],
    (t) => ['StartVmInstance', `uuid~=${t}`],
    (t) => ['CreateVmInstance', 'name=v', 'instanceOfferingUuid=o', 'imageUuid=i', 'l3NetworkUuids=l', `type=${t}`],
    (t) => ['CreateVmInstance', 'name=v', 'instanceOfferingUuid=o', 'imageUuid=i', 'l3NetworkUuids=l', `cpuNum=${t}`],
    (t) => ['CreateVmInstance', 'name=v', 'instanceOfferingUuid=o', 'imageUuid=i', 'l3NetworkUuids=l', `diskAOs=[${t}`],
    (t) => ['QueryVmInstance', `${t}=1`],
    (t) => ['QueryVmInstance', `vmNics.${t}=1`],
    (t) => ['QueryVmInstance', `cpuNum=${t}`],
    (t) => ['QueryVmInstance', `state=${t}`, `fields=${t}`],
    (t) => ['QueryVmInstance', `description=${t}`],
  ];

  it('escape control characters and clip the token, in every error and hint', () => {
    fc.assert(
      fc.property(token, fc.integer({ min: 0, max: shapes.length - 1 }), (t, k) => {
        for (const m of messages(shapes[k]!(t))) {
          expect(m).not.toMatch(CONTROL);
          expect(m.length).toBeLessThan(250);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('escape an ANSI sequence visibly', () => {
    expect(messages(['StartVmInstance', 'uuid=u', '\u001b]0;pwned\u0007=1'])[0]).toBe(`unknown param '\\e]0;pwned\\x07=1' for StartVmInstance`);
  });

  it('escape a warning that quotes a value', () => {
    const r = plan('QueryVmInstance description="a!=b\u001b[2J"');
    expect(r.warnings[0]).not.toMatch(CONTROL);
    expect(r.warnings[0]).toContain('\\e[2J');
  });
});

describe('JSON-valued params', () => {
  const base = 'CreateVmInstance name=v instanceOfferingUuid=o imageUuid=i l3NetworkUuids=l';

  it('keeps longs beyond 2^53 exact, as written', () => {
    expect(plan(`${base} dataDiskSizes='[9007199254740993,9223372036854775807]'`).bodyText).toContain('"dataDiskSizes":[9007199254740993,9223372036854775807]');
    expect(plan(`${base} diskAOs='[{"size":9007199254740993}]'`).bodyText).toContain('"diskAOs":[{"size":9007199254740993}]');
    expect(plan(`${base} dataVolumeSystemTagsOnIndex='{"0":[18014398509481985]}'`).bodyText).toContain('{"0":[18014398509481985]}');
    // A list param with a number range (Long items) sends numbers, exact, from either form.
    const storages = 'GetCandidatePrimaryStoragesForCreatingVm imageUuid=i l3NetworkUuids=l';
    expect(plan(`${storages} dataDiskSizes=9007199254740993,1`).pathAndQuery).toContain('dataDiskSizes=9007199254740993&dataDiskSizes=1');
  });

  it('refuses numbers out of range, naming the param', () => {
    expect(errors(`${base} diskAOs='[{"size":1e309}]'`)[0]).toMatch(/^diskAOs: 1e309 is out of range for a double/);
    expect(errors(`${base} diskAOs='[{"size":-1e309}]'`)[0]).toMatch(/^diskAOs: -1e309 is out of range/);
    expect(errors(`${base} diskAOs='[{"size":9223372036854775808}]'`)[0]).toMatch(/^diskAOs: 9223372036854775808 is out of range for a long/);
    expect(errors(`${base} dataVolumeSystemTagsOnIndex='{"a":-9223372036854775809}'`)[0]).toMatch(/^dataVolumeSystemTagsOnIndex: .* out of range for a long/);
    const storages = 'GetCandidatePrimaryStoragesForCreatingVm imageUuid=i l3NetworkUuids=l';
    expect(errors(`${storages} dataDiskSizes=1,9223372036854775808`)[0]).toMatch(/^dataDiskSizes item 2 is out of range for a long/);
    expect(errors(`${storages} dataDiskSizes='[1e400]'`)[0]).toMatch(/^dataDiskSizes: 1e400 is out of range for a double/);
    expect(errors(`${storages} dataDiskSizes=0`)[0]).toBe('dataDiskSizes item 1 must be between 1 and 2^63-1, got 0');
    expect(errors(`${storages} dataDiskSizes=1,x`)[0]).toBe("dataDiskSizes item 2 must be an integer, got 'x'");
    expect(errors(`${base} cpuNum=2147483648`)[0]).toMatch(/cpuNum is out of range for a 32-bit integer/);
    expect(errors(`${base} memorySize=9223372036854775808`)[0]).toMatch(/memorySize is out of range for a long/);
  });

  it('refuses JSON nested 100k deep with one line, without overflowing the stack', () => {
    for (const deep of ['['.repeat(1e5), `${'['.repeat(1e5)}${']'.repeat(1e5)}`, '[{"a":'.repeat(5e4)]) {
      const errs = errors(`${base} diskAOs='${deep}'`);
      expect(errs[0]).toMatch(/^diskAOs: nested deeper than 64 levels at character \d+$/);
    }
    expect(errors(`${base} dataVolumeSystemTagsOnIndex='${'{"a":'.repeat(1e5)}'`)[0]).toMatch(/nested deeper/);
  });

  it('reports bad JSON with where it went wrong, the token clipped', () => {
    expect(errors(`${base} diskAOs='[{'`)[0]).toBe('diskAOs is not valid JSON: expected a "key" at the end');
    expect(errors(`${base} diskAOs='[1,]'`)[0]).toBe("diskAOs is not valid JSON: unexpected ']' at character 4");
  });
});

describe('lone surrogates', () => {
  it('are sent as U+FFFD in a URL instead of failing the encoding', () => {
    const r = plan(String.raw`DestroyVmInstance uuid=u systemTags='["\ud800x"]'`);
    expect(r.pathAndQuery).toBe('/zstack/v1/vm-instances/u?systemTags=%EF%BF%BDx');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(() => planCommand(reg, parseWords(['DestroyVmInstance', `uuid=${s || 'u'}`, `systemTags=${JSON.stringify([s])}`]).command!)).not.toThrow();
      }),
    );
  });
});

describe('numeric query conditions', () => {
  it('are range-checked like params of the field type', () => {
    expect(errors('QueryVmInstance cpuNum>99999999999999999999')[0]).toMatch(/^cpuNum is out of range for a 32-bit integer: 99999999999999999999$/);
    expect(errors('QueryVmInstance cpuNum>2147483648')[0]).toMatch(/out of range for a 32-bit integer/);
    expect(errors('QueryVmInstance memorySize=1e400')[0]).toMatch(/^memorySize is an integer \(Long\); '1e400' is not$/);
    expect(errors('QueryVmInstance memorySize=9223372036854775808')[0]).toMatch(/out of range for a long/);
    expect(errors('QueryVmInstance cpuNum?=1,2147483648')[0]).toMatch(/out of range for a 32-bit integer/);
    expect(errors('QueryVmInstance cpuNum=1.5')[0]).toMatch(/cpuNum is an integer \(Integer\); '1.5' is not/);
    expect(errors('QueryVmInstance cpuNum=Infinity')[0]).toMatch(/cpuNum is a number/);
  });

  it('pass values at the edges of the range, sent with the same digits', () => {
    const u = new URL(`http://x${plan('QueryVmInstance cpuNum<=2147483647 cpuNum>=-2147483648 memorySize<9223372036854775807').pathAndQuery}`);
    expect(u.searchParams.getAll('q')).toEqual(['cpuNum<=2147483647', 'cpuNum>=-2147483648', 'memorySize<9223372036854775807']);
  });
});
