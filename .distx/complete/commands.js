// Stage 2 for the CLI's own words: option names (`--ho` -> `--host`), option values (`-o ` ->
// formats, `-c ` -> result columns with dotted paths, `--profile ` -> profiles), and the words of a
// built-in (subcommands, arguments by kind, its options), fed by the command table through the
// context. Pure apart from the injected local values; never throws past the engine's guard.
import { quoteWord } from '../parse/lexer.js';
import { isPrimitiveType } from '../schema/registry.js';
import { matchNames } from './match.js';
import { offeredApiNames } from './api-names.js';
/** Options whose names start with what was typed; `-x` also matches short names. */
export function optionCompletion(prefix, options) {
    const short = /^-[^-]/.test(prefix);
    const out = [];
    for (const o of options) {
        const names = short && o.short ? [o.short] : [o.long];
        for (const n of names) {
            if (!n.startsWith(prefix))
                continue;
            out.push({ value: n, group: 'option', description: `${o.value ? `${o.value} ` : ''}${o.description}`, final: true });
        }
    }
    return out;
}
/** Columns a query's rows have: plain fields, and `list.` paths into nested inventories (`vmNics.ip`). */
export function columnChoices(reg, inv, typed) {
    const segs = typed.split('.');
    let cur = inv;
    for (const seg of segs.slice(0, -1)) {
        const field = cur?.fields.find((f) => f.name === seg);
        const join = field && cur ? cur.joins.find((j) => j.name === seg) : undefined;
        cur = join ? reg.inventory(join.inventory) : undefined;
        if (!cur)
            return [];
    }
    const head = segs.slice(0, -1).map((s) => `${s}.`).join('');
    const target = cur;
    const out = [];
    for (const f of target.fields) {
        if (isPrimitiveType(f.type))
            out.push({ value: `${head}${f.name}`, description: f.type });
        else if (target.joins.some((j) => j.name === f.name))
            out.push({ value: `${head}${f.name}.`, description: `${f.type} of rows` });
    }
    return out;
}
function choiceCandidates(typed, choices, final, describe) {
    return matchNames(typed, [...choices]).map((v) => {
        const c = { value: quoteWord(v), display: v, group: 'value', final };
        const d = describe?.(v);
        if (d)
            c.description = d;
        return c;
    });
}
function itemCandidates(typed, items) {
    const lower = typed.toLowerCase();
    return items
        .filter((i) => i.value.toLowerCase().startsWith(lower))
        .map((i) => ({ value: quoteWord(i.value), display: i.value, group: 'value', final: true, ...(i.label ? { description: i.label } : {}) }));
}
async function profileNames(ctx) {
    try {
        return (await ctx.local?.profiles?.()) ?? [];
    }
    catch {
        return [];
    }
}
export async function optionValueCompletion(a, ctx) {
    const base = { replaceFrom: a.replaceFrom, replaceTo: a.replaceTo, candidates: [] };
    const spec = ctx.options?.find((o) => o.long === a.option);
    if (!spec)
        return base;
    if (spec.valueKind === 'columns') {
        const api = a.api ? ctx.registry.api(a.api) : undefined;
        const inv = api ? ctx.registry.inventoryOf(api) : undefined;
        if (!inv)
            return base;
        const taken = new Set(a.item.head);
        const cols = columnChoices(ctx.registry, inv, a.item.prefix).filter((c) => !taken.has(c.value));
        const byValue = new Map(cols.map((c) => [c.value, c.description]));
        const lastSeg = a.item.prefix.slice(a.item.prefix.lastIndexOf('.') + 1);
        const head = a.item.prefix.slice(0, a.item.prefix.length - lastSeg.length);
        const names = matchNames(lastSeg, cols.map((c) => c.value.slice(head.length)));
        return {
            ...base,
            replaceFrom: a.item.replaceFrom,
            candidates: names.map((n) => ({ value: `${head}${n}`, display: n, group: 'value', description: byValue.get(`${head}${n}`), final: !n.endsWith('.') })),
        };
    }
    if (spec.valueKind === 'profile')
        return { ...base, candidates: choiceCandidates(a.prefix, await profileNames(ctx), true) };
    if (spec.choices?.length)
        return { ...base, candidates: choiceCandidates(a.prefix, spec.choices, true) };
    return base;
}
function findEntry(list, word) {
    return list?.find((b) => b.name === word || b.aliases?.includes(word));
}
/** The words of a built-in line: subcommand, then arguments and options (its own and the line's). */
export async function builtinCompletion(a, ctx, complete) {
    const base = { replaceFrom: a.replaceFrom, replaceTo: a.replaceTo, candidates: [] };
    let entry = findEntry(ctx.builtins, a.name);
    if (!entry)
        return base;
    let words = a.words;
    let starts = a.wordStarts;
    if (entry.subcommands?.length) {
        const sub = words.length ? findEntry(entry.subcommands, words[0]) : undefined;
        if (!sub) {
            if (words.length)
                return base;
            const subs = entry.subcommands.filter((s) => !s.hidden);
            const names = matchNames(a.prefix, subs.map((s) => s.name));
            return { ...base, candidates: names.map((n) => ({ value: n, group: 'builtin', description: subs.find((s) => s.name === n).summary, final: true })) };
        }
        entry = sub;
        words = words.slice(1);
        starts = starts.slice(1);
    }
    const own = (entry.options ?? []).map((o) => ({ ...o, takesValue: o.value !== undefined }));
    const all = [...own, ...(ctx.options ?? [])];
    // Which of the words are arguments (not options or option values).
    let positional = 0;
    let firstArgAt = -1;
    let pendingValue;
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (pendingValue) {
            pendingValue = undefined;
            continue;
        }
        const args = entry.args ?? [];
        const variadicCommand = args[Math.min(positional, args.length - 1)]?.kind === 'command' && positional >= args.length - 1;
        if (w.startsWith('-') && !(variadicCommand && firstArgAt >= 0)) {
            const o = all.find((x) => x.long === w || x.short === w);
            if (o?.takesValue ?? (o?.value !== undefined))
                pendingValue = o;
            continue;
        }
        if (firstArgAt < 0)
            firstArgAt = i;
        positional++;
    }
    if (pendingValue) {
        if (pendingValue.choices?.length)
            return { ...base, candidates: choiceCandidates(a.prefix, pendingValue.choices, true) };
        const global = ctx.options?.find((o) => o.long === pendingValue.long);
        if (global) {
            return optionValueCompletion({ kind: 'optionValue', option: global.long, prefix: a.prefix, item: { prefix: a.prefix, head: [], replaceFrom: a.replaceFrom }, replaceFrom: a.replaceFrom, replaceTo: a.replaceTo }, ctx);
        }
        return base;
    }
    const args = entry.args ?? [];
    const last = args[args.length - 1];
    const arg = positional < args.length ? args[positional] : last?.variadic ? last : undefined;
    if (arg?.kind === 'command' && firstArgAt >= 0 && positional >= args.length - 1) {
        // `watch -n 5 QueryVmInstance sta`: the rest is a command line of its own.
        const from = starts[firstArgAt];
        return shifted(await complete(a.text.slice(from), a.text.length - from, ctx), from);
    }
    if (a.prefix.startsWith('-') && !(arg?.kind === 'command' && firstArgAt >= 0)) {
        return { ...base, candidates: optionCompletion(a.prefix, all) };
    }
    if (!arg)
        return base;
    switch (arg.kind) {
        case 'api':
            return { ...base, candidates: matchNames(a.prefix, await offeredApiNames(ctx.registry, ctx.unsupportedApis)).map((n) => ({ value: n, group: 'api', final: true })) };
        case 'topic': {
            const names = (ctx.builtins ?? []).filter((b) => !b.hidden).map((b) => b.name);
            const bs = names.filter((n) => n.startsWith(a.prefix)).map((n) => ({ value: n, group: 'builtin', final: true }));
            const apis = matchNames(a.prefix, await offeredApiNames(ctx.registry, ctx.unsupportedApis));
            return { ...base, candidates: [...bs, ...apis.map((n) => ({ value: n, group: 'api', final: true }))] };
        }
        case 'profile':
            return { ...base, candidates: choiceCandidates(a.prefix, [...(await profileNames(ctx)), ...(arg.choices ?? [])], true) };
        case 'job':
            return { ...base, candidates: itemCandidates(a.prefix, ctx.local?.jobs?.() ?? []) };
        case 'result':
            return { ...base, candidates: itemCandidates(a.prefix, ctx.local?.results?.() ?? []) };
        case 'command':
            return shifted(await complete(a.prefix, a.prefix.length, ctx), a.replaceFrom);
        case 'choices':
            return { ...base, candidates: choiceCandidates(a.prefix, arg.choices ?? [], !arg.variadic) };
        default:
            return base;
    }
}
function shifted(c, by) {
    return { ...c, replaceFrom: c.replaceFrom + by, replaceTo: c.replaceTo + by };
}
