// Rows of one table that name a row of another by its uuid (a nic's vmInstanceUuid, a volume's), kept by the id of the
// row they name: the rows nested in a row are found by its id, one array read, instead of hashing its uuid in an index
// of 100k values (~0.5 us a lookup, three for every VM of a big reply). Made on first use (one uuid lookup a row) and
// kept up to date by the two tables from then on (see Table): a row that names no row yet waits, by the uuid it names,
// for that row to come; the rows naming a removed row wait for its uuid to come back.
import type { Row, Table } from './table.js';

/** Ids ascending: a bare id while there is one. */
type Ids = number | number[];

export class ChildLinks {
  /** By the id of the row named: the ids of the rows naming it. */
  private readonly byParent: (Ids | undefined)[] = [];
  /** Rows naming a uuid no row of the parent table has, by that uuid. */
  private readonly waiting = new Map<string, Ids>();

  /** Rows of `child` whose `key` is the uuid of a row of `parent`. */
  constructor(
    readonly child: Table,
    readonly key: string,
    readonly parent: Table,
  ) {
    for (let id = 1; id <= child.lastId; id++) {
      const row = child.get(id);
      if (row) this.childInserted(id, row);
    }
  }

  /** Ids (ascending) of the rows naming the parent row `parentId`. Do not mutate. */
  of(parentId: number): number | readonly number[] | undefined {
    return this.byParent[parentId];
  }

  childInserted(id: number, row: Row): void {
    this.attach(id, row[this.key]);
  }

  childRemoved(id: number, row: Row): void {
    this.detach(id, row[this.key]);
  }

  childMoved(id: number, from: unknown, to: unknown): void {
    this.detach(id, from);
    this.attach(id, to);
  }

  parentInserted(id: number, row: Row): void {
    if (typeof row.uuid !== 'string') return;
    const waiting = this.waiting.get(row.uuid);
    if (waiting === undefined) return;
    this.waiting.delete(row.uuid);
    this.byParent[id] = merge(this.byParent[id], waiting);
  }

  parentRemoved(id: number, row: Row): void {
    const children = this.byParent[id];
    if (children === undefined) return;
    this.byParent[id] = undefined;
    if (typeof row.uuid === 'string') this.waiting.set(row.uuid, merge(this.waiting.get(row.uuid), children));
  }

  private attach(id: number, uuid: unknown): void {
    if (typeof uuid !== 'string') return;
    const parent = this.parent.idOf(uuid);
    if (parent !== undefined) this.byParent[parent] = merge(this.byParent[parent], id);
    else this.waiting.set(uuid, merge(this.waiting.get(uuid), id));
  }

  private detach(id: number, uuid: unknown): void {
    if (typeof uuid !== 'string') return;
    const parent = this.parent.idOf(uuid);
    if (parent !== undefined) this.byParent[parent] = without(this.byParent[parent], id);
    else {
      const left = without(this.waiting.get(uuid), id);
      if (left === undefined) this.waiting.delete(uuid);
      else this.waiting.set(uuid, left);
    }
  }
}

/** `a` and `b` together, ascending (rows come in id order: mostly one appended after the others). */
function merge(a: Ids | undefined, b: Ids): Ids {
  if (a === undefined) return b;
  const out = typeof a === 'number' ? [a] : a;
  for (const id of typeof b === 'number' ? [b] : b) {
    let i = out.length;
    while (i > 0 && out[i - 1]! > id) i--;
    if (out[i - 1] !== id) out.splice(i, 0, id);
  }
  return out;
}

function without(a: Ids | undefined, id: number): Ids | undefined {
  if (a === undefined || a === id) return undefined;
  if (typeof a === 'number') return a;
  const out = a.filter((x) => x !== id);
  return out.length === 1 ? out[0]! : out;
}
