import { OPERATORS } from '../parse/ast.js';
import { lex } from '../parse/lexer.js';
import { parseArg } from '../parse/parser.js';
const KEY_CHAR = /[A-Za-z0-9_.]/;
const OPS_LONGEST_FIRST = [...OPERATORS].sort((a, b) => b.length - a.length);
const NO_SHAPE = { options: [], builtins: [] };
/** Where a key (the part before any operator) ends in a token's text. */
function keyEnd(t) {
    let k = 0;
    while (k < t.text.length && !t.literal[k] && KEY_CHAR.test(t.text[k]))
        k++;
    return k;
}
/** The longest operator starting at text index k, written unquoted. */
function operatorAt(t, k) {
    return OPS_LONGEST_FIRST.find((o) => t.text.startsWith(o, k) && [...o].every((_, j) => !t.literal[k + j]));
}
/** An unquoted word starting with `-`: an option being written (`-`, `--`, `--ho`, `-o`). */
function isOptionWord(t) {
    return t.literal[0] === false && t.text.startsWith('-');
}
/** The option a written word names (`--output`, `--output=json`, `-o`, `-ojson`). */
function optionOf(shape, t) {
    const long = t.text.startsWith('--');
    const eq = long ? t.text.indexOf('=') : -1;
    const name = eq > 0 ? t.text.slice(0, eq) : long ? t.text : t.text.slice(0, 2);
    const spec = shape.options.find((o) => o.long === name || o.short === name);
    if (eq > 0)
        return { spec, inline: eq + 1 };
    if (!long && t.text.length > 2)
        return { spec, inline: 2 };
    return { spec };
}
/** Indexes of the tokens that are options or option values (so not the command's words). */
function optionTokens(tokens, shape, upTo = tokens.length) {
    const out = new Set();
    for (let i = 0; i < upTo; i++) {
        const t = tokens[i];
        if (!isOptionWord(t))
            continue;
        out.add(i);
        const { spec, inline } = optionOf(shape, t);
        if (spec?.takesValue && inline === undefined && i + 1 < upTo)
            out.add(++i);
    }
    return out;
}
/** Keys given on the whole line, except the word being edited (the one touching the cursor). */
function givenKeys(line, cursor, shape, cmd) {
    const out = [];
    const tokens = lex(line).tokens;
    const skip = optionTokens(tokens, shape);
    for (let i = cmd + 1; i < tokens.length; i++) {
        const t = tokens[i];
        if (skip.has(i) || (t.span.start <= cursor && cursor <= t.span.end))
            continue;
        const { arg } = parseArg(t);
        if (arg.op && arg.key)
            out.push(arg.key);
    }
    return out;
}
/** A value read as a comma list: the item being typed, the items before it, where it starts. */
function listItem(t, from, valueFrom) {
    const head = [];
    let itemStart = from;
    for (let i = from; i < t.text.length; i++) {
        if (t.text[i] === ',' && !t.literal[i]) {
            head.push(t.text.slice(itemStart, i));
            itemStart = i + 1;
        }
    }
    const replaceFrom = itemStart === from ? valueFrom : t.offsets[itemStart - 1] + 1;
    return { prefix: t.text.slice(itemStart), head, replaceFrom };
}
export function analyze(line, cursor, shape = NO_SHAPE) {
    const at = Number.isFinite(cursor) ? Math.max(0, Math.min(line.length, Math.trunc(cursor))) : line.length;
    const none = { kind: 'none', replaceFrom: at, replaceTo: at };
    const left = lex(line.slice(0, at));
    if (left.comment)
        return none;
    const tokens = left.tokens;
    const last = tokens[tokens.length - 1];
    const partial = last && last.span.end === at ? last : undefined;
    const index = partial ? tokens.length - 1 : tokens.length;
    // The words before the cursor's word: options (and their values) are set aside; the first other
    // word is the command (an API or a built-in).
    let cmd = -1;
    let pending;
    for (let i = 0; i < index; i++) {
        const t = tokens[i];
        if (pending) {
            pending = undefined;
            continue;
        }
        if (cmd >= 0 && shape.builtins.includes(tokens[cmd].text))
            break;
        if (isOptionWord(t) && shape.options.length) {
            const { spec, inline } = optionOf(shape, t);
            if (spec?.takesValue && inline === undefined)
                pending = spec;
            continue;
        }
        if (cmd < 0)
            cmd = i;
    }
    const api = cmd >= 0 ? tokens[cmd].text : undefined;
    const withApi = api !== undefined && !shape.builtins.includes(api) ? { api } : {};
    if (cmd >= 0 && shape.builtins.includes(api)) {
        const words = tokens.slice(cmd + 1, index);
        return {
            kind: 'builtin',
            name: api,
            words: words.map((w) => w.text),
            wordStarts: words.map((w) => w.span.start),
            nameFrom: tokens[cmd].span.start,
            text: line.slice(0, at),
            prefix: partial?.text ?? '',
            replaceFrom: partial?.span.start ?? at,
            replaceTo: at,
        };
    }
    if (pending) {
        const t = partial;
        const from = t?.span.start ?? at;
        const item = t ? listItem(t, 0, from) : { prefix: '', head: [], replaceFrom: at };
        return { kind: 'optionValue', option: pending.long, prefix: t?.text ?? '', item, ...withApi, replaceFrom: from, replaceTo: at };
    }
    if (partial && isOptionWord(partial) && shape.options.length) {
        const { spec, inline } = optionOf(shape, partial);
        if (spec?.takesValue && inline !== undefined) {
            const valueFrom = partial.offsets[inline - 1] + 1;
            return {
                kind: 'optionValue',
                option: spec.long,
                prefix: partial.text.slice(inline),
                item: listItem(partial, inline, valueFrom),
                ...withApi,
                replaceFrom: valueFrom,
                replaceTo: at,
            };
        }
        return { kind: 'option', prefix: partial.text, ...withApi, replaceFrom: partial.span.start, replaceTo: at };
    }
    if (cmd < 0) {
        return { kind: 'api', prefix: partial?.text ?? '', replaceFrom: partial?.span.start ?? at, replaceTo: at };
    }
    const given = givenKeys(line, at, shape, cmd);
    if (!partial)
        return { kind: 'key', api: api, prefix: '', given, replaceFrom: at, replaceTo: at };
    const t = partial;
    const k = keyEnd(t);
    const key = t.text.slice(0, k);
    if (k === t.text.length)
        return { kind: 'key', api: api, prefix: key, given, replaceFrom: t.span.start, replaceTo: at };
    if (key === '')
        return none;
    const op = operatorAt(t, k);
    if (!op) {
        const rest = t.text.slice(k);
        const literal = t.literal.slice(k).some(Boolean);
        if (!literal && OPERATORS.some((o) => o.startsWith(rest))) {
            return { kind: 'operator', api: api, key, opPrefix: rest, given, replaceFrom: t.span.start, replaceTo: at };
        }
        return none;
    }
    const vStart = k + op.length;
    // Operator characters are never quoted, so the raw line offset right after the operator is exact.
    const valueFrom = t.offsets[vStart - 1] + 1;
    return {
        kind: 'value',
        api: api,
        key,
        op,
        prefix: t.text.slice(vStart),
        given,
        replaceFrom: valueFrom,
        replaceTo: at,
        item: listItem(t, vStart, valueFrom),
    };
}
