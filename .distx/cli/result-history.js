// The shell's numbered result history: every result gets a number; `results` lists them, `more N`
// pages one, `save N FILE` writes one, and `$N.field` / `$_.field` read a field's values out of one.
// Bounded: the newest results are kept up to a count and a total size.
import { UsageError } from '../errors/cli-error.js';
export const DEFAULT_LIMITS = { count: 100, bytes: 64 * 1024 * 1024 };
/** The rows of a result value: `inventories`, `[inventory]`, or the value itself. */
export function rowsOf(value) {
    if (Array.isArray(value))
        return value;
    if (value !== null && typeof value === 'object') {
        const v = value;
        if (Array.isArray(v.inventories))
            return v.inventories;
        if (v.inventory !== undefined)
            return [v.inventory];
    }
    return value === undefined ? [] : [value];
}
function rowCount(value) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const v = value;
        if (!Array.isArray(v.inventories) && typeof v.total === 'number')
            return v.total;
    }
    return rowsOf(value).length;
}
/** The values at `path` in each row: lists are walked into, a number picks one item. */
export function fieldValues(rows, path) {
    // `$3.0.uuid`: a first number picks a row.
    const rowIndex = path.length > 1 && /^\d+$/.test(path[0]) ? Number(path[0]) : undefined;
    let cur = rowIndex === undefined ? [...rows] : rowIndex < rows.length ? [rows[rowIndex]] : [];
    let found = cur.length > 0;
    for (const [i, seg] of path.entries()) {
        if (i === 0 && rowIndex !== undefined)
            continue;
        const next = [];
        let any = false;
        for (const v of cur) {
            if (Array.isArray(v)) {
                if (/^\d+$/.test(seg)) {
                    if (Number(seg) < v.length) {
                        next.push(v[Number(seg)]);
                        any = true;
                    }
                }
                else {
                    for (const item of v) {
                        if (item !== null && typeof item === 'object' && Object.hasOwn(item, seg)) {
                            next.push(item[seg]);
                            any = true;
                        }
                    }
                }
            }
            else if (v !== null && typeof v === 'object' && Object.hasOwn(v, seg)) {
                next.push(v[seg]);
                any = true;
            }
        }
        found = any;
        // The last field may be a list of plain values (systemTags, ...): each is a value.
        cur = i === path.length - 1 ? next.flatMap((v) => (Array.isArray(v) ? v : [v])) : next;
    }
    const values = [];
    let objects = false;
    for (const v of cur) {
        if (v === null || v === undefined)
            continue;
        if (typeof v === 'object')
            objects = true;
        else
            values.push(String(v));
    }
    return { values, objects, found };
}
export class ResultHistory {
    limits;
    entries = [];
    next = 1;
    total = 0;
    constructor(limits = DEFAULT_LIMITS) {
        this.limits = limits;
    }
    /** Numbers a result and keeps it; returns the entry. */
    add(api, line, value, bytes, text, at = new Date()) {
        const keep = bytes <= this.limits.bytes;
        const entry = { n: this.next++, api, line, at, rows: rowCount(value), value: keep ? value : undefined, bytes: keep ? bytes : 0, ...(keep && text !== undefined ? { text } : {}) };
        this.entries.push(entry);
        this.total += entry.bytes;
        while (this.entries.length > this.limits.count || this.total > this.limits.bytes) {
            const old = this.entries.shift();
            this.total -= old.bytes;
        }
        return entry;
    }
    get(n) {
        return this.entries.find((e) => e.n === n);
    }
    last() {
        return this.entries[this.entries.length - 1];
    }
    list() {
        return this.entries;
    }
    /** The entry a `$N` / `$_` / `N` names, or why there is none. */
    find(which) {
        const e = which === 'last' ? this.last() : this.get(which);
        if (e)
            return e;
        if (which === 'last')
            return { error: 'no result yet', hint: 'run a query first' };
        const oldest = this.entries[0]?.n;
        return which < this.next && oldest !== undefined && which < oldest
            ? { error: `result ${which} is no longer kept (the oldest kept is ${oldest})` }
            : { error: `no result ${which}`, hint: 'results lists them; write \\$ for a literal $' };
    }
    /** The values of `$N.path`, for the line expander. */
    lookup(ref) {
        const e = this.find(ref.result);
        if ('error' in e)
            return e;
        if (e.value === undefined)
            return { error: `result ${e.n} was too large to keep` };
        const rows = rowsOf(e.value);
        const first = ref.path[0];
        if (ref.path.length > 1 && /^\d+$/.test(first) && Number(first) >= rows.length) {
            return { error: `result ${e.n} has ${rows.length} row${rows.length === 1 ? '' : 's'}: no row ${first}`, hint: 'rows count from 0' };
        }
        const got = fieldValues(rows, ref.path);
        if (got.objects && got.values.length === 0)
            return { error: `${ref.text} is an object, not a value`, hint: `name one of its fields, e.g. ${ref.text}.uuid` };
        if (!got.found)
            return { error: `result ${e.n} (${e.api}) has no field ${ref.path.join('.')}`, hint: `help ${e.api} lists the fields` };
        if (got.values.length === 0)
            return { error: `${ref.text} is empty in result ${e.n}` };
        return { values: got.values };
    }
}
/**
 * A `$N.field` that gave several values to a param that takes one (`uuid=$3.uuid` with three rows):
 * the usage error saying so, or undefined.
 */
export function manyValuesForOne(parsed, expansions, reg) {
    const cmd = parsed.command;
    const api = cmd ? reg.api(cmd.name) : undefined;
    if (!cmd || !api)
        return undefined;
    for (const x of expansions) {
        if (x.count <= 1)
            continue;
        const arg = cmd.args.find((a) => a.valueSpan.start <= x.span.start && x.span.end <= a.valueSpan.end);
        if (!arg)
            continue;
        const p = reg.param(api, arg.key);
        const list = p ? p.type === 'list' : api.query && (arg.op === '?=' || arg.op === '!?=');
        if (!list) {
            return new UsageError(`${arg.key} takes one value, and ${x.ref.text} has ${x.count}`, `pick one row: ${x.ref.text.replace(/^(\$[^.]+)/, '$1.0')}, or filter the query`);
        }
    }
    return undefined;
}
