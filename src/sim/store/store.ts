// The simulator's database: tables by inventory, kind scoping, timestamps on write, and the id source and clock.
import type { Registry } from '../../schema/registry.js';
import type { IdSource } from './ids.js';
import { kindOf } from './kinds.js';
import { Table, type Row } from './table.js';

/** Where an inventory's rows are: a table, optionally narrowed to one kind. */
export interface Scope {
  inventory: string;
  table: Table;
  where?: { field: string; value: string };
}

export class Store {
  private readonly tables = new Map<string, Table>();
  private readonly seqs = new Map<string, number>();

  constructor(
    readonly registry: Registry,
    readonly ids: IdSource,
    private clock: () => number,
  ) {}

  /** Milliseconds since the epoch, from the injected clock. */
  now(): number {
    return this.clock();
  }

  /** Swaps the clock (seeds run on a fixed clock so their dates are stable, then the real one takes over). */
  setClock(clock: () => number): void {
    this.clock = clock;
  }

  /** Next number of a named counter (ref-table ids, VM numbers for nic names), starting at 1. */
  nextSeq(name: string): number {
    const n = (this.seqs.get(name) ?? 0) + 1;
    this.seqs.set(name, n);
    return n;
  }

  /** The table holding rows of this inventory (its own, or its parent kind's). */
  table(inventory: string): Table {
    const name = kindOf(inventory)?.table ?? inventory;
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Table(name)));
    return t;
  }

  scope(inventory: string): Scope {
    const kind = kindOf(inventory);
    const table = this.table(inventory);
    return kind ? { inventory, table, where: { field: kind.field, value: kind.value } } : { inventory, table };
  }

  /** True when the row belongs to the scope's kind. */
  inScope(scope: Scope, row: Row): boolean {
    return !scope.where || row[scope.where.field] === scope.where.value;
  }

  /** Inserts a row of `inventory`; fills createDate/lastOpDate and remembers the kind for rendering. */
  insert(inventory: string, row: Row): Row {
    const t = this.table(inventory);
    if (t.name !== inventory) row.__kind = inventory;
    const now = this.now();
    if (row.createDate === undefined) row.createDate = now;
    if (row.lastOpDate === undefined) row.lastOpDate = row.createDate;
    t.insert(row);
    return row;
  }

  /** Is the uuid taken by any row of any table? */
  hasUuid(uuid: string): boolean {
    for (const t of this.tables.values()) if (t.idOf(uuid) !== undefined) return true;
    return false;
  }

  get(inventory: string, uuid: string): Row | undefined {
    const scope = this.scope(inventory);
    const row = scope.table.byUuidGet(uuid);
    return row && this.inScope(scope, row) ? row : undefined;
  }

  /** Updates fields by uuid and bumps lastOpDate. */
  update(inventory: string, uuid: string, patch: Row): Row {
    const t = this.table(inventory);
    const id = t.idOf(uuid);
    if (id === undefined) throw new Error(`${inventory}: no row ${uuid}`);
    return t.update(id, { lastOpDate: this.now(), ...patch });
  }

  remove(inventory: string, uuid: string): Row | undefined {
    const t = this.table(inventory);
    const id = t.idOf(uuid);
    return id === undefined ? undefined : t.remove(id);
  }

  /** Rows of `inventory` with `field === value`, in insertion order. */
  find(inventory: string, field: string, value: unknown): Row[] {
    const scope = this.scope(inventory);
    return scope.table.find(field, value).filter((r) => this.inScope(scope, r));
  }

  /** Removes every row of `inventory` with `field === value`; returns how many went. */
  removeWhere(inventory: string, field: string, value: unknown): number {
    const scope = this.scope(inventory);
    const ids = [...scope.table.lookup(field, value)].filter((id) => this.inScope(scope, scope.table.get(id)!));
    for (const id of ids) scope.table.remove(id);
    return ids.length;
  }

  all(inventory: string): Row[] {
    const scope = this.scope(inventory);
    const out: Row[] = [];
    for (const row of scope.table.values()) if (this.inScope(scope, row)) out.push(row);
    return out;
  }

  count(inventory: string): number {
    const scope = this.scope(inventory);
    if (!scope.where) return scope.table.size;
    return scope.table.lookup(scope.where.field, scope.where.value).size;
  }
}
