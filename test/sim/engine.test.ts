// Pure pieces of the simulator: condition splitting, LIKE patterns, date text, and robustness against handler crashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likeToRegExp, matcher } from '../../src/sim/query/compare.js';
import { parseCondition } from '../../src/sim/query/condition.js';
import { formatDate, parseDate } from '../../src/sim/query/dates.js';
import { startSimulator } from '../../src/sim/index.js';
import { login, query, send, sha512 } from './http.js';

describe('parseCondition', () => {
  it('tries operators in ZStack order, then the null suffixes', () => {
    expect(parseCondition('name=vm1')).toEqual({ path: 'name', op: '=', value: 'vm1' });
    expect(parseCondition('cpuNum>=2')).toEqual({ path: 'cpuNum', op: '>=', value: '2' });
    expect(parseCondition('name!?=a,b')).toEqual({ path: 'name', op: '!?=', value: 'a,b' });
    expect(parseCondition('name!~=a%')).toEqual({ path: 'name', op: '!~=', value: 'a%' });
    expect(parseCondition('name?=a')).toEqual({ path: 'name', op: '?=', value: 'a' });
    expect(parseCondition('a=b!=c')).toEqual({ path: 'a=b', op: '!=', value: 'c' });
    expect(parseCondition('a<b=c')).toEqual({ path: 'a<b', op: '=', value: 'c' });
    expect(parseCondition('hostUuid is null')).toEqual({ path: 'hostUuid', op: 'is null', value: '' });
    expect(parseCondition('hostUuid not null')).toEqual({ path: 'hostUuid', op: 'not null', value: '' });
    expect(parseCondition('hostUuid')).toBeUndefined();
  });
});

describe('LIKE', () => {
  it('a pattern without wildcards matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[%_\\]/.test(s)), fc.string(), (p, other) => {
        const re = likeToRegExp(p);
        expect(re.test(p)).toBe(true);
        expect(re.test(other)).toBe(other === p);
      }),
    );
  });

  it('% matches any run, _ exactly one character, \\ escapes', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: 1, maxLength: 1 }), (a, b, c) => {
        const safe = (s: string) => s.replace(/[%_\\]/g, (m) => `\\${m}`);
        expect(likeToRegExp(`${safe(a)}%`).test(a + b)).toBe(true);
        expect(likeToRegExp(`%${safe(b)}`).test(a + b)).toBe(true);
        expect(likeToRegExp(`${safe(a)}_`).test(a + c)).toBe(true);
        expect(likeToRegExp(`${safe(a)}_`).test(a)).toBe(false);
      }),
    );
    expect(likeToRegExp('50\\%').test('50%')).toBe(true);
    expect(likeToRegExp('50\\%').test('500')).toBe(false);
  });

  it('comparisons against null are false, like SQL', () => {
    for (const op of ['=', '!=', '>', '<', '~=', '!~=', '?=', '!?='] as const) expect(matcher('string', op, 'x', 'f')(null)).toBe(false);
    expect(matcher('string', 'is null', '', 'f')(undefined)).toBe(true);
  });
});

describe('dates', () => {
  it('formats like ZStack and parses its own text back', () => {
    const ms = Date.UTC(2017, 10, 14, 22, 20, 57);
    expect(formatDate(ms)).toBe('Nov 14, 2017 10:20:57 PM');
    expect(formatDate(Date.UTC(2017, 0, 6, 0, 5, 1))).toBe('Jan 6, 2017 12:05:01 AM');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4102444800 }), (s) => {
        expect(parseDate(formatDate(s * 1000))).toBe(s * 1000);
      }),
    );
    expect(parseDate('2017-11-14 22:20:57')).toBe(ms);
    expect(parseDate('yesterday')).toBeUndefined();
  });
});

describe('robustness', () => {
  it('a crash inside a handler answers 503 SYS.1000 and the server keeps serving', async () => {
    const sim = await startSimulator({ seed: 'empty', jobDelayMs: 1 });
    try {
      const session = await login(sim);
      const find = sim.store.find.bind(sim.store);
      sim.store.find = () => {
        throw new Error('disk on fire');
      };
      const a = await send(sim, 'PUT', '/accounts/login', { body: { logInByAccount: { accountName: 'admin', password: sha512('password') } } });
      expect(a.status).toBe(503);
      expect(a.json.error.code).toBe('SYS.1000');
      expect(a.json.error.details).toContain('disk on fire');
      sim.store.find = find;
      expect((await query(sim, session, '/zones')).inventories).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('the same seed gives the same uuids', async () => {
    const [a, b] = await Promise.all([startSimulator({ seed: 'demo' }), startSimulator({ seed: 'demo' })]);
    try {
      const names = async (sim: typeof a) => (await query(sim, await login(sim), '/vm-instances', [['q', 'name?=web-01,db-02'], ['fields', 'uuid,name']])).inventories;
      expect(await names(a)).toEqual(await names(b));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rejects unknown seeds', async () => {
    await expect(startSimulator({ seed: 'huge' })).rejects.toThrow(/unknown seed/);
  });
});
