export function storeFromData(data) {
    const apis = new Map(data.apis.map((a) => [a.name, a]));
    const invs = new Map(data.inventories.map((i) => [i.name, i]));
    return {
        version: data.version,
        queryParams: data.queryParams,
        apiNames: data.apis.map((a) => a.name),
        inventoryNames: data.inventories.map((i) => i.name),
        getApi: (n) => apis.get(n),
        getInventory: (n) => invs.get(n),
    };
}
/** Encodes data as JSON lines + index (used by the generator). */
export function encodeRegistry(data) {
    const parts = [];
    let offset = 0;
    const place = (value) => {
        const line = `${JSON.stringify(value)}\n`;
        const len = Buffer.byteLength(line) - 1;
        const at = [offset, len];
        parts.push(line);
        offset += len + 1;
        return at;
    };
    const apis = data.apis.map((a) => [a.name, ...place(a)]);
    const inventories = data.inventories.map((i) => [i.name, ...place(i)]);
    return { lines: parts.join(''), index: { version: data.version, queryParams: data.queryParams, apis, inventories } };
}
/** Lookups by name that search the text before building a map; past this many, a map is built. */
const SCANS_BEFORE_MAP = 8;
/**
 * Finds entries by name: by searching (the first few lookups: a one-shot command makes one or two),
 * then through a map (the shell and completion make many). Building a map of ~2,000 names in every
 * process cost more than a command's own lookups.
 */
function finder(search, all, names = () => all().map((e) => e[0])) {
    let byName;
    let scans = 0;
    return {
        names,
        find(name) {
            if (byName)
                return byName.get(name);
            if (++scans <= SCANS_BEFORE_MAP)
                return search(name);
            byName = new Map(all().map((e) => [e[0], e]));
            return byName.get(name);
        },
        all,
    };
}
function arrayIndex(entries) {
    return finder((name) => entries.find((e) => e[0] === name), () => entries);
}
/** A name the text index can hold (its fields are separated by tabs, its lines by newlines). */
const INDEX_NAME = /^[^\t\n]+$/;
/** The kinds of entry lines in the text index. */
const API_LINE = 'a';
const INVENTORY_LINE = 'i';
/**
 * The index as text (registry-index.txt): a first line of JSON with the version and the query
 * params, then one line per entry: `a` (an API) or `i` (an inventory), its name, byte offset and
 * byte length in registry.jsonl, separated by tabs.
 */
export function indexToText(index) {
    const lines = [JSON.stringify({ version: index.version, queryParams: index.queryParams })];
    for (const [kind, entries] of [[API_LINE, index.apis], [INVENTORY_LINE, index.inventories]]) {
        for (const [name, offset, length] of entries) {
            if (!INDEX_NAME.test(name))
                throw new Error(`a registry name cannot hold a tab or a newline: ${JSON.stringify(name)}`);
            lines.push(`${kind}\t${name}\t${offset}\t${length}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
/** The entry line starting at `at` (the character after its newline), read into an entry. */
function entryAt(text, at) {
    const end = text.indexOf('\n', at);
    const [, name, offset, length] = text.slice(at, end === -1 ? text.length : end).split('\t');
    return [name, Number(offset), Number(length)];
}
/** The version, query params and both entry indexes over the text of registry-index.txt, parsed as needed. */
function textIndex(text) {
    const head = JSON.parse(text.slice(0, text.indexOf('\n')));
    const ofKind = (kind) => {
        let entries;
        const all = () => {
            if (entries)
                return entries;
            entries = [];
            for (let at = text.indexOf(`\n${kind}\t`); at !== -1; at = text.indexOf(`\n${kind}\t`, at + 1))
                entries.push(entryAt(text, at + 1));
            return entries;
        };
        const search = (name) => {
            if (!INDEX_NAME.test(name))
                return undefined;
            const at = text.indexOf(`\n${kind}\t${name}\t`);
            return at === -1 ? undefined : entryAt(text, at + 1);
        };
        // Names alone (a Tab at an API name lists them all): no entry is built, nothing split.
        const names = () => {
            if (entries)
                return entries.map((e) => e[0]);
            const out = [];
            const marker = `\n${kind}\t`;
            for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
                const start = at + marker.length;
                out.push(text.slice(start, text.indexOf('\t', start)));
            }
            return out;
        };
        return finder(search, all, names);
    };
    return { version: head.version, queryParams: head.queryParams, apis: ofKind(API_LINE), inventories: ofKind(INVENTORY_LINE) };
}
/**
 * A store over the encoded form (the index as an object, or as the text of registry-index.txt);
 * each entry is read (from the bytes, or through `lines` from the file: a command reads a few
 * entries of a 1.5 MB file) and parsed on first access, and kept.
 */
export function storeFromEncoded(index, lines) {
    const read = typeof lines === 'function' ? lines : (offset, length) => lines.toString('utf8', offset, offset + length);
    const idx = typeof index === 'string' ? textIndex(index) : { ...index, apis: arrayIndex(index.apis), inventories: arrayIndex(index.inventories) };
    const apiCache = new Map();
    const invCache = new Map();
    function get(entries, cache, name) {
        const hit = cache.get(name);
        if (hit)
            return hit;
        const pos = entries.find(name);
        if (!pos)
            return undefined;
        const value = JSON.parse(read(pos[1], pos[2]));
        cache.set(name, value);
        return value;
    }
    let apiNames;
    let inventoryNames;
    return {
        version: idx.version,
        queryParams: idx.queryParams,
        get apiNames() {
            return (apiNames ??= idx.apis.names());
        },
        get inventoryNames() {
            return (inventoryNames ??= idx.inventories.names());
        },
        getApi: (n) => get(idx.apis, apiCache, n),
        getInventory: (n) => get(idx.inventories, invCache, n),
    };
}
/** The whole data back from its encoded form (for tools that need every entry at once). */
export function decodeRegistry(index, bytes) {
    const store = storeFromEncoded(index, bytes);
    return {
        version: store.version,
        queryParams: store.queryParams,
        apis: store.apiNames.map((n) => store.getApi(n)),
        inventories: store.inventoryNames.map((n) => store.getInventory(n)),
    };
}
