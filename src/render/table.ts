// `table` format: box-drawn tables for humans on a terminal.
//
// Lists (query answers, bare arrays) → one line per row under a header, written row by row; the
// layout is fixed from the first rows (FIRST_ROWS in list.ts), and each column then keeps the cell
// text of values it meets again (CellMemo: 100k VMs repeat their states, types, zones and dates).
// Columns are `columns` when given (dotted paths), else chosen by usefulness: uuid, name, state,
// status (always), then NIC IPs, then `type` and the other scalar fields in first-seen order, then
// `…Uuid` references, then other nested fields (lists as `N items`, objects as compact JSON); fields
// null or empty in every row are skipped.
// With `width` (a terminal): optional default columns come in while they fit (text capped at 40
// columns); the default columns left out are named in the footer. Text cells may be cut with `…`
// (never below 8 columns), but uuids and numbers never are, and a column asked for is never dropped:
// when the columns cannot fit, the list switches to records, one `key │ value` line per column,
// values wrapped (default columns: the mandatory ones and the next four; the rest are named). A
// later row's uuid or number wider than its column overflows rather than being cut.
// Without `width` nothing is dropped or cut. Columns holding only numbers are right-aligned.
// A single inventory, or a plain object, is shown as a key │ value box, values wrapped to the width.
// Footer: `<rows> of <total>` when the answer has a total (also after `(no results)`), then hidden
// columns. Colour: header bold, state/status values by meaning (Running green, Stopped red, ...),
// footer grey. Widths count East-Asian wide characters as 2 columns; cells are one line (see
// tableCell/sanitizeCell), so a value can never break a line or inject terminal sequences.
import { afterFirstRows, FIRST_ROWS, type ListEnd, type ListRenderer } from './list.js';
import { ColumnReader } from './column-reader.js';
import { compileColumn, fieldKinds, isRecord, scalarText, tableCell, type Column, type Row } from './rows.js';
import { getStyle, isStateColumn, type Style } from './style.js';
import { codePointWidth, displayWidth, padEnd, padStart, sanitizeCell, truncate } from './width.js';

export interface TableOptions {
  columns?: readonly string[];
  color: boolean;
  width?: number;
}

/** Widest an optional text column may get when a terminal width is known. */
const OPTIONAL_CAP = 40;
/** Narrowest a text column is cut to when fitting the width. */
const MIN_COL = 8;
/** Default columns named in the footer before `and N more`. */
const HIDDEN_NAMED = 8;
/** Columns always shown (when the rows have them), in this order. */
const MANDATORY = ['uuid', 'name', 'state', 'status'];
const UUID_PATH = /(^|\.)uuid$|Uuid$/;
/** Cells of printable ASCII up to this length are shown as they are (tableCell would return them unchanged). */
const PLAIN_TEXT = /^[\x20-\x7e]*$/;
const MAX_PLAIN = 4096;
/** Default columns shown in records (beyond the mandatory ones) when a table cannot fit. */
const RECORD_OPTIONAL = 4;
/** Extra room given to text columns, when the terminal has it, for rows after the first ones. */
const HEADROOM = 4;

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

/** `s` cut into pieces of at most `width` display columns (at least one piece). */
export function wrapText(s: string, width: number): string[] {
  if (width < 1 || displayWidth(s) <= width) return [s];
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of s) {
    const cw = codePointWidth(ch.codePointAt(0)!);
    if (w + cw > width && line !== '') {
      out.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  out.push(line);
  return out;
}

function border(widths: readonly number[], l: string, m: string, r: string): string {
  let s = l;
  for (let i = 0; i < widths.length; i++) s += (i ? m : '') + '─'.repeat(widths[i]! + 2);
  return s + r + '\n';
}

/** A candidate column measured over the first rows. */
interface Measured {
  col: Column;
  header: string;
  headerWidth: number;
  /** Widest cell. */
  cellMax: number;
  /** Only numbers (and nulls): right-aligned, never cut. */
  numeric: boolean;
  /** uuids and numbers are never cut. */
  uncut: boolean;
}

function measure(col: Column, rows: readonly Row[]): Measured {
  const header = sanitizeCell(col.path);
  let cellMax = 0;
  let numeric = true;
  for (const row of rows) {
    const v = col.get(row);
    if (numeric && v !== null && v !== undefined && typeof v !== 'number' && typeof v !== 'bigint') numeric = false;
    const w = displayWidth(tableCell(v));
    if (w > cellMax) cellMax = w;
  }
  numeric &&= rows.length > 0;
  return { col, header, headerWidth: displayWidth(header), cellMax, numeric, uncut: numeric || UUID_PATH.test(col.path) };
}

const natural = (m: Measured): number => Math.max(m.cellMax, m.headerWidth);
/** Narrowest a column may get: uuids and numbers keep their cells whole (a long header may still be cut). */
const minimum = (m: Measured): number => (m.uncut ? Math.max(m.cellMax, Math.min(m.headerWidth, MIN_COL), 1) : Math.max(1, Math.min(natural(m), MIN_COL)));
/** Width an optional column is added at. */
const optionalWidth = (m: Measured): number => (m.uncut ? natural(m) : Math.min(natural(m), OPTIONAL_CAP));

/** Default columns of record rows by usefulness: the mandatory ones, then the rest in order. */
function defaultCandidates(rows: readonly Row[]): { mandatory: string[]; optional: string[] } {
  const kinds = fieldKinds(rows);
  const mandatory = MANDATORY.filter((p) => {
    const k = kinds.get(p);
    return k !== undefined && k !== 'none';
  });
  const tiers: string[][] = [[], [], [], []];
  for (const [k, kind] of kinds) {
    if (kind === 'none' || mandatory.includes(k)) continue;
    if (kind === 'iplist') tiers[0]!.push(k);
    else if (kind === 'scalar') tiers[/Uuid$/.test(k) ? 2 : 1]!.push(k);
    else tiers[3]!.push(k);
  }
  const t1 = tiers[1]!;
  if (t1.includes('type')) tiers[1] = ['type', ...t1.filter((k) => k !== 'type')];
  const optional = tiers.flat();
  if (mandatory.length === 0 && optional.length === 0) return { mandatory: [...kinds.keys()].slice(0, 1), optional: [...kinds.keys()].slice(1) };
  if (mandatory.length === 0) return { mandatory: optional.slice(0, 1), optional: optional.slice(1) };
  return { mandatory, optional };
}

type Layout = { kind: 'grid'; cols: Measured[]; widths: number[]; hidden: string[] } | { kind: 'records'; cols: Measured[]; hidden: string[] };

function layout(first: readonly Row[], explicit: readonly string[] | undefined, width: number | undefined): Layout {
  const l = chooseLayout(first, explicit, width);
  // More rows may follow the first ones: give text columns some room to spare.
  if (l.kind === 'grid' && width !== undefined && first.length >= FIRST_ROWS) {
    let spare = width - (1 + l.widths.reduce((a, w) => a + w + 3, 0));
    for (let c = 0; c < l.cols.length && spare > 0; c++) {
      if (l.cols[c]!.uncut || l.widths[c]! < natural(l.cols[c]!)) continue;
      const add = Math.min(HEADROOM, spare);
      l.widths[c]! += add;
      spare -= add;
    }
  }
  return l;
}

function chooseLayout(first: readonly Row[], explicit: readonly string[] | undefined, width: number | undefined): Layout {
  if (explicit || !first.every(isRecord)) {
    const cols = (explicit ? explicit.map(compileColumn) : [{ path: 'value', get: (row: Row) => row }]).map((c) => measure(c, first));
    return fit(cols, [], [], width);
  }
  const { mandatory, optional } = defaultCandidates(first);
  const measured = new Map([...mandatory, ...optional].map((p) => [p, measure(compileColumn(p), first)]));
  return fit(
    mandatory.map((p) => measured.get(p)!),
    optional.map((p) => measured.get(p)!),
    optional,
    width,
  );
}

/** Grid of the `must` columns plus the `optional` ones that fit, or records when the `must` ones cannot fit. */
function fit(must: Measured[], optional: Measured[], optionalNames: string[], width: number | undefined): Layout {
  if (width === undefined) {
    const cols = [...must, ...optional];
    return { kind: 'grid', cols, widths: cols.map(natural), hidden: [] };
  }
  const need = 1 + must.reduce((a, m) => a + minimum(m) + 3, 0);
  if (need > width) return { kind: 'records', cols: [...must, ...optional.slice(0, RECORD_OPTIONAL)], hidden: optionalNames.slice(RECORD_OPTIONAL) };
  let used = 1 + must.reduce((a, m) => a + natural(m) + 3, 0);
  const chosen = new Set<Measured>(must);
  for (const m of optional) {
    const w = optionalWidth(m);
    if (used + w + 3 <= width) {
      chosen.add(m);
      used += w + 3;
    }
  }
  const cols = [...must, ...optional].filter((m) => chosen.has(m));
  const widths = fitWidths(
    cols.map(natural),
    cols.map((m) => (must.includes(m) || m.uncut ? Infinity : OPTIONAL_CAP)),
    width,
    cols.map((m) => m.cellMax),
    cols.map((m) => m.uncut),
  );
  const hidden = optionalNames.filter((_, i) => !chosen.has(optional[i]!));
  return { kind: 'grid', cols, widths, hidden };
}

/** Words of `text` in lines of at most `width` columns (a longer word gets a line of its own). */
function wrapWords(text: string, width: number | undefined): string[] {
  if (width === undefined || displayWidth(text) <= width) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && displayWidth(line) + 1 + displayWidth(word) > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

function footerLines(shown: number, tail: ListEnd | undefined, hidden: readonly string[], st: Style, width?: number): string {
  let out = '';
  if (tail?.total !== undefined) out += st.dim(`${shown} of ${String(tail.total)}`) + '\n';
  if (hidden.length) {
    const named = hidden.slice(0, HIDDEN_NAMED).join(', ');
    const more = hidden.length > HIDDEN_NAMED ? ` and ${hidden.length - HIDDEN_NAMED} more` : '';
    for (const line of wrapWords(`not shown: ${named}${more} (pick columns with -c; -o json shows every field)`, width)) out += st.dim(line) + '\n';
  }
  return out;
}

function painter(cols: readonly Measured[], st: Style): ((c: number, text: string) => string) | undefined {
  if (!st.on) return undefined;
  const states = cols.map((m) => isStateColumn(m.col.path));
  return states.some(Boolean) ? (c, text) => (states[c] ? st.state(text) : text) : undefined;
}

/**
 * Cell text of a grid column: the value cut and padded to the column, painted. Text cells are cut
 * only with a terminal width (without one a later, wider cell overflows its column); uuids and
 * numbers never are.
 */
function gridCell(m: Measured, cw: number, cutOk: boolean, v: unknown, paint: ((text: string) => string) | undefined): string {
  let text: string;
  let w: number;
  if (typeof v === 'string' && v.length <= MAX_PLAIN && PLAIN_TEXT.test(v)) {
    // Most cells: printable ASCII, safe as it is and as wide as it is long.
    text = v;
    w = v.length;
  } else {
    text = tableCell(v);
    w = displayWidth(text);
  }
  if (w > cw && cutOk) {
    text = truncate(text, cw, w);
    w = displayWidth(text);
  }
  if (paint) text = paint(text);
  return m.numeric ? padStart(text, w, cw) : padEnd(text, w, cw);
}

/** Values whose cell text a column keeps (a query's rows repeat states, types, zones, dates...). */
const MEMO_SIZE = 512;
/** Misses after which a column whose values rarely repeat (uuids, names) stops keeping them, unless it had as many hits. */
const MEMO_TRIAL = 4 * MEMO_SIZE;

/**
 * A column's cells with their separators, kept by value (strings, numbers, booleans, null) while
 * that pays. A kept one is joined into one flat string: every batch's join copies it, and V8 copies
 * a flat string much faster than one added up with `+` (a tree of pieces).
 */
class CellMemo {
  private map: Map<unknown, string> | undefined = new Map();
  private misses = 0;
  private hits = 0;

  /** `padded`: a value's text, cut, painted and padded to the column. */
  constructor(private readonly padded: (v: unknown) => string) {}

  of(v: unknown): string {
    const map = this.map;
    if (map === undefined || (typeof v === 'object' && v !== null)) return ' ' + this.padded(v) + ' │';
    let cell = map.get(v);
    if (cell !== undefined) {
      this.hits++;
      return cell;
    }
    if (++this.misses === MEMO_TRIAL && this.hits < this.misses) this.map = undefined;
    if (map.size >= MEMO_SIZE) return ' ' + this.padded(v) + ' │';
    cell = [' ', this.padded(v), ' │'].join('');
    map.set(v, cell);
    return cell;
  }
}

/** A list as a grid, row by row, in the widths fixed from the first rows. */
function gridRenderer(l: Extract<Layout, { kind: 'grid' }>, st: Style, width: number | undefined): ListRenderer {
  const { cols, widths } = l;
  const paint = painter(cols, st);
  const cells = cols.map(
    (m, c) =>
      new CellMemo((v) =>
        gridCell(m, widths[c]!, !m.uncut && width !== undefined, v, paint ? (text) => paint(c, text) : undefined),
      ),
  );
  const reader = new ColumnReader(cols.map((m) => m.col));
  let n = 0;
  let head = border(widths, '┌', '┬', '┐') + '│';
  for (let c = 0; c < cols.length; c++) {
    const m = cols[c]!;
    const text = m.headerWidth > widths[c]! ? truncate(m.header, widths[c]!, m.headerWidth) : m.header;
    head += ' ' + padEnd(st.header(text), displayWidth(text), widths[c]!) + ' │';
  }
  head += '\n' + border(widths, '├', '┼', '┤');
  return {
    rows(batch) {
      const parts: string[] = [];
      if (n === 0 && batch.length) parts.push(head);
      for (const row of batch) {
        parts.push('│');
        reader.read(row);
        for (let c = 0; c < cells.length; c++) parts.push(cells[c]!.of(reader.value(c)));
        parts.push('\n');
      }
      n += batch.length;
      return parts.join('');
    },
    end(tail) {
      const body = n === 0 ? '(no results)\n' : border(widths, '└', '┴', '┘');
      return body + footerLines(n, tail, l.hidden, st, width);
    },
  };
}

/** `key │ value` lines with the value wrapped to `valueWidth` (unlimited when undefined). */
function keyValueLines(key: string, keyWidth: number, value: string, valueWidth: number | undefined, st: Style, paintValue?: (s: string) => string): string {
  const k = displayWidth(key) > keyWidth ? truncate(key, keyWidth) : key;
  const pieces = valueWidth === undefined ? [value] : wrapText(value, valueWidth);
  let out = '';
  for (let i = 0; i < pieces.length; i++) {
    const label = i === 0 ? padEnd(st.header(k), displayWidth(k), keyWidth) : ' '.repeat(keyWidth);
    out += `${label} │ ${paintValue ? paintValue(pieces[i]!) : pieces[i]!}\n`;
  }
  return out;
}

/** A list as records (when its columns cannot fit): a `─[ n ]─` rule, then one line per column. */
function recordsRenderer(cols: readonly Measured[], hidden: readonly string[], width: number, st: Style): ListRenderer {
  const keyWidth = Math.min(Math.max(...cols.map((m) => m.headerWidth)), Math.max(MIN_COL, Math.floor(width / 3)));
  const valueWidth = Math.max(MIN_COL, width - keyWidth - 3);
  const states = cols.map((m) => isStateColumn(m.col.path));
  let n = 0;
  return {
    rows(batch) {
      let out = '';
      for (const row of batch) {
        n++;
        const label = `─[ ${n} ]`;
        out += st.dim(label + '─'.repeat(Math.max(0, width - displayWidth(label)))) + '\n';
        for (let c = 0; c < cols.length; c++) {
          out += keyValueLines(cols[c]!.header, keyWidth, tableCell(cols[c]!.col.get(row)), valueWidth, st, st.on && states[c] ? (s) => st.state(s) : undefined);
        }
      }
      return out;
    },
    end(tail) {
      return (n === 0 ? '(no results)\n' : '') + footerLines(n, tail, hidden, st, width);
    },
  };
}

/** A list as a table, row by row. */
export function tableList(opts: TableOptions): ListRenderer {
  const st = getStyle(opts.color);
  return afterFirstRows((first) => {
    if (first.length === 0) return { rows: () => '', end: (tail) => '(no results)\n' + footerLines(0, tail, [], st) };
    const l = layout(first, opts.columns, opts.width);
    return l.kind === 'grid' ? gridRenderer(l, st, opts.width) : recordsRenderer(l.cols, l.hidden, opts.width!, st);
  }, true);
}

/** One object as a `key │ value` box; values wrap to the width (never cut), keys are cut past a third of it. */
export function keyValueBox(entries: readonly [string, unknown][], opts: TableOptions): string {
  if (entries.length === 0) return '';
  const st = getStyle(opts.color);
  const keys = entries.map(([k]) => sanitizeCell(k));
  const values = entries.map(([, v]) => tableCell(v));
  const keyMax = Math.max(...keys.map(displayWidth));
  const valueMax = Math.max(1, ...values.map(displayWidth));
  let keyWidth = keyMax;
  let valueWidth = valueMax;
  if (opts.width !== undefined) {
    keyWidth = Math.min(keyMax, Math.max(MIN_COL, Math.floor(opts.width / 3)));
    valueWidth = Math.min(valueMax, Math.max(MIN_COL, opts.width - keyWidth - 7));
  }
  let out = border([keyWidth, valueWidth], '┌', '┬', '┐');
  for (let i = 0; i < entries.length; i++) {
    const key = keys[i]!;
    const k = displayWidth(key) > keyWidth ? truncate(key, keyWidth) : key;
    const state = st.on && isStateColumn(entries[i]![0]);
    const pieces = wrapText(values[i]!, valueWidth);
    for (let p = 0; p < pieces.length; p++) {
      const label = p === 0 ? padEnd(st.header(k), displayWidth(k), keyWidth) : ' '.repeat(keyWidth);
      const v = pieces[p]!;
      out += `│ ${label} │ ${padEnd(state ? st.state(v) : v, displayWidth(v), valueWidth)} │\n`;
    }
  }
  return out + border([keyWidth, valueWidth], '└', '┴', '┘');
}

/** A scalar on its own line (control characters made visible). */
export function tableScalar(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = typeof v === 'object' ? tableCell(v) : scalarText(v).replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/g, '?');
  return text.endsWith('\n') ? text : text + '\n';
}

