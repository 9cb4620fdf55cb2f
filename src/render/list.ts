// Lists written row by row: every format's ListRenderer takes the rows in batches as they arrive and
// returns their text, so a streamed query (one big answer, or --all pages) is printed at constant
// memory. Formats that must see rows before writing (table widths, csv/value's default columns)
// hold the first FIRST_ROWS rows, decide from them, then write everything.
import type { RenderOptions } from './options.js';
import { compileColumn, type Row } from './rows.js';
import type { Total } from './shape.js';

/** Rows looked at before a table's widths or csv/value's default columns are fixed. */
export const FIRST_ROWS = 1000;

export interface ListOptions extends RenderOptions {
  /** The answer holds a total (replyWithCount): json/yaml print `{inventories: [...], total: N}`. */
  withTotal?: boolean;
}

export interface ListEnd {
  total?: Total;
}

export interface ListRenderer {
  /** Text for more rows ('' while the first rows are held). */
  rows(batch: readonly Row[]): string;
  /** The rest: held rows, closing brackets, footer. */
  end(tail?: ListEnd): string;
}

/** Holds up to FIRST_ROWS rows (when `hold`), then hands them to the renderer `start` makes from them. */
export function afterFirstRows(start: (first: readonly Row[]) => ListRenderer, hold: boolean): ListRenderer {
  let inner: ListRenderer | undefined = hold ? undefined : start([]);
  let held: Row[] = [];
  const begin = (): string => {
    inner = start(held);
    const out = inner.rows(held);
    held = [];
    return out;
  };
  return {
    rows(batch) {
      if (inner) return inner.rows(batch);
      for (const r of batch) held.push(r);
      return held.length < FIRST_ROWS ? '' : begin();
    },
    end(tail) {
      const out = inner ? '' : begin();
      return out + inner!.end(tail);
    },
  };
}

/** `{<path>: value|null}` for each column: what json/yaml print per row with `-c`. */
export function projector(columns: readonly string[]): (row: Row) => Record<string, unknown> {
  const cols = columns.map(compileColumn);
  return (row) => {
    const o: Record<string, unknown> = {};
    for (const c of cols) o[c.path] = c.get(row) ?? null;
    return o;
  };
}
