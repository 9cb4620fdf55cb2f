// The rows nested in a row by one field of its render plan (a VM's nics, a nic's used IPs, a VM's host). A row that
// nests rows by its own uuid, and whose id is known, finds them through the links of the nested table to its table
// (store/links.ts: an array read, where a lookup in an index of 100k values costs a hash and its cache misses); other
// rows through the nested table's index of the key; nested kinds sharing a table (KVM hosts) through the store.
import type { ChildLinks } from '../store/links.js';
import type { Store } from '../store/store.js';
import type { Row, Table } from '../store/table.js';

/** Row ids, ascending: a bare id while there is one. */
export type Ids = number | readonly number[] | undefined;

/** What a lookup found: the rows' ids, or (through the store) the rows themselves. */
export interface Found {
  ids: Ids;
  rows: readonly Row[];
}

const NONE: readonly Row[] = [];

export function newFound(): Found {
  return { ids: undefined, rows: NONE };
}

export class NestedRows {
  /** The nested inventory's own table; undefined when its rows share a table with other kinds. */
  private readonly table: Table | undefined;
  private links: ChildLinks | undefined;
  private index: ReadonlyMap<unknown, number | ReadonlySet<number>> | undefined;

  /** Rows of `inventory` whose `key` equals the nesting row's `ownKey`; nesting rows live in `own`. */
  constructor(
    private readonly store: Store,
    readonly inventory: string,
    private readonly key: string,
    private readonly ownKey: string,
    private readonly own: Table,
  ) {
    this.table = store.scope(inventory).where ? undefined : store.table(inventory);
  }

  /** Finds the rows nested by `x` (the value of `ownKey`) in row `id` of `own` (-1: not known) into `out`; returns how many. */
  find(id: number, x: unknown, out: Found): number {
    out.rows = NONE;
    out.ids = undefined;
    if (x === null || x === undefined) return 0;
    const table = this.table;
    if (table === undefined) {
      out.rows = this.store.find(this.inventory, this.key, x);
      return out.rows.length;
    }
    let ids: Ids;
    if (this.ownKey === 'uuid' && id >= 0 && typeof x === 'string') ids = (this.links ??= table.linksTo(this.key, this.own)).of(id);
    else {
      const hit = (this.index ??= table.index(this.key)).get(x);
      // Several rows share the value: ascending, like the links.
      ids = hit === undefined || typeof hit === 'number' ? hit : [...hit].sort((a, b) => a - b);
    }
    out.ids = ids;
    return ids === undefined ? 0 : typeof ids === 'number' ? 1 : ids.length;
  }

  /** Row `j` of what was found. */
  row(found: Found, j: number): Row {
    const ids = found.ids;
    if (ids === undefined) return found.rows[j]!;
    return this.table!.get(typeof ids === 'number' ? ids : ids[j]!)!;
  }

  /** The id of row `j` of what was found (-1: found through the store). */
  static idOf(found: Found, j: number): number {
    const ids = found.ids;
    return ids === undefined ? -1 : typeof ids === 'number' ? ids : ids[j]!;
  }
}
