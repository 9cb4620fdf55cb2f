import { compileColumn } from './rows.js';
/** Rows looked at before a table's widths or csv/value's default columns are fixed. */
export const FIRST_ROWS = 1000;
/** Holds up to FIRST_ROWS rows (when `hold`), then hands them to the renderer `start` makes from them. */
export function afterFirstRows(start, hold) {
    let inner = hold ? undefined : start([]);
    let held = [];
    const begin = () => {
        inner = start(held);
        const out = inner.rows(held);
        held = [];
        return out;
    };
    return {
        rows(batch) {
            if (inner)
                return inner.rows(batch);
            for (const r of batch)
                held.push(r);
            return held.length < FIRST_ROWS ? '' : begin();
        },
        end(tail) {
            const out = inner ? '' : begin();
            return out + inner.end(tail);
        },
    };
}
/** `{<path>: value|null}` for each column: what json/yaml print per row with `-c`. */
export function projector(columns) {
    const cols = columns.map(compileColumn);
    return (row) => {
        const o = {};
        for (const c of cols)
            o[c.path] = c.get(row) ?? null;
        return o;
    };
}
