// Output rendering: a ZStack answer (any JSON-like value) → text, in one of five formats.
// Pure: no process/stdout access; colour only when `color` is set (no terminal detection here).
//
// What is printed is the API's result (shape.ts): a query's rows, an action's inventory, a count
// answer's `{"total":N}`, never the server's `schema` map; `columns` (-c) keeps that shape and
// projects each row to `{<path>: value|null, ...}` in json/yaml. Lists are written row by row
// (`listRenderer`), so a streamed answer is printed as it arrives; `renderChunks` renders a whole
// value in pieces of about 64 KiB, `renderValue` joins them. Every non-empty output ends with a
// newline. Each format's details are in its module (json.ts, yaml.ts, table.ts, csv.ts, value.ts).
import { csvList, csvObject, csvScalar } from './csv.js';
import { CHUNK_SIZE, jsonChunks, jsonList } from './json.js';
import { projector } from './list.js';
import { OUTPUT_FORMATS } from './options.js';
import { compileColumn, isRecord, normalizeColumns } from './rows.js';
import { resultOf } from './shape.js';
import { keyValueBox, tableList, tableScalar } from './table.js';
import { valueList, valueObject, valueScalar } from './value.js';
import { yamlChunks, yamlList } from './yaml.js';
export { OUTPUT_FORMATS } from './options.js';
export { displayWidth } from './width.js';
export { FIRST_ROWS } from './list.js';
export { isCountAnswer, resultOf, withoutSchema } from './shape.js';
/** Rows per batch when a whole list is rendered. */
const BATCH = 500;
/** The renderer of a list in `opts.format`, fed rows as they come. */
export function listRenderer(opts0) {
    const columns = normalizeColumns(opts0.columns);
    const opts = { ...opts0, ...(columns ? { columns } : { columns: undefined }) };
    const project = columns ? projector(columns) : undefined;
    switch (opts.format) {
        case 'json':
            return jsonList(opts, project);
        case 'yaml':
            return yamlList(opts, project);
        case 'table':
            return tableList({ color: opts.color, ...(columns ? { columns } : {}), ...(opts.width !== undefined ? { width: opts.width } : {}) });
        case 'csv':
            return csvList(columns, opts.terminal === true);
        case 'value':
            return valueList(columns);
        default:
            throw new Error(`unknown output format '${String(opts.format)}' (expected one of ${OUTPUT_FORMATS.join(', ')})`);
    }
}
/** The rendered text of `value`, in chunks (each a non-empty string). */
export function* renderChunks(value, opts) {
    for (const chunk of chunksOf(resultOf(value), opts))
        if (chunk !== '')
            yield chunk;
}
function* listChunks(rows, r, total) {
    let out = '';
    for (let i = 0; i < rows.length; i += BATCH) {
        out += r.rows(rows.slice(i, i + BATCH));
        if (out.length >= CHUNK_SIZE) {
            yield out;
            out = '';
        }
    }
    yield out + r.end(total === undefined ? {} : { total });
}
function* chunksOf(r, opts) {
    const columns = normalizeColumns(opts.columns);
    const f = opts.format;
    if (!OUTPUT_FORMATS.includes(f))
        throw new Error(`unknown output format '${String(f)}' (expected one of ${OUTPUT_FORMATS.join(', ')})`);
    switch (r.kind) {
        case 'list':
            yield* listChunks(r.rows, listRenderer({ ...opts, withTotal: r.total !== undefined }), r.total);
            return;
        case 'count':
            // The number alone for scripts (`-o value`); columns do not apply.
            if (f === 'value')
                yield valueScalar(r.total);
            else if (f === 'csv')
                yield* listChunks([{ total: r.total }], csvList(['total'], opts.terminal === true), undefined);
            else if (f === 'table')
                yield keyValueBox([['total', r.total]], { color: opts.color, ...(opts.width !== undefined ? { width: opts.width } : {}) });
            else
                yield* wholeChunks({ total: r.total }, opts);
            return;
        case 'one':
        case 'object': {
            const row = r.kind === 'one' ? r.row : r.value;
            if (r.kind === 'one' && !isRecord(row) && f !== 'json' && f !== 'yaml') {
                // A null (or odd) inventory: as a list of what there is.
                yield* listChunks(row === null || row === undefined ? [] : [row], listRenderer(opts), undefined);
                return;
            }
            if (f === 'json' || f === 'yaml') {
                yield* wholeChunks(columns && isRecord(row) ? projector(columns)(row) : row, opts);
                return;
            }
            const rec = row;
            if (f === 'table') {
                const entries = columns
                    ? columns.map((p) => [p, compileColumn(p).get(rec)])
                    : Object.keys(rec)
                        .filter((k) => rec[k] !== undefined)
                        .map((k) => [k, rec[k]]);
                yield keyValueBox(entries, { color: opts.color, ...(opts.width !== undefined ? { width: opts.width } : {}) });
            }
            else if (columns || r.kind === 'one')
                yield* listChunks([rec], listRenderer(opts), undefined);
            else
                yield f === 'csv' ? csvObject(rec, opts.terminal === true) : valueObject(rec);
            return;
        }
        case 'scalar':
            if (f === 'json' || f === 'yaml')
                yield* wholeChunks(r.value, opts);
            else if (f === 'csv')
                yield csvScalar(r.value, opts.terminal === true);
            else if (f === 'value')
                yield valueScalar(r.value);
            else
                yield tableScalar(r.value);
            return;
    }
}
function* wholeChunks(v, opts) {
    yield* opts.format === 'yaml' ? yamlChunks(v, opts.color) : jsonChunks(v, opts.color);
}
/** The rendered text of `value`. */
export function renderValue(value, opts) {
    let out = '';
    for (const chunk of renderChunks(value, opts))
        out += chunk;
    return out;
}
