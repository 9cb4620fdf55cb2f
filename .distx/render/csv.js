// `csv` format (RFC 4180): a header row, then one record per row; CRLF line ends; a field is quoted
// when it holds a comma, double quote, CR or LF (quotes doubled). Columns: `columns` when given, else
// the union of the scalar fields of the first rows (FIRST_ROWS), in first-seen order (nested fields
// are left out; ask for them with `columns`: lists of scalars come joined with `,`, e.g. `vmNics.ip`,
// other nested values as compact JSON). null/missing → empty field. An empty list without `columns`
// → empty output (no header can be known).
//
// On a terminal (`terminal`), control characters in fields are written as visible escapes (`\e`, `\n`),
// so a value can neither break a record nor drive the terminal; files and pipes get the data as is.
//
// Spreadsheet formula injection: a text field starting with `=`, `+`, `-`, `@`, a tab or a CR is
// written with a leading `'` (OWASP's advice, what csv exporters commonly do), so a spreadsheet shows
// it as text instead of running it; numbers such as `-5` or `+1.5e3` are left alone.
import { escapeControls } from '../parse/echo.js';
import { afterFirstRows } from './list.js';
import { compileColumn, csvCell, isRecord, scalarFields } from './rows.js';
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
/** A text field a spreadsheet would take for a formula, made inert with a leading `'`. */
export function defuseFormula(s) {
    return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}
/** One CSV field. */
export function csvField(s0) {
    const s = defuseFormula(s0);
    return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
const asIs = (s) => s;
/** One record; `shown` makes a field visible on a terminal. */
function record(fields, shown = asIs) {
    // A lone empty field would be an empty line, which many readers skip: write it as "".
    if (fields.length === 1 && fields[0] === '')
        return '""\r\n';
    let line = '';
    for (let i = 0; i < fields.length; i++)
        line += (i ? ',' : '') + csvField(shown(fields[i]));
    return line + '\r\n';
}
const shownOn = (terminal) => (terminal ? escapeControls : asIs);
/** Columns for rows without `columns`: their scalar fields, or one `value` column for rows that are not objects. */
export function defaultFlatColumns(rows) {
    if (rows.every(isRecord))
        return scalarFields(rows).map(compileColumn);
    return [{ path: 'value', get: (row) => row }];
}
/** CSV of a list, row by row. */
export function csvList(columns, terminal = false) {
    const shown = shownOn(terminal);
    return afterFirstRows((first) => {
        if (!columns && first.length === 0)
            return { rows: () => '', end: () => '' };
        const cols = columns ? columns.map(compileColumn) : defaultFlatColumns(first);
        const fields = new Array(cols.length);
        let header = record(cols.map((c) => c.path), shown);
        return {
            rows(batch) {
                let out = header;
                header = '';
                for (const row of batch) {
                    for (let i = 0; i < cols.length; i++)
                        fields[i] = csvCell(cols[i].get(row));
                    out += record(fields, shown);
                }
                return out;
            },
            end: () => header,
        };
    }, !columns);
}
/** CSV of a plain object: `key,value` records. */
export function csvObject(obj, terminal = false) {
    const shown = shownOn(terminal);
    let out = record(['key', 'value']);
    for (const k of Object.keys(obj))
        if (obj[k] !== undefined)
            out += record([k, csvCell(obj[k])], shown);
    return out;
}
/** CSV of one scalar: a `value` header and the value. */
export function csvScalar(v, terminal = false) {
    return record(['value']) + record([csvCell(v)], shownOn(terminal));
}
