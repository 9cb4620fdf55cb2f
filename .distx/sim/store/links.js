export class ChildLinks {
    child;
    key;
    parent;
    /** By the id of the row named: the ids of the rows naming it. */
    byParent = [];
    /** Rows naming a uuid no row of the parent table has, by that uuid. */
    waiting = new Map();
    /** Rows of `child` whose `key` is the uuid of a row of `parent`. */
    constructor(child, key, parent) {
        this.child = child;
        this.key = key;
        this.parent = parent;
        for (let id = 1; id <= child.lastId; id++) {
            const row = child.get(id);
            if (row)
                this.childInserted(id, row);
        }
    }
    /** Ids (ascending) of the rows naming the parent row `parentId`. Do not mutate. */
    of(parentId) {
        return this.byParent[parentId];
    }
    childInserted(id, row) {
        this.attach(id, row[this.key]);
    }
    childRemoved(id, row) {
        this.detach(id, row[this.key]);
    }
    childMoved(id, from, to) {
        this.detach(id, from);
        this.attach(id, to);
    }
    parentInserted(id, row) {
        if (typeof row.uuid !== 'string')
            return;
        const waiting = this.waiting.get(row.uuid);
        if (waiting === undefined)
            return;
        this.waiting.delete(row.uuid);
        this.byParent[id] = merge(this.byParent[id], waiting);
    }
    parentRemoved(id, row) {
        const children = this.byParent[id];
        if (children === undefined)
            return;
        this.byParent[id] = undefined;
        if (typeof row.uuid === 'string')
            this.waiting.set(row.uuid, merge(this.waiting.get(row.uuid), children));
    }
    attach(id, uuid) {
        if (typeof uuid !== 'string')
            return;
        const parent = this.parent.idOf(uuid);
        if (parent !== undefined)
            this.byParent[parent] = merge(this.byParent[parent], id);
        else
            this.waiting.set(uuid, merge(this.waiting.get(uuid), id));
    }
    detach(id, uuid) {
        if (typeof uuid !== 'string')
            return;
        const parent = this.parent.idOf(uuid);
        if (parent !== undefined)
            this.byParent[parent] = without(this.byParent[parent], id);
        else {
            const left = without(this.waiting.get(uuid), id);
            if (left === undefined)
                this.waiting.delete(uuid);
            else
                this.waiting.set(uuid, left);
        }
    }
}
/** `a` and `b` together, ascending (rows come in id order: mostly one appended after the others). */
function merge(a, b) {
    if (a === undefined)
        return b;
    const out = typeof a === 'number' ? [a] : a;
    for (const id of typeof b === 'number' ? [b] : b) {
        let i = out.length;
        while (i > 0 && out[i - 1] > id)
            i--;
        if (out[i - 1] !== id)
            out.splice(i, 0, id);
    }
    return out;
}
function without(a, id) {
    if (a === undefined || a === id)
        return undefined;
    if (typeof a === 'number')
        return a;
    const out = a.filter((x) => x !== id);
    return out.length === 1 ? out[0] : out;
}
