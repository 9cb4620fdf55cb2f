// Calls zstack-cli makes on its own beside the user's command: GetVersion and GetSupportAPIs at
// login, and the read-only lookups that name what a confirmed call will hit. Planned and executed
// like every command (never through the runner, so never guarded or printed), bounded in time.
import type { ArgNode } from '../parse/ast.js';
import { syntheticArg, syntheticCommand } from '../parse/build.js';
import { planCommand } from '../plan/planner.js';
import { execute, type ExecContext } from '../execute/executor.js';
import { ProtocolError } from '../execute/errors.js';
import type { Registry } from '../schema/registry.js';

/** Longest wait for the lookup that names a call's targets (the question is asked without names after it). */
export const LOOKUP_TIMEOUT_MS = 5_000;

/** Plans and runs `api` with `args`; the result's value. Throws what the call throws. */
async function run(registry: Registry, api: string, args: ArgNode[], context: () => Promise<ExecContext>): Promise<unknown> {
  const planned = planCommand(registry, { ...syntheticCommand(api, {}), args });
  if (!planned.ok) throw new ProtocolError(`cannot plan ${api}: ${planned.errors[0]?.message ?? 'unknown error'}`);
  const result = await execute(planned.request, await context());
  return result.kind === 'done' ? result.value : undefined;
}

/** An API without params (GetVersion, GetSupportAPIs): its result value. */
export function callPlain(registry: Registry, api: string, context: () => Promise<ExecContext>): Promise<unknown> {
  return run(registry, api, [], context);
}

/** The rows of a query API whose uuid is one of `uuids` (at most that many rows). */
export async function rowsByUuid(registry: Registry, queryApi: string, uuids: readonly string[], context: () => Promise<ExecContext>): Promise<unknown[]> {
  // `uuid?=a,b`: a comma inside a uuid would split it; such a value names nothing anyway.
  const wanted = uuids.filter((u) => !u.includes(','));
  if (wanted.length === 0) return [];
  const args: ArgNode[] = [{ ...syntheticArg('uuid', wanted.join(',')), op: '?=' }, syntheticArg('limit', String(wanted.length))];
  const value = await run(registry, queryApi, args, context);
  const rows = typeof value === 'object' && value !== null ? (value as { inventories?: unknown }).inventories : undefined;
  return Array.isArray(rows) ? rows : [];
}
