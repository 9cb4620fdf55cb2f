// Which rows' reply text a change in the store makes stale: the changed row itself and the rows that render it nested (a
// VM holds its nics and volumes, a nic its used IPs), found by walking the render plans backwards from the changed row
// through the store's indexes, up to the depth rows are rendered. The row cache drops just those rows on each change,
// so one VM started after a 100k-row query costs one row rendered again, not 100k.
import { kindsIn } from '../store/kinds.js';
import { MAX_DEPTH } from './render.js';
const NONE = new Set();
export class StaleRows {
    store;
    renderer;
    edges = new Map();
    /** Per `kind@depth`: the tables whose rows may be part of a row's text. */
    reach = new Map();
    constructor(store, renderer) {
        this.store = store;
        this.renderer = renderer;
    }
    /** Ids of rows of `kind`'s table whose text, rendered as `kind` at `depth`, holds the changed row (or held it). */
    holders(kind, change, depth = 0) {
        if (!this.reachable(kind, depth).has(change.table))
            return NONE;
        const own = this.store.table(kind);
        const out = new Set();
        if (own === change.table)
            out.add(change.id);
        if (depth >= MAX_DEPTH)
            return out;
        for (const e of this.edgesOf(kind)) {
            const inner = this.store.table(e.inventory);
            const held = new Set();
            if (e.renders)
                for (const k of kindsIn(inner.name))
                    for (const id of this.holders(k, change, depth + 1))
                        held.add(id);
            else if (inner === change.table)
                held.add(change.id);
            for (const id of held) {
                // The changed row links by its key before and after the change; other rows have not changed.
                const keys = inner === change.table && id === change.id ? linkValues(change, e.key) : [inner.get(id)?.[e.key]];
                for (const v of keys)
                    if (v !== null && v !== undefined)
                        for (const parent of own.lookup(e.ownKey, v))
                            out.add(parent);
            }
        }
        return out;
    }
    /** The links of a kind's plan to other rows in its text. */
    edgesOf(kind) {
        let edges = this.edges.get(kind);
        if (!edges) {
            edges = [];
            for (const p of this.renderer.planOf(kind).fields) {
                if (p.how === 'nested')
                    edges.push({ inventory: p.inventory, key: p.key, ownKey: p.ownKey, renders: p.pick === undefined });
                else if (p.how === 'computed' && p.reads)
                    edges.push({ ...p.reads, renders: true });
            }
            this.edges.set(kind, edges);
        }
        return edges;
    }
    reachable(kind, depth) {
        const at = `${kind}@${depth}`;
        let tables = this.reach.get(at);
        if (!tables) {
            tables = new Set([this.store.table(kind)]);
            if (depth < MAX_DEPTH) {
                for (const e of this.edgesOf(kind)) {
                    const inner = this.store.table(e.inventory);
                    tables.add(inner);
                    if (e.renders)
                        for (const k of kindsIn(inner.name))
                            for (const t of this.reachable(k, depth + 1))
                                tables.add(t);
                }
            }
            this.reach.set(at, tables);
        }
        return tables;
    }
}
function linkValues(change, key) {
    return change.before && key in change.before ? [change.row[key], change.before[key]] : [change.row[key]];
}
/** Keeps `cache` in step with `store`: on every change, drops the kept rows the change makes stale. */
export function keepFresh(store, renderer, cache) {
    const stale = new StaleRows(store, renderer);
    store.watch((table, id, row, before) => {
        const change = { table, id, row, ...(before ? { before } : {}) };
        for (const [kept, kinds] of cache.kept()) {
            for (const kind of kinds)
                for (const holder of stale.holders(kind, change))
                    cache.drop(kept, holder);
        }
        cache.caughtUp();
    });
}
