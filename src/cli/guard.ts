// The checks between planning a call and sending it (the runner's one hook), for every front end:
// an API the management node does not support is refused (exit 2, naming it), and one that destroys
// data (src/schema/destructive.ts) is asked about on a terminal, naming what it hits, or refused
// without one (exit 2) unless --yes. The profile's `confirm=` picks what asks: `destructive` (the
// default), `always` (every call that changes something) or `never`. --dry-run and --curl never reach it.
import type { ConfirmPolicy } from '../config/confirm-policy.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { AuthError, InterruptedError } from '../execute/errors.js';
import type { CommandNode } from '../parse/ast.js';
import { clip } from '../parse/echo.js';
import type { PlannedRequest } from '../plan/request.js';
import { changesState, isDestructive } from '../schema/destructive.js';
import type { Registry } from '../schema/registry.js';
import type { RowLookup } from './call-targets.js';

/** Asks a yes/no question on the terminal; undefined when cancelled (Ctrl-C, Esc). */
export type ConfirmPrompt = (message: string, signal?: AbortSignal) => Promise<boolean | undefined>;

/** One call about to be sent. */
export interface GuardedCall {
  /** The command as run (its args name the targets). */
  cmd: CommandNode;
  request: PlannedRequest;
  /** `--yes` on this line or for the whole run. */
  yes: boolean;
  /** The terminal's question, or undefined without a terminal (read only when a question is due: opening it may open stdin). */
  readonly confirm: ConfirmPrompt | undefined;
  signal?: AbortSignal;
}

/** Throws (a usage error, an interruption) when the call must not be sent. */
export type CallGuard = (call: GuardedCall) => Promise<void>;

export interface GuardDeps {
  registry: Registry;
  policy: ConfirmPolicy;
  /** Where the policy came from, for messages: `confirm=always of profile prod`. */
  policySource?: string;
  /** `host:port` of the management node, for messages. */
  server: string;
  /** What the node is known not to support, and its version; undefined when unknown (all allowed). */
  unsupported: () => Promise<{ apis: ReadonlySet<string>; version: string } | undefined>;
  lookup: RowLookup;
}

/** The user answered no: nothing was sent (exit 2, as for a call refused without a terminal). */
export class NotConfirmedError extends CliError {
  readonly kind = 'usage' as const;
  constructor(api: string) {
    super(`Not sent: ${api} was not confirmed.`);
  }
  override get byUser(): boolean {
    return true;
  }
}

/** Whether the policy asks before this call. */
export function needsConfirm(policy: ConfirmPolicy, api: PlannedRequest['api']): boolean {
  if (policy === 'never') return false;
  return policy === 'always' ? changesState(api) : isDestructive(api.name);
}

export function createGuard(deps: GuardDeps): CallGuard {
  return async (call) => {
    const { cmd, request, yes, signal } = call;
    const api = request.api;
    const known = await deps.unsupported();
    if (known?.apis.has(api.name)) {
      throw new UsageError(
        `${api.name} is not supported by the management node at ${deps.server} (ZStack ${clip(known.version, 40)}); nothing was sent`,
        'it is missing from the APIs the node lists (GetSupportAPIs); help <word> shows the ones it has',
      );
    }
    if (yes || !needsConfirm(deps.policy, api)) return;
    const why = isDestructive(api.name) ? 'destroys or loses data' : `changes something and ${deps.policySource ?? 'confirm=always'} asks first`;
    const confirm = call.confirm;
    if (!confirm) {
      throw new UsageError(`${api.name} ${why}; there is no terminal to confirm it on, so nothing was sent`, 'add --yes (-y) to run it without asking');
    }
    const { confirmQuestion } = await import('./call-targets.js');
    const question = await confirmQuestion(deps.registry, api, cmd, deps.lookup, signal).catch((e: unknown) => {
      // The lookup found no session: say so of the call the user typed, not of the lookup's query.
      throw e instanceof AuthError && e.kind === 'not-logged-in' ? Object.assign(AuthError.notLoggedIn(api.name), { next: e.next }) : e;
    });
    const answer = await confirm(question, signal);
    if (answer === undefined) {
      const e = new InterruptedError(undefined, false);
      e.message = 'Interrupted; nothing was sent';
      throw e;
    }
    if (!answer) throw new NotConfirmedError(api.name);
  };
}
