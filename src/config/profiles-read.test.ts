// Reading profiles (every command and Tab resolves its connection through it) parses the file conf
// writes as plain JSON, without importing conf: this file's `conf` throws when loaded.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveFor } from '../cli/resolve.js';
import { systemIdentity } from '../cli/system.js';
import { renderError } from '../errors/report.js';
import { configFiles } from './config-files.js';
import { readProfiles } from './profiles.js';
import { thrown } from './testing.js';

vi.mock('conf', () => {
  throw new Error('conf was imported to read profiles');
});

const files = configFiles({ me: systemIdentity() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zs-prof-read-'));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (text: string): void => writeFileSync(join(dir, 'profiles.json'), text, { mode: 0o600 });
describe('readProfiles', () => {
  it('reads the default and the profiles conf wrote; no file is no profiles', () => {
    expect(readProfiles(dir, files)).toEqual({ profiles: {} });
    write('{\n\t"profiles": {\n\t\t"lab": {\n\t\t\t"host": "10.0.0.1",\n\t\t\t"port": 8080\n\t\t}\n\t},\n\t"default": "lab"\n}');
    expect(readProfiles(dir, files)).toEqual({ default: 'lab', profiles: { lab: { host: '10.0.0.1', port: 8080 } } });
  });

  it('reads JSON of another shape as no profiles, and bad JSON as the one-line error conf gave', () => {
    for (const text of ['[]', '"x"', 'null', '{"profiles": 3, "default": 7}', '{"profiles": ["a"]}']) {
      write(text);
      expect(readProfiles(dir, files), text).toEqual({ profiles: {} });
    }
    write('{"profiles": ');
    expect(renderError(thrown(() => readProfiles(dir, files)))).toBe(`Error: ${join(dir, 'profiles.json')}: is not valid JSON (fix it, or remove it to start over)`);
  });

  it('refuses a profile file that is a link, as every config file', () => {
    writeFileSync(join(dir, 'elsewhere.json'), '{"profiles":{"x":{"host":"h"}}}');
    symlinkSync(join(dir, 'elsewhere.json'), join(dir, 'profiles.json'));
    expect(renderError(thrown(() => readProfiles(dir, files)))).toMatch(/profiles\.json: is a symbolic link/);
  });

  it('is what resolving a connection reads: a default profile applies without conf', async () => {
    write('{"profiles":{"lab":{"host":"10.0.0.9","port":8081}},"default":"lab"}');
    const r = await resolveFor({ env: { ZSTACK_CLI_HOME: dir }, homedir: dir, identity: systemIdentity() }, {}, () => undefined);
    expect(r.conn).toMatchObject({ server: '10.0.0.9:8081', profile: 'lab' });
  });
});
