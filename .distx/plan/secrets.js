import { lex } from '../parse/lexer.js';
export const REDACTED = '***';
/**
 * Keys whose values are secret whatever the API, in lower case. Covers every param the registry marks
 * `secret` or `hashed` (checked by a test), keys of APIs the registry does not know, and session tokens.
 */
const SECRET_KEY = /pass(?:word|wd|phrase)|secret|token|credential|private_?key|^session(?:uuid|id)$/;
/** Operators, longest first (as the parser reads them). */
const OPS = ['!?=', '!~=', '!=', '>=', '<=', '?=', '~=', '=', '>', '<'];
const KEY_CHAR = /[A-Za-z0-9_.]/;
const TAG_NAME = /([A-Za-z0-9_.]+)::/g;
/**
 * Whether `key` names a secret, in any letter case. Matched against the key in lower case rather than
 * with the `i` flag, whose case tables (ICU case closures) cost every command ~2 ms to compile. It
 * finds all the flag found (which pairs ASCII letters only) and a little more (the Kelvin sign K is a k).
 */
export function isSecretKey(key) {
    return SECRET_KEY.test(key.toLowerCase());
}
/** Where the secret part of a tag (`rootPassword::x`) starts, or -1 when the tag carries no secret. */
export function secretTagValueStart(tag) {
    const i = tag.indexOf('::');
    return i > 0 && isSecretKey(tag.slice(0, i)) ? i + 2 : -1;
}
/**
 * `key<op>value` of a word, with quoting ignored: `'password'=x`, `"pass"word=x` and `password\=x`
 * all read as the key `password`. (The parser would reject them; the rule must still see the secret.)
 */
function splitWord(text) {
    let k = 0;
    while (k < text.length && KEY_CHAR.test(text[k]))
        k++;
    const op = OPS.find((o) => text.startsWith(o, k));
    return op ? { key: text.slice(0, k), op, value: text.slice(k + op.length) } : undefined;
}
function scanWord(word, wantsValue) {
    const kv = splitWord(word.text);
    if (wantsValue && (!kv || kv.key === '')) {
        const value = kv ? kv.value : word.text;
        // An operator alone (`password = x`): the value is the word after it.
        if (kv && value === '')
            return { secrets: [], wantsValue: true };
        if (value === '' || value === REDACTED)
            return { secrets: [], wantsValue: false };
        return { replacement: kv ? `${kv.op}${REDACTED}` : REDACTED, secrets: [value], wantsValue: false };
    }
    if (!kv && word.text.includes('::')) {
        // Tags typed apart from their key (`systemTags= ha::x,rootPassword::y`).
        const tags = scanTags(word.text, word.literalCommas);
        return tags ? { replacement: tags.text, secrets: bareTagTail(word.text), wantsValue: false } : { secrets: [], wantsValue: false };
    }
    if (!kv)
        return { secrets: [], wantsValue: isSecretKey(word.text) };
    if (isSecretKey(kv.key)) {
        if (kv.value === '')
            return { secrets: [], wantsValue: true };
        if (kv.value === REDACTED)
            return { secrets: [], wantsValue: false };
        return { replacement: `${kv.key}${kv.op}${REDACTED}`, secrets: [kv.value], wantsValue: false };
    }
    const shift = kv.key.length + kv.op.length;
    const tags = scanTags(kv.value, word.literalCommas.filter((c) => c >= shift).map((c) => c - shift));
    if (!tags)
        return { secrets: [], wantsValue: false };
    return { replacement: `${kv.key}${kv.op}${tags.text}`, secrets: tags.secrets, wantsValue: false };
}
/** Tags carrying secrets in a value (`ha::NeverStop,rootPassword::x`); undefined when there are none to hide. */
function scanTags(value, literalCommas) {
    if (value.trimStart().startsWith('[')) {
        // A JSON list: its items cannot be cut apart without parsing it, so the whole value goes.
        const secret = [...value.matchAll(TAG_NAME)].some((m) => isSecretKey(m[1]));
        return secret ? { text: REDACTED, secrets: [value] } : undefined;
    }
    const keep = new Set(literalCommas);
    const items = [{ text: '', commas: [] }];
    for (let i = 0; i < value.length; i++) {
        const item = items[items.length - 1];
        if (value[i] === ',' && !keep.has(i))
            items.push({ text: '', commas: [] });
        else {
            if (value[i] === ',')
                item.commas.push(item.text.length);
            item.text += value[i];
        }
    }
    const secrets = [];
    for (const item of items) {
        const at = secretTagValueStart(item.text);
        if (at < 0 || item.text.slice(at) === REDACTED)
            continue;
        secrets.push(item.text.slice(at));
        item.text = `${item.text.slice(0, at)}${REDACTED}`;
        item.commas = item.commas.filter((c) => c < at);
    }
    return secrets.length ? { text: encodeList(items), secrets } : undefined;
}
/** Writes list items back as one word the lexer reads the same (commas inside items as `\,`). */
function encodeList(items) {
    const plain = items.every((it) => /^[\w.,:/@%+=?~!<>*-]*$/.test(it.text));
    const escape = (it) => [...it.text].map((c, i) => (it.commas.includes(i) ? '\\,' : plain ? c : c === '"' || c === '\\' ? `\\${c}` : c)).join('');
    const body = items.map(escape).join(',');
    return plain ? body : `"${body}"`;
}
function scanWords(words) {
    let wantsValue = false;
    return words.map((w) => {
        const f = scanWord(w, wantsValue);
        wantsValue = f.wantsValue;
        return f;
    });
}
/** The line with every secret value replaced by `***`; idempotent; quoting and comments kept elsewhere. */
export function redactLine(line) {
    const { tokens, escapedCommas } = lex(line);
    const found = scanWords(tokens.map((t, i) => ({ text: t.text, literalCommas: escapedCommas[i] ?? [] })));
    let out = '';
    let at = 0;
    tokens.forEach((t, i) => {
        const replacement = found[i].replacement;
        if (replacement === undefined)
            return;
        out += line.slice(at, t.span.start) + replacement;
        at = t.span.end;
    });
    return out + line.slice(at);
}
/** The secret values of a parsed command (its name too: a line may start with `password=x`). */
export function commandSecrets(cmd) {
    const words = [{ text: cmd.name, literalCommas: [] }];
    for (const a of cmd.args) {
        const head = a.op ? `${a.key}${a.op}` : '';
        words.push({ text: a.op ? `${head}${a.value}` : a.key, literalCommas: a.literalCommas.map((c) => c + head.length) });
    }
    return scanWords(words).flatMap((f) => f.secrets);
}
/**
 * The secret of a bare word holding tags: all of it after the first secret tag's `::`. The parser keeps
 * no `\,` of a bare word (`systemTags= rootPassword::a\,b`), so the value may run past a comma.
 */
function bareTagTail(word) {
    let from = 0;
    for (const item of word.split(',')) {
        const at = secretTagValueStart(item);
        if (at >= 0)
            return [word.slice(from + at)];
        from += item.length + 1;
    }
    return [];
}
const isWordChar = (c) => c !== undefined && /\w/.test(c);
/**
 * The text with every occurrence of the secrets replaced by `***`. An occurrence inside a longer
 * word is left alone when the secret starts or ends with a letter or digit there (a password `a`
 * must not turn `password` into `p***ssword`): messages quote values between quotes, `=` or spaces.
 * A quoted piece of a secret goes too (`unexpected '-' in ...` about the word `s3cret-pw`).
 */
export function maskSecrets(text, secrets) {
    const list = [...new Set(secrets)].filter((s) => s !== '' && s !== REDACTED);
    if (list.length === 0)
        return text;
    // Every occurrence of every secret, overlapping ones merged: secrets may share characters.
    const hits = [];
    for (const s of list) {
        for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
            const inside = (isWordChar(s[0]) && isWordChar(text[i - 1])) || (isWordChar(s[s.length - 1]) && isWordChar(text[i + s.length]));
            if (!inside)
                hits.push([i, i + s.length]);
        }
    }
    hits.sort((x, y) => x[0] - y[0]);
    let out = '';
    let from = 0;
    for (const [start, end] of hits) {
        if (end <= from)
            continue;
        if (start >= from)
            out += `${text.slice(from, start)}${REDACTED}`;
        from = end;
    }
    out += text.slice(from);
    return out.replace(/'([^']+)'|"([^"]+)"/g, (quoted, single, double) => {
        const inner = single ?? double ?? '';
        return inner !== REDACTED && list.some((s) => s.includes(inner)) ? quoted.replace(inner, REDACTED) : quoted;
    });
}
