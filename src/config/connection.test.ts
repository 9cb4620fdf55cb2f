import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { DEFAULT_TIMEOUT_MS, parseHost, parseTimeout, resolveConnection, serverKey, type ProfilesData } from './connection.js';
import { configDir } from './paths.js';

/** What the user sees of the error `f` throws. */
function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return renderError(e);
  }
  return 'no error';
}

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
      readTimeoutMs: 60_000,
      confirm: 'destructive',
    });
  });

  it("takes confirm= from the profile and refuses a value that is not a policy", () => {
    const withConfirm = (confirm: unknown) => ({ default: 'p', profiles: { p: { host: 'h', confirm } as never } });
    expect(resolveConnection({}, {}, withConfirm('always')).confirm).toBe('always');
    expect(resolveConnection({}, {}, withConfirm('NEVER')).confirm).toBe('never');
    expect(() => resolveConnection({}, {}, withConfirm('sometimes'))).toThrow(/confirm of profile p must be destructive, always, never; got "sometimes"/);
    expect(() => resolveConnection({}, {}, withConfirm(1))).toThrow(/confirm of profile p/);
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
      resolveConnection({ host: 'https://flag.host', port: '1234', timeout: '2m', session: 'flagsession', account: 'me', insecure: true }, env, profiles),
    ).toMatchObject({ endpoint: { scheme: 'https', host: 'flag.host', port: 1234 }, timeoutMs: 120_000, session: 'flagsession', account: 'me', insecure: true });
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
    for (const [f, line] of bad) {
      expect(f).toThrow(UsageError);
      expect(failure(f)).toContain(line);
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
  it('reads seconds by default and ms/s/m/h/d units, of any length', () => {
    expect(parseTimeout('30', 'x')).toBe(30_000);
    expect(parseTimeout(1.5, 'x')).toBe(1_500);
    expect(parseTimeout('500ms', 'x')).toBe(500);
    expect(parseTimeout('1h', 'x')).toBe(3_600_000);
    expect(parseTimeout('30d', 'x')).toBe(30 * 86_400_000);
    expect(parseTimeout('600h', 'x')).toBeGreaterThan(2 ** 31);
    expect(() => parseTimeout('0', 'x')).toThrow(UsageError);
    expect(() => parseTimeout('soon', 'x')).toThrow(UsageError);
  });

  it('reads units in any letter case, and nothing else', () => {
    expect(parseTimeout('500MS', 'x')).toBe(500);
    expect(parseTimeout('2Ms', 'x')).toBe(2);
    expect(parseTimeout(' 90S ', 'x')).toBe(90_000);
    expect(parseTimeout('1H', 'x')).toBe(3_600_000);
    for (const bad of ['5sm', '5 mss', '5\u212A', '5x']) expect(() => parseTimeout(bad, 'x'), bad).toThrow(UsageError);
  });
});

describe('host names in any letter case', () => {
  it('reads schemes, names and numeric labels in upper or lower case alike', () => {
    expect(parseHost('HTTPS://ZS.Example:8443/', '--host')).toEqual({ host: 'ZS.Example', port: 8443, https: true });
    expect(parseHost('Http://Mgmt-01', '--host')).toEqual({ host: 'Mgmt-01', https: false });
    expect(() => parseHost('0X7F.1', '--host')).toThrow('not an IPv4 address');
    expect(() => parseHost('a.0Xff', '--host')).toThrow('not an IPv4 address');
    expect(() => parseHost('\u212Aelvin', '--host')).toThrow('not a host name or address');
  });
});

describe('host values', () => {
  const none: ProfilesData = { profiles: {} };
  const endpoint = (flags: object, env: Record<string, string> = {}, p: ProfilesData = none) => resolveConnection(flags, env, p).endpoint;

  it('accepts host, host:port, IPv6 bare or in brackets, and http(s) URLs with an optional port and /', () => {
    expect(parseHost('zs.example', '--host')).toEqual({ host: 'zs.example' });
    expect(parseHost('10.0.0.1:8081', '--host')).toEqual({ host: '10.0.0.1', port: 8081 });
    expect(parseHost('fd00::1', '--host')).toEqual({ host: 'fd00::1' });
    expect(parseHost('[fd00::1]', '--host')).toEqual({ host: 'fd00::1' });
    expect(parseHost('[fd00::1]:8443', '--host')).toEqual({ host: 'fd00::1', port: 8443 });
    expect(parseHost('https://zs.example', '--host')).toEqual({ host: 'zs.example', https: true });
    expect(parseHost('HTTP://zs.example:8080/', '--host')).toEqual({ host: 'zs.example', port: 8080, https: false });
    expect(parseHost('https://[::1]:9', '--host')).toEqual({ host: '::1', port: 9, https: true });
  });

  it('refuses anything else as a usage error naming the source, never "Invalid URL"', () => {
    const bad = ['a#', 'h/x', 'http://h:1/zstack', 'h?x=1', 'user@h', 'a b', 'ftp://h', 'h:', 'h:0', 'h:65536', 'h:80a', 'h:1:2:x',
      '[fd00::1', '[zz::1]:80', 'http://fd00::1', '0x7f.1', '1.2.3', '999.1.1.1', 'bücher.de', '[fe80::1%eth0]:80', '-h', 'h..x', 'https://'];
    for (const h of bad) {
      expect(() => parseHost(h, 'ZSTACK_HOST'), h).toThrow(UsageError);
      expect(failure(() => parseHost(h, 'ZSTACK_HOST')), h).toMatch(/^Error: ZSTACK_HOST: not a host: /);
    }
    expect(() => endpoint({ host: 'a#' })).toThrow("--host: not a host: 'a#'");
    expect(() => endpoint({}, {}, { default: 'p', profiles: { p: { host: 'h/x' } } })).toThrow('host of profile p: not a host');
    expect(() => parseHost('\u001b[31mred', '--host')).toThrow("'?[31mred'");
  });

  it('--insecure (or a profile\'s insecure) over plain http is a usage error, not silently ignored', () => {
    expect(() => resolveConnection({ host: 'h', insecure: true }, {}, { profiles: {} })).toThrow('--insecure skips TLS certificate checks, but the connection is plain http');
    expect(() => resolveConnection({}, {}, { default: 'p', profiles: { p: { host: 'h', insecure: true } } })).toThrow('insecure of profile p skips TLS');
    expect(resolveConnection({ host: 'https://h', insecure: true }, {}, { profiles: {} })).toMatchObject({ insecure: true, endpoint: { scheme: 'https' } });
    expect(resolveConnection({ host: 'h', insecure: false }, {}, { profiles: {} }).insecure).toBe(false);
  });

  it('any accepted host makes a URL with exactly that host and port (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'))// URLs read a name whose last label is a number as IPv4.
      .filter((n) => !/(^|\.)\d+$/.test(n));
    const v4 = fc.ipV4();
    const v6 = fc.ipV6().map((a) => `[${a}]`);
    const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    const scheme = fc.constantFrom('', 'http://', 'https://');
    fc.assert(
      fc.property(fc.oneof(name, v4, v6), port, scheme, (host, p, sch) => {
        const text = `${sch}${host}${p !== undefined ? `:${p}` : ''}`;
        const ep = endpoint({ host: text });
        const url = new URL(`${ep.scheme}://${ep.host.includes(':') ? `[${ep.host}]` : ep.host}:${ep.port}/`);
        expect(url.port === '' ? (ep.scheme === 'https' ? 443 : 80) : Number(url.port)).toBe(p ?? (sch === 'https://' ? 443 : sch === 'http://' ? 80 : 8080));
        expect(ep.scheme).toBe(sch === 'https://' ? 'https' : 'http');
        if (!host.startsWith('[')) expect(url.hostname).toBe(host.toLowerCase());
      }),
    );
  });

  it('fuzzed host text is either accepted or a usage error; nothing else is thrown (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          const ep = endpoint({ host: text });
          expect(() => new URL(`http://${ep.host.includes(':') ? `[${ep.host}]` : ep.host}:${ep.port}/`)).not.toThrow();
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
        }
      }),
    );
  });

  it('a port in the host counts where the host is given; the same place giving two ports is a usage error', () => {
    expect(endpoint({ host: 'h:1' })).toEqual({ scheme: 'http', host: 'h', port: 1 });
    expect(endpoint({ host: 'h:1', port: '1' })).toEqual({ scheme: 'http', host: 'h', port: 1 });
    expect(() => endpoint({ host: 'h:1', port: '2' })).toThrow('--port 2 and the port in --host h:1 disagree');
    expect(() => endpoint({}, { ZSTACK_HOST: 'h:1', ZSTACK_PORT: '2' })).toThrow('ZSTACK_PORT 2 and the port in ZSTACK_HOST h:1 disagree');
    expect(() => endpoint({}, {}, { default: 'p', profiles: { p: { host: 'h:1', port: 2 } } })).toThrow('disagree');
    // Different places: flags > environment > profile.
    expect(endpoint({ port: '2' }, { ZSTACK_HOST: 'h:1' }).port).toBe(2);
    expect(endpoint({ host: 'h:1' }, { ZSTACK_PORT: '2' }).port).toBe(1);
    expect(endpoint({}, { ZSTACK_HOST: 'e:3' }, { default: 'p', profiles: { p: { host: 'p', port: 4 } } })).toMatchObject({ host: 'e', port: 3 });
    // The port of a host that is not used does not travel to the one that is.
    expect(endpoint({ host: 'f' }, { ZSTACK_HOST: 'e:3' }).port).toBe(8080);
  });

  it('the scheme sets https and its port when no port is given anywhere; conflicts are usage errors', () => {
    expect(endpoint({ host: 'https://h' })).toEqual({ scheme: 'https', host: 'h', port: 443 });
    expect(endpoint({ host: 'http://h' })).toEqual({ scheme: 'http', host: 'h', port: 80 });
    expect(endpoint({ host: 'https://h' }, { ZSTACK_PORT: '8080' })).toEqual({ scheme: 'https', host: 'h', port: 8080 });
    expect(endpoint({ host: 'http://h' }, {}, { default: 'p', profiles: { p: { host: 'x', https: true } } }).scheme).toBe('http');
    expect(() => endpoint({ host: 'http://h', https: true })).toThrow('--https and --host http://h disagree on https');
    expect(() => endpoint({}, {}, { default: 'p', profiles: { p: { host: 'https://h', https: false } } })).toThrow('disagree on https');
  });

  it('--ca implies https; with an explicit plain http at the same place it is a usage error', () => {
    expect(resolveConnection({ ca: '/ca.pem' }, {}, none)).toMatchObject({ endpoint: { scheme: 'https' }, ca: '/ca.pem' });
    expect(resolveConnection({}, {}, { default: 'p', profiles: { p: { host: 'h', ca: '/ca.pem' } } })).toMatchObject({ endpoint: { scheme: 'https' }, ca: '/ca.pem' });
    expect(() => endpoint({ ca: '/ca.pem', host: 'http://h' })).toThrow('--ca needs https, but --host http://h says plain http');
    expect(() => endpoint({}, {}, { default: 'p', profiles: { p: { host: 'h', https: false, ca: '/ca.pem' } } })).toThrow('needs https');
    // A higher place saying plain http wins over a profile's CA, which then does not matter.
    const r = resolveConnection({ host: 'http://h' }, {}, { default: 'p', profiles: { p: { host: 'x', ca: '/ca.pem' } } });
    expect(r.endpoint.scheme).toBe('http');
    expect(r.ca).toBeUndefined();
  });

  it('the read timeout: --read-timeout > ZSTACK_READ_TIMEOUT > 60 s', () => {
    expect(resolveConnection({}, {}, none).readTimeoutMs).toBe(60_000);
    expect(resolveConnection({}, { ZSTACK_READ_TIMEOUT: '5m' }, none).readTimeoutMs).toBe(300_000);
    expect(resolveConnection({ readTimeout: '2s' }, { ZSTACK_READ_TIMEOUT: '5m' }, none).readTimeoutMs).toBe(2000);
    expect(() => resolveConnection({ readTimeout: 'never' }, {}, none)).toThrow('--read-timeout: not a timeout');
  });
});

describe('configDir', () => {
  it('uses an absolute XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configDir({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe('/x/cfg/zstack-cli');
    expect(configDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/zstack-cli');
    expect(configDir({}, '/home/u')).toBe('/home/u/.config/zstack-cli');
  });
});
