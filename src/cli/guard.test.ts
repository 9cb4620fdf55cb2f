import { describe, expect, it } from 'vitest';
import type { ConfirmPolicy } from '../config/confirm-policy.js';
import { exitCodeFor } from '../errors/cli-error.js';
import { AuthError } from '../execute/errors.js';
import { renderError } from '../errors/report.js';
import { parseLine } from '../parse/parser.js';
import { planLine, registry } from '../plan/testing.js';
import { createGuard, needsConfirm, type GuardDeps } from './guard.js';

const VM = 'f97143d60f1042c9badd9a1336d3c105';

/** A guard over fakes; `asked` records questions, `looked` lookups. */
function setup(o: { policy?: ConfirmPolicy; unsupported?: string[]; answer?: boolean | undefined; rows?: unknown[]; lookupFails?: Error } = {}) {
  const asked: string[] = [];
  const looked: string[] = [];
  const deps: GuardDeps = {
    registry,
    policy: o.policy ?? 'destructive',
    server: '10.0.0.1:8080',
    unsupported: async () => (o.unsupported ? { apis: new Set(o.unsupported), version: '4.8.0' } : undefined),
    lookup: async (ref, uuids) => {
      looked.push(`${ref.queryApi} ${uuids.join(',')}`);
      if (o.lookupFails) throw o.lookupFails;
      return o.rows ?? [];
    },
  };
  const guard = createGuard(deps);
  const confirm = async (message: string): Promise<boolean | undefined> => {
    asked.push(message);
    return 'answer' in o ? o.answer : true;
  };
  /** Runs the guard on a line; the thrown error's one-line text and exit code, or 'sent'. */
  const check = async (line: string, opts: { yes?: boolean; tty?: boolean } = {}): Promise<string> => {
    try {
      await guard({ cmd: parseLine(line).command!, request: planLine(line), yes: opts.yes === true, confirm: opts.tty === false ? undefined : confirm });
      return 'sent';
    } catch (e) {
      return `${exitCodeFor(e)} ${renderError(e)}`;
    }
  };
  return { check, asked, looked };
}

describe('the guard before sending', () => {
  it('asks before a destructive API, naming its target, and sends on yes', async () => {
    const g = setup({ rows: [{ uuid: VM, name: 'web-02', state: 'Running', vmNics: [{ ip: '10.0.0.12' }] }] });
    expect(await g.check(`DestroyVmInstance uuid=${VM}`)).toBe('sent');
    expect(g.looked).toEqual([`QueryVmInstance ${VM}`]);
    expect(g.asked).toEqual(['Destroy VM instance web-02 (Running, 10.0.0.12)?']);
  });

  it('without a session it asks nothing and names the call, not its lookup (exit 4)', async () => {
    const g = setup({ lookupFails: AuthError.notLoggedIn('QueryVmInstance', 'ops') });
    const r = await g.check(`DestroyVmInstance uuid=${VM}`);
    expect(r).toMatch(/^4 Error: DestroyVmInstance needs a session and you are not logged in\n.*LogInByAccount accountName=ops/);
    expect(g.asked).toEqual([]);
  });

  it('no is exit 2 (not sent); Ctrl-C is 130', async () => {
    expect(await setup({ answer: false }).check(`DestroyVmInstance uuid=${VM}`)).toBe('2 Not sent: DestroyVmInstance was not confirmed.');
    expect(await setup({ answer: undefined }).check(`DestroyVmInstance uuid=${VM}`)).toBe('130 Interrupted; nothing was sent');
  });

  it('without a terminal refuses with exit 2 and the --yes hint; --yes sends without asking or looking up', async () => {
    const g = setup();
    expect(await g.check(`ExpungeVmInstance uuid=${VM}`, { tty: false })).toBe(
      '2 Error: ExpungeVmInstance destroys or loses data; there is no terminal to confirm it on, so nothing was sent (add --yes (-y) to run it without asking)',
    );
    expect(await g.check(`ExpungeVmInstance uuid=${VM}`, { yes: true, tty: false })).toBe('sent');
    expect(await g.check(`ExpungeVmInstance uuid=${VM}`, { yes: true })).toBe('sent');
    expect(g.asked).toEqual([]);
    expect(g.looked).toEqual([]);
  });

  it('leaves calls that destroy nothing alone under the default policy', async () => {
    const g = setup();
    for (const line of [`StartVmInstance uuid=${VM}`, 'QueryVmInstance', `StopVmInstance uuid=${VM}`]) expect(await g.check(line, { tty: false })).toBe('sent');
    expect(g.asked).toEqual([]);
  });

  it('confirm=always asks before every change (never a read); confirm=never asks nothing', async () => {
    const always = setup({ policy: 'always' });
    expect(await always.check(`StartVmInstance uuid=${VM}`)).toBe('sent');
    expect(await always.check('QueryVmInstance')).toBe('sent');
    expect(await always.check(`StartVmInstance uuid=${VM}`, { tty: false })).toMatch(/^2 Error: StartVmInstance changes something and confirm=always asks first; there is no terminal/);
    expect(always.asked).toEqual([`Start VM instance ${VM} (not found)?`]);
    const never = setup({ policy: 'never' });
    expect(await never.check(`DestroyVmInstance uuid=${VM}`, { tty: false })).toBe('sent');
    expect(never.asked).toEqual([]);
    expect(needsConfirm('destructive', registry.api('DeleteImage')!)).toBe(true);
    expect(needsConfirm('always', registry.api('LogInByAccount')!)).toBe(false);
  });

  it('refuses an API the node does not support before anything else, naming it (exit 2)', async () => {
    const g = setup({ unsupported: ['DestroyVmInstance', 'StartVmInstance'] });
    expect(await g.check(`StartVmInstance uuid=${VM}`, { yes: true })).toBe(
      "2 Error: StartVmInstance is not supported by the management node at 10.0.0.1:8080 (ZStack 4.8.0); nothing was sent (it is missing from the APIs the node lists (GetSupportAPIs); help <word> shows the ones it has)",
    );
    expect(await g.check(`DestroyVmInstance uuid=${VM}`)).toMatch(/^2 Error: DestroyVmInstance is not supported/);
    expect(g.asked).toEqual([]);
    expect(await g.check('QueryVmInstance')).toBe('sent');
  });
});
