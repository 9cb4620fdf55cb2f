// Help texts of APIs (`help StartVmInstance`, `help vm`), from the registry and the manual's docs.
// Pure: returns lines.
import { columns, matchNames } from '../complete/index.js';
import { resourceOfParam } from '../schema/resources.js';
import { quoted } from '../parse/echo.js';
import { quoteWord } from '../parse/lexer.js';
import { API_ROOT } from '../plan/request.js';
/**
 * `help <word>` that is not an API: the APIs whose names contain it, or the closest ones, among
 * `names` (the registry's less those the node does not support).
 */
export function helpSearch(reg, word, width, names = reg.apiNames()) {
    const lower = word.toLowerCase();
    const hits = names.filter((n) => n.toLowerCase().includes(lower));
    if (hits.length)
        return [`APIs matching '${word}':`, ...columns(hits, width - 2).map((l) => `  ${l}`), '', 'help <Api> shows its params.'];
    const close = matchNames(word, names, 8);
    return close.length ? [`no API named ${quoted(word)}; did you mean: ${close.slice(0, 8).join(', ')}?`] : [`no API matches ${quoted(word)}`];
}
/** Words of `text` in lines of at most `width` columns, each starting with `indent`. */
export function wrap(text, width, indent = '') {
    const out = [];
    for (const para of text.split(/\n+/)) {
        let cur = '';
        for (const w of para.split(/\s+/).filter(Boolean)) {
            if (cur && indent.length + cur.length + 1 + w.length > width) {
                out.push(indent + cur);
                cur = w;
            }
            else
                cur = cur ? `${cur} ${w}` : w;
        }
        if (cur)
            out.push(indent + cur);
    }
    return out;
}
function placeholder(reg, p) {
    if (p.validValues?.length)
        return p.validValues[0];
    const ref = resourceOfParam(reg, p);
    if (ref)
        return `<${ref.inventory.replace(/Inventory$/, '')} uuid>`;
    return `<${p.type}>`;
}
function exampleValue(v) {
    if (Array.isArray(v))
        return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(',');
    if (v !== null && typeof v === 'object')
        return JSON.stringify(v);
    return String(v);
}
/** An example line: the manual's example when there is one, else built from the required params. */
export function exampleFor(reg, api) {
    const doc = reg.doc(api.name);
    if (doc?.example && Object.keys(doc.example).length) {
        const parts = Object.entries(doc.example)
            .filter(([k, v]) => k !== 'sessionId' && v !== undefined && v !== null)
            // A query's conditions are written inline (`name=vm1`); the manual's bare values are no conditions.
            .flatMap(([k, v]) => k === 'conditions' && Array.isArray(v)
            ? v.filter((c) => typeof c === 'string' && /[=<>]/.test(c)).map((c) => quoteWord(c))
            : [`${k}=${quoteWord(exampleValue(v))}`]);
        return [api.name, ...parts].join(' ');
    }
    if (api.query) {
        const inv = reg.inventoryOf(api);
        const hasName = inv?.fields.some((f) => f.name === 'name');
        return [api.name, ...(hasName ? ['name=<name>'] : []), ...(inv ? ['fields=uuid' + (hasName ? ',name' : '')] : []), 'limit=10'].join(' ');
    }
    return [api.name, ...api.params.filter((p) => p.required).map((p) => `${p.name}=${placeholder(reg, p)}`)].join(' ');
}
/** `help <Api>`: what it does, its params (type, required, valid values, manual text) and an example. */
export function helpApi(reg, api, width) {
    const doc = reg.doc(api.name);
    const out = [doc?.title ? `${api.name} - ${doc.title}` : api.name];
    if (doc?.description)
        out.push(...wrap(doc.description, width, '  '));
    const flags = [api.async ? 'runs as a job' : '', api.needSession ? '' : 'no login needed'].filter(Boolean);
    out.push(`  ${api.method} ${API_ROOT}${api.path}${flags.length ? `  (${flags.join(', ')})` : ''}`);
    const rows = [...api.params].sort((a, b) => Number(b.required) - Number(a.required));
    if (rows.length) {
        out.push('', 'Parameters:');
        const nameW = Math.min(28, Math.max(...rows.map((p) => p.name.length)) + 2);
        for (const p of rows) {
            const facts = [p.type, p.required ? 'required' : 'optional'];
            if (p.validValues?.length)
                facts.push(`one of ${p.validValues.join(', ')}`);
            if (p.default !== undefined)
                facts.push(`default ${String(p.default)}`);
            const ref = resourceOfParam(reg, p);
            if (ref)
                facts.push(`uuid of ${ref.inventory.replace(/Inventory$/, '')}${reg.inventory(ref.inventory)?.fields.some((f) => f.name === 'name') ? ' (or @name)' : ''}`);
            if (p.secret)
                facts.push('secret');
            // The name column keeps its padding; only the facts wrap, under themselves.
            const label = p.name.length >= nameW ? `${p.name} ` : p.name.padEnd(nameW);
            const [first = '', ...rest] = wrap(facts.join(', '), width, `  ${' '.repeat(label.length)}`);
            out.push(`  ${label}${first.trimStart()}`, ...rest);
            const text = doc?.params[p.name];
            if (text)
                out.push(...wrap(text, width, `  ${' '.repeat(nameW)}`));
        }
    }
    if (api.query) {
        const inv = reg.inventoryOf(api);
        if (inv) {
            const { fields, joins } = reg.conditionNames(inv);
            const visible = joins.filter((j) => !inv.joins.find((x) => x.name === j)?.hidden);
            out.push('', `Query conditions on ${inv.name} (field<op>value; ops = != > < >= <= ?= !?= ~= !~=):`);
            out.push(...wrap(`fields: ${fields.join(' ')}`, width, '  '));
            if (visible.length)
                out.push(...wrap(`joins: ${visible.map((j) => `${j}.`).join(' ')}`, width, '  '));
        }
        out.push('', 'Query parameters: limit start count replyWithCount sortBy sortDirection fields groupBy filterName');
    }
    out.push('', 'Example:', `  ${exampleFor(reg, api)}`);
    return out;
}
