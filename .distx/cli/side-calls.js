import { syntheticArg, syntheticCommand } from '../parse/build.js';
import { planCommand } from '../plan/planner.js';
import { execute } from '../execute/executor.js';
import { ProtocolError } from '../execute/errors.js';
/** Longest wait for the lookup that names a call's targets (the question is asked without names after it). */
export const LOOKUP_TIMEOUT_MS = 5_000;
/** Plans and runs `api` with `args`; the result's value. Throws what the call throws. */
async function run(registry, api, args, context) {
    const planned = planCommand(registry, { ...syntheticCommand(api, {}), args });
    if (!planned.ok)
        throw new ProtocolError(`cannot plan ${api}: ${planned.errors[0]?.message ?? 'unknown error'}`);
    const result = await execute(planned.request, await context());
    return result.kind === 'done' ? result.value : undefined;
}
/** An API without params (GetVersion, GetSupportAPIs): its result value. */
export function callPlain(registry, api, context) {
    return run(registry, api, [], context);
}
/** The rows of a query API whose uuid is one of `uuids` (at most that many rows). */
export async function rowsByUuid(registry, queryApi, uuids, context) {
    // `uuid?=a,b`: a comma inside a uuid would split it; such a value names nothing anyway.
    const wanted = uuids.filter((u) => !u.includes(','));
    if (wanted.length === 0)
        return [];
    const args = [{ ...syntheticArg('uuid', wanted.join(',')), op: '?=' }, syntheticArg('limit', String(wanted.length))];
    const value = await run(registry, queryApi, args, context);
    const rows = typeof value === 'object' && value !== null ? value.inventories : undefined;
    return Array.isArray(rows) ? rows : [];
}
