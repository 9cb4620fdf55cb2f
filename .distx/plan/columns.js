import { isPrimitiveType } from '../schema/registry.js';
import { closestNames } from '../schema/suggest.js';
import { didYouMean, planError } from './errors.js';
const INDEX = /^(0|[1-9][0-9]*)$/;
/** Why no row can have `path`, with the closest paths that exist; undefined when rows can have it. */
export function columnProblem(reg, inv, path) {
    const segs = path.split('.');
    let cur = inv;
    for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        if (INDEX.test(seg) && i > 0)
            continue;
        const prefix = segs.slice(0, i).join('.');
        const field = cur.fields.find((f) => f.name === seg);
        if (!field) {
            const names = closestNames(seg, cur.fields.map((f) => f.name)).map((n) => (prefix ? `${prefix}.${n}` : n));
            const isJoin = reg.join(cur, seg) !== undefined;
            const reason = isJoin
                ? `'${prefix ? `${prefix}.` : ''}${seg}' is a query join, not a field the rows carry`
                : i === 0
                    ? `no field '${seg}' in ${cur.name}`
                    : `${cur.name} (the rows of ${prefix}) has no field '${seg}'`;
            return { reason, suggestions: names };
        }
        if (i === segs.length - 1)
            return undefined;
        if (isPrimitiveType(field.type)) {
            return { reason: `'${prefix ? `${prefix}.` : ''}${seg}' is a plain ${field.type}, it has no '${segs[i + 1]}'`, suggestions: [] };
        }
        const join = reg.join(cur, seg);
        const next = join?.length === 1 ? reg.inventory(join[0].inventory) : undefined;
        if (!next)
            return undefined; // a map, an object or a list of unknown elements
        cur = next;
    }
    return undefined;
}
/** `-c` columns no row of `api`'s result can have (exit 2 before sending); none when the inventory is unknown. */
export function columnErrors(reg, api, columns) {
    const inv = api.query ? reg.inventoryOf(api) : undefined;
    if (!inv || !columns)
        return [];
    const out = [];
    for (const c of columns) {
        const p = columnProblem(reg, inv, c);
        if (p)
            out.push(planError(`-c ${c}: no row of ${api.name} can have it: ${p.reason}`, didYouMean(p.suggestions) ?? `see the fields with: help ${api.name}`));
    }
    return out;
}
/** The columns as a query's `fields=`, when every one is a plain field the server can select; else undefined. */
export function plainColumns(reg, api, columns) {
    const inv = api.query ? reg.inventoryOf(api) : undefined;
    if (!inv || columns.length === 0)
        return undefined;
    for (const c of columns) {
        const f = inv.fields.find((x) => x.name === c);
        if (!f || !isPrimitiveType(f.type))
            return undefined;
    }
    return [...columns];
}
/**
 * `fields=` (and sortBy/groupBy) name plain fields only: the server refuses the others with SYS.1007.
 * Errors for the known fields of `inv` that are not plain, naming the closest plain ones.
 */
export function nonPlainFieldErrors(inv, key, names, span) {
    const plain = inv.fields.filter((f) => isPrimitiveType(f.type)).map((f) => f.name);
    const out = [];
    for (const n of names) {
        const f = inv.fields.find((x) => x.name === n);
        if (!f || isPrimitiveType(f.type))
            continue;
        const close = closestNames(n, plain);
        out.push(planError(`'${n}' is a ${f.type} field of ${inv.name}; ${key} takes plain fields only (the server refuses others)`, didYouMean(close) ?? `plain fields: ${plain.slice(0, 6).join(', ')}`, span));
    }
    return out;
}
