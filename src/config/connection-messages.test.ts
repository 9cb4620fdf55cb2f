// The exact lines resolveConnection and parseHost refuse input with (what is wrong, and the hint),
// and the limits of what they accept: host name lengths, ports, timeouts, trimmed settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { parseHost, parseTimeout, resolveConnection, serverKey, type ProfilesData } from './connection.js';
import { renderError } from '../errors/report.js';

const none: ProfilesData = { profiles: {} };

/** What `f` throws, as `message | hint`. */
function refusal(f: () => unknown): string {
  try {
    f();
    return 'accepted';
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    const u = e as UsageError;
    return renderError(u);
  }
}

const GIVE = 'Give host, host:port, [v6]:port, or http(s)://host[:port].';
const host = (text: string) => refusal(() => parseHost(text, '--host'));

describe('parseHost refusals', () => {
  it('says why a host is refused, with the forms it takes', () => {
    expect(host('ftp://h')).toBe(`Error: --host: not a host: 'ftp://h': unsupported scheme ftp:// (${GIVE})`);
    expect(host('https://')).toBe(`Error: --host: not a host: 'https://': no host (${GIVE})`);
    expect(host('   ')).toBe(`Error: --host: not a host: '   ': no host (${GIVE})`);
    expect(host('h/x')).toBe(`Error: --host: not a host: 'h/x': a host has no path, query, #, user, % or spaces (${GIVE})`);
    expect(host('[zz::1]')).toBe(`Error: --host: not a host: '[zz::1]': not an IPv6 address in brackets (${GIVE})`);
    expect(host('http://fd00::1')).toBe(`Error: --host: not a host: 'http://fd00::1': an IPv6 address in a URL needs brackets: [v6]:port (${GIVE})`);
    expect(host('fd00::zz')).toBe(`Error: --host: not a host: 'fd00::zz': not an IPv6 address; put one in brackets with a port: [v6]:port (${GIVE})`);
    expect(host('h..x')).toBe(`Error: --host: not a host: 'h..x': not a host name or address (${GIVE})`);
    expect(host('0x7f.1')).toBe(`Error: --host: not a host: '0x7f.1': not an IPv4 address (${GIVE})`);
    expect(host('h:0')).toBe(`Error: --host: not a host: 'h:0': not a port number: '0' (${GIVE})`);
  });

  it('shows at most 100 characters of the text, control characters as ?', () => {
    const long = `${'a'.repeat(120)}/`;
    expect(host(long)).toBe(`Error: --host: not a host: '${'a'.repeat(97)}...': a host has no path, query, #, user, % or spaces (${GIVE})`);
    const hundred = `${'b'.repeat(99)}/`;
    expect(host(hundred)).toContain(`'${hundred}'`);
    expect(host('a\u0000b\u009fc\u007f/')).toContain("'a?b?c?/'");
  });

  it('a / ends only a URL; a scheme is read in any case', () => {
    expect(parseHost('HTTPS://h/', 'x')).toEqual({ host: 'h', https: true });
    expect(host('h/')).toMatch(/a host has no path/);
    expect(host('http://h//')).toMatch(/a host has no path/);
    expect(parseHost('  h.example  ', 'x')).toEqual({ host: 'h.example' });
  });

  it('host names: labels of up to 63 characters, 253 in all, an optional dot at the end', () => {
    const l63 = 'a'.repeat(63);
    expect(parseHost(`${l63}.${l63}.${l63}.${'b'.repeat(61)}`, 'x').host).toHaveLength(253);
    expect(host(`${l63}.${l63}.${l63}.${'b'.repeat(62)}`)).toMatch(/not a host name or address/);
    expect(host(`${'a'.repeat(64)}.x`)).toMatch(/not a host name or address/);
    expect(parseHost('example.', 'x')).toEqual({ host: 'example.' });
    expect(parseHost('Host_1-a.Example', 'x')).toEqual({ host: 'Host_1-a.Example' });
    for (const bad of ['-a', 'a-', 'a.-b', '.a', 'a b', 'a*b']) expect(host(bad), bad).toMatch(/not a host/);
  });

  it('a name whose last label is a number must be an IPv4 address', () => {
    expect(parseHost('1.2.3.4', 'x')).toEqual({ host: '1.2.3.4' });
    for (const bad of ['a.1', 'a.0x', 'a.0X1F', '1.2.3.4.', '256.1.1.1', '01.2.3.4']) expect(host(bad), bad).toMatch(/not an IPv4 address/);
    for (const ok of ['a.1x', 'a.x1', '1x', 'a.0xg']) expect(parseHost(ok, 'x').host, ok).toBe(ok);
  });

  it('ports: 1 to 65535, up to five digits', () => {
    expect(parseHost('h:1', 'x').port).toBe(1);
    expect(parseHost('h:65535', 'x').port).toBe(65535);
    expect(parseHost('h:00080', 'x').port).toBe(80);
    for (const bad of ['h:65536', 'h:000080', 'h:-1', 'h:+8', 'h: 8']) expect(host(bad), bad).toMatch(/not a (port number|host)/);
  });
});

describe('resolveConnection refusals and trimming', () => {
  it('names the known profiles, or says none are defined', () => {
    const two: ProfilesData = { profiles: { a: { host: 'h' }, b: { host: 'h' } } };
    expect(refusal(() => resolveConnection({ profile: 'c' }, {}, two))).toBe('Error: no profile named c (known: a, b)');
    expect(refusal(() => resolveConnection({ profile: 'c' }, {}, none))).toBe('Error: no profile named c (none defined)');
    // An inherited name is not a profile.
    expect(refusal(() => resolveConnection({ profile: 'toString' }, {}, none))).toBe('Error: no profile named toString (none defined)');
  });

  it('says how to settle a port or https given twice at one place', () => {
    expect(refusal(() => resolveConnection({ host: 'h:1', port: 2 }, {}, none))).toBe(
      'Error: --port 2 and the port in --host h:1 disagree (Give the port once: in the host (host:port) or on its own.)',
    );
    expect(refusal(() => resolveConnection({ host: 'http://h', https: true }, {}, none))).toBe('Error: --https and --host http://h disagree on https (Say https once.)');
    expect(refusal(() => resolveConnection({ host: 'http://h', ca: '/ca' }, {}, none))).toBe(
      'Error: --ca needs https, but --host http://h says plain http (Drop the CA file, or use https.)',
    );
    expect(refusal(() => resolveConnection({ https: false, ca: '/ca' }, {}, none))).toBe('Error: --ca needs https, but --https says plain http (Drop the CA file, or use https.)');
    // The same value twice is no conflict.
    expect(resolveConnection({ host: 'https://h', https: true }, {}, none).endpoint).toEqual({ scheme: 'https', host: 'h', port: 443 });
    expect(resolveConnection({ host: 'h:7', port: 7 }, {}, none).endpoint.port).toBe(7);
  });

  it('quotes a bad confirm= setting, cut to 80 characters', () => {
    const p = (confirm: unknown): ProfilesData => ({ default: 'p', profiles: { p: { host: 'h', confirm } as never } });
    expect(refusal(() => resolveConnection({}, {}, p('x'.repeat(100))))).toBe(`Error: confirm of profile p must be destructive, always, never; got "${'x'.repeat(79)}`);
    expect(refusal(() => resolveConnection({}, {}, p(null)))).toBe('Error: confirm of profile p must be destructive, always, never; got null');
  });

  it('trims the profile name, session and account; blank ones count as not given', () => {
    const data: ProfilesData = { default: 'lab', profiles: { lab: { host: 'https://h', account: '  ops ', insecure: true }, prod: { host: 'p' } } };
    const r = resolveConnection({ profile: ' prod ', session: ' s1 ' }, {}, data);
    expect(r).toMatchObject({ profile: 'prod', session: 's1', endpoint: { host: 'p' } });
    expect(r.account).toBeUndefined();
    expect(r.insecure).toBe(false);
    const d = resolveConnection({ profile: '  ', account: ' ', session: '' }, { ZSTACK_SESSION: ' e1 ' }, data);
    expect(d).toMatchObject({ profile: 'lab', account: 'ops', session: 'e1', insecure: true });
    expect(resolveConnection({ insecure: false }, {}, data).insecure).toBe(false);
    expect(resolveConnection({}, { ZSTACK_PROFILE: ' ' }, { profiles: data.profiles }).profile).toBeUndefined();
  });

  it('a port flag that is an empty string is not given; a padded one is read', () => {
    expect(resolveConnection({ port: '' }, {}, none).endpoint.port).toBe(8080);
    expect(resolveConnection({ port: ' 81 ' }, {}, none).endpoint.port).toBe(81);
    for (const bad of [0, 65536, 8.5, '8.5', '0x50', '-1']) {
      expect(refusal(() => resolveConnection({ port: bad }, {}, none)), String(bad)).toBe(`Error: --port: not a port number: ${bad}`);
    }
    expect(refusal(() => resolveConnection({}, {}, { default: 'p', profiles: { p: { host: 'h', port: 0 } } }))).toBe('Error: port of profile p: not a port number: 0');
    expect(resolveConnection({ port: 65535 }, {}, none).endpoint.port).toBe(65535);
    expect(resolveConnection({ port: 1 }, {}, none).endpoint.port).toBe(1);
  });

  it('an empty --timeout is not given; the environment then counts', () => {
    expect(resolveConnection({ timeout: '' }, { ZSTACK_TIMEOUT: '7' }, none).timeoutMs).toBe(7000);
    expect(resolveConnection({ timeout: 3 }, { ZSTACK_TIMEOUT: '7' }, none).timeoutMs).toBe(3000);
    expect(resolveConnection({}, { ZSTACK_TIMEOUT: ' ' }, none).timeoutMs).toBe(30 * 60_000);
  });
});

describe('parseTimeout', () => {
  it('reads units in any case with spaces around, and fractions', () => {
    expect(parseTimeout(' 2 M ', 'x')).toBe(120_000);
    expect(parseTimeout('1.5s', 'x')).toBe(1500);
    expect(parseTimeout('90S', 'x')).toBe(90_000);
    expect(parseTimeout('1D', 'x')).toBe(86_400_000);
    expect(parseTimeout('250MS', 'x')).toBe(250);
    expect(parseTimeout('1.0004', 'x')).toBe(1000);
  });

  it('refuses anything else, naming the source and the forms', () => {
    for (const bad of ['', '-1', '1.', '.5', '1 s s', '1w', 'Infinity', '0ms', '0.0004', '0.4ms']) {
      expect(refusal(() => parseTimeout(bad, '--timeout')), bad).toBe(`Error: --timeout: not a timeout: ${bad} (seconds, or e.g. 90s, 10m)`);
    }
    for (const bad of [0, -1, Number.NaN, Infinity, 0.0004]) expect(refusal(() => parseTimeout(bad, 'T')), String(bad)).toMatch(/^Error: T: not a timeout: /);
  });

  it('any whole number of any unit is that many milliseconds (property)', () => {
    const unit = fc.constantFrom<[string, number]>(['ms', 1], ['s', 1000], ['m', 60_000], ['h', 3_600_000], ['d', 86_400_000], ['', 1000]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), unit, (n, [u, ms]) => {
        expect(parseTimeout(`${n}${u}`, 'x')).toBe(n * ms);
      }),
    );
  });
});

describe('serverKey', () => {
  it('lower-cases the host and brackets an IPv6 address', () => {
    expect(serverKey('ZS.Example', 8080)).toBe('zs.example:8080');
    expect(serverKey('FD00::1', 443)).toBe('[fd00::1]:443');
  });
});
