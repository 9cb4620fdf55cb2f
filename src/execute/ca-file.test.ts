import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { MAX_CA_FILE_BYTES, readCaFile } from './ca-file.js';
import { hasOpenssl, selfSignedCert } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'zs-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('readCaFile', () => {
  it('refuses what is not a PEM certificate as a usage error (exit 2) naming the file', () => {
    const cases: Array<[string, RegExp]> = [
      [file('text.pem', 'hello\n'), /holds no PEM certificate/],
      [file('empty.pem', ''), /holds no PEM certificate/],
      [file('key.pem', '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMG\n-----END PRIVATE KEY-----\n'), /holds no PEM certificate/],
      [file('broken.pem', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n'), /certificate 1 of 1 is not a valid certificate/],
      [join(dir, 'missing.pem'), /cannot read the CA file .*missing\.pem: ENOENT/],
      [dir, /cannot read the CA file .*: EISDIR/],
    ];
    for (const [path, msg] of cases) {
      const f = () => readCaFile(path);
      expect(f, path).toThrow(UsageError);
      expect(f, path).toThrow(msg);
    }
  });

  it('reads at most a bounded amount (a device such as /dev/zero never ends)', () => {
    let asked = 0;
    const f = () =>
      readCaFile('/dev/zero', (_p, max) => {
        asked = max;
        return Buffer.alloc(max + 1);
      });
    expect(f).toThrow(/too large/);
    expect(asked).toBe(MAX_CA_FILE_BYTES);
  });

  it.skipIf(!hasOpenssl)(`returns the certificates of a real PEM file${hasOpenssl ? '' : ' (skipped: openssl is not installed)'}`, () => {
    const pem = readFileSync(selfSignedCert(dir, 'ca.test').certFile, 'utf8');
    const bundle = file('bundle.pem', `# comment\n${pem}\n${pem}`);
    expect(readCaFile(bundle).match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });
});
