// The schema registry: lookups of APIs, params, inventories, joins and dotted field paths.
// Pure over its data; the data itself (generated JSON beside this module) is read lazily on first use,
// each entry when first looked up.
import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { closestNames } from './suggest.js';
import { storeFromData, storeFromEncoded } from './store.js';
/** Tag pseudo-fields every queryable inventory accepts in conditions. */
export const TAG_FIELDS = ['__systemTag__', '__userTag__'];
export class Registry {
    loadDocs;
    version;
    store;
    /** Lower-case name to name, built on the first lookup whose case differs (most lookups match exactly). */
    lowerToName;
    queryParams;
    docsData;
    constructor(data, loadDocs = () => ({ apis: {}, fields: {} })) {
        this.loadDocs = loadDocs;
        this.store = 'apis' in data ? storeFromData(data) : data;
        this.version = this.store.version;
        this.queryParams = this.store.queryParams;
    }
    /** All API names, sorted. */
    apiNames() {
        return this.store.apiNames;
    }
    /** Whether `name` is an API's name, in its exact case (cheaper than api(): no names are listed). */
    hasApi(name) {
        return this.store.getApi(name) !== undefined;
    }
    /** Case-insensitive lookup. */
    api(name) {
        const same = this.store.getApi(name);
        if (same)
            return same;
        this.lowerToName ??= new Map(this.store.apiNames.map((n) => [n.toLowerCase(), n]));
        const exact = this.lowerToName.get(name.toLowerCase());
        return exact === undefined ? undefined : this.store.getApi(exact);
    }
    /** Closest API names to a mistyped one. */
    suggestApis(name, limit = 3) {
        return closestNames(name, this.store.apiNames, limit);
    }
    /** All params a user may give: the API's own and, for queries, the common query params. */
    params(api) {
        return api.query ? [...api.params, ...this.queryParams] : api.params;
    }
    /** Case-sensitive first, then case-insensitive. */
    param(api, name) {
        const all = this.params(api);
        return all.find((p) => p.name === name) ?? all.find((p) => p.name.toLowerCase() === name.toLowerCase());
    }
    suggestParams(api, name, limit = 3) {
        return closestNames(name, this.params(api).map((p) => p.name), limit);
    }
    /** Closest plain field names of an inventory. */
    suggestFieldNames(inv, name, limit = 3) {
        return closestNames(name, inv.fields.map((f) => f.name), limit);
    }
    inventory(name) {
        return this.store.getInventory(name);
    }
    inventoryNames() {
        return this.store.inventoryNames;
    }
    /** The inventory a query API returns and filters on. */
    inventoryOf(api) {
        return api.inventory ? this.store.getInventory(api.inventory) : undefined;
    }
    /** Names usable as the first segment of a condition in this inventory: fields, tags, joins, aliases. */
    conditionNames(inv) {
        const fields = new Set(inv.queryable);
        for (const f of inv.fields)
            if (isPrimitiveType(f.type))
                fields.add(f.name);
        for (const t of TAG_FIELDS)
            fields.add(t);
        const joins = inv.joins.map((j) => j.name);
        if (inv.aliases)
            joins.push(...Object.keys(inv.aliases));
        return { fields: [...fields], joins };
    }
    /** A join by name on an inventory, following aliases (`image` -> `imageRef.image`). */
    join(inv, name) {
        const direct = inv.joins.find((j) => j.name === name);
        if (direct)
            return [direct];
        // Own names only: `toString` typed as a join must not find Object.prototype's.
        const alias = inv.aliases && Object.hasOwn(inv.aliases, name) ? inv.aliases[name] : undefined;
        if (!alias)
            return undefined;
        const out = [];
        let cur = inv;
        for (const seg of alias.split('.')) {
            const j = cur?.joins.find((x) => x.name === seg);
            if (!j)
                return undefined;
            out.push(j);
            cur = this.store.getInventory(j.inventory);
        }
        return out;
    }
    /**
     * Resolves `zone.cluster.l2Network.l3Network.name` from an inventory: every segment but the last
     * must be a join; the last is a field, a tag pseudo-field, or (endsAtJoin) a join. `suggest: false`
     * leaves the suggestions of a failure empty (they cost more than the lookup).
     */
    resolvePath(inv, dotted, suggest = true) {
        const segs = dotted.split('.');
        const close = (seg, names) => (suggest ? closestNames(seg, names) : []);
        const joins = [];
        let cur = inv;
        for (let i = 0; i < segs.length; i++) {
            const seg = segs[i];
            const last = i === segs.length - 1;
            const { fields, joins: joinNames } = this.conditionNames(cur);
            if (last && fields.includes(seg)) {
                const field = cur.fields.find((f) => f.name === seg) ?? { name: seg, type: 'String' };
                return { ok: true, inventory: cur, field, joins, endsAtJoin: false };
            }
            const j = this.join(cur, seg);
            if (j) {
                joins.push(...j);
                const target = this.store.getInventory(j[j.length - 1].inventory);
                if (!target) {
                    return { ok: false, segment: i, inventory: cur, problem: 'unknown-target', suggestions: [] };
                }
                cur = target;
                if (last)
                    return { ok: true, inventory: cur, joins, endsAtJoin: true };
                continue;
            }
            const candidates = last ? [...fields, ...joinNames] : joinNames;
            if (!last && fields.includes(seg)) {
                return { ok: false, segment: i, inventory: cur, problem: 'field-not-join', suggestions: close(seg, joinNames) };
            }
            return { ok: false, segment: i, inventory: cur, problem: last ? 'no-field' : 'no-join', suggestions: close(seg, candidates) };
        }
        // Unreachable: the loop returns on the last segment.
        return { ok: false, segment: 0, inventory: inv, problem: 'no-field', suggestions: [] };
    }
    /** Manual text for an API (title, description, param descriptions, example), if the manual has it. */
    doc(api) {
        const apis = this.docs().apis;
        const name = this.api(api)?.name ?? api;
        return Object.hasOwn(apis, name) ? apis[name] : undefined;
    }
    fieldDoc(inventory, field) {
        const fields = this.docs().fields;
        const key = `${inventory}.${field}`;
        return Object.hasOwn(fields, key) ? fields[key] : undefined;
    }
    docs() {
        this.docsData ??= this.loadDocs();
        return this.docsData;
    }
}
/** Field types that can be compared in a condition: scalars and enums, not lists, maps or nested inventories. */
export function isPrimitiveType(type) {
    return !CONTAINER_TYPES.has(type) && !type.endsWith('Inventory');
}
const CONTAINER_TYPES = new Set(['List', 'Set', 'Map', 'LinkedHashMap', 'HashMap', 'Object', 'byte[]']);
/** A file of the generated data beside this module (a plain path: no URL to build and convert back on every start). */
function dataFile(file) {
    return join(import.meta.dirname, 'data', file);
}
function readJson(file) {
    return JSON.parse(readFileSync(dataFile(file), 'utf8'));
}
/** Reads byte ranges of `file` when asked, through one descriptor opened on the first read and kept. */
function rangeReader(file) {
    let fd;
    return (offset, length) => {
        fd ??= openSync(file, 'r');
        const bytes = Buffer.allocUnsafe(length);
        for (let at = 0; at < length;) {
            const n = readSync(fd, bytes, at, length - at, offset + at);
            if (n === 0)
                throw new Error(`${file} ends before byte ${offset + length}`);
            at += n;
        }
        return bytes.toString('utf8');
    };
}
let shared;
/** The registry generated from ZStack 5.2, loaded on first call and kept; entries decode lazily. */
export function loadRegistry() {
    const store = () => storeFromEncoded(readFileSync(dataFile('registry-index.txt'), 'utf8'), rangeReader(dataFile('registry.jsonl')));
    shared ??= new Registry(store(), () => {
        try {
            return readJson('docs.json');
        }
        catch {
            return { apis: {}, fields: {} };
        }
    });
    return shared;
}
