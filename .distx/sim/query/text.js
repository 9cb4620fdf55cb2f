// Rows as JSON text straight from the store, and their `schema` map entries: the fast path of query replies.
// Byte for byte what JSON.stringify(Renderer.render(...)) gives (same plan: fields, order, nesting, depth), without
// building the objects; the schema entries come out parents first, like SchemaRecorder.build. Whole rows go through the
// row cache: a row missing from it is compared value by value with a keyframe of its kind and shape (row-compare.ts),
// and only the text of what differs is made; a row of a new shape is written in pieces (row-code.ts). Its schema
// entries follow from its shape: made once per shape. Rows with selected `fields` are written field by field.
import { kindsIn } from '../store/kinds.js';
import { formatDate } from './dates.js';
import { MAX_DEPTH } from './render.js';
import { ROW_PATH, RowCache } from './row-cache.js';
import { rowCode, valueText } from './row-code.js';
import { compareFields, compareRow, newDiffs } from './row-compare.js';
import { NestedRows, newFound } from './nested.js';
/** Bound on the shapes whose schema entries are kept per kind. */
const MAX_ENTRY_SHAPES = 1000;
/** Compiled plans are kept in `compiled` (share one map between writers), whole rows' text in `cache` when given. */
export class RowText {
    store;
    renderer;
    classes;
    compiled;
    cache;
    /** A row's pieces, shape, slots and differences from a keyframe (used again for every row not in the cache). */
    scratch = { pieces: [], shape: [], slots: { values: [], at: [] }, diffs: newDiffs() };
    /** What the slot comparer needs for nested rows. */
    comparing;
    /** Without `cache`, nothing is kept between calls. */
    constructor(store, renderer, classes, compiled = new Map(), cache) {
        this.store = store;
        this.renderer = renderer;
        this.classes = classes;
        this.compiled = compiled;
        this.cache = cache ?? new RowCache(store, 0);
        this.comparing = { fieldsOf: (kind) => this.fieldsOf(kind) };
    }
    /** The JSON text of `row` rendered as `inventory` (only `fields` when given). */
    row(inventory, row, fields) {
        if (fields)
            return this.write(inventory, row, fields, 0);
        const out = [];
        this.pieces(inventory, row, -1, 0, out, [], { values: [], at: [] });
        return out.join('');
    }
    /** A reply of the whole rows `ids` of `table` is being written (the cache sizes its memory for those it lacks). */
    expectRows(table, ids) {
        this.cache.expect(this.cache.missing(table, ids));
    }
    /**
     * Keeps the whole text of every row of `inventory` now (rows already kept and fresh are left as they are): a seed's
     * big table, so that its first query copies bytes as a repeated one does. Stops at the first row the cache has no
     * room for (the rest would be rendered for nothing). Returns how many rows are kept.
     */
    keepAll(inventory) {
        const scope = this.store.scope(inventory);
        const { table } = scope;
        const ids = [];
        for (const [id, row] of table.entries())
            if (this.store.inScope(scope, row))
                ids.push(id);
        this.expectRows(table, ids);
        let kept = 0;
        for (const id of ids) {
            // An entry holding no bytes of the cache was not kept: the cache is full.
            if (this.cached(inventory, table, id, table.get(id)).held === 0)
                break;
            kept++;
        }
        return kept;
    }
    /** The whole JSON text of row `id` of `table` (from the cache while fresh): write it with `writeRow`. */
    cachedRow(inventory, table, id, row) {
        return this.cached(inventory, table, id, row);
    }
    /** The schema entries of the whole row `id` of `table` rendered at `path` (from the cache, like its text). */
    cachedSchema(inventory, table, id, row, path) {
        return this.cached(inventory, table, id, row).schema.join(path);
    }
    /**
     * The cache's entry of a whole row, made when missing: compared value by value with the keyframes of its kind's shapes
     * (no text made but what differs), else written in pieces (a keyframe of a new shape, or differences piece by piece).
     */
    cached(inventory, table, id, row) {
        const kind = typeof row.__kind === 'string' ? row.__kind : inventory;
        const hit = this.cache.get(table, id, kind);
        if (hit)
            return hit;
        const c = this.compile(kind);
        c.valued ??= this.valued(kind, 0);
        const { pieces, shape, slots, diffs } = this.scratch;
        let matched;
        if (!c.valued) {
            for (const kf of this.cache.shapesOf(kind)) {
                diffs.n = 0;
                const values = kf.slots.values;
                if (values[0] !== kind || compareRow(this.comparing, this.fieldsOf(kind), row, id, 0, values, diffs, 1) !== values.length)
                    continue;
                const e = this.cache.setDiff(table, id, kind, kf, diffs);
                if (e)
                    return e;
                matched = kf;
                break;
            }
        }
        pieces.length = 0;
        shape.length = 0;
        slots.values.length = 0;
        slots.at.length = 0;
        this.pieces(inventory, row, id, 0, pieces, shape, slots);
        return this.cache.set(table, id, kind, pieces, this.entriesOfShape(kind, row, id, shape), c.valued ? undefined : slots, matched);
    }
    /**
     * The schema entries of a whole row (ROW_PATH for its path), made once per shape of a kind: which entries a row has
     * follows from its kind and its shape alone (how many rows each nested list holds, and their kinds), unless a
     * computed field's value decides them. The same string for every row of a shape, so the cache finds its template at once.
     */
    entriesOfShape(kind, row, id, shape) {
        const c = this.compile(kind);
        c.valued ??= this.valued(kind, 0);
        if (c.valued)
            return this.entries(kind, row, id, ROW_PATH, 0, '');
        const shapes = (c.entriesByShape ??= new Map());
        const key = shape.join(',');
        let entries = shapes.get(key);
        if (entries === undefined) {
            // Shapes are few (lists of a few lengths); a bound all the same.
            if (shapes.size >= MAX_ENTRY_SHAPES)
                shapes.clear();
            shapes.set(key, (entries = this.entries(kind, row, id, ROW_PATH, 0, '')));
        }
        return entries;
    }
    /** Do computed fields of `kind` rendered at `depth`, or of the rows nested in it, have schema entries? */
    valued(kind, depth) {
        if (depth >= MAX_DEPTH)
            return false;
        for (const p of this.compile(kind).plan.fields) {
            if (p.how === 'computed')
                return true;
            if (p.how === 'nested' && !p.pick && kindsIn(this.store.table(p.inventory).name).some((k) => this.valued(k, depth + 1)))
                return true;
        }
        return false;
    }
    /**
     * Pushes the text of `row` in pieces onto `out`, its shape onto `shape` (each nested list's length, a single nested
     * row as 0 or 1, and each row's own kind when it has one, in the order they are written) and its slots onto `slots`.
     */
    pieces(inventory, row, id, depth, out, shape, slots) {
        let kind = inventory;
        if (typeof row.__kind === 'string') {
            kind = row.__kind;
            shape.push(kind);
        }
        this.writeNested(kind, row, id, depth, out, shape, slots);
    }
    /** Pushes the kind as a slot, then writes the row (the piece writer calls it for nested rows). */
    writeNested(kind, row, id, depth, out, shape, slots) {
        slots.values.push(kind);
        slots.at.push(-1);
        this.codeOf(kind).write(row, id, depth, out, shape, slots);
    }
    codeOf(kind) {
        const c = this.compile(kind);
        return (c.code ??= rowCode(c.plan, this.nestedOf(kind), this));
    }
    fieldsOf(kind) {
        const c = this.compile(kind);
        return (c.fields ??= compareFields(c.plan, this.nestedOf(kind), this.codeOf(kind)));
    }
    /** How the rows of each nested field of `kind` are found (rows of `kind` live in its table). */
    nestedOf(kind) {
        const c = this.compile(kind);
        const own = this.store.table(kind);
        return (c.nested ??= c.plan.fields.map((p) => (p.how === 'nested' ? new NestedRows(this.store, p.inventory, p.key, p.ownKey, own) : undefined)));
    }
    /** The schema entries of `row` rendered at `path` (only `fields` when given), as `"path":"class"` joined by commas. */
    schema(inventory, row, path, fields) {
        return this.entries(inventory, row, -1, path, 0, '', fields);
    }
    /** The entries of `row` (row `id` of its table, -1 when not known) rendered at `path`, after `before`. */
    entries(inventory, row, id, path, depth, before, fields) {
        const kind = typeof row.__kind === 'string' ? row.__kind : inventory;
        const c = this.compile(kind);
        const nested = this.nestedOf(kind);
        let out = before;
        if (c.cls !== undefined)
            out += `${out === '' ? '' : ','}"${path}":"${c.cls}"`;
        if (depth >= MAX_DEPTH)
            return out;
        for (const [i, p] of c.plan.fields.entries()) {
            if (fields && !fields.includes(p.name))
                continue;
            if (p.how === 'computed') {
                for (const [at, kind] of p.kinds(p.make(row), `${path}.${p.name}`)) {
                    const cls = this.classes.serverClass(kind);
                    if (cls !== undefined)
                        out += `${out === '' ? '' : ','}"${at}":"${cls}"`;
                }
                continue;
            }
            if (p.how !== 'nested' || p.pick)
                continue;
            const rows = nested[i];
            const found = newFound();
            const n = rows.find(id, row[p.ownKey], found);
            if (p.list)
                for (let j = 0; j < n; j++)
                    out = this.entries(p.inventory, rows.row(found, j), NestedRows.idOf(found, j), `${path}.${p.name}[${j}]`, depth + 1, out);
            else if (n > 0)
                out = this.entries(p.inventory, rows.row(found, 0), NestedRows.idOf(found, 0), `${path}.${p.name}`, depth + 1, out);
        }
        return out;
    }
    write(inventory, row, fields, depth) {
        const kind = typeof row.__kind === 'string' ? row.__kind : inventory;
        const c = this.compile(kind);
        const plan = c.plan.fields;
        let s = '{';
        let first = true;
        for (let i = 0; i < plan.length; i++) {
            const p = plan[i];
            if (fields && !fields.includes(p.name))
                continue;
            let v;
            if (p.how === 'plain' || p.how === 'computed') {
                const x = p.how === 'plain' ? row[p.name] : p.make(row);
                if (x === null || x === undefined)
                    continue;
                v = valueText(x);
            }
            else if (p.how === 'date') {
                const x = row[p.name];
                if (typeof x !== 'number')
                    continue;
                v = `"${formatDate(x)}"`;
            }
            else {
                if (depth >= MAX_DEPTH)
                    continue;
                const own = row[p.ownKey];
                if (own === null || own === undefined) {
                    if (!p.list)
                        continue;
                    v = '[]';
                }
                else {
                    const rows = this.store.find(p.inventory, p.key, own);
                    if (p.pick)
                        v = JSON.stringify(rows.map((r) => r[p.pick]));
                    else if (p.list) {
                        v = '[';
                        for (let j = 0; j < rows.length; j++) {
                            v += (j === 0 ? '' : ',') + this.write(p.inventory, rows[j], undefined, depth + 1);
                        }
                        v += ']';
                    }
                    else if (rows[0])
                        v = this.write(p.inventory, rows[0], undefined, depth + 1);
                    else
                        continue;
                }
            }
            s += first ? c.keys[i] + v : `,${c.keys[i]}${v}`;
            first = false;
        }
        return `${s}}`;
    }
    compile(kind) {
        let c = this.compiled.get(kind);
        if (!c) {
            const plan = this.renderer.planOf(kind);
            c = { plan, keys: plan.fields.map((p) => `${JSON.stringify(p.name)}:`), cls: this.classes.serverClass(kind) };
            this.compiled.set(kind, c);
        }
        return c;
    }
}
