import { lex } from './lexer.js';
const REF = /^\$(\d{1,9}|_)((?:\.[A-Za-z0-9_]+)*)(?![A-Za-z0-9_$])/;
/** Escapes a value for an unquoted word: blanks, quotes, backslash, comma (`\,`), `#` and `$`. */
export function escapeValue(v) {
    return v.replace(/[\s'"\\,#$]/g, (c) => `\\${c}`);
}
/** True when the line has an unquoted `$N`/`$_` (nothing to look up otherwise). */
export function hasRefs(line) {
    return scan(line).length > 0;
}
/** Unquoted references in the line: [start, end) and the parsed reference (the lexer says what is quoted). */
function scan(line) {
    const out = [];
    for (const t of lex(line).tokens) {
        for (let i = t.text.indexOf('$'); i !== -1; i = t.text.indexOf('$', i + 1)) {
            if (t.literal[i])
                continue;
            const m = REF.exec(t.text.slice(i, i + 200));
            // Every character of a reference is written as is (no quote or escape inside it).
            if (!m || t.literal.slice(i, i + m[0].length).some(Boolean))
                continue;
            const result = m[1] === '_' ? 'last' : Number(m[1]);
            out.push({ start: t.offsets[i], end: t.offsets[i + m[0].length - 1] + 1, ref: { result, path: m[2] ? m[2].slice(1).split('.') : [], text: m[0] } });
            i += m[0].length - 1;
        }
    }
    return out;
}
/** Writes the values of every reference into the line. */
export function expandRefs(line, lookup) {
    const found = scan(line);
    if (found.length === 0)
        return { ok: true, line, expansions: [] };
    let out = '';
    let from = 0;
    const expansions = [];
    for (const f of found) {
        if (f.ref.path.length === 0)
            return { ok: false, message: `${f.ref.text} needs a field`, hint: `e.g. ${f.ref.text}.uuid` };
        const got = lookup(f.ref);
        if ('error' in got)
            return { ok: false, message: got.error, ...(got.hint ? { hint: got.hint } : {}) };
        out += line.slice(from, f.start);
        const text = got.values.map(escapeValue).join(',');
        expansions.push({ ref: f.ref, span: { start: out.length, end: out.length + text.length }, count: got.values.length });
        out += text;
        from = f.end;
    }
    out += line.slice(from);
    return { ok: true, line: out, expansions };
}
