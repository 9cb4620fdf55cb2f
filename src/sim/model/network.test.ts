// IPv4 text <-> number: the dotted form read character by character takes exactly what the pattern
// `d{1,3}.d{1,3}.d{1,3}.d{1,3}` (each at most 255) takes, and longToIp writes it back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipToLong, longToIp } from './network.js';

/** What the address text means, by the pattern. */
function byPattern(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.some((p) => p > 255) ? undefined : parts.reduce((n, p) => n * 256 + p, 0);
}

/** Groups of 0 to 4 digits joined by dots, 3 to 5 of them: mostly addresses, some one step off. */
const dotted = fc.array(fc.stringMatching(/^[0-9]{0,4}$/), { minLength: 3, maxLength: 5 }).map((a) => a.join('.'));

describe('ipToLong / longToIp', () => {
  it('read addresses and refuse everything else', () => {
    expect(ipToLong('10.0.0.2')).toBe(0x0a000002);
    expect(ipToLong('255.255.255.255')).toBe(2 ** 32 - 1);
    expect(ipToLong('010.000.0.01')).toBe(0x0a000001);
    for (const bad of ['', '1.2.3', '1.2.3.4.5', '1.2.3.256', '1..2.3', '.1.2.3', '1.2.3.', '1.2.3.4 ', '1.2.3.0004', '1.2.3.a', '1.2.3.4\n', '１.2.3.4']) {
      expect(ipToLong(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('agree with the pattern on any text made of digits and dots', () => {
    fc.assert(fc.property(fc.oneof(fc.stringMatching(/^[0-9.x]{0,17}$/), dotted), (s) => {
        expect(ipToLong(s)).toBe(byPattern(s));
      }), { numRuns: 5000 });
  });

  it('write back what they read', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => {
        expect(ipToLong(longToIp(n))).toBe(n);
      }));
  });
});
