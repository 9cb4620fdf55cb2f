// Fetches live resource rows (uuid, name) for completion: a read-only `Query<Resource>` through the
// same planner and executor as every command, limited in rows and time. Never writes anything.
import { syntheticCommand } from '../parse/build.js';
import { planCommand } from '../plan/planner.js';
import { execute } from '../execute/executor.js';
/** How many rows completion asks for at most (the listing shows far fewer). */
export const LIVE_ROW_LIMIT = 500;
/** Rows of a query API, newest first; [] when the API or session is unusable. Throws only on abort. */
export async function fetchResourceRows(registry, ref, context, signal) {
    const api = registry.api(ref.queryApi);
    if (!api?.query)
        return [];
    const inv = registry.inventory(ref.inventory);
    const hasName = inv?.fields.some((f) => f.name === 'name') ?? false;
    const hasDate = inv?.fields.some((f) => f.name === 'createDate') ?? false;
    const cmd = syntheticCommand(api.name, {
        fields: hasName ? 'uuid,name' : 'uuid',
        limit: String(LIVE_ROW_LIMIT),
        ...(hasDate ? { sortBy: 'createDate', sortDirection: 'desc' } : {}),
    });
    const planned = planCommand(registry, cmd);
    if (!planned.ok)
        return [];
    const result = await execute(planned.request, await context(signal));
    if (result.kind !== 'done')
        return [];
    const rows = result.value.inventories ?? [];
    return rows.flatMap((r) => {
        const row = r;
        if (typeof row.uuid !== 'string')
            return [];
        return [typeof row.name === 'string' ? { uuid: row.uuid, name: row.name } : { uuid: row.uuid }];
    });
}
