// `csv` format (RFC 4180): a header row, then one record per row; CRLF line ends; a field is quoted
// when it holds a comma, double quote, CR or LF (quotes doubled). Columns: `columns` when given, else
// the union of the rows' scalar fields in first-seen order (nested fields are left out; ask for them
// with `columns` and they come as compact JSON, as do lists a dotted path yields, e.g. `vmNics.ip`).
// null/missing → empty field. A plain (non-inventory) object without `columns` → `key,value` records.
// An empty list without `columns` → empty output (no header can be known).
// On a terminal (`terminal`), control characters in fields are written as visible escapes (`\e`, `\n`),
// so a value can neither break a record nor drive the terminal; files and pipes get the data as is.
import { escapeControls } from '../parse/echo.js';
import { CHUNK_SIZE } from './json.js';
import { compileColumn, csvCell, extractRows, isRecord, normalizeColumns, scalarFields, type Column } from './rows.js';

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field. */
export function csvField(s: string): string {
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const asIs = (s: string): string => s;

export function* csvChunks(value: unknown, columns?: string[], terminal = false): Generator<string> {
  const shown = terminal ? escapeControls : asIs;
  const record = (fields: string[]): string => {
    // A lone empty field would be an empty line, which many readers skip: write it as "".
    if (fields.length === 1 && fields[0] === '') return '""\r\n';
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i ? ',' : '') + csvField(shown(fields[i]!));
    return line + '\r\n';
  };
  const cols = normalizeColumns(columns);
  const rs = extractRows(value, cols !== undefined);
  if (rs.kind === 'scalar') {
    yield record(['value']) + record([csvCell(rs.rows[0])]);
    return;
  }
  if (rs.kind === 'object') {
    let out = record(['key', 'value']);
    const obj = rs.rows[0] as Record<string, unknown>;
    for (const k of Object.keys(obj)) if (obj[k] !== undefined) out += record([k, csvCell(obj[k])]);
    yield out;
    return;
  }
  let columnsUsed: Column[];
  if (cols) columnsUsed = cols.map(compileColumn);
  else if (rs.rows.length === 0) return;
  else if (rs.rows.every(isRecord)) columnsUsed = scalarFields(rs.rows).map(compileColumn);
  else columnsUsed = [{ path: 'value', get: (row) => row }];
  let out = record(columnsUsed.map((c) => c.path));
  const fields: string[] = new Array<string>(columnsUsed.length);
  for (const row of rs.rows) {
    for (let i = 0; i < columnsUsed.length; i++) fields[i] = csvCell(columnsUsed[i]!.get(row));
    out += record(fields);
    if (out.length >= CHUNK_SIZE) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
