// Job uuids: the shape ZStack requires (32 lowercase hex, version 4, RFC 4122 variant), from /dev/urandom when it is a
// character device, from node:crypto otherwise.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomJobUuid, urandomBytes } from './job-uuid.js';

const V4 = /^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/;

describe('randomJobUuid', () => {
  it('is a v4 uuid without dashes, different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const u = randomJobUuid();
      expect(u).toMatch(V4);
      seen.add(u);
    }
    expect(seen.size).toBe(200);
  });

  it('sets the version and variant bits over whatever bytes it is given', () => {
    expect(randomJobUuid(() => Buffer.alloc(16, 0xff))).toBe('ffffffffffff4fffbfffffffffffffff');
    expect(randomJobUuid(() => Buffer.alloc(16, 0))).toBe('00000000000040008000000000000000');
  });

  it('falls back to node:crypto when the system source gives nothing', () => {
    const a = randomJobUuid(() => undefined);
    const b = randomJobUuid(() => undefined);
    expect(a).toMatch(V4);
    expect(a).not.toBe(b);
  });
});

describe('urandomBytes', () => {
  it('reads the device', () => {
    if (process.platform === 'win32') return void expect(urandomBytes(16)).toBeUndefined();
    const b = urandomBytes(16);
    expect(b).toHaveLength(16);
    expect(urandomBytes(16)!.equals(b!)).toBe(false);
  });

  it('refuses a plain file in the device\'s place, and a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'job-uuid-'));
    try {
      const fake = join(dir, 'urandom');
      writeFileSync(fake, Buffer.alloc(64, 7));
      expect(urandomBytes(16, fake)).toBeUndefined();
      expect(urandomBytes(16, join(dir, 'none'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
