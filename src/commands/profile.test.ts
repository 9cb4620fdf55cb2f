import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfileSettings } from './profile.js';
import { runBuiltinWords } from './testing.js';

describe('profile settings', () => {
  it('reads key=value settings with types', () => {
    expect(parseProfileSettings(['host=10.0.0.1', 'port=8443', 'https=true', 'ca=certs/ca.pem', 'account=ops'], '/work')).toEqual({
      host: '10.0.0.1',
      port: 8443,
      https: true,
      ca: '/work/certs/ca.pem',
      account: 'ops',
    });
  });

  it('says what is wrong in one line', () => {
    expect(parseProfileSettings(['port=8080'], '/')).toEqual({ host: 'localhost', port: 8080 });
    expect(parseProfileSettings(['host=a', 'port=0'], '/')).toMatchObject({ message: expect.stringMatching(/port must be a number/) });
    expect(parseProfileSettings(['host=a', 'https=yes'], '/')).toMatchObject({ message: expect.stringMatching(/https must be true or false/) });
    expect(parseProfileSettings(['hots=a'], '/')).toMatchObject({ message: "unknown profile setting 'hots'", hint: 'settings: host= port= https= ca= insecure= account= confirm=' });
    expect(parseProfileSettings(['confirm=maybe'], '/')).toMatchObject({ message: "confirm must be destructive, always, never; got 'maybe'" });
  });

  it('takes confirm=destructive|always|never and lists it', async () => {
    expect(parseProfileSettings(['confirm=Always'], '/')).toEqual({ host: 'localhost', confirm: 'always' });
    const home = mkdtempSync(join(tmpdir(), 'zstack-profiles-'));
    expect((await runBuiltinWords(['profile', 'add', 'ci', 'host=10.0.0.9', 'confirm=never'], { home })).code).toBe(0);
    expect((await runBuiltinWords(['profile', 'list'], { home })).out).toBe('  ci\thttp://10.0.0.9:8080\tconfirm=never\n');
  });
});

describe('profile command', () => {
  it('adds, lists with the default marked, and removes', async () => {
    const home = mkdtempSync(join(tmpdir(), 'zstack-profiles-'));
    const run = (...w: string[]) => runBuiltinWords(['profile', ...w], { home });
    expect((await run('add', 'prod', 'host=10.0.0.1', 'https=true')).code).toBe(0);
    expect((await run('add', 'lab', 'port=18080')).code).toBe(0);
    expect((await run('use', 'lab')).code).toBe(0);
    const l = await run('list');
    expect(l.out).toBe('* lab\thttp://localhost:18080\n  prod\thttps://10.0.0.1:8080\n');
    expect((await runBuiltinWords(['profile'], { home })).out).toBe(l.out);
    expect((await run('remove', 'prod')).code).toBe(0);
    const e = await run('remove', 'prod');
    expect(e.code).toBe(2);
    expect(e.err).toBe('Error: no profile named prod (profile list shows them)\n');
    const bad = await run('frob');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^Error: unknown profile command 'frob' \(profile list\|add\|remove\|use\)\n$/);
    const missing = await run('use');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^Error: missing required argument 'name' \(usage: profile use <name>\)\n$/);
  });
});
