import { CliError, UsageError } from '../errors/cli-error.js';
import { AuthError, InterruptedError } from '../execute/errors.js';
import { clip } from '../parse/echo.js';
import { changesState, isDestructive } from '../schema/destructive.js';
/** The user answered no: nothing was sent (exit 2, as for a call refused without a terminal). */
export class NotConfirmedError extends CliError {
    kind = 'usage';
    constructor(api) {
        super(`Not sent: ${api} was not confirmed.`);
    }
    get byUser() {
        return true;
    }
}
/** Whether the policy asks before this call. */
export function needsConfirm(policy, api) {
    if (policy === 'never')
        return false;
    return policy === 'always' ? changesState(api) : isDestructive(api.name);
}
export function createGuard(deps) {
    return async (call) => {
        const { cmd, request, yes, signal } = call;
        const api = request.api;
        const known = await deps.unsupported();
        if (known?.apis.has(api.name)) {
            throw new UsageError(`${api.name} is not supported by the management node at ${deps.server} (ZStack ${clip(known.version, 40)}); nothing was sent`, 'it is missing from the APIs the node lists (GetSupportAPIs); help <word> shows the ones it has');
        }
        if (yes || !needsConfirm(deps.policy, api))
            return;
        const why = isDestructive(api.name) ? 'destroys or loses data' : `changes something and ${deps.policySource ?? 'confirm=always'} asks first`;
        const confirm = call.confirm;
        if (!confirm) {
            throw new UsageError(`${api.name} ${why}; there is no terminal to confirm it on, so nothing was sent`, 'add --yes (-y) to run it without asking');
        }
        const { confirmQuestion } = await import('./call-targets.js');
        const question = await confirmQuestion(deps.registry, api, cmd, deps.lookup, signal).catch((e) => {
            // The lookup found no session: say so of the call the user typed, not of the lookup's query.
            throw e instanceof AuthError && e.kind === 'not-logged-in' ? Object.assign(AuthError.notLoggedIn(api.name), { next: e.next }) : e;
        });
        const answer = await confirm(question, signal);
        if (answer === undefined) {
            const e = new InterruptedError(undefined, false);
            e.message = 'Interrupted; nothing was sent';
            throw e;
        }
        if (!answer)
            throw new NotConfirmedError(api.name);
    };
}
