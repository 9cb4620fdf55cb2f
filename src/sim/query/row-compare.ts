// A row compared with a keyframe value by value (see row-delta.ts): it meets the slots the piece writer (row-code.ts)
// records, in the same order (each field's value, each nested list's length, each nested row's kind), compares each
// with the keyframe's and notes the text of those that differ; or gives up (-1) when the row's shape is not the
// keyframe's: a value present in one and absent in the other, a string in one and not in the other (quoted or not),
// another number of nested rows or another kind. One loop for every kind: made once, where code made per kind would
// be compiled again for each (over 100 ms apiece for VMs and their nics).
import type { Row } from '../store/table.js';
import { formatDate } from './dates.js';
import { NestedRows, newFound, type Found } from './nested.js';
import { MAX_DEPTH, type Plan } from './render.js';
import { plainAt, valueText, type Gather, type RowCode } from './row-code.js';

/** The slots that differ from the keyframe's (ascending) and their text: `slots[0..n)`, `texts[0..n)`. */
export interface Diffs {
  n: number;
  slots: number[];
  texts: string[];
}

export function newDiffs(): Diffs {
  return { n: 0, slots: [], texts: [] };
}

const PLAIN = 0;
const DATE = 1;
const COMPUTED = 2;
const PICK = 3;
const LIST = 4;
const SINGLE = 5;

/** A plan field as the loop reads it (every field has every property: one shape of object). */
interface Field {
  how: number;
  /** Nested: how its rows are found, their inventory, and its fields once looked up. */
  rows: NestedRows | undefined;
  inventory: string;
  nested: CompareFields | undefined;
  pick: string;
  list: boolean;
  /** A plain field's index in `plain` (the memo of strings found to need no escapes, shared with the piece writer). */
  k: number;
}

/** A kind's fields, for `compareRow`: with its code's gatherer and memo of strings that need no escapes. */
export interface CompareFields {
  fields: Field[];
  gather: Gather;
  plain: string[];
}

/** The fields of a kind's plan; `nested` says how each nested field's rows are found. */
export function compareFields(plan: Plan, nested: readonly (NestedRows | undefined)[], code: RowCode): CompareFields {
  let k = 0;
  const fields = plan.fields.map((p, at): Field => {
    const f: Field = { how: PLAIN, rows: undefined, inventory: '', nested: undefined, pick: '', list: false, k: -1 };
    if (p.how === 'plain') f.k = k++;
    else if (p.how === 'date') f.how = DATE;
    else if (p.how === 'computed') f.how = COMPUTED;
    else {
      f.how = p.pick !== undefined ? PICK : p.list ? LIST : SINGLE;
      f.rows = nested[at];
      f.inventory = p.inventory;
      f.pick = p.pick ?? '';
      f.list = p.list;
    }
    return f;
  });
  return { fields, gather: code.gather, plain: code.plain };
}

/** Nested rows: what the loop needs of the writer it works for. */
export interface CompareWalker {
  fieldsOf(kind: string): CompareFields;
}

/** The gathered values of the row being compared at each depth, and the rows nested in it. */
const GATHERED: unknown[][] = [];
const FOUND: Found[] = [];

function isAbsent(x: unknown): boolean {
  return x === null || x === undefined;
}

/**
 * Compares the slots of `row` (row `id` of its table, -1 when not known; written as the kind of `own`, at `depth`) from
 * slot `s` on with the keyframe's `values`, noting those that differ in `d`; returns the slot after the row's last, or
 * -1 when the shape differs.
 */
export function compareRow(walker: CompareWalker, own: CompareFields, row: Row, id: number, depth: number, values: readonly unknown[], d: Diffs, s: number): number {
  const fields = own.fields;
  // What the fields are made from, read at once (one array per depth: nested rows are compared one level down).
  const got = (GATHERED[depth] ??= []);
  own.gather(row, got);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const how = f.how;
    if (how === PLAIN) {
      const x = got[i];
      const v = values[s];
      if (typeof v === 'string') {
        // Compared as strings (the engine then compares them in line: most are the very same string).
        if (typeof x !== 'string') return -1;
        if (x !== v) {
          if (!plainAt(x, own.plain, f.k)) return -1;
          note(d, s, x);
        }
      } else if (x !== v || typeof x === 'object') {
        // Objects are never taken as equal (one could have been changed in place since the keyframe was written).
        if (isAbsent(x) || isAbsent(v)) {
          if (!isAbsent(x) || !isAbsent(v)) return -1;
        } else {
          if (typeof x === 'string') return -1;
          note(d, s, valueText(x));
        }
      }
      s++;
    } else if (how === DATE) {
      // Its slot holds its text: dates a few milliseconds apart often read the same.
      const x = got[i];
      const v = values[s];
      if (typeof x === 'number') {
        if (typeof v !== 'string') return -1;
        const t = formatDate(x);
        if (t !== v) note(d, s, t);
      } else if (v !== undefined) return -1;
      s++;
    } else if (how === COMPUTED) {
      const x = got[i];
      const v = values[s];
      if (x !== v || typeof x === 'object') {
        if (isAbsent(x) || isAbsent(v)) {
          if (!isAbsent(x) || !isAbsent(v)) return -1;
        } else note(d, s, valueText(x));
      }
      s++;
    } else if (depth < MAX_DEPTH) {
      const x = got[i];
      const rows = f.rows!;
      const found = (FOUND[depth] ??= newFound());
      const many = rows.find(id, x, found);
      if (how === PICK) {
        // Picked values as one text (a single one's is absent when its key is null).
        let t: string | undefined;
        if (isAbsent(x)) t = f.list ? '[]' : undefined;
        else {
          const picked: unknown[] = [];
          for (let j = 0; j < many; j++) picked.push(rows.row(found, j)[f.pick]);
          t = JSON.stringify(picked);
        }
        const v = values[s];
        if (t !== v) {
          if (t === undefined || v === undefined) return -1;
          note(d, s, t);
        }
        s++;
        continue;
      }
      const n = how === LIST ? many : many > 0 ? 1 : 0;
      if (n !== values[s]) return -1;
      s++;
      for (let j = 0; j < n; j++) {
        const r = rows.row(found, j);
        const kind = typeof r.__kind === 'string' ? r.__kind : f.inventory;
        if (values[s] !== kind) return -1;
        const nested = kind === f.inventory ? (f.nested ??= walker.fieldsOf(kind)) : walker.fieldsOf(kind);
        s = compareRow(walker, nested, r, NestedRows.idOf(found, j), depth + 1, values, d, s + 1);
        if (s < 0) return -1;
      }
    }
  }
  return s;
}

function note(d: Diffs, s: number, text: string): void {
  const n = d.n++;
  d.slots[n] = s;
  d.texts[n] = text;
}
