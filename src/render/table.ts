// `table` format: a box-drawn table for humans on a terminal.
//
// Lists (query answers, bare arrays) → one line per row under a header. Columns are `columns` when
// given (dotted paths), else chosen from the rows' fields: uuid, name, state, status, type first (always
// shown), then lists of NICs (shown as their IPs), then other scalar fields in first-seen order, then
// `…Uuid` reference fields, then other nested fields (lists as `N items`, objects as compact JSON);
// fields that are null/empty in every row are skipped. With `width`, optional columns are added only
// while they fit (each capped at 40 columns) and the rest are dropped; then, if still too wide, the
// widest cells are cut with `…` (never below 8 columns per column, so very narrow terminals overflow).
// Without `width` nothing is dropped or cut. Columns holding only numbers are right-aligned.
// A single inventory, or a plain object, is shown vertically as key │ value; nested lists summarised.
// Footer: when the answer has a numeric `total` (replyWithCount), a line `<rows> of <total>` follows the
// table (also after `(no results)` for an empty list). Empty objects (`{}`) render as nothing.
// Colour: header bold, state/status values coloured by meaning (Running green, Stopped red, ...),
// footer grey. Widths count East-Asian wide characters as 2 columns; control characters in cells are
// neutralised (see sanitizeCell) so a value can never break a line or inject terminal sequences.
import { CHUNK_SIZE } from './json.js';
import {
  compileColumn,
  extractRows,
  fieldKinds,
  isRecord,
  normalizeColumns,
  scalarText,
  tableCell,
  type Column,
  type Row,
} from './rows.js';
import { getStyle, isStateColumn, type Style } from './style.js';
import { displayWidth, padEnd, padStart, sanitizeCell, truncate } from './width.js';

export interface TableOptions {
  columns?: string[];
  color: boolean;
  width?: number;
}

/** Widest an optional default column may get when a terminal width is known. */
const OPTIONAL_CAP = 40;
/** Narrowest a column is cut to when fitting the width. */
const MIN_COL = 8;
/** Rows sampled to choose default columns. */
const SAMPLE = 1000;
const PRIORITY = ['uuid', 'name', 'state', 'status', 'type'];

interface Grid {
  headers: string[] | null;
  nCols: number;
  nRows: number;
  /** Row-major cell texts (sanitised, one line each). */
  cells: string[];
  /** Their display widths. */
  cellWidths: Uint16Array;
  /** Per column: the widest cell or header. */
  natural: number[];
  /** Per column: the widest cell, header excluded. */
  cellMax: number[];
  /** Per column: largest width allowed regardless of room (Infinity = none). */
  caps: number[];
  /** Per column: cut only when cutting the others is not enough (uuids). */
  protect: boolean[];
  rightAlign: boolean[];
  paint?: (col: number, row: number, text: string) => string;
}

/** Narrows the `eligible` columns of `ws` (never below `mins`), widest first, until they fit `budget`. */
function squeeze(ws: number[], mins: number[], eligible: boolean[], budget: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(ws) <= budget) return ws;
  const at = (level: number) => ws.map((w, i) => (eligible[i] ? Math.max(mins[i]!, Math.min(w, level)) : w));
  let lo = 0;
  let hi = Math.max(...ws);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sum(at(mid)) <= budget) lo = mid;
    else hi = mid - 1;
  }
  const out = at(lo);
  let slack = budget - sum(out);
  for (let i = 0; i < out.length && slack > 0; i++) {
    if (out[i]! < ws[i]!) {
      out[i]!++;
      slack--;
    }
  }
  return out;
}

/**
 * Final column widths for `total` terminal columns (undefined = unlimited). When too wide: first headers
 * wider than their cells are cut, then the widest non-`protect`ed columns, then any (down to MIN_COL).
 */
export function fitWidths(
  natural: number[],
  caps: number[],
  total: number | undefined,
  cellMax: number[] = natural,
  protect: boolean[] = natural.map(() => false),
): number[] {
  if (total === undefined) return natural.slice();
  let ws = natural.map((n, i) => Math.max(1, Math.min(n, caps[i] ?? Infinity)));
  const budget = total - (3 * ws.length + 1);
  const all = ws.map(() => true);
  const floor = ws.map((w) => Math.min(w, MIN_COL));
  ws = squeeze(ws, ws.map((w, i) => Math.max(1, Math.min(w, Math.max(cellMax[i]!, floor[i]!)))), all, budget);
  ws = squeeze(ws, floor, protect.map((p) => !p), budget);
  return squeeze(ws, floor, all, budget);
}

function border(widths: number[], l: string, m: string, r: string): string {
  let s = l;
  for (let i = 0; i < widths.length; i++) s += (i ? m : '') + '─'.repeat(widths[i]! + 2);
  return s + r + '\n';
}

function* emitGrid(g: Grid, width: number | undefined, st: Style, footer: string): Generator<string> {
  const widths = fitWidths(g.natural, g.caps, width, g.cellMax, g.protect);
  const cell = (text: string, w: number, c: number, style: ((s: string) => string) | null, r: number): string => {
    const cw = widths[c]!;
    if (w > cw) {
      text = truncate(text, cw, w);
      w = displayWidth(text);
    }
    if (style) text = style(text);
    else if (g.paint) text = g.paint(c, r, text);
    return ' ' + (g.rightAlign[c] ? padStart(text, w, cw) : padEnd(text, w, cw)) + ' │';
  };
  let out = border(widths, '┌', '┬', '┐');
  if (g.headers) {
    let line = '│';
    for (let c = 0; c < g.nCols; c++) {
      const h = g.headers[c]!;
      line += cell(h, displayWidth(h), c, st.header, -1);
    }
    out += line + '\n' + border(widths, '├', '┼', '┤');
  }
  let k = 0;
  for (let r = 0; r < g.nRows; r++) {
    let line = '│';
    for (let c = 0; c < g.nCols; c++, k++) line += cell(g.cells[k]!, g.cellWidths[k]!, c, null, r);
    out += line + '\n';
    if (out.length >= CHUNK_SIZE) {
      yield out;
      out = '';
    }
  }
  out += border(widths, '└', '┴', '┘');
  if (footer) out += st.dim(footer) + '\n';
  yield out;
}

function buildGrid(rows: readonly Row[], columns: Column[], headers: boolean): Grid {
  const nCols = columns.length;
  const nRows = rows.length;
  const cells = new Array<string>(nRows * nCols);
  const cellWidths = new Uint16Array(nRows * nCols);
  const cellMax = columns.map(() => 0);
  const numeric = columns.map(() => true);
  let k = 0;
  for (const row of rows) {
    for (let c = 0; c < nCols; c++, k++) {
      const v = columns[c]!.get(row);
      if (numeric[c] && v !== null && v !== undefined && typeof v !== 'number' && typeof v !== 'bigint') numeric[c] = false;
      const t = tableCell(v);
      const w = displayWidth(t);
      cells[k] = t;
      cellWidths[k] = w > 0xffff ? 0xffff : w;
      if (w > cellMax[c]!) cellMax[c] = w;
    }
  }
  const headerTexts = headers ? columns.map((c) => sanitizeCell(c.path)) : null;
  return {
    headers: headerTexts,
    nCols,
    nRows,
    cells,
    cellWidths,
    natural: cellMax.map((w, c) => Math.max(w, headerTexts ? displayWidth(headerTexts[c]!) : 0)),
    cellMax,
    caps: columns.map(() => Infinity),
    protect: columns.map((c) => /(^|\.)uuid$|Uuid$/.test(c.path)),
    rightAlign: numeric,
  };
}

function measure(rows: readonly Row[], col: Column): number {
  let w = displayWidth(col.path);
  for (const row of rows) w = Math.max(w, displayWidth(tableCell(col.get(row))));
  return w;
}

/** Default columns for record rows, and which of them are optional (capped). */
function defaultColumns(rows: readonly Record<string, unknown>[], width: number | undefined): { columns: Column[]; optional: boolean[] } {
  const kinds = fieldKinds(rows);
  const tiers: string[][] = [[], [], [], [], []];
  for (const p of PRIORITY) {
    const kind = kinds.get(p);
    if (kind !== undefined && kind !== 'none') tiers[0]!.push(p);
  }
  for (const [k, kind] of kinds) {
    if (kind === 'none' || tiers[0]!.includes(k)) continue;
    if (kind === 'iplist') tiers[1]!.push(k);
    else if (kind === 'scalar') tiers[/Uuid$/.test(k) ? 3 : 2]!.push(k);
    else tiers[4]!.push(k);
  }
  let mandatory = tiers[0]!;
  let candidates = tiers.flat();
  if (candidates.length === 0) candidates = [...kinds.keys()]; // every field empty: show them anyway
  if (mandatory.length === 0) mandatory = candidates.slice(0, 1);
  if (width === undefined) {
    return { columns: candidates.map(compileColumn), optional: candidates.map(() => false) };
  }
  const sample = rows.length > SAMPLE ? rows.slice(0, SAMPLE) : rows;
  let used = 1;
  for (const p of mandatory) used += measure(sample, compileColumn(p)) + 3;
  const chosen = new Set(mandatory);
  for (const p of candidates) {
    if (chosen.has(p)) continue;
    const w = Math.min(OPTIONAL_CAP, measure(sample, compileColumn(p)));
    if (used + w + 3 <= width) {
      chosen.add(p);
      used += w + 3;
    }
  }
  const picked = candidates.filter((p) => chosen.has(p));
  return { columns: picked.map(compileColumn), optional: picked.map((p) => !mandatory.includes(p)) };
}

function footerFor(n: number, total: number | undefined): string {
  return total === undefined ? '' : `${n} of ${total}`;
}

function* listTable(rows: readonly Row[], total: number | undefined, cols: string[] | undefined, opts: TableOptions, st: Style): Generator<string> {
  const footer = footerFor(rows.length, total);
  if (rows.length === 0) {
    yield '(no results)\n' + (footer ? st.dim(footer) + '\n' : '');
    return;
  }
  let columns: Column[];
  let optional: boolean[] | undefined;
  if (cols) columns = cols.map(compileColumn);
  else if (rows.every(isRecord)) ({ columns, optional } = defaultColumns(rows, opts.width));
  else columns = [{ path: 'value', get: (row) => row }];
  if (columns.length === 0) columns = [{ path: 'value', get: () => undefined }];
  const g = buildGrid(rows, columns, true);
  if (optional) g.caps = optional.map((o) => (o ? OPTIONAL_CAP : Infinity));
  if (st.on) {
    const states = columns.map((c) => isStateColumn(c.path));
    if (states.some(Boolean)) g.paint = (c, _r, text) => (states[c] ? st.state(text) : text);
  }
  yield* emitGrid(g, opts.width, st, footer);
}

function* verticalTable(entries: [string, unknown][], opts: TableOptions, st: Style): Generator<string> {
  if (entries.length === 0) return;
  const keyCol: Column = { path: 'key', get: (e) => (e as [string, unknown])[0] };
  const valCol: Column = { path: 'value', get: (e) => (e as [string, unknown])[1] };
  const g = buildGrid(entries, [keyCol, valCol], false);
  g.rightAlign = [false, false];
  if (opts.width !== undefined) g.caps = [Math.max(MIN_COL, Math.floor(opts.width / 3)), Infinity];
  if (st.on) {
    const states = entries.map(([k]) => isStateColumn(k));
    g.paint = (c, r, text) => (c === 0 ? st.header(text) : states[r] ? st.state(text) : text);
  }
  yield* emitGrid(g, opts.width, st, '');
}

/** Table text of `value` (ending with a newline unless empty), in chunks of about CHUNK_SIZE characters. */
export function* tableChunks(value: unknown, opts: TableOptions): Generator<string> {
  const st = getStyle(opts.color);
  const cols = normalizeColumns(opts.columns);
  const rs = extractRows(value, cols !== undefined);
  switch (rs.kind) {
    case 'scalar': {
      const v = rs.rows[0];
      if (v === null || v === undefined) return;
      const text = typeof v === 'object' ? tableCell(v) : scalarText(v).replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g, '?');
      yield text.endsWith('\n') ? text : text + '\n';
      return;
    }
    case 'list':
      yield* listTable(rs.rows, rs.total, cols, opts, st);
      return;
    case 'object':
    case 'single': {
      const row = rs.rows[0];
      if (!isRecord(row)) {
        yield* tableChunks(row, { ...opts, columns: undefined });
        return;
      }
      const entries: [string, unknown][] = cols
        ? cols.map((p): [string, unknown] => [p, compileColumn(p).get(row)])
        : Object.keys(row)
            .filter((k) => row[k] !== undefined)
            .map((k): [string, unknown] => [k, row[k]]);
      yield* verticalTable(entries, opts, st);
      return;
    }
  }
}
