import { describe, expect, it } from 'vitest';
import { runScript } from './script.js';

function harness(codes: Record<string, number>) {
  const ran: string[] = [];
  const errors: string[] = [];
  return {
    ran,
    errors,
    opts: (stopOnError: boolean) => ({
      source: 'test.zs',
      stopOnError,
      runLine: async (line: string) => {
        ran.push(line);
        return codes[line] ?? 0;
      },
      reportError: (t: string) => errors.push(t),
    }),
  };
}

describe('runScript', () => {
  const lines = ['# setup', '', 'QueryZone', 'bad line', '  # indented comment', 'QueryHost\r'];

  it('skips comments and blank lines, reports failures with line numbers, runs on', async () => {
    const h = harness({ 'bad line': 2 });
    expect(await runScript(lines, h.opts(false))).toBe(2);
    expect(h.ran).toEqual(['QueryZone', 'bad line', 'QueryHost']);
    expect(h.errors).toEqual(['test.zs:4: failed (exit 2): bad line']);
  });

  it('stops at the first failure with stopOnError', async () => {
    const h = harness({ 'bad line': 1 });
    expect(await runScript(lines, h.opts(true))).toBe(1);
    expect(h.ran).toEqual(['QueryZone', 'bad line']);
  });

  it('stops when a command is interrupted', async () => {
    const h = harness({ QueryZone: 130 });
    expect(await runScript(lines, h.opts(false))).toBe(130);
    expect(h.ran).toEqual(['QueryZone']);
  });

  it('ends at a line that is just an end word, with the first failure so far', async () => {
    const h = harness({ 'bad line': 2 });
    const withEnd = (o: ReturnType<typeof h.opts>) => ({ ...o, endWords: ['exit', 'quit'] });
    expect(await runScript(['QueryZone', 'bad line', '  exit ', 'QueryHost'], withEnd(h.opts(false)))).toBe(2);
    expect(h.ran).toEqual(['QueryZone', 'bad line']);
    const ok = harness({});
    expect(await runScript(['QueryZone', 'quit', 'QueryHost'], withEnd(ok.opts(false)))).toBe(0);
    expect(ok.ran).toEqual(['QueryZone']);
    // Only the word alone: `exit now` is a line like any other (and fails as one).
    const other = harness({});
    await runScript(['exit now', 'QueryHost'], withEnd(other.opts(false)));
    expect(other.ran).toEqual(['exit now', 'QueryHost']);
  });

  it('returns 0 when every line succeeds', async () => {
    expect(await runScript(['QueryZone'], harness({}).opts(true))).toBe(0);
  });

  it('echoes a failing line with every secret redacted, as the history keeps it', async () => {
    const bad = [
      "LogInByAccount accountName=admin 'password'=s3cret",
      'LogInByAccount "pass"word=s3cret password\\=s3cret',
      'CreateVmInstance systemTags=ha::NeverStop,rootPassword::s3cret',
      'LogOut sessionUuid=s3cret',
    ];
    const h = harness(Object.fromEntries(bad.map((l) => [l, 2])));
    await runScript(bad, h.opts(false));
    expect(h.errors).toEqual([
      'test.zs:1: failed (exit 2): LogInByAccount accountName=admin password=***',
      'test.zs:2: failed (exit 2): LogInByAccount password=*** password=***',
      'test.zs:3: failed (exit 2): CreateVmInstance systemTags=ha::NeverStop,rootPassword::***',
      'test.zs:4: failed (exit 2): LogOut sessionUuid=***',
    ]);
    expect(h.errors.join('\n')).not.toContain('s3cret');
  });
});
