import { escapeControls, hasControls } from '../parse/echo.js';
import { quoteWord } from '../parse/lexer.js';
import { fieldClass, operatorsFor } from '../plan/conditions.js';
import { isPrimitiveType } from '../schema/registry.js';
import { resourceOfField, resourceOfParam } from '../schema/resources.js';
import { analyze } from './analyze.js';
import { matchNames } from './match.js';
import { offeredApiNames } from './api-names.js';
import { builtinCompletion, optionCompletion, optionValueCompletion } from './commands.js';
/** The analyzer's view of the context: which words are options, which names are built-ins. */
export function shapeOf(ctx) {
    return { options: ctx.options ?? [], builtins: (ctx.builtins ?? []).flatMap((b) => [b.name, ...(b.aliases ?? [])]) };
}
/** Query params that are not conditions (the planner's list). */
const QUERY_PARAMS = new Set(['limit', 'start', 'count', 'replyWithCount', 'sortBy', 'sortDirection', 'fields', 'groupBy', 'filterName']);
const BOOLEANS = ['true', 'false'];
/** Completes the word at `cursor` in `line`. */
export async function complete(line, cursor, ctx) {
    let a;
    try {
        a = analyze(line, cursor, shapeOf(ctx));
    }
    catch (e) {
        ctx.onInternalError?.(e);
        const at = Math.max(0, Math.min(line.length, cursor | 0));
        return { replaceFrom: at, replaceTo: at, candidates: [] };
    }
    try {
        return await candidatesFor(a, ctx);
    }
    catch (e) {
        ctx.onInternalError?.(e);
        return { replaceFrom: a.replaceFrom, replaceTo: a.replaceTo, candidates: [] };
    }
}
/** Stage 2 alone, for adapters that analyzed already. */
export async function candidatesFor(a, ctx) {
    const empty = { replaceFrom: a.replaceFrom, replaceTo: a.replaceTo, candidates: [] };
    if (a.kind === 'none')
        return empty;
    const reg = ctx.registry;
    if (a.kind === 'api')
        return { ...empty, candidates: commandNames(reg, a.prefix, ctx.builtins ?? [], await offeredApiNames(reg, ctx.unsupportedApis)) };
    if (a.kind === 'option')
        return { ...empty, candidates: optionCompletion(a.prefix, ctx.options ?? []) };
    if (a.kind === 'optionValue')
        return optionValueCompletion(a, ctx);
    if (a.kind === 'builtin')
        return builtinCompletion(a, ctx, complete);
    const api = reg.api(a.api);
    if (!api)
        return empty;
    const base = { ...empty, api: api.name, query: api.query };
    switch (a.kind) {
        case 'key':
            return { ...base, candidates: api.query ? queryKeys(reg, api, a.prefix, a.given) : paramKeys(reg, api, a.prefix, a.given) };
        case 'operator':
            return { ...base, candidates: operatorCandidates(reg, api, a.key, a.opPrefix) };
        case 'value':
            return valueCompletion(reg, api, a, base, ctx);
    }
}
/** Built-in and API names for the first word: built-ins first (they are few and short). */
export function commandNames(reg, prefix, builtins, apiNames = reg.apiNames()) {
    const visible = builtins.filter((b) => !b.hidden);
    const summary = new Map(visible.flatMap((b) => [b.name, ...(b.aliases ?? [])].map((n) => [n, b.summary])));
    const lower = prefix.toLowerCase();
    const names = [...summary.keys()].filter((n) => /^[a-z]/.test(n) && n.startsWith(lower));
    const out = names.map((n) => ({ value: n, group: 'builtin', description: summary.get(n), final: true }));
    const apis = matchNames(prefix, apiNames);
    // Fuzzy API matches (`qvmins`) only when no name starts with what was typed.
    const fuzzy = apis.length > 0 && !apis[0].toLowerCase().startsWith(lower);
    if (!(fuzzy && out.length))
        for (const n of apis)
            out.push({ value: n, group: 'api', final: true });
    return out;
}
function describeParam(p) {
    const parts = [p.type];
    if (p.required)
        parts.push('required');
    if (p.validValues?.length)
        parts.push(`one of ${p.validValues.slice(0, 6).join(', ')}${p.validValues.length > 6 ? ', ...' : ''}`);
    if (p.resourceType)
        parts.push(p.resourceType.replace(/VO$/, ''));
    return parts.join(', ');
}
function paramKeys(reg, api, prefix, given) {
    const taken = new Set(given.map((g) => g.toLowerCase()));
    const params = reg.params(api).filter((p) => !taken.has(p.name.toLowerCase()));
    const names = matchNames(prefix, params.map((p) => p.name));
    const byName = new Map(params.map((p) => [p.name, p]));
    const out = names.map((n) => {
        const p = byName.get(n);
        const c = { value: `${n}=`, group: 'param', description: describeParam(p) };
        if (p.required)
            c.required = true;
        return c;
    });
    // Required first; otherwise keep the match order (prefix matches in declared order, or fuzzy rank).
    return [...out.filter((c) => c.required), ...out.filter((c) => !c.required)];
}
/** Visible joins and aliases of an inventory (hidden joins are never offered). */
function visibleJoins(inv) {
    return [...inv.joins.filter((j) => !j.hidden).map((j) => j.name), ...Object.keys(inv.aliases ?? {})];
}
function queryKeys(reg, api, prefix, given) {
    const inv = reg.inventoryOf(api);
    const dot = prefix.lastIndexOf('.');
    const path = dot === -1 ? '' : prefix.slice(0, dot);
    const seg = prefix.slice(dot + 1);
    const out = [];
    let target = inv;
    if (inv && path) {
        const r = reg.resolvePath(inv, path);
        target = r.ok && r.endsAtJoin ? r.inventory : undefined;
    }
    const head = path ? `${path}.` : '';
    if (target) {
        const fields = reg.conditionNames(target).fields.sort(byTagLast);
        const joins = visibleJoins(target).sort();
        const typeOf = new Map(target.fields.map((f) => [f.name, f.type]));
        const names = matchNames(seg, [...joins.map((j) => `${j}.`), ...fields]);
        for (const n of names) {
            if (n.endsWith('.')) {
                const inner = reg.join(target, n.slice(0, -1));
                const to = inner?.[inner.length - 1]?.inventory.replace(/Inventory$/, '');
                out.push({ value: head + n, group: 'join', ...(to ? { description: `join to ${to}` } : {}) });
            }
            else {
                out.push({ value: `${head}${n}=`, group: 'field', description: typeOf.get(n) ?? (n.startsWith('__') ? 'tag' : 'String') });
            }
        }
        // A complete field name: offer its operators instead of only `field=`.
        if (inv && seg) {
            const r = reg.resolvePath(inv, prefix);
            if (r.ok && r.field) {
                const exact = out.findIndex((c) => c.value === `${prefix}=`);
                if (exact !== -1)
                    out.splice(exact, 1);
                out.push(...operatorsOf(prefix, r.field.name, r.field.type, ''));
            }
        }
    }
    if (!path) {
        const taken = new Set(given);
        const qps = reg
            .params(api)
            .filter((p) => QUERY_PARAMS.has(p.name) && !taken.has(p.name))
            .map((p) => p.name);
        const own = api.params.filter((p) => !QUERY_PARAMS.has(p.name) && !taken.has(p.name));
        for (const n of matchNames(seg, qps)) {
            const p = reg.param(api, n);
            out.push({ value: `${n}=`, group: 'queryParam', description: describeParam(p) });
        }
        for (const n of matchNames(seg, own.map((p) => p.name))) {
            const p = own.find((x) => x.name === n);
            out.push({ value: `${n}=`, group: 'param', description: describeParam(p), ...(p.required ? { required: true } : {}) });
        }
    }
    return dedupe(out);
}
function byTagLast(a, b) {
    const ta = a.startsWith('__') ? 0 : 1;
    const tb = b.startsWith('__') ? 0 : 1;
    // The original lists __systemTag__/__userTag__ first; keep that. Names are ASCII: a plain
    // comparison (localeCompare would load ICU's collator, ~6 ms on the first Tab of a process).
    return ta - tb || (a < b ? -1 : a > b ? 1 : 0);
}
function dedupe(cs) {
    const seen = new Set();
    return cs.filter((c) => (seen.has(c.value) ? false : (seen.add(c.value), true)));
}
function operatorsOf(key, field, type, opPrefix) {
    const cls = fieldClass(field, type);
    return operatorsFor(cls)
        .filter((op) => op.startsWith(opPrefix))
        .map((op) => ({ value: `${key}${op}`, display: op, group: 'operator', description: OP_TEXT[op] }));
}
const OP_TEXT = {
    '=': 'equal (=null: is null)',
    '!=': 'not equal (!=null: not null)',
    '>': 'greater than',
    '<': 'less than',
    '>=': 'greater or equal',
    '<=': 'less or equal',
    '?=': 'in a,b,c',
    '!?=': 'not in a,b,c',
    '~=': 'like (% any, _ one char)',
    '!~=': 'not like',
};
function operatorCandidates(reg, api, key, opPrefix) {
    if (!api.query)
        return '='.startsWith(opPrefix) && reg.param(api, key) ? [{ value: `${key}=`, group: 'param' }] : [];
    const inv = reg.inventoryOf(api);
    if (!inv)
        return [];
    const r = reg.resolvePath(inv, key);
    if (!r.ok || !r.field)
        return QUERY_PARAMS.has(key) && '='.startsWith(opPrefix) ? [{ value: `${key}=`, group: 'queryParam' }] : [];
    return operatorsOf(key, r.field.name, r.field.type, opPrefix);
}
function valueSpec(reg, api, a) {
    if (api.query && (QUERY_PARAMS.has(a.key) || api.params.some((p) => p.name === a.key))) {
        if (a.op !== '=')
            return undefined;
        const inv = reg.inventoryOf(api);
        // Only plain fields can be selected or sorted by: the server refuses lists and objects (SYS.1007).
        const fields = inv ? inv.fields.filter((f) => isPrimitiveType(f.type)).map((f) => f.name) : [];
        switch (a.key) {
            case 'fields':
                return { choices: fields, list: true, distinct: true };
            case 'sortBy':
            case 'groupBy':
                return { choices: fields, list: false };
            case 'count':
            case 'replyWithCount':
                return { choices: BOOLEANS, list: false };
        }
        const p = reg.param(api, a.key);
        return p ? paramValueSpec(reg, p) : undefined;
    }
    if (api.query) {
        const inv = reg.inventoryOf(api);
        if (!inv)
            return undefined;
        const r = reg.resolvePath(inv, a.key);
        if (!r.ok || !r.field)
            return undefined;
        const list = a.op === '?=' || a.op === '!?=';
        const cls = fieldClass(r.field.name, r.field.type);
        if (cls === 'boolean')
            return { choices: BOOLEANS, list: false };
        if (cls !== 'text')
            return undefined;
        if (r.field.name === 'name') {
            const ref = resourceOfField(reg, r.inventory, 'uuid');
            return ref ? { live: { ref, field: 'name' }, list } : undefined;
        }
        const ref = resourceOfField(reg, r.inventory, r.field.name);
        return ref ? { live: { ref, field: 'uuid' }, list } : undefined;
    }
    const p = reg.param(api, a.key);
    return p ? paramValueSpec(reg, p) : undefined;
}
function paramValueSpec(reg, p) {
    const list = p.type === 'list';
    if (p.secret)
        return undefined;
    if (p.validValues?.length)
        return { choices: p.validValues, list };
    if (p.type === 'boolean')
        return { choices: BOOLEANS, list: false };
    const ref = resourceOfParam(reg, p);
    if (ref)
        return { live: { ref, field: 'uuid', ...(p.resourceType ? { resourceType: p.resourceType } : {}) }, list };
    return undefined;
}
async function valueCompletion(reg, api, a, base, ctx) {
    const spec = valueSpec(reg, api, a);
    if (!spec)
        return base;
    const typed = spec.list ? a.item.prefix : a.prefix;
    const from = spec.list ? a.item.replaceFrom : a.replaceFrom;
    const out = { ...base, replaceFrom: from, candidates: [] };
    const taken = new Set(spec.distinct ? a.item.head : []);
    const final = !spec.list;
    if (spec.choices) {
        out.candidates = matchNames(typed, spec.choices.filter((c) => !taken.has(c))).map((v) => ({ value: quoteWord(v), display: v, group: 'value', final }));
        return out;
    }
    if (spec.live && ctx.values) {
        const { ref } = spec.live;
        // `uuid=@we` completes names (`@web-01`), which the line's @name references look up.
        const byName = spec.live.field === 'uuid' && typed.startsWith('@') && !typed.startsWith('@@');
        const field = byName ? 'name' : spec.live.field;
        const prefix = byName ? typed.slice(1) : typed;
        let items = [];
        try {
            items = await ctx.values.values({ queryApi: ref.queryApi, inventory: ref.inventory, field, prefix, ...(spec.live.resourceType ? { resourceType: spec.live.resourceType } : {}) }, ctx.signal);
        }
        catch {
            items = [];
        }
        if (!Array.isArray(items))
            items = [];
        const lower = prefix.toLowerCase();
        const seen = new Set();
        const max = ctx.maxValues ?? 200;
        for (const it of items) {
            if (out.candidates.length >= max)
                break;
            if (!it || typeof it.value !== 'string' || it.value === '' || seen.has(it.value))
                continue;
            if (!it.value.toLowerCase().startsWith(lower))
                continue;
            // Quotes do not protect a comma in a list item: such a name is not offered there.
            if (byName && spec.list && it.value.includes(','))
                continue;
            // Server data never reaches the terminal raw: a value with control characters cannot be typed
            // anyway, so it is not offered; a label is shown escaped.
            if (hasControls(it.value))
                continue;
            seen.add(it.value);
            const shown = byName ? `@${it.value}` : it.value;
            const c = { value: quoteWord(shown), display: shown, group: 'value', final };
            if (it.label)
                c.description = escapeControls(it.label);
            out.candidates.push(c);
        }
    }
    return out;
}
