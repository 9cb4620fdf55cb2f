// The query engine: conditions (own fields, joins to any depth, tags) -> row ids, then sort, paging, count and field selection.
import { isPrimitiveType } from '../../schema/registry.js';
import { invalidArgument } from '../api/errors.js';
import { equalityKeys, matcher, sortCompare } from './compare.js';
import { isEqualityOp, NEGATED, parseCondition } from './condition.js';
import { resolvePath } from './paths.js';
export const DEFAULT_LIMIT = 1000;
export class QueryEngine {
    store;
    registry;
    constructor(store, registry) {
        this.store = store;
        this.registry = registry;
    }
    /**
     * Runs a query of `inventory` up to the page of row ids; rendering is left to the caller (the reply is streamed).
     * `only`, when given, narrows the rows to those an account may see.
     */
    run(inventory, spec, only) {
        const inv = this.registry.inventory(inventory);
        const scope = this.store.scope(inventory);
        const countOnly = spec.count === true;
        if (!inv)
            return { inventory, scope, ids: [], countOnly, ...(countOnly || spec.replyWithCount ? { total: 0 } : {}) };
        const fields = spec.fields && this.checkFields(inv, spec.fields);
        const sort = spec.sort ? this.parseSort(inv, spec.sort) : undefined;
        const conditions = spec.conditions.map((text) => {
            const c = parseCondition(text);
            if (!c)
                throw invalidArgument(`invalid query condition[${text}]: no operator found`);
            return c;
        });
        let ids = this.select(scope, inv, conditions);
        if (only) {
            const allowed = only(scope);
            ids = ids.filter((id) => allowed.has(id));
        }
        if (countOnly)
            return { inventory, scope, ids: [], countOnly, total: ids.length };
        if (sort) {
            const t = scope.table;
            ids.sort((a, b) => sort.dir * sortCompare(t.get(a)[sort.field], t.get(b)[sort.field]) || a - b);
        }
        const start = Math.max(0, spec.start ?? 0);
        const limit = Math.max(0, spec.limit ?? DEFAULT_LIMIT);
        const page = start === 0 && limit >= ids.length ? ids : ids.slice(start, start + limit);
        return { inventory, scope, ids: page, countOnly, ...(spec.replyWithCount ? { total: ids.length } : {}), ...(fields ? { fields } : {}) };
    }
    /** Row ids (ascending = insertion order) of the scope matching every condition. */
    select(scope, inv, conditions) {
        const sets = [];
        const preds = [];
        if (scope.where) {
            const { field, value } = scope.where;
            preds.push((row) => row[field] === value);
        }
        for (const c of conditions) {
            const path = resolvePath(this.registry, inv, c.path);
            if (path.steps.length === 0 && !path.tag) {
                if (isEqualityOp(c.op))
                    sets.push(this.lookupAny(scope, path.field, equalityKeys(path.kind, c.op, c.value, path.field)));
                else {
                    const m = matcher(path.kind, c.op, c.value, path.field);
                    preds.push((row) => m(row[path.field]));
                }
            }
            else
                sets.push(this.viaJoins(scope, path, c));
        }
        let ids;
        if (sets.length > 0) {
            const ordered = [...sets].sort((a, b) => a.size - b.size);
            const [first, ...rest] = ordered;
            ids = [];
            for (const id of first)
                if (rest.every((s) => s.has(id)))
                    ids.push(id);
            ids.sort((a, b) => a - b);
        }
        else
            ids = [...scope.table.ids()];
        if (preds.length === 0)
            return ids;
        return ids.filter((id) => {
            const row = scope.table.get(id);
            return preds.every((p) => p(row));
        });
    }
    lookupAny(scope, field, keys) {
        if (keys.length === 1 && !scope.where)
            return scope.table.lookup(field, keys[0]);
        const out = new Set();
        for (const k of keys)
            for (const id of scope.table.lookup(field, k))
                if (this.store.inScope(scope, scope.table.get(id)))
                    out.add(id);
        return out;
    }
    /** Ids in `scope` (the final inventory of a path) whose own field or tags match. */
    matchIn(scope, path, op, value) {
        if (path.tag)
            return this.matchTags(scope, path.tag, op, value);
        if (isEqualityOp(op))
            return new Set(this.lookupAny(scope, path.field, equalityKeys(path.kind, op, value, path.field)));
        const m = matcher(path.kind, op, value, path.field);
        const out = new Set();
        for (const [id, row] of scope.table.entries())
            if (this.store.inScope(scope, row) && m(row[path.field]))
                out.add(id);
        return out;
    }
    /** Tag conditions: positive ops = some tag matches; negated ops and `is null` = no tag matches. */
    matchTags(scope, type, op, value) {
        const positive = op === 'is null' ? 'not null' : (NEGATED[op] ?? op);
        const m = matcher('string', positive, value, 'tag');
        const tagged = new Set();
        for (const tag of this.store.table('TagInventory').lookup('type', type)) {
            const t = this.store.table('TagInventory').get(tag);
            if (!m(t.tag))
                continue;
            const id = typeof t.resourceUuid === 'string' ? scope.table.idOf(t.resourceUuid) : undefined;
            if (id !== undefined && this.store.inScope(scope, scope.table.get(id)))
                tagged.add(id);
        }
        if (positive === op)
            return tagged;
        const out = new Set();
        for (const [id, row] of scope.table.entries())
            if (!tagged.has(id) && this.store.inScope(scope, row))
                out.add(id);
        return out;
    }
    /** Matches the far end of a join path, then walks back hop by hop to ids of the root scope. */
    viaJoins(root, path, c) {
        const far = path.steps.length ? this.store.scope(path.steps[path.steps.length - 1].to) : root;
        let ids = this.matchIn(far, path, c.op, c.value);
        let cur = far;
        for (let i = path.steps.length - 1; i >= 0; i--) {
            const step = path.steps[i];
            const from = i === 0 ? root : this.store.scope(step.from);
            const values = new Set();
            for (const id of ids) {
                const v = cur.table.get(id)[step.targetKey];
                if (v !== null && v !== undefined)
                    values.add(v);
            }
            const next = new Set();
            for (const v of values)
                for (const id of from.table.lookup(step.foreignKey, v))
                    if (this.store.inScope(from, from.table.get(id)))
                        next.add(id);
            ids = next;
            cur = from;
        }
        return ids;
    }
    checkFields(inv, fields) {
        for (const f of fields) {
            const def = inv.fields.find((x) => x.name === f);
            if (!def || !isPrimitiveType(def.type))
                throw invalidArgument(`field[${f}] is not a primitive field of ${inv.name}; it cannot be selected in 'fields'`);
        }
        return fields;
    }
    parseSort(inv, text) {
        const dir = text.startsWith('-') ? -1 : 1;
        const field = /^[+-]/.test(text) ? text.slice(1) : text;
        const def = inv.fields.find((x) => x.name === field);
        if (!def || !isPrimitiveType(def.type)) {
            const hint = field.startsWith(' ') ? " (an unencoded '+' in a query string reads as a space: send %2B)" : '';
            throw invalidArgument(`cannot sort by field[${field}]: not a primitive field of ${inv.name}${hint}`);
        }
        return { field, dir };
    }
}
