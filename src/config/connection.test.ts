import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../execute/errors.js';
import { DEFAULT_TIMEOUT_MS, parseTimeout, resolveConnection, serverKey, type ProfilesData } from './connection.js';
import { configDir } from './paths.js';

const profiles: ProfilesData = {
  default: 'lab',
  profiles: {
    lab: { host: 'lab.example', port: 8081, account: 'ops' },
    prod: { host: 'zs.prod', port: 443, https: true, ca: '/etc/zs-ca.pem', insecure: false, account: 'admin' },
  },
};

describe('resolveConnection', () => {
  it('defaults to http://localhost:8080 with no flags, env or profiles', () => {
    expect(resolveConnection({}, {}, { profiles: {} })).toEqual({
      endpoint: { scheme: 'http', host: 'localhost', port: 8080 },
      server: 'localhost:8080',
      insecure: false,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    });
  });

  it('uses the default profile, then ZSTACK_PROFILE, then --profile', () => {
    expect(resolveConnection({}, {}, profiles)).toMatchObject({ server: 'lab.example:8081', account: 'ops', profile: 'lab' });
    const env = { ZSTACK_PROFILE: 'prod' };
    expect(resolveConnection({}, env, profiles)).toMatchObject({
      endpoint: { scheme: 'https', host: 'zs.prod', port: 443 },
      ca: '/etc/zs-ca.pem',
      account: 'admin',
      profile: 'prod',
    });
    expect(resolveConnection({ profile: 'lab' }, env, profiles).profile).toBe('lab');
  });

  it('flags > env > profile > defaults, field by field', () => {
    const env = { ZSTACK_HOST: 'env.host', ZSTACK_PORT: '9000', ZSTACK_TIMEOUT: '90', ZSTACK_SESSION: 'envsession' };
    expect(resolveConnection({}, env, profiles)).toMatchObject({
      endpoint: { host: 'env.host', port: 9000 },
      timeoutMs: 90_000,
      session: 'envsession',
      account: 'ops',
    });
    expect(
      resolveConnection({ host: 'flag.host', port: '1234', timeout: '2m', session: 'flagsession', account: 'me', insecure: true }, env, profiles),
    ).toMatchObject({ endpoint: { host: 'flag.host', port: 1234 }, timeoutMs: 120_000, session: 'flagsession', account: 'me', insecure: true });
  });

  it('picks each field from the highest-priority source that sets it (property)', () => {
    const src = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    fc.assert(
      fc.property(src, src, src, (flag, env, prof) => {
        const data: ProfilesData = { default: 'p', profiles: { p: { host: 'h', ...(prof !== undefined ? { port: prof } : {}) } } };
        const r = resolveConnection(flag !== undefined ? { port: flag } : {}, env !== undefined ? { ZSTACK_PORT: String(env) } : {}, data);
        expect(r.endpoint.port).toBe(flag ?? env ?? prof ?? 8080);
      }),
    );
  });

  it('rejects an unknown profile, bad ports and bad timeouts as usage errors naming the source', () => {
    const bad: Array<[() => unknown, string]> = [
      [() => resolveConnection({ profile: 'nope' }, {}, profiles), 'no profile named nope (known: lab, prod)'],
      [() => resolveConnection({}, { ZSTACK_PROFILE: 'x' }, { profiles: {} }), 'no profile named x (none defined)'],
      [() => resolveConnection({}, { ZSTACK_PORT: '80a' }, { profiles: {} }), 'ZSTACK_PORT: not a port number: 80a'],
      [() => resolveConnection({ port: 70000 }, {}, { profiles: {} }), '--port: not a port number: 70000'],
      [() => resolveConnection({}, { ZSTACK_TIMEOUT: '-3' }, { profiles: {} }), 'ZSTACK_TIMEOUT: not a timeout'],
    ];
    for (const [f, msg] of bad) {
      expect(f).toThrow(UsageError);
      expect(f).toThrow(msg);
    }
  });

  it('ignores empty env values and takes IPv6 hosts with or without brackets', () => {
    expect(resolveConnection({}, { ZSTACK_HOST: '', ZSTACK_PORT: ' ' }, { profiles: {} }).server).toBe('localhost:8080');
    const r = resolveConnection({ host: '[FD00::1]' }, {}, { profiles: {} });
    expect(r.endpoint.host).toBe('FD00::1');
    expect(r.server).toBe('[fd00::1]:8080');
    expect(serverKey('fd00::1', 8080)).toBe('[fd00::1]:8080');
  });
});

describe('parseTimeout', () => {
  it('reads seconds by default and ms/s/m/h units', () => {
    expect(parseTimeout('30', 'x')).toBe(30_000);
    expect(parseTimeout(1.5, 'x')).toBe(1_500);
    expect(parseTimeout('500ms', 'x')).toBe(500);
    expect(parseTimeout('1h', 'x')).toBe(3_600_000);
    expect(() => parseTimeout('0', 'x')).toThrow(UsageError);
    expect(() => parseTimeout('soon', 'x')).toThrow(UsageError);
  });
});

describe('configDir', () => {
  it('uses an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configDir({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe('/x/cfg/zstack-cli');
    expect(configDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/zstack-cli');
    expect(configDir({}, '/home/u')).toBe('/home/u/.config/zstack-cli');
  });
});
