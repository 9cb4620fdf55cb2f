import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { parseLine } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import type { GuardedCall } from './guard.js';
import { runParsed, type RunnerDeps, type RunOptions } from './runner.js';

const registry = loadRegistry();
const VM = 'f97143d60f1042c9badd9a1336d3c105';

/** Runner deps whose guard records its calls (and refuses when told); sending is recorded, never done. */
function deps(refuse: boolean) {
  const guarded: GuardedCall[] = [];
  const sent: string[] = [];
  const out: string[] = [];
  const d: RunnerDeps = {
    registry,
    endpoint: { scheme: 'http', host: '127.0.0.1', port: 8080 },
    session: { current: async () => ({ uuid: 'a'.repeat(32) }), loggedIn: () => undefined, forget: () => undefined },
    execContext: async (_s, api) => {
      sent.push(api.name);
      throw new Error('not sending in this test');
    },
    promptPassword: undefined,
    guard: async (call) => {
      guarded.push(call);
      if (refuse) throw new UsageError('refused by the guard');
    },
    confirm: async () => true,
    showResult: async () => undefined,
    finished: () => undefined,
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    commandPrefix: () => '',
  };
  return { d, guarded, sent, out };
}

const run = (d: RunnerDeps, line: string, opts: RunOptions = {}) => runParsed(parseLine(line), d, opts);

describe('the runner asks the guard once, before sending', () => {
  it('a refusal is the exit code and nothing is sent', async () => {
    const t = deps(true);
    expect((await run(t.d, `DestroyVmInstance uuid=${VM}`)).code).toBe(2);
    expect(t.sent).toEqual([]);
    expect(t.out).toEqual(['Error: refused by the guard']);
    expect(t.guarded).toHaveLength(1);
    expect(t.guarded[0]!.request.api.name).toBe('DestroyVmInstance');
    expect(t.guarded[0]!.cmd.args[0]!.value).toBe(VM);
  });

  it('passes --yes and the terminal question on; --dry-run and --curl never reach it', async () => {
    const t = deps(false);
    await run(t.d, `DestroyVmInstance uuid=${VM}`, { yes: true });
    expect(t.guarded.map((g) => [g.yes, g.confirm === t.d.confirm])).toEqual([[true, true]]);
    expect(t.sent).toEqual(['DestroyVmInstance']);
    expect((await run(t.d, `DestroyVmInstance uuid=${VM}`, { dryRun: true })).code).toBe(0);
    expect((await run(t.d, `DestroyVmInstance uuid=${VM}`, { curl: true })).code).toBe(0);
    expect(t.guarded).toHaveLength(1);
  });
});

describe('the terminal question is looked at only for a call that needs it', () => {
  it('a query through the real guard never reads the prompt (it opens stdin); a destructive call does', async () => {
    const { createGuard } = await import('./guard.js');
    const t = deps(false);
    let reads = 0;
    const d: RunnerDeps = {
      ...t.d,
      guard: createGuard({ registry, policy: 'destructive', server: '127.0.0.1:8080', unsupported: async () => undefined, lookup: async () => [] }),
      get confirm() {
        reads++;
        return undefined;
      },
    };
    expect(reads).toBe(0);
    await run(d, 'QueryVmInstance name=x');
    expect(t.sent).toEqual(['QueryVmInstance']);
    expect(reads).toBe(0);
    expect((await run(d, `DestroyVmInstance uuid=${VM}`)).code).toBe(2);
    expect(reads).toBe(1);
  });
});
