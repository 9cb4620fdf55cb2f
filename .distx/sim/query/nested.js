const NONE = [];
export function newFound() {
    return { ids: undefined, rows: NONE };
}
export class NestedRows {
    store;
    inventory;
    key;
    ownKey;
    own;
    /** The nested inventory's own table; undefined when its rows share a table with other kinds. */
    table;
    links;
    index;
    /** Rows of `inventory` whose `key` equals the nesting row's `ownKey`; nesting rows live in `own`. */
    constructor(store, inventory, key, ownKey, own) {
        this.store = store;
        this.inventory = inventory;
        this.key = key;
        this.ownKey = ownKey;
        this.own = own;
        this.table = store.scope(inventory).where ? undefined : store.table(inventory);
    }
    /** Finds the rows nested by `x` (the value of `ownKey`) in row `id` of `own` (-1: not known) into `out`; returns how many. */
    find(id, x, out) {
        out.rows = NONE;
        out.ids = undefined;
        if (x === null || x === undefined)
            return 0;
        const table = this.table;
        if (table === undefined) {
            out.rows = this.store.find(this.inventory, this.key, x);
            return out.rows.length;
        }
        let ids;
        if (this.ownKey === 'uuid' && id >= 0 && typeof x === 'string')
            ids = (this.links ??= table.linksTo(this.key, this.own)).of(id);
        else {
            const hit = (this.index ??= table.index(this.key)).get(x);
            // Several rows share the value: ascending, like the links.
            ids = hit === undefined || typeof hit === 'number' ? hit : [...hit].sort((a, b) => a - b);
        }
        out.ids = ids;
        return ids === undefined ? 0 : typeof ids === 'number' ? 1 : ids.length;
    }
    /** Row `j` of what was found. */
    row(found, j) {
        const ids = found.ids;
        if (ids === undefined)
            return found.rows[j];
        return this.table.get(typeof ids === 'number' ? ids : ids[j]);
    }
    /** The id of row `j` of what was found (-1: found through the store). */
    static idOf(found, j) {
        const ids = found.ids;
        return ids === undefined ? -1 : typeof ids === 'number' ? ids : ids[j];
    }
}
