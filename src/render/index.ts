// Output rendering: a ZStack answer (any JSON-like value) → text, in one of five formats.
// Pure: no process/stdout access; colour only when `color` is set (no terminal detection here).
//
// Every non-empty output ends with a newline. `renderChunks` yields pieces of about 64 KiB so a
// caller can write a 100k-row answer without holding the whole text; `renderValue` joins them.
// Which rows the tabular formats show is described in rows.ts; each format's details are in its
// module (json.ts, yaml.ts, table.ts, csv.ts, value.ts).
// `columns` also applies to json/yaml: the answer is projected to `{<path>: value|null, ...}` per row
// (an array of them for lists, one object otherwise), e.g. `-o json -c uuid,vmNics.ip`.
import { csvChunks } from './csv.js';
import { jsonChunks } from './json.js';
import { OUTPUT_FORMATS, type RenderOptions } from './options.js';
import { compileColumn, extractRows, normalizeColumns } from './rows.js';
import { tableChunks } from './table.js';
import { valueChunks } from './value.js';
import { yamlChunks } from './yaml.js';

export { OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from './options.js';
export { displayWidth } from './width.js';

function project(value: unknown, columns: string[]): unknown {
  const cols = columns.map(compileColumn);
  const one = (row: unknown) => {
    const o: Record<string, unknown> = {};
    for (const c of cols) o[c.path] = c.get(row) ?? null;
    return o;
  };
  const rs = extractRows(value, true);
  switch (rs.kind) {
    case 'list':
      return rs.rows.map(one);
    case 'single':
      return one(rs.rows[0]);
    default:
      return rs.rows[0];
  }
}

/** The rendered text of `value`, in chunks (each a non-empty string). */
export function* renderChunks(value: unknown, opts: RenderOptions): Generator<string> {
  for (const chunk of chunksOf(value, opts)) if (chunk !== '') yield chunk;
}

function* chunksOf(value: unknown, opts: RenderOptions): Generator<string> {
  const columns = normalizeColumns(opts.columns);
  switch (opts.format) {
    case 'json':
      yield* jsonChunks(columns ? project(value, columns) : value, opts.color);
      return;
    case 'yaml':
      yield* yamlChunks(columns ? project(value, columns) : value, opts.color);
      return;
    case 'table':
      yield* tableChunks(value, { columns, color: opts.color, width: opts.width });
      return;
    case 'csv':
      yield* csvChunks(value, columns, opts.terminal === true);
      return;
    case 'value':
      yield* valueChunks(value, columns);
      return;
    default:
      throw new Error(`unknown output format '${String(opts.format)}' (expected one of ${OUTPUT_FORMATS.join(', ')})`);
  }
}

/** The rendered text of `value`. */
export function renderValue(value: unknown, opts: RenderOptions): string {
  let out = '';
  for (const chunk of renderChunks(value, opts)) out += chunk;
  return out;
}
