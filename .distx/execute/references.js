import { syntheticArg, syntheticCommand } from '../parse/build.js';
import { clip, quoted } from '../parse/echo.js';
import { planCommand } from '../plan/planner.js';
import { findReferences, substituteReferences } from '../plan/references.js';
import { resourceLabel } from '../schema/resources.js';
import { closestNames } from '../schema/suggest.js';
import { CliError, UsageError } from '../errors/cli-error.js';
import { AuthError, withNext } from './errors.js';
import { execute } from './executor.js';
/** Rows asked for per lookup (ZStack's own default page). */
export const LOOKUP_LIMIT = 1000;
/** Names sent in one `name?=` condition, by length: a URL of a few KiB passes every proxy and server. */
export const NAMES_PER_QUERY_CHARS = 4000;
/** Matches listed for an ambiguous name. */
export const MAX_LISTED = 10;
/** What a reference stands for while the line is checked before any lookup. */
const STAND_IN_UUID = '0'.repeat(32);
/** Fields that tell resources of one name apart, when the inventory has them. */
const TELLING = ['zoneUuid', 'state', 'status', 'type'];
/** A RowQuery over the planner and executor: `context` gives the executor context for each query. */
export function rowsVia(reg, context) {
    return async (cmd) => {
        const planned = planCommand(reg, cmd);
        if (!planned.ok)
            throw new UsageError(planned.errors[0].message, planned.errors[0].hint);
        const result = await execute(planned.request, await context(planned.request.api));
        const rows = result.kind === 'done' ? result.value.inventories : undefined;
        return Array.isArray(rows) ? rows.filter((r) => r !== null && typeof r === 'object') : [];
    };
}
/**
 * The line with its `@name` references replaced by uuids (unchanged when it has none, without a
 * request). Throws a UsageError for references that cannot be looked up and for names that match
 * nothing or several resources (one problem each: an ambiguous name lists its matches under it), and
 * whatever the lookups throw (not logged in, connection).
 */
export async function resolveNames(reg, api, cmd, rows) {
    const found = findReferences(reg, api, cmd);
    if (found.errors.length)
        throw UsageError.of(found.errors);
    if (!found.references.length)
        return substituteReferences(cmd, found, () => '');
    // A line the planner refuses anyway is refused before anything is sent: plan it with stand-in uuids.
    const standIn = substituteReferences(cmd, found, () => STAND_IN_UUID);
    if (!planCommand(reg, standIn).ok)
        return standIn;
    const groups = new Map();
    for (const r of found.references)
        groups.set(r.resource.queryApi, [...(groups.get(r.resource.queryApi) ?? []), r]);
    let outcomes;
    try {
        outcomes = await Promise.all([...groups.values()].map((refs) => lookUp(reg, refs[0].resource, refs, rows)));
    }
    catch (e) {
        if (e instanceof AuthError && e.kind === 'not-logged-in') {
            const n = found.references[0];
            const err = new AuthError('not-logged-in', `looking up ${quoted(n.written)} needs a session and you are not logged in`, 'or give uuids instead of @names');
            throw e.next ? withNext(err, e.next) : err;
        }
        throw e;
    }
    const uuids = new Map();
    const problems = [];
    for (const o of outcomes.flat()) {
        if (o.uuid)
            uuids.set(refKey(o.resource, o.name), o.uuid);
        else
            problems.push(o.problem);
    }
    if (problems.length)
        throw UsageError.of(problems);
    return substituteReferences(cmd, found, (r) => uuids.get(refKey(r.resource, r.name)));
}
const refKey = (r, name) => `${r.queryApi}\u0000${name}`;
/** A condition arg the user could not have typed: `name?=a,b` (synthetic args only write `=`). */
function condition(key, op, value) {
    return { ...syntheticArg(key, value), op };
}
/** Looks up the names of one resource type: one query for all (more only past NAMES_PER_QUERY_CHARS). */
async function lookUp(reg, resource, refs, rows) {
    const names = [...new Set(refs.map((r) => r.name))];
    const inv = reg.inventory(resource.inventory);
    const has = new Set(inv?.fields.map((f) => f.name) ?? []);
    const fields = ['uuid', 'name', ...TELLING.filter((f) => has.has(f)), ...(has.has('createDate') ? ['createDate'] : [])].join(',');
    const query = (args) => rows({ ...syntheticCommand(resource.queryApi, {}), args: [...args, syntheticArg('fields', fields), syntheticArg('limit', String(LOOKUP_LIMIT))] });
    // `?=` splits its value at every comma: a name holding one is asked for alone.
    const batches = [];
    const alone = [];
    let size = 0;
    for (const n of names) {
        if (n.includes(','))
            alone.push(n);
        else {
            // Measured as sent: a name in another script takes up to 9 URL characters per character.
            const len = encodeURIComponent(n).length + 1;
            if (!batches.length || size + len > NAMES_PER_QUERY_CHARS) {
                batches.push([]);
                size = 0;
            }
            batches[batches.length - 1].push(n);
            size += len;
        }
    }
    const answers = await Promise.all([
        ...batches.map((b) => query([condition('name', '?=', b.join(','))]).then((r) => ({ names: b, rows: r }))),
        ...alone.map((n) => query([condition('name', '=', n)]).then((r) => ({ names: [n], rows: r }))),
    ]);
    const found = new Map();
    for (const a of answers) {
        const full = a.rows.length >= LOOKUP_LIMIT;
        for (const n of a.names) {
            let matches = matching(a.rows, n);
            // A full page may have left this name out: ask for it alone.
            if (!matches.length && full)
                matches = matching(await query([condition('name', '=', n)]), n);
            found.set(n, matches);
        }
    }
    const out = [];
    // The names there are, for did-you-mean: asked for once, and only when a name matched nothing.
    let known;
    for (const n of names) {
        const matches = found.get(n) ?? [];
        if (matches.length === 1)
            out.push({ resource, name: n, uuid: matches[0].uuid });
        else if (matches.length === 0)
            out.push({ resource, name: n, problem: noMatch(resource, n, await (known ??= namesOf(resource, rows))) });
        else
            out.push({ resource, name: n, problem: await ambiguous(reg, resource, n, matches, rows) });
    }
    return out;
}
/** Rows (with a uuid) named exactly `name`; else, as a case-insensitive server would match, equal ignoring case. */
function matching(rows, name) {
    const usable = rows.filter((r) => typeof r.uuid === 'string' && typeof r.name === 'string');
    const exact = usable.filter((r) => r.name === name);
    if (exact.length)
        return exact;
    const lower = name.toLowerCase();
    return usable.filter((r) => r.name.toLowerCase() === lower);
}
/** Up to LOOKUP_LIMIT names of a resource type; none when they cannot be read (a hint is no reason to fail). */
async function namesOf(resource, rows) {
    try {
        const all = await rows({ ...syntheticCommand(resource.queryApi, {}), args: [syntheticArg('fields', 'name'), syntheticArg('limit', String(LOOKUP_LIMIT))] });
        return [...new Set(all.map((r) => r.name).filter((n) => typeof n === 'string' && n !== ''))];
    }
    catch (e) {
        if (!(e instanceof CliError) || e.kind === 'interrupted')
            throw e;
        return [];
    }
}
function noMatch(resource, name, known) {
    const close = closestNames(name, known, 3).map((n) => clip(n, 40));
    const hint = close.length ? `did you mean ${close.map((c) => `@${c}`).join(', ')}?` : `list them: ${resource.queryApi} fields=uuid,name`;
    return { message: `no ${resourceLabel(resource)} is named ${quoted(name)}`, hint };
}
/** An ambiguous name: each match (up to MAX_LISTED) on an indented line, with what tells them apart. */
async function ambiguous(reg, resource, name, matches, rows) {
    const what = resourceLabel(resource);
    const shown = matches.slice(0, MAX_LISTED);
    const differ = (f) => new Set(matches.map((m) => String(m[f] ?? ''))).size > 1;
    const telling = TELLING.filter((f) => matches.some((m) => m[f] !== undefined) && differ(f));
    if (!telling.length && matches.some((m) => m.createDate !== undefined))
        telling.push('createDate');
    const zones = telling.includes('zoneUuid') ? await zoneNames(reg, shown, rows) : new Map();
    const lines = shown.map((m) => {
        const parts = telling.map((f) => {
            const v = String(m[f] ?? '-');
            if (f === 'zoneUuid')
                return `zone ${clip(zones.get(v) ?? v, 40)}`;
            return `${f === 'createDate' ? 'created' : f} ${clip(v, 40)}`;
        });
        return `  ${clip(String(m.uuid ?? '?'), 40)}${parts.length ? `  ${parts.join(', ')}` : ''}`;
    });
    if (matches.length > shown.length)
        lines.push(`  and ${matches.length - shown.length} more`);
    return { message: `${matches.length} ${what}s are named ${quoted(name)}; give the uuid of the one you mean:`, details: lines };
}
/** Zone uuid -> name, for the matches listed; empty when the zones cannot be read. */
async function zoneNames(reg, matches, rows) {
    const uuids = [...new Set(matches.map((m) => m.zoneUuid).filter((u) => typeof u === 'string' && /^[0-9a-f]{32}$/.test(u)))];
    if (!uuids.length || !reg.api('QueryZone'))
        return new Map();
    try {
        const zones = await rows({ ...syntheticCommand('QueryZone', {}), args: [condition('uuid', '?=', uuids.join(',')), syntheticArg('fields', 'uuid,name')] });
        return new Map(zones.filter((z) => typeof z.uuid === 'string' && typeof z.name === 'string').map((z) => [z.uuid, z.name]));
    }
    catch (e) {
        if (!(e instanceof CliError) || e.kind === 'interrupted')
            throw e;
        return new Map();
    }
}
