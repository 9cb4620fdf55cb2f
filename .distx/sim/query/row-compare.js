import { formatDate } from './dates.js';
import { NestedRows, newFound } from './nested.js';
import { MAX_DEPTH } from './render.js';
import { plainAt, valueText } from './row-code.js';
export function newDiffs() {
    return { n: 0, slots: [], texts: [] };
}
const PLAIN = 0;
const DATE = 1;
const COMPUTED = 2;
const PICK = 3;
const LIST = 4;
const SINGLE = 5;
/** The fields of a kind's plan; `nested` says how each nested field's rows are found. */
export function compareFields(plan, nested, code) {
    let k = 0;
    const fields = plan.fields.map((p, at) => {
        const f = { how: PLAIN, rows: undefined, inventory: '', nested: undefined, pick: '', list: false, k: -1 };
        if (p.how === 'plain')
            f.k = k++;
        else if (p.how === 'date')
            f.how = DATE;
        else if (p.how === 'computed')
            f.how = COMPUTED;
        else {
            f.how = p.pick !== undefined ? PICK : p.list ? LIST : SINGLE;
            f.rows = nested[at];
            f.inventory = p.inventory;
            f.pick = p.pick ?? '';
            f.list = p.list;
        }
        return f;
    });
    return { fields, gather: code.gather, plain: code.plain };
}
/** The gathered values of the row being compared at each depth, and the rows nested in it. */
const GATHERED = [];
const FOUND = [];
function isAbsent(x) {
    return x === null || x === undefined;
}
/**
 * Compares the slots of `row` (row `id` of its table, -1 when not known; written as the kind of `own`, at `depth`) from
 * slot `s` on with the keyframe's `values`, noting those that differ in `d`; returns the slot after the row's last, or
 * -1 when the shape differs.
 */
export function compareRow(walker, own, row, id, depth, values, d, s) {
    const fields = own.fields;
    // What the fields are made from, read at once (one array per depth: nested rows are compared one level down).
    const got = (GATHERED[depth] ??= []);
    own.gather(row, got);
    for (let i = 0; i < fields.length; i++) {
        const f = fields[i];
        const how = f.how;
        if (how === PLAIN) {
            const x = got[i];
            const v = values[s];
            if (typeof v === 'string') {
                // Compared as strings (the engine then compares them in line: most are the very same string).
                if (typeof x !== 'string')
                    return -1;
                if (x !== v) {
                    if (!plainAt(x, own.plain, f.k))
                        return -1;
                    note(d, s, x);
                }
            }
            else if (x !== v || typeof x === 'object') {
                // Objects are never taken as equal (one could have been changed in place since the keyframe was written).
                if (isAbsent(x) || isAbsent(v)) {
                    if (!isAbsent(x) || !isAbsent(v))
                        return -1;
                }
                else {
                    if (typeof x === 'string')
                        return -1;
                    note(d, s, valueText(x));
                }
            }
            s++;
        }
        else if (how === DATE) {
            // Its slot holds its text: dates a few milliseconds apart often read the same.
            const x = got[i];
            const v = values[s];
            if (typeof x === 'number') {
                if (typeof v !== 'string')
                    return -1;
                const t = formatDate(x);
                if (t !== v)
                    note(d, s, t);
            }
            else if (v !== undefined)
                return -1;
            s++;
        }
        else if (how === COMPUTED) {
            const x = got[i];
            const v = values[s];
            if (x !== v || typeof x === 'object') {
                if (isAbsent(x) || isAbsent(v)) {
                    if (!isAbsent(x) || !isAbsent(v))
                        return -1;
                }
                else
                    note(d, s, valueText(x));
            }
            s++;
        }
        else if (depth < MAX_DEPTH) {
            const x = got[i];
            const rows = f.rows;
            const found = (FOUND[depth] ??= newFound());
            const many = rows.find(id, x, found);
            if (how === PICK) {
                // Picked values as one text (a single one's is absent when its key is null).
                let t;
                if (isAbsent(x))
                    t = f.list ? '[]' : undefined;
                else {
                    const picked = [];
                    for (let j = 0; j < many; j++)
                        picked.push(rows.row(found, j)[f.pick]);
                    t = JSON.stringify(picked);
                }
                const v = values[s];
                if (t !== v) {
                    if (t === undefined || v === undefined)
                        return -1;
                    note(d, s, t);
                }
                s++;
                continue;
            }
            const n = how === LIST ? many : many > 0 ? 1 : 0;
            if (n !== values[s])
                return -1;
            s++;
            for (let j = 0; j < n; j++) {
                const r = rows.row(found, j);
                const kind = typeof r.__kind === 'string' ? r.__kind : f.inventory;
                if (values[s] !== kind)
                    return -1;
                const nested = kind === f.inventory ? (f.nested ??= walker.fieldsOf(kind)) : walker.fieldsOf(kind);
                s = compareRow(walker, nested, r, NestedRows.idOf(found, j), depth + 1, values, d, s + 1);
                if (s < 0)
                    return -1;
            }
        }
    }
    return s;
}
function note(d, s, text) {
    const n = d.n++;
    d.slots[n] = s;
    d.texts[n] = text;
}
