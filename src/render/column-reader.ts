// Reads the cells of a grid's columns row after row, each value as its column's getter gives it
// (rows.ts), but cheaply for the rows of one answer: those are plain objects with the same keys in the
// same order, so a top-level column's value is taken by its position in Object.values(row) (found
// once for each new order of keys) instead of by name. Looking up a different name at one place in
// the code is V8's slowest kind of property load, and the row's prototype is checked once per row
// rather than once per cell: together about a sixth of a 100k-row table's rendering. A value that is
// an object (toJSON), a column without a top-level key (a dotted path, `__proto__`, a list's `value`),
// a row that is not a plain object: the getter.
import { isRecord, type Column, type Row } from './rows.js';

/** Not a top-level key: the column's getter reads it. */
const BY_GETTER = -2;
/** A top-level key the row does not have. */
const ABSENT = -1;

export class ColumnReader {
  /** Each column's top-level key, or undefined when the getter must read it. */
  private readonly keys: (string | undefined)[];
  /** Each column's position in the current order of keys (or ABSENT, BY_GETTER). */
  private readonly at: number[];
  private order: string[] | undefined;
  private values: unknown[] = [];
  private row: Row;
  private plain = false;

  constructor(private readonly cols: readonly Column[]) {
    this.keys = cols.map((c) => c.key);
    this.at = cols.map(() => BY_GETTER);
  }

  /** Makes `row` the row whose cells value() reads. */
  read(row: Row): void {
    this.row = row;
    this.plain = false;
    if (!isRecord(row) || Object.getPrototypeOf(row) !== Object.prototype) return;
    this.plain = true;
    const ks = Object.keys(row);
    if (!sameOrder(ks, this.order)) {
      this.order = ks;
      for (let c = 0; c < this.keys.length; c++) {
        const k = this.keys[c];
        this.at[c] = k === undefined ? BY_GETTER : ks.indexOf(k);
      }
    }
    this.values = Object.values(row);
  }

  /** Column `c`'s value in the current row. */
  value(c: number): unknown {
    const i = this.plain ? this.at[c]! : BY_GETTER;
    if (i === ABSENT) return undefined;
    if (i !== BY_GETTER) {
      const v = this.values[i];
      if (typeof v !== 'object' || v === null) return v;
    }
    return this.cols[c]!.get(this.row);
  }
}

function sameOrder(a: readonly string[], b: readonly string[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
