// `value` format (like `az -o tsv`): values only, one row per line, fields tab-separated, no header.
// Meant for scripts: `$(zstack-cli QueryVmInstance name=x -o value -c uuid)`.
// Columns: `columns` when given, else the union of the scalar fields of the first rows (FIRST_ROWS,
// first-seen order), so the field order never depends on the terminal. Lists of scalars are joined
// with `,`, other nested values are compact JSON; tabs and line breaks inside a value become one
// space so one row stays one line. null/missing → empty field. A plain object without `columns` →
// `key<TAB>value` lines; a scalar → itself (a count answer is its number alone).
import { defaultFlatColumns } from './csv.js';
import { afterFirstRows } from './list.js';
import { compileColumn, valueCell } from './rows.js';
/** Value lines of a list, row by row. */
export function valueList(columns) {
    return afterFirstRows((first) => {
        const cols = columns ? columns.map(compileColumn) : defaultFlatColumns(first);
        return {
            rows(batch) {
                let out = '';
                for (const row of batch) {
                    let line = '';
                    for (let i = 0; i < cols.length; i++)
                        line += (i ? '\t' : '') + valueCell(cols[i].get(row));
                    out += line + '\n';
                }
                return out;
            },
            end: () => '',
        };
    }, !columns);
}
/** A plain object: `key<TAB>value` lines. */
export function valueObject(obj) {
    let out = '';
    for (const k of Object.keys(obj))
        if (obj[k] !== undefined)
            out += valueCell(k) + '\t' + valueCell(obj[k]) + '\n';
    return out;
}
/** A scalar on its own line. */
export function valueScalar(v) {
    return valueCell(v) + '\n';
}
