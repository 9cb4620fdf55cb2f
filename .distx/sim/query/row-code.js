import { formatDate } from './dates.js';
import { NestedRows, newFound } from './nested.js';
import { MAX_DEPTH } from './render.js';
import { ESCAPED } from './row-delta.js';
/**
 * Strings with none of the characters JSON.stringify may escape (quote, backslash, controls, surrogates: lone ones are
 * escaped, pairs are taken along). Anchored and negated, it is one pass over the string: about twice as fast as
 * searching for one of those characters, and a big reply's rows test a dozen new strings each.
 */
const AS_IS = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;
/** Might JSON.stringify write `s` other than between plain quotes? (False: `"${s}"` is its JSON text.) */
export function needsEscape(s) {
    return !AS_IS.test(s);
}
/**
 * Can `s`, the value of plain field `k` of a kind, be written between quotes as it is? `plain[k]` holds the last value of
 * that field found to need no escapes: values shared by many rows (a zone's uuid, a state) are tested once, not in
 * every row that holds them. (One test a string: a test over all of a row's strings joined costs the join.)
 */
export function plainAt(s, plain, k) {
    if (s === plain[k])
        return true;
    if (needsEscape(s))
        return false;
    plain[k] = s;
    return true;
}
/** The JSON text of the values of `pick` of the rows found. */
function picked(rows, found, n, pick) {
    const values = [];
    for (let j = 0; j < n; j++)
        values.push(rows.row(found, j)[pick]);
    return JSON.stringify(values);
}
/** A value's JSON text. */
export function valueText(v) {
    if (typeof v === 'string')
        return needsEscape(v) ? JSON.stringify(v) : `"${v}"`;
    if (typeof v === 'number')
        return Number.isFinite(v) ? String(v) : 'null';
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    return JSON.stringify(v);
}
/**
 * Makes the piece writer of a kind's plan. `walker` writes nested rows; `nested` finds each nested field's rows. The
 * code is kept short (what a field needs beyond a read is in helpers): the engine compiles it once per kind, and long
 * code takes long to compile.
 */
export function rowCode(plan, nested, walker) {
    const q = JSON.stringify;
    const keys = { bare: [], firstBare: [], quoted: [], firstQuoted: [] };
    for (const p of plan.fields) {
        keys.bare.push(`,${q(p.name)}:`);
        keys.firstBare.push(`${q(p.name)}:`);
        keys.quoted.push(`,${q(p.name)}:"`);
        keys.firstQuoted.push(`${q(p.name)}:"`);
    }
    const plain = [];
    /** Writer helpers: push a present value's key and text, and the value as a slot whose text is that piece. */
    const writePlain = (out, sv, sa, f, at, k, x) => {
        if (typeof x === 'string' && plainAt(x, plain, k)) {
            out.push(f ? keys.quoted[at] : keys.firstQuoted[at], x, '"');
            sv.push(x);
            sa.push(out.length - 2);
            return;
        }
        out.push(f ? keys.bare[at] : keys.firstBare[at], valueText(x));
        sv.push(x);
        sa.push(typeof x === 'string' ? ESCAPED : out.length - 1);
    };
    const writeText = (out, sv, sa, f, at, t, x) => {
        out.push(f ? keys.bare[at] : keys.firstBare[at], t);
        sv.push(x);
        sa.push(out.length - 1);
    };
    const writeQuoted = (out, sv, sa, f, at, t) => {
        out.push(f ? keys.quoted[at] : keys.firstQuoted[at], t, '"');
        sv.push(t);
        sa.push(out.length - 2);
    };
    const w = ['let f = false, x, n, i, t;', "out.push('{');"];
    /** The key piece of field `at` (after a comma unless it is the first written). */
    const key = (at) => `(f ? KB[${at}] : KF[${at}])`;
    /** A slot without text (an absent value, a nested list's length). */
    const bare = (value) => `SV.push(${value}); SA.push(-1);`;
    const absent = (e) => `(${e} === null || ${e} === undefined)`;
    for (const [at, p] of plan.fields.entries()) {
        const name = q(p.name);
        if (p.how === 'plain') {
            const k = plain.push('') - 1;
            w.push(`x = row[${name}]; if (${absent('x')}) { ${bare('x')} } else { WP(out, SV, SA, f, ${at}, ${k}, x); f = true; }`);
        }
        else if (p.how === 'computed') {
            w.push(`x = P[${at}].make(row); if (${absent('x')}) { ${bare('x')} } else { WT(out, SV, SA, f, ${at}, V(x), x); f = true; }`);
        }
        else if (p.how === 'date') {
            // Written when it is a number (any other value is absent). Its slot holds its text: dates a few milliseconds
            // apart often read the same.
            w.push(`x = row[${name}]; if (typeof x === 'number') { WQ(out, SV, SA, f, ${at}, D(x)); f = true; } else { ${bare('undefined')} }`);
        }
        else {
            const inv = q(p.inventory);
            // The nested rows, found into this depth's `fd` (see NestedRows): `n` of them.
            const found = `x = row[${q(p.ownKey)}]; n = N[${at}].find(id, x, fd);`;
            let write;
            // A nested row's kind is read here, where every row comes from one table (one hidden class: a fast read).
            const nest = `x = N[${at}].row(fd, i); t = x.__kind; if (typeof t === 'string') shape.push(t); else t = ${inv}; walker.writeNested(t, x, ID(fd, i), depth + 1, out, shape, SS);`;
            if (p.pick) {
                // Picked values as one text (absent when a single one's key is null).
                const none = p.list ? `t = '[]';` : 't = undefined;';
                write = `${found} if (${absent('x')}) { ${none} } else { t = PICK(N[${at}], fd, n, ${q(p.pick)}); } if (t === undefined) { ${bare('t')} } else { WT(out, SV, SA, f, ${at}, t, t); f = true; }`;
            }
            else if (p.list) {
                write = `${found} shape.push(n); ${bare('n')} if (n === 0) { out.push(${key(at)}, '[]'); f = true; } else { out.push(${key(at)}, '['); f = true; for (i = 0; i < n; i++) { if (i > 0) out.push(','); ${nest} } out.push(']'); }`;
            }
            else {
                write = `${found} if (n === 0) { shape.push(0); ${bare('0')} } else { shape.push(1); ${bare('1')} out.push(${key(at)}); f = true; i = 0; ${nest} }`;
            }
            // Nested inventories are written this deep at most: deeper, the field is left out (and has no slot).
            w.push(`if (depth < ${MAX_DEPTH}) { ${write} }`);
        }
    }
    w.push("out.push('}');");
    /** What the nested fields found, one per depth (a nested row is written one level down, with its own). */
    const founds = [];
    const helpers = {
        walker,
        V: valueText,
        D: formatDate,
        P: plan.fields,
        N: nested,
        FD: founds,
        NEW: newFound,
        ID: NestedRows.idOf,
        PICK: picked,
        KB: keys.bare,
        KF: keys.firstBare,
        WP: writePlain,
        WT: writeText,
        WQ: writeQuoted,
    };
    const names = Object.keys(helpers);
    const args = Object.values(helpers);
    const write = new Function(...names, `return function pieceWriter(row, id, depth, out, shape, slots) {\nconst SV = slots.values, SA = slots.at, SS = slots, fd = (FD[depth] ??= NEW());\n${w.join('\n')}\n};`)(...args);
    const reads = plan.fields.map((p, at) => `V[${at}] = ${p.how === 'computed' ? `P[${at}].make(row)` : `row[${q(p.how === 'nested' ? p.ownKey : p.name)}]`};`);
    const gather = new Function('P', `return function gather(row, V) {\n${reads.join('\n')}\n};`)(plan.fields);
    return { write, gather, plain };
}
