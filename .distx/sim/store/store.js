import { kindOf } from './kinds.js';
import { Table } from './table.js';
export class Store {
    registry;
    idSource;
    clock;
    tables = new Map();
    seqs = new Map();
    listeners = [];
    changes = { count: 0 };
    constructor(registry, idSource, clock) {
        this.registry = registry;
        this.idSource = idSource;
        this.clock = clock;
    }
    /** Where new uuids, MACs and random numbers come from. */
    get ids() {
        return this.idSource;
    }
    /** Swaps the id source (seeds use a fixed one so seeded rows are stable; afterwards each simulator has its own). */
    setIds(ids) {
        this.idSource = ids;
    }
    /** Moves on every insert, update and removal in any table: what was made from rows at one version is stale at another. */
    get version() {
        return this.changes.count;
    }
    /** Tells `watch` of every insert, update (with the changed fields' values before it) and removal in any table, right after it is made. */
    watch(watch) {
        const before = this.changes.watch;
        this.changes.watch = before
            ? (table, id, row, old) => {
                before(table, id, row, old);
                watch(table, id, row, old);
            }
            : watch;
    }
    /** Milliseconds since the epoch, from the injected clock. */
    now() {
        return this.clock();
    }
    /** Swaps the clock (seeds run on a fixed clock so their dates are stable, then the real one takes over). */
    setClock(clock) {
        this.clock = clock;
    }
    listen(l) {
        this.listeners.push(l);
    }
    /** Next number of a named counter (ref-table ids, VM numbers for nic names), starting at 1. */
    nextSeq(name) {
        const n = (this.seqs.get(name) ?? 0) + 1;
        this.seqs.set(name, n);
        return n;
    }
    /** The table holding rows of this inventory (its own, or its parent kind's). */
    table(inventory) {
        const name = kindOf(inventory)?.table ?? inventory;
        let t = this.tables.get(name);
        if (!t)
            this.tables.set(name, (t = new Table(name, this.changes)));
        return t;
    }
    scope(inventory) {
        const kind = kindOf(inventory);
        const table = this.table(inventory);
        return kind ? { inventory, table, where: { field: kind.field, value: kind.value } } : { inventory, table };
    }
    /** True when the row belongs to the scope's kind. */
    inScope(scope, row) {
        return !scope.where || row[scope.where.field] === scope.where.value;
    }
    /** Inserts a row of `inventory`; fills createDate/lastOpDate and remembers the kind for rendering. */
    insert(inventory, row) {
        const t = this.table(inventory);
        if (t.name !== inventory)
            row.__kind = inventory;
        const now = this.now();
        if (row.createDate === undefined)
            row.createDate = now;
        if (row.lastOpDate === undefined)
            row.lastOpDate = row.createDate;
        t.insert(row);
        for (const l of this.listeners)
            l.inserted?.(t.name, row);
        return row;
    }
    /** Is the uuid taken by any row of any table? */
    hasUuid(uuid) {
        for (const t of this.tables.values())
            if (t.idOf(uuid) !== undefined)
                return true;
        return false;
    }
    get(inventory, uuid) {
        const scope = this.scope(inventory);
        const row = scope.table.byUuidGet(uuid);
        return row && this.inScope(scope, row) ? row : undefined;
    }
    /** Updates fields by uuid and bumps lastOpDate. */
    update(inventory, uuid, patch) {
        const t = this.table(inventory);
        const id = t.idOf(uuid);
        if (id === undefined)
            throw new Error(`${inventory}: no row ${uuid}`);
        return t.update(id, { lastOpDate: this.now(), ...patch });
    }
    remove(inventory, uuid) {
        const t = this.table(inventory);
        const id = t.idOf(uuid);
        if (id === undefined)
            return undefined;
        const row = t.remove(id);
        if (row)
            for (const l of this.listeners)
                l.removed?.(t.name, row);
        return row;
    }
    /** Rows of `inventory` with `field === value`, in insertion order. */
    find(inventory, field, value) {
        const scope = this.scope(inventory);
        const rows = scope.table.find(field, value);
        return scope.where ? rows.filter((r) => this.inScope(scope, r)) : rows;
    }
    /** Removes every row of `inventory` with `field === value`; returns how many went. */
    removeWhere(inventory, field, value) {
        const scope = this.scope(inventory);
        const ids = [...scope.table.lookup(field, value)].filter((id) => this.inScope(scope, scope.table.get(id)));
        for (const id of ids) {
            const row = scope.table.remove(id);
            if (row)
                for (const l of this.listeners)
                    l.removed?.(scope.table.name, row);
        }
        return ids.length;
    }
    all(inventory) {
        const scope = this.scope(inventory);
        const out = [];
        for (const row of scope.table.values())
            if (this.inScope(scope, row))
                out.push(row);
        return out;
    }
    count(inventory) {
        const scope = this.scope(inventory);
        if (!scope.where)
            return scope.table.size;
        return scope.table.lookup(scope.where.field, scope.where.value).size;
    }
}
