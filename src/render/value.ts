// `value` format (like `az -o tsv`): values only, one row per line, fields tab-separated, no header.
// Meant for scripts: `$(zstack-cli QueryVmInstance name=x -o value -c uuid)`.
// Columns: `columns` when given, else the union of the rows' scalar fields (first-seen order), so the
// field order never depends on the terminal. Lists of scalars are joined with `,`, other nested values
// are compact JSON; tabs and line breaks inside a value become one space so one row stays one line.
// null/missing → empty field. A plain object without `columns` → `key<TAB>value` lines; a scalar → itself.
import { CHUNK_SIZE } from './json.js';
import { compileColumn, extractRows, isRecord, normalizeColumns, scalarFields, valueCell, type Column } from './rows.js';

export function* valueChunks(value: unknown, columns?: string[]): Generator<string> {
  const cols = normalizeColumns(columns);
  const rs = extractRows(value, cols !== undefined);
  if (rs.kind === 'scalar') {
    yield valueCell(rs.rows[0]) + '\n';
    return;
  }
  if (rs.kind === 'object') {
    let out = '';
    const obj = rs.rows[0] as Record<string, unknown>;
    for (const k of Object.keys(obj)) if (obj[k] !== undefined) out += valueCell(k) + '\t' + valueCell(obj[k]) + '\n';
    if (out) yield out;
    return;
  }
  let columnsUsed: Column[];
  if (cols) columnsUsed = cols.map(compileColumn);
  else if (rs.rows.every(isRecord)) columnsUsed = scalarFields(rs.rows).map(compileColumn);
  else columnsUsed = [{ path: 'value', get: (row) => row }];
  let out = '';
  for (const row of rs.rows) {
    let line = '';
    for (let i = 0; i < columnsUsed.length; i++) line += (i ? '\t' : '') + valueCell(columnsUsed[i]!.get(row));
    out += line + '\n';
    if (out.length >= CHUNK_SIZE) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
