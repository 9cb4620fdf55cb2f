// One in-memory table of rows (one per inventory kind family) with row ids in insertion order, lazy hash indexes, and
// lazy links to the rows of other tables that name its rows by uuid (links.ts).
import { ChildLinks } from './links.js';
/** Index key for a value: nulls and undefined share one key. */
function key(v) {
    return v === undefined ? null : v;
}
const EMPTY = new Set();
export class Table {
    name;
    changes;
    /** Row by id (ids start at 1; removed rows leave holes). */
    rows = [undefined];
    count = 0;
    byUuid = new Map();
    indexes = new Map();
    /** Links from this table's rows to the rows they name in another table, and from other tables' rows to this one's. */
    toParents = [];
    fromChildren = [];
    /** `changes` is bumped by every insert, update and removal (memos made from rows are stale once it moves). */
    constructor(name, changes = { count: 0 }) {
        this.name = name;
        this.changes = changes;
    }
    get size() {
        return this.count;
    }
    /** The highest row id given so far (removed rows' ids are not given again). */
    get lastId() {
        return this.rows.length - 1;
    }
    /** Stores the row (kept by reference: mutate only through `update`) and returns its row id. */
    insert(row) {
        const id = this.rows.length;
        this.rows.push(row);
        this.count++;
        this.changes.count++;
        if (typeof row.uuid === 'string')
            this.byUuid.set(row.uuid, id);
        for (const [field, index] of this.indexes)
            addTo(index, key(row[field]), id);
        for (const l of this.fromChildren)
            l.parentInserted(id, row);
        for (const l of this.toParents)
            l.childInserted(id, row);
        this.changes.watch?.(this, id, row);
        return id;
    }
    get(id) {
        return this.rows[id];
    }
    idOf(uuid) {
        return this.byUuid.get(uuid);
    }
    byUuidGet(uuid) {
        const id = this.byUuid.get(uuid);
        return id === undefined ? undefined : this.rows[id];
    }
    /** Changes fields of a stored row in place, keeping indexes right. */
    update(id, patch) {
        const row = this.rows[id];
        if (!row)
            throw new Error(`${this.name}: no row ${id}`);
        if ('uuid' in patch && patch.uuid !== row.uuid)
            throw new Error(`${this.name}: uuid is immutable`);
        const before = this.changes.watch ? {} : undefined;
        for (const field of Object.keys(patch)) {
            if (before)
                before[field] = row[field];
            const value = patch[field];
            const index = this.indexes.get(field);
            if (index) {
                const before = key(row[field]);
                const after = key(value);
                if (before !== after) {
                    removeFrom(index, before, id);
                    addTo(index, after, id);
                }
            }
            for (const l of this.toParents)
                if (l.key === field && row[field] !== value)
                    l.childMoved(id, row[field], value);
            row[field] = value;
        }
        this.changes.count++;
        this.changes.watch?.(this, id, row, before);
        return row;
    }
    remove(id) {
        const row = this.rows[id];
        if (!row)
            return undefined;
        this.rows[id] = undefined;
        this.count--;
        this.changes.count++;
        for (const l of this.toParents)
            l.childRemoved(id, row);
        for (const l of this.fromChildren)
            l.parentRemoved(id, row);
        if (typeof row.uuid === 'string')
            this.byUuid.delete(row.uuid);
        for (const [field, index] of this.indexes)
            removeFrom(index, key(row[field]), id);
        this.changes.watch?.(this, id, row);
        return row;
    }
    /** The links from this table's rows to the rows of `parent` whose uuid their `key` holds (made on first use). */
    linksTo(key, parent) {
        let links = this.toParents.find((l) => l.key === key && l.parent === parent);
        if (!links) {
            links = new ChildLinks(this, key, parent);
            this.toParents.push(links);
            parent.fromChildren.push(links);
        }
        return links;
    }
    /** Row ids whose `field` equals `value` exactly (builds the field's index on first use). Do not mutate the result. */
    lookup(field, value) {
        const b = this.bucket(field, value);
        return b === undefined ? EMPTY : typeof b === 'number' ? new Set([b]) : b;
    }
    /** Rows whose `field` equals `value`, in insertion order. */
    find(field, value) {
        const b = this.bucket(field, value);
        return b === undefined ? [] : this.rowsOf(b);
    }
    /**
     * The index of `field` (built on first use, kept up to date afterwards): row ids by value, a bare id while one row
     * has it. For callers that look up many values of one field (a big reply's nested rows); do not mutate it. Values
     * are looked up as they are (null and undefined are one key: look up null).
     */
    index(field) {
        if (field === 'uuid')
            return this.byUuid;
        let index = this.indexes.get(field);
        if (!index) {
            index = new Map();
            for (let id = 1; id < this.rows.length; id++) {
                const row = this.rows[id];
                if (row)
                    addTo(index, key(row[field]), id);
            }
            this.indexes.set(field, index);
        }
        return index;
    }
    /** The rows of an index entry, in insertion order. */
    rowsOf(ids) {
        if (typeof ids === 'number')
            return [this.rows[ids]];
        return [...ids].sort((x, y) => x - y).map((id) => this.rows[id]);
    }
    bucket(field, value) {
        if (field === 'uuid')
            return typeof value === 'string' ? this.byUuid.get(value) : undefined;
        return this.index(field).get(key(value));
    }
    /** Live row ids in insertion order. */
    *ids() {
        for (let id = 1; id < this.rows.length; id++)
            if (this.rows[id])
                yield id;
    }
    *entries() {
        for (let id = 1; id < this.rows.length; id++) {
            const row = this.rows[id];
            if (row)
                yield [id, row];
        }
    }
    *values() {
        for (let id = 1; id < this.rows.length; id++) {
            const row = this.rows[id];
            if (row)
                yield row;
        }
    }
}
function addTo(index, k, id) {
    const b = index.get(k);
    if (b === undefined)
        index.set(k, id);
    else if (typeof b === 'number')
        index.set(k, new Set([b, id]));
    else
        b.add(id);
}
function removeFrom(index, k, id) {
    const b = index.get(k);
    if (b === undefined)
        return;
    if (typeof b === 'number') {
        if (b === id)
            index.delete(k);
        return;
    }
    b.delete(id);
    if (b.size === 1)
        index.set(k, b.values().next().value);
    else if (b.size === 0)
        index.delete(k);
}
