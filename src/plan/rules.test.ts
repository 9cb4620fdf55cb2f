// Rules of the planner with many cases, checked as properties (issue #16: planted bugs in ranges,
// encodings and path variables that the example tests did not notice).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLine, parseWords } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import type { ParamDef } from '../schema/types.js';
import { planCommand } from './planner.js';
import { convertValue } from './values.js';

const reg = loadRegistry();

const allParams: ParamDef[] = reg.apiNames().flatMap((n) => reg.api(n)!.params);
const INT32 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

function accepts(param: ParamDef, value: string): boolean {
  return convertValue(param, { value, literalCommas: [], valueQuoted: false }).ok;
}

/** Integers near the interesting edges of [lo, hi], and anywhere in the type's range and beyond it. */
function around(lo: bigint, hi: bigint, type: readonly [bigint, bigint]): fc.Arbitrary<bigint> {
  const near = (x: bigint) => fc.bigInt({ min: x - 3n, max: x + 3n });
  return fc.oneof(near(lo), near(hi), near(type[0]), near(type[1]), fc.bigInt({ min: type[0] * 4n, max: type[1] * 4n }));
}

describe('integer ranges', () => {
  const ranged = allParams.filter((p) => (p.type === 'integer' || p.type === 'long') && p.numberRange);
  const kinds = [...new Map(ranged.map((p) => [`${p.type}:${p.numberRange!.join(',')}`, p])).values()];

  it('accept exactly the values inside both the numberRange (inclusive) and the Java type', () => {
    expect(kinds.length).toBeGreaterThan(5);
    for (const p of kinds) {
      const type = p.type === 'integer' ? INT32 : INT64;
      const lo = BigInt(Math.ceil(p.numberRange![0]));
      const hi = BigInt(Math.floor(p.numberRange![1]));
      fc.assert(
        fc.property(around(lo, hi, type), (v) => {
          const inside = v >= lo && v <= hi && v >= type[0] && v <= type[1];
          expect(accepts(p, v.toString()), `${p.name} ${p.numberRange!.join('..')} ${v}`).toBe(inside);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('take both ends of a range and refuse one beyond', () => {
    const port = kinds.find((p) => p.numberRange![0] === 1 && p.numberRange![1] === 65535)!;
    expect(['1', '65535'].map((v) => accepts(port, v))).toEqual([true, true]);
    expect(['0', '65536'].map((v) => accepts(port, v))).toEqual([false, false]);
  });

  it('check integer params against the 32-bit range, long params against the 64-bit one', () => {
    const int = allParams.find((p) => p.type === 'integer' && !p.numberRange)!;
    const long = allParams.find((p) => p.type === 'long' && !p.numberRange)!;
    fc.assert(
      fc.property(around(INT32[0], INT32[1], INT64), (v) => {
        expect(accepts(int, v.toString())).toBe(v >= INT32[0] && v <= INT32[1]);
        expect(accepts(long, v.toString())).toBe(v >= INT64[0] && v <= INT64[1]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('valid values', () => {
  const listed = allParams.find((p) => p.type === 'list' && p.validValues && p.validValues.length > 1)!;
  const single = allParams.find((p) => p.type === 'string' && p.validValues && p.validValues.length > 1)!;

  it('are checked for every item of a list, in both list forms', () => {
    const ok = listed.validValues!;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...ok), fc.string({ minLength: 1 }).filter((s) => !s.includes(','))), { minLength: 1, maxLength: 5 }), (items) => {
        const valid = items.every((i) => ok.includes(i));
        expect(accepts(listed, items.join(','))).toBe(valid);
        expect(accepts(listed, JSON.stringify(items))).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('are checked for integer params too, by the decimal text the server compares', () => {
    const ints = allParams.filter((p) => p.type === 'integer' && p.validValues);
    expect(ints.length).toBeGreaterThan(0);
    for (const p of ints) {
      for (const v of p.validValues!) expect(accepts(p, v), `${p.name}=${v}`).toBe(true);
      const missing = Array.from({ length: 1000 }, (_, i) => String(i)).find((v) => !p.validValues!.includes(v))!;
      expect(accepts(p, missing), `${p.name}=${missing}`).toBe(false);
    }
    const r = planCommand(reg, parseLine('CreateL3Network name=n l2NetworkUuid=u ipVersion=5').command!);
    expect(r.ok ? [] : r.errors.map((e) => `${e.message} | ${e.hint}`)).toEqual(["'5' is not a valid value for ipVersion (one of 4, 6) | did you mean 4, 6?"]);
  });

  it('are checked for a single value, case included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...single.validValues!), fc.string()), (v) => {
        expect(accepts(single, v)).toBe(single.validValues!.includes(v));
      }),
    );
  });
});

describe('query strings', () => {
  const plain = /^[A-Za-z0-9\-_.!~*'()%,]*$/;

  it('URL-encode every condition so that the server reads back exactly what was typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom('=', '!=', '~=', '!~='), (value, op) => {
        const r = planCommand(reg, parseWords(['QueryVmInstance', `name${op}${value}`]).command!);
        if (!r.ok) return; // e.g. an empty list for ?=, checked elsewhere
        const [, qs = ''] = r.request.pathAndQuery.split('?');
        for (const pair of qs.split('&')) expect(pair.split('=')[1], pair).toMatch(plain);
        const q = new URLSearchParams(qs).getAll('q');
        expect(q).toEqual([value === 'null' && (op === '=' || op === '!=') ? (op === '=' ? 'name is null' : 'name not null') : `name${op}${value}`]);
      }),
      { numRuns: 1000 },
    );
  });

  it('encode the characters a query string gives meaning to', () => {
    const r = planCommand(reg, parseLine('QueryVmInstance name="a&b=c+d e#f%g?h/i"').command!);
    expect(r.ok && r.request.pathAndQuery).toBe('/zstack/v1/vm-instances?q=name%3Da%26b%3Dc%2Bd%20e%23f%25g%3Fh%2Fi');
  });

  it('URL-encode params of GET and DELETE actions', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => s !== '.' && s !== '..'), (v) => {
        const r = planCommand(reg, parseWords(['DestroyVmInstance', `uuid=${v}`, `deleteMode=Enforcing`]).command!);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const url = new URL(`http://x${r.request.pathAndQuery}`);
        expect(decodeURIComponent(url.pathname.split('/')[4]!)).toBe(v);
        expect(url.pathname.split('/')).toHaveLength(5);
      }),
      { numRuns: 500 },
    );
  });
});

describe('path variables', () => {
  it('refuse an empty value instead of planning /vm-instances//actions', () => {
    for (const line of ['StartVmInstance uuid=', 'StartVmInstance uuid=""', "DestroyVmInstance uuid=''", 'UpdateVmInstance uuid= name=x']) {
      const r = planCommand(reg, parseLine(line).command!);
      expect(r.ok, line).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message).toMatch(/^param 'uuid' must not be empty: it goes in the URL$/);
    }
  });

  it('refuse . and .., which the server would resolve to another path', () => {
    for (const v of ['.', '..']) {
      const r = planCommand(reg, parseWords(['DestroyVmInstance', `uuid=${v}`]).command!);
      expect(r.ok).toBe(false);
    }
  });

  it('never leave an empty or dot segment, or a variable not given, in any planned path', () => {
    const withPathVars = reg.apiNames().map((n) => reg.api(n)!).filter((a) => /\{/.test(a.path) && !a.query);
    fc.assert(
      fc.property(fc.constantFrom(...withPathVars), fc.constantFrom('', '.', '..', 'x', undefined), (api, v) => {
        const given = api.params.filter((p) => (p.in === 'path' && v !== undefined) || (p.in !== 'path' && p.required));
        const words = [api.name, ...given.map((p) => `${p.name}=${p.in === 'path' ? v : 'x'}`)];
        const r = planCommand(reg, parseWords(words).command!);
        if (!r.ok) return;
        const path = r.request.pathAndQuery.split('?')[0]!;
        expect(path, words.join(' ')).not.toMatch(/\/\/|\/\.\.?(\/|$)|\{/);
      }),
      { numRuns: 500 },
    );
  });
});
