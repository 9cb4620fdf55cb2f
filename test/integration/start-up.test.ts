// The built entry point as users start it: the bundles under dist/ with their V8 code cache in the
// user's cache directory, from any working directory and through a symlink (npm link, npm -g).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cleanEnv } from './cli-helpers.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'zstack-start-up-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}, bin = BIN) => {
  const r = spawnSync(process.execPath, [bin, ...args], { env: cleanEnv(home, env), cwd: home, encoding: 'utf8', timeout: 15_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const cacheDir = (): string => join(home, '.cache', 'zstack-cli');
const DRY = ['--dry-run', 'QueryVmInstance', 'name=x'];
const DRY_OUT = '{"method":"GET","url":"http://localhost:8080/zstack/v1/vm-instances?q=name%3Dx","body":null}\n';

describe('start-up from the bundles', () => {
  it('keeps one code cache per bundle in ~/.cache/zstack-cli (0700), files 0600, and uses it', () => {
    expect(run(DRY)).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    expect(run(['__complete', '--', 'zstack-cli QueryVmIns']).stdout).toMatch(/^QueryVmInstance\n/);
    const files = readdirSync(cacheDir()).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^zstack-cli-complete@\d+\.\d+\.\d+\+[0-9a-f]{16}@v\d+/);
    expect(files[1]).toMatch(/^zstack-cli@/);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    for (const f of files) expect(statSync(join(cacheDir(), f)).mode & 0o777).toBe(0o600);
    const before = readFileSync(join(cacheDir(), files[1]!));
    expect(run(DRY)).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    expect(readFileSync(join(cacheDir(), files[1]!))).toEqual(before);
  });

  it("keeps a cache of their own for runs that only plan (--dry-run, --curl) and for the CLI's own commands", () => {
    expect(run(['--version']).code).toBe(0);
    expect(run(DRY)).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    const files = readdirSync(cacheDir()).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^zstack-cli@[^@]+@v[^@]*-local\.v8cache$/);
    expect(files[1]).toMatch(/^zstack-cli@[^@]+@v[^@]*-plan\.v8cache$/);
  });

  it('writes no cache from a run that failed: it stopped before compiling what the next run needs', () => {
    expect(run(['--port', '1', 'QueryVmInstance', 'name=x']).code).toBe(4); // no session
    expect(run(['StartVmInstanec', 'uuid=1']).code).toBe(2);
    expect(run(['--dry-run', 'QueryVmInstance', 'nmae=x']).code).toBe(2);
    expect(readdirSync(home)).not.toContain('.cache');
    expect(run(DRY)).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    expect(readdirSync(cacheDir())).toEqual([expect.stringMatching(/-plan\.v8cache$/)]);
  });

  it('replaces a cache that is garbage and still runs the command', () => {
    run(DRY);
    const [file] = readdirSync(cacheDir());
    writeFileSync(join(cacheDir(), file!), 'garbage');
    expect(run(DRY)).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    expect(readFileSync(join(cacheDir(), file!), 'utf8')).not.toBe('garbage');
  });

  it('runs without a cache where none can be written, and with ZSTACK_CLI_NO_CODE_CACHE writes none', () => {
    writeFileSync(join(home, 'not-a-dir'), '');
    expect(run(DRY, { XDG_CACHE_HOME: join(home, 'not-a-dir') })).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    expect(run(DRY, { ZSTACK_CLI_NO_CODE_CACHE: '1' })).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    expect(readdirSync(home)).toEqual(['not-a-dir']);
  });

  it('finds its data files through a symlink to bin/ (npm link, npm install -g)', () => {
    const link = join(home, 'zstack-cli');
    symlinkSync(BIN, link);
    expect(run(DRY, {}, link)).toEqual({ code: 0, stdout: DRY_OUT, stderr: '' });
    const direct = spawnSync(link, ['completion', 'bash'], { env: cleanEnv(home), cwd: home, encoding: 'utf8', timeout: 15_000 });
    expect(direct.status).toBe(0);
    expect(direct.stdout).toContain('complete -F _zstack_cli zstack-cli');
    expect(run(['help', 'QueryVmInstance'], {}, link).stdout).toContain('QueryVmInstance');
  });
});
