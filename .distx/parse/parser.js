import { capReports, clip, quoted } from './echo.js';
import { lex } from './lexer.js';
import { splitOptions } from './options.js';
const KEY_CHAR = /[A-Za-z0-9_.]/;
/** Longest first, so `!?=` wins over `!=`... at the same position. */
const OPS_BY_LENGTH = ['!?=', '!~=', '!=', '>=', '<=', '?=', '~=', '=', '>', '<'];
const OP_START = new Set(['=', '!', '>', '<', '?', '~']);
/**
 * Most words a command line may hold. No API takes more than about fifty params, and a query has a
 * few dozen conditions at most; a line of 500k words is refused instead of costing seconds to read.
 */
export const MAX_WORDS = 10_000;
function tooManyWords(span) {
    return { span, message: `more than ${MAX_WORDS} params on one line`, hint: 'split the command, or give lists as a,b,c' };
}
/**
 * Parses one line typed in the shell or read from a script. With `syntax`, option words (`-o json`)
 * anywhere on the line are taken out into `options`; without it every word is the command's.
 */
export function parseLine(line, syntax) {
    const { tokens, escapedCommas, overflow } = lex(line, MAX_WORDS + 1);
    if (overflow)
        return { tokens: [], diagnostics: [tooManyWords(overflow)], options: [] };
    const diagnostics = [];
    for (const t of tokens) {
        if (t.unterminated) {
            diagnostics.push({
                span: t.span,
                message: `unterminated ${t.unterminated === '"' ? 'double' : 'single'} quote`,
                hint: `close it with ${t.unterminated}`,
            });
        }
    }
    return build(tokens, escapedCommas, diagnostics, syntax);
}
/**
 * Parses words already split by a shell (one-shot `zstack-cli Api k=v ...`). Words are taken as they
 * are (the shell removed quotes); only `\,` keeps its meaning of a literal comma. Spans refer to the
 * words joined by single spaces.
 */
export function parseWords(words, syntax) {
    if (words.length > MAX_WORDS + 1) {
        const start = words.slice(0, MAX_WORDS + 1).reduce((n, w) => n + w.length + 1, 0);
        const end = words.reduce((n, w) => n + w.length + 1, -1);
        return { tokens: [], diagnostics: [tooManyWords({ start, end })], options: [] };
    }
    const tokens = [];
    const escapedCommas = [];
    let pos = 0;
    for (const word of words) {
        const pieces = [];
        const offsets = [];
        const literal = [];
        const commas = [];
        let length = 0;
        let from = 0;
        for (;;) {
            const at = word.indexOf('\\,', from);
            const to = at === -1 ? word.length : at;
            pieces.push(word.slice(from, to));
            // The user's shell already removed any quotes, so no character is known to be literal.
            for (let i = from; i < to; i++) {
                offsets.push(pos + i);
                literal.push(false);
            }
            length += to - from;
            if (at === -1)
                break;
            commas.push(length);
            pieces.push(',');
            offsets.push(pos + at);
            literal.push(true);
            length++;
            from = at + 2;
        }
        tokens.push({ raw: word, text: pieces.join(''), span: { start: pos, end: pos + word.length }, offsets, literal });
        escapedCommas.push(commas);
        pos += word.length + 1;
    }
    return build(tokens, escapedCommas, [], syntax);
}
function build(allTokens, allCommas, diagnostics, syntax) {
    let tokens = allTokens;
    let escapedCommas = allCommas;
    let options = [];
    if (syntax) {
        const split = splitOptions(allTokens, syntax);
        options = split.options;
        diagnostics.push(...split.diagnostics);
        tokens = split.rest.map((i) => allTokens[i]);
        escapedCommas = split.rest.map((i) => allCommas[i] ?? []);
    }
    if (tokens.length === 0)
        return { tokens: allTokens, diagnostics, options };
    const first = tokens[0];
    const args = [];
    for (let i = 1; i < tokens.length; i++) {
        const { arg, diagnostic } = parseArg(tokens[i], escapedCommas[i] ?? []);
        args.push(arg);
        // An unterminated quote is already reported; what it did to the token's shape is noise.
        if (diagnostic && !tokens[i].unterminated)
            diagnostics.push(diagnostic);
    }
    if (first.text.includes('=') && !/^[A-Za-z][\w-]*$/.test(first.text)) {
        diagnostics.unshift({
            span: first.span,
            message: `expected an API name first, got ${quoted(first.text)}`,
            hint: 'a command starts with an API name, e.g. QueryVmInstance name=vm1',
        });
    }
    const last = tokens[tokens.length - 1];
    const command = {
        name: first.text,
        nameSpan: first.span,
        args,
        span: { start: first.span.start, end: last.span.end },
    };
    const more = (n) => ({ span: command.span, message: `${n} more problems on this line not shown` });
    return { command, tokens: allTokens, diagnostics: capReports(diagnostics, more), options };
}
function spanOf(token, from, to) {
    // Map [from, to) in token.text to line offsets; an empty range sits where it would start.
    if (from >= token.text.length)
        return { start: token.span.end, end: token.span.end };
    const start = token.offsets[from];
    const end = to > from ? token.offsets[to - 1] + 1 : start;
    return { start, end: Math.max(end, start) };
}
/** Splits `key<op>value`: the key is [A-Za-z0-9_.]*, then the longest operator at that point. */
export function parseArg(token, escapedCommas = []) {
    const t = token.text;
    let k = 0;
    while (k < t.length && !token.literal[k] && KEY_CHAR.test(t[k]))
        k++;
    const key = t.slice(0, k);
    const keySpan = spanOf(token, 0, k);
    const bare = (message, hint) => {
        const arg = {
            span: token.span,
            key: t,
            keySpan: token.span,
            value: '',
            valueSpan: { start: token.span.end, end: token.span.end },
            valueQuoted: false,
            literalCommas: [],
        };
        const diagnostic = { span: token.span, message };
        if (hint)
            diagnostic.hint = hint;
        return { arg, diagnostic };
    };
    if (k === t.length) {
        return bare(`expected key=value, got ${quoted(t)}`, `write ${t ? clip(t) : 'name'}=<value>`);
    }
    let op;
    if (!token.literal[k] && OP_START.has(t[k])) {
        op = OPS_BY_LENGTH.find((o) => t.startsWith(o, k) && [...o].every((_, j) => !token.literal[k + j]));
    }
    if (!op) {
        return bare(`unexpected ${quoted(t.slice(k, k + 1))} in ${quoted(t)}`, 'a param is key=value; quote values with spaces: name="my vm"');
    }
    const vStart = k + op.length;
    const value = t.slice(vStart);
    const arg = {
        span: token.span,
        key,
        keySpan,
        op,
        opSpan: spanOf(token, k, vStart),
        value,
        valueSpan: spanOf(token, vStart, t.length),
        valueQuoted: token.literal.slice(vStart).some(Boolean),
        literalCommas: escapedCommas.filter((c) => c >= vStart).map((c) => c - vStart),
    };
    if (key === '') {
        return { arg, diagnostic: { span: token.span, message: `missing a name before '${op}' in ${quoted(t)}`, hint: 'write key=value' } };
    }
    return { arg };
}
/** Splits a list value at commas, except commas written as `\,`. An empty value is an empty list. */
export function splitList(arg) {
    if (arg.value === '')
        return [];
    const keep = new Set(arg.literalCommas);
    const out = [];
    let cur = '';
    for (let i = 0; i < arg.value.length; i++) {
        const c = arg.value[i];
        if (c === ',' && !keep.has(i)) {
            out.push(cur);
            cur = '';
        }
        else {
            cur += c;
        }
    }
    out.push(cur);
    return out;
}
