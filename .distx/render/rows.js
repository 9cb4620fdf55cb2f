// Shared row model for the tabular formats (table, csv, value) and column projection for json/yaml:
// dotted column paths, scalar-field discovery and cell text. Which rows an answer holds is shape.ts.
import { escapeControls } from '../parse/echo.js';
import { compactJson } from './json.js';
import { sanitizeCell } from './width.js';
export function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Applies `toJSON` (e.g. Date) the way JSON.stringify would; other values unchanged. */
export function prep(v) {
    if (typeof v === 'object' && v !== null && typeof v.toJSON === 'function') {
        return v.toJSON('');
    }
    return v;
}
export function isScalar(v) {
    return v === null || typeof v !== 'object';
}
const INDEX = /^(0|[1-9][0-9]*)$/;
function resolve(v, segs, from) {
    let cur = v;
    for (let i = from; i < segs.length; i++) {
        cur = prep(cur);
        const seg = segs[i];
        if (Array.isArray(cur)) {
            if (INDEX.test(seg)) {
                cur = cur[Number(seg)];
                continue;
            }
            // Map the rest of the path over the elements, flattening one level.
            const out = [];
            for (const el of cur) {
                const r = resolve(el, segs, i);
                if (r === undefined)
                    continue;
                if (Array.isArray(r))
                    for (const x of r)
                        out.push(x);
                else
                    out.push(r);
            }
            return out;
        }
        if (!isRecord(cur) || !Object.hasOwn(cur, seg))
            return undefined;
        cur = cur[seg];
    }
    return prep(cur);
}
/**
 * A column for a dotted path. Segments walk into objects; through an array the rest of the path is
 * applied to every element (`vmNics.ip` → list of IPs); a numeric segment indexes (`vmNics.0.ip`).
 * A row key equal to the whole path wins (for keys that themselves contain dots).
 */
export function compileColumn(path) {
    const segs = path.split('.');
    if (segs.length === 1) {
        return {
            path,
            get: (row) => {
                if (!isRecord(row))
                    return undefined;
                const v = row[path];
                // A plain object inherits no string, number or boolean, and these have no toJSON: asked
                // with one lookup (most cells of a big answer).
                if (v === undefined || (typeof v !== 'object' && typeof v !== 'function' && Object.getPrototypeOf(row) === Object.prototype))
                    return v;
                return Object.hasOwn(row, path) ? prep(v) : undefined;
            },
        };
    }
    return {
        path,
        get: (row) => (isRecord(row) && Object.hasOwn(row, path) ? prep(row[path]) : resolve(row, segs, 0)),
    };
}
/** Column paths from options: trimmed, empties dropped; undefined when none remain. */
export function normalizeColumns(columns) {
    if (!columns)
        return undefined;
    const out = columns.map((c) => c.trim()).filter((c) => c !== '');
    return out.length ? out : undefined;
}
function kindOf(v) {
    v = prep(v);
    if (v === null || v === undefined)
        return 'none';
    if (Array.isArray(v)) {
        if (v.length === 0)
            return 'none';
        for (const el of v)
            if (isRecord(el) && Object.hasOwn(el, 'ip'))
                return 'iplist';
        return 'list';
    }
    return typeof v === 'object' ? 'object' : 'scalar';
}
/** Every field of the (record) rows with its kind, in first-seen order. */
export function fieldKinds(rows) {
    const kinds = new Map();
    for (const row of rows) {
        if (!isRecord(row))
            continue;
        for (const k in row) {
            if (!Object.hasOwn(row, k))
                continue;
            const known = kinds.get(k);
            if (known === undefined || known === 'none')
                kinds.set(k, kindOf(row[k]));
        }
    }
    return kinds;
}
/** Union of the scalar fields of the rows (fields only ever null count too), first-seen order. */
export function scalarFields(rows) {
    const out = [];
    for (const [k, kind] of fieldKinds(rows))
        if (kind === 'scalar' || kind === 'none')
            out.push(k);
    return out;
}
/** Text of a scalar: '' for null/undefined. */
export function scalarText(v) {
    switch (typeof v) {
        case 'string':
            return v;
        case 'number':
        case 'boolean':
        case 'bigint':
            return String(v);
        default:
            return v === null || v === undefined ? '' : String(v);
    }
}
const MAX_CELL_SOURCE = 4096;
/** One-line human summary of a cell value for tables: lists of scalars/IPs joined, other lists counted. */
export function tableCell(v) {
    v = prep(v);
    if (typeof v === 'string')
        return sanitizeCell(v.length > MAX_CELL_SOURCE ? v.slice(0, MAX_CELL_SOURCE) : v);
    if (isScalar(v))
        return scalarText(v);
    if (Array.isArray(v)) {
        if (v.length === 0)
            return '';
        const parts = [];
        let allScalar = true;
        let ips = false;
        for (const el0 of v) {
            const el = prep(el0);
            if (isScalar(el)) {
                const t = scalarText(el);
                if (t !== '')
                    parts.push(t);
            }
            else {
                allScalar = false;
                if (isRecord(el) && Object.hasOwn(el, 'ip')) {
                    ips = true;
                    const t = scalarText(prep(el.ip));
                    if (t !== '')
                        parts.push(t);
                }
            }
        }
        if (allScalar || (ips && parts.length))
            return tableCell(parts.join(', '));
        return v.length === 1 ? '1 item' : `${v.length} items`;
    }
    const json = compactJson(v);
    return sanitizeCell(json.length > MAX_CELL_SOURCE ? json.slice(0, MAX_CELL_SOURCE) : json);
}
/** Cell text for `csv`: scalars as text, lists of scalars joined with `,` (as `value` does), other nested values as compact JSON. */
export function csvCell(v) {
    v = prep(v);
    if (isScalar(v))
        return scalarText(v);
    if (Array.isArray(v) && v.every((x) => isScalar(prep(x))))
        return v.map((x) => scalarText(prep(x))).join(',');
    return compactJson(v);
}
const TSV_BREAK = /[\t\r\n]+/g;
/**
 * Cell text for `value`: lists of scalars joined with `,`, other nested values as compact JSON; tabs and
 * line breaks become one space, other control characters visible escapes (`\e`, `\x07`).
 */
export function valueCell(v) {
    v = prep(v);
    let t;
    if (isScalar(v))
        t = scalarText(v);
    else if (Array.isArray(v) && v.every((x) => isScalar(prep(x))))
        t = v.map((x) => scalarText(prep(x))).join(',');
    else
        t = compactJson(v);
    return escapeControls(t.includes('\t') || t.includes('\n') || t.includes('\r') ? t.replace(TSV_BREAK, ' ') : t);
}
