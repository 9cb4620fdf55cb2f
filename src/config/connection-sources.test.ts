// Which source resolveConnection names when settings at one place disagree, the keys a resolved
// connection leaves out, and corners of host and timeout text.
import { describe, expect, it } from 'vitest';
import { parseHost, parseTimeout, resolveConnection, type ProfilesData } from './connection.js';
import { rendered } from './testing.js';

const none: ProfilesData = { profiles: {} };
const profile = (p: object): ProfilesData => ({ default: 'p', profiles: { p: { host: 'h', ...p } } });
const message = rendered;

describe('sources named in refusals', () => {
  it('names the profile settings that disagree', () => {
    expect(message(() => resolveConnection({}, {}, profile({ host: 'h:1', port: 2 })))).toBe('Error: port of profile p 2 and the port in host of profile p h:1 disagree (Give the port once: in the host (host:port) or on its own.)');
    expect(message(() => resolveConnection({}, {}, profile({ host: 'http://h', https: true })))).toBe('Error: https of profile p and host of profile p http://h disagree on https (Say https once.)');
    expect(message(() => resolveConnection({}, {}, profile({ host: 'http://h', ca: '/c' })))).toBe('Error: ca of profile p needs https, but host of profile p http://h says plain http (Drop the CA file, or use https.)');
  });

  it('names the timeout settings', () => {
    expect(message(() => resolveConnection({ timeout: 'x' }, {}, none))).toBe('Error: --timeout: not a timeout: x (seconds, or e.g. 90s, 10m)');
    expect(message(() => resolveConnection({}, { ZSTACK_READ_TIMEOUT: 'x' }, none))).toBe('Error: ZSTACK_READ_TIMEOUT: not a timeout: x (seconds, or e.g. 90s, 10m)');
  });
});

describe('a resolved connection', () => {
  it('has no key for a CA, session, account or profile that is not set', () => {
    const r = resolveConnection({}, {}, none);
    for (const k of ['ca', 'session', 'account', 'profile']) expect(Object.hasOwn(r, k), k).toBe(false);
    const s = resolveConnection({ ca: '/c', session: 's', account: 'a' }, {}, profile({}));
    expect(s).toMatchObject({ ca: '/c', session: 's', account: 'a', profile: 'p' });
  });

  it('a host spec has no https key without a scheme', () => {
    expect(parseHost('h', 'x')).toStrictEqual({ host: 'h' });
    expect(parseHost('h:1', 'x')).toStrictEqual({ host: 'h', port: 1 });
  });
});

describe('host text corners', () => {
  it('a scheme only counts at the start; only one / may end a URL', () => {
    expect(message(() => parseHost('1ftp://h', 'x'))).toMatch(/a host has no path/);
    expect(message(() => parseHost('http:///h', 'x'))).toMatch(/a host has no path/);
  });

  it('brackets hold the whole host, and only a port may follow them', () => {
    expect(message(() => parseHost('x[::1]', 'x'))).toMatch(/not an IPv6 address; put one in brackets/);
    expect(message(() => parseHost('[::1]x', 'x'))).toMatch(/not an IPv6 address; put one in brackets/);
    expect(parseHost('[::1]:8', 'x')).toStrictEqual({ host: '::1', port: 8 });
  });

  it('a last label of several digits is a number too', () => {
    expect(message(() => parseHost('a.12', 'x'))).toMatch(/not an IPv4 address/);
    expect(message(() => parseHost('a.0x1f', 'x'))).toMatch(/not an IPv4 address/);
  });
});

describe('timeouts given as numbers', () => {
  it('are seconds, however large', () => {
    expect(parseTimeout(1e21, 'x')).toBe(1e24);
    expect(parseTimeout(0.5, 'x')).toBe(500);
  });
});
