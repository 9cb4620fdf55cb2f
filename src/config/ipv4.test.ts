import { isIPv4 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIPv4Literal } from './connection.js';

describe('isIPv4Literal', () => {
  it('agrees with node:net isIPv4 on the cases that matter', () => {
    for (const s of ['127.0.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1.2.3.04', ' 1.2.3.4', '1.2.3.4\n', '0x7f.0.0.1', '10.0.0.256', '9.99.199.249']) {
      expect(isIPv4Literal(s), s).toBe(isIPv4(s));
    }
  });

  it('agrees with node:net isIPv4 on any dotted string of digits', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^[0-9]{1,4}$/));
    fc.assert(
      fc.property(fc.array(octet, { minLength: 1, maxLength: 6 }), (parts) => {
        const s = parts.join('.');
        expect(isIPv4Literal(s)).toBe(isIPv4(s));
      }),
      { numRuns: 2000 },
    );
  });
});
