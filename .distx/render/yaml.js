// `yaml` format: a block-style YAML emitter for JSON-like data, readable back identically by YAML 1.2
// and YAML 1.1 loaders (PyYAML). Strings stay plain only when unambiguous; anything a loader could
// read as another type (null/~, yes/no/on/off/y/n, true/false, numbers incl. hex/octal/sexagesimal,
// .inf/.nan, timestamps, `<<`, `=`) or that starts with an indicator (`-`, `?`, `:`, `#`, `[`, `'`, ...)
// or holds `: ` / ` #` is quoted: single quotes when printable, double quotes with escapes otherwise.
// Multi-line printable strings use literal block scalars (`|`, `|-`, `|+` chomping).
// Empty containers are `[]` / `{}`; undefined object members are dropped (null in arrays), toJSON() is
// honoured, a circular reference becomes the string "[Circular]". Numbers use a form YAML 1.1 also
// reads as floats (`1.0e+21`); NaN/±Infinity become `.nan`/`.inf`/`-.inf`.
// yamlList writes a list row by row (a streamed query).
import { CHUNK_SIZE } from './json.js';
import { getStyle } from './style.js';
import { Indents, KeyMemo } from './memo.js';
const LARGE = 256;
const RESERVED = new Set([
    '~', 'null', 'true', 'false', 'yes', 'no', 'y', 'n', 'on', 'off', '<<', '=',
]);
const DECIMAL = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/; // ints/floats (1.1 and 1.2)
const NUMBERISH = [
    /^[-+]?0[xX][0-9a-fA-F_]+$/,
    /^[-+]?0[oO]?[0-7_]+$/,
    /^[-+]?0[bB][01_]+$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, // YAML 1.1 sexagesimal
    /^[-+]?\.(?:inf|Inf|INF)$/,
    /^\.(?:nan|NaN|NAN)$/,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:$|[Tt ])/, // timestamps
];
// Characters a YAML stream may hold unescaped (no C0/C1 controls except tab/LF, no DEL, no line/paragraph
// separators or NEL, no BOM, no lone surrogates or U+FFFE/FFFF).
const NON_PRINTABLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
// Common safe shape: starts with a letter, `_` or `/`, printable ASCII words separated by single spaces.
const WORDS = /^[A-Za-z_/][\w./,()+=@:-]*(?: [\w./,()+=@:-]+)*$/;
// Another: a digit then letters/digits only (e.g. hex uuids); a number only in these forms.
const ALNUM_DIGIT_FIRST = /^[0-9][0-9A-Za-z]*$/;
const ALNUM_NUMBER = /^(?:[0-9]+(?:[eE][0-9]+)?|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+)$/;
function needsQuotes(s) {
    if (WORDS.test(s)) {
        if (s.length <= 5 && RESERVED.has(s.toLowerCase()))
            return true;
        return s.includes(': ') || s.charCodeAt(s.length - 1) === 0x3a;
    }
    if (ALNUM_DIGIT_FIRST.test(s))
        return ALNUM_NUMBER.test(s);
    if (s === '')
        return true;
    if (INDICATOR_START.test(s))
        return true;
    if (s.startsWith('...'))
        return true;
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(s.length - 1);
    if (first === 0x20 || last === 0x20)
        return true;
    if (s.includes(': ') || s.includes(' #') || last === 0x3a /* : */)
        return true;
    if (/[\t\n\r]/.test(s) || NON_PRINTABLE.test(s))
        return true;
    if (s.length <= 5 && RESERVED.has(s.toLowerCase()))
        return true;
    if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2e || first === 0x2d) {
        if (DECIMAL.test(s) && /[0-9]/.test(s))
            return true;
        for (const re of NUMBERISH)
            if (re.test(s))
                return true;
    }
    return false;
}
const ESCAPES = {
    '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\x0b': '\\v', '\f': '\\f',
    '\r': '\\r', '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\x85': '\\N', '\u2028': '\\L', '\u2029': '\\P',
};
const DQ_ESCAPE = /["\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function doubleQuoted(s) {
    return ('"' +
        s.replace(DQ_ESCAPE, (c) => {
            const e = ESCAPES[c];
            if (e)
                return e;
            const code = c.charCodeAt(0);
            return code <= 0xff ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0');
        }) +
        '"');
}
/** The longest implicit key YAML 1.2 allows (§7.4.2: at most 1,024 Unicode characters). */
const MAX_IMPLICIT_KEY = 1024;
/** A string as a YAML flow scalar (plain, single- or double-quoted); never a block scalar. */
export function yamlString(s) {
    if (!needsQuotes(s))
        return s;
    if (/[\t\n\r]/.test(s) || NON_PRINTABLE.test(s))
        return doubleQuoted(s);
    return "'" + s.replace(/'/g, "''") + "'";
}
/** Whether a string can be written as a literal block scalar (multi-line, printable, no leading blank). */
function blockable(s) {
    if (!s.includes('\n') || s.includes('\r') || NON_PRINTABLE.test(s))
        return false;
    const c = s.charCodeAt(0);
    return c !== 0x20 && c !== 0x0a && c !== 0x09;
}
export function yamlNumber(n) {
    if (Number.isNaN(n))
        return '.nan';
    if (!Number.isFinite(n))
        return n > 0 ? '.inf' : '-.inf';
    const s = String(n);
    const e = s.indexOf('e');
    if (e >= 0 && !s.slice(0, e).includes('.'))
        return s.slice(0, e) + '.0' + s.slice(e);
    return s;
}
function prepare(v) {
    if (typeof v === 'object' && v !== null && typeof v.toJSON === 'function') {
        return v.toJSON('');
    }
    return v;
}
function skippable(v) {
    return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}
function isContainer(v) {
    if (typeof v !== 'object' || v === null)
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    const rec = v;
    for (const k in rec)
        if (Object.hasOwn(rec, k) && !skippable(rec[k]))
            return true;
    return false;
}
class YamlWriter {
    st;
    out = '';
    indents = new Indents();
    keys;
    ancestors = new Set();
    constructor(st) {
        this.st = st;
        this.keys = new KeyMemo((k) => this.st.key(yamlString(k)) + ':');
    }
    indent(depth) {
        return this.indents.of(depth);
    }
    /** `key:`; a key longer than YAML allows an implicit key to be (1,024 characters) as `? key` then `:` on the next line at `ind`. */
    key(k, ind) {
        if (k.length <= MAX_IMPLICIT_KEY / 6)
            return this.keys.of(k);
        const text = yamlString(k);
        return text.length <= MAX_IMPLICIT_KEY ? this.keys.of(k) : '? ' + this.st.key(text) + '\n' + ind + ':';
    }
    /** A non-container (or empty container) value as inline text; the block scalar header + body for multi-line strings. */
    scalar(v, depth) {
        switch (typeof v) {
            case 'string': {
                if (blockable(v))
                    return this.block(v, depth);
                return this.st.str(yamlString(v));
            }
            case 'number':
                return this.st.num(yamlNumber(v));
            case 'boolean':
                return this.st.bool(v ? 'true' : 'false');
            case 'bigint':
                return this.st.num(v.toString());
            case 'object':
                if (v === null)
                    return this.st.nul('null');
                return Array.isArray(v) ? '[]' : '{}';
            default:
                return this.st.nul('null');
        }
    }
    block(s, depth) {
        let end = s.length;
        while (end > 0 && s.charCodeAt(end - 1) === 0x0a)
            end--;
        const trailing = s.length - end;
        const header = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
        const ind = this.indent(Math.max(depth, 1));
        const lines = s.slice(0, end).split('\n');
        let body = '';
        for (const line of lines)
            body += '\n' + (line === '' ? '' : ind + this.st.str(line));
        for (let i = 1; i < trailing; i++)
            body += '\n';
        return header + body;
    }
    /** Writes `v` after a `key:` (afterDash false) or `- ` (afterDash true) already in `out` on the current line. */
    write(v0, depth, afterDash) {
        const v = prepare(v0);
        if (!isContainer(v)) {
            this.out += (afterDash ? '' : ' ') + this.scalar(v, depth) + '\n';
            return;
        }
        if (this.ancestors.has(v)) {
            this.out += (afterDash ? '' : ' ') + this.st.str('"[Circular]"') + '\n';
            return;
        }
        this.ancestors.add(v);
        if (!afterDash)
            this.out += '\n';
        this.body(v, depth, afterDash);
        this.ancestors.delete(v);
    }
    /** Entries of a non-empty container at `depth`; the first one continues the current line when `inline`. */
    body(v, depth, inline) {
        const ind = this.indent(depth);
        let first = true;
        if (Array.isArray(v)) {
            for (const el of v) {
                this.out += (first && inline ? '' : ind) + '- ';
                first = false;
                this.write(skippable(el) ? null : el, depth + 1, true);
            }
        }
        else {
            const rec = v;
            for (const k in rec) {
                if (!Object.hasOwn(rec, k))
                    continue;
                const val = rec[k];
                if (skippable(val))
                    continue;
                this.out += (first && inline ? '' : ind) + this.key(k, ind);
                first = false;
                this.write(val, depth + 1, false);
            }
        }
    }
    chunked(v, depth) {
        if (!isContainer(v))
            return false;
        if (depth < 2)
            return true;
        return Array.isArray(v) ? v.length > LARGE : Object.keys(v).length > LARGE;
    }
    /** Like write(), but yields `out` every CHUNK_SIZE characters while walking big or top-level containers. */
    *chunks(v0, depth, afterDash) {
        const v = prepare(v0);
        if (!this.chunked(v, depth) || this.ancestors.has(v)) {
            this.write(v, depth, afterDash);
            return;
        }
        const o = v;
        this.ancestors.add(o);
        if (!afterDash && depth > 0)
            this.out += '\n';
        const ind = this.indent(depth);
        let first = true;
        const inline = afterDash;
        const entries = Array.isArray(o)
            ? o.map((el) => [null, skippable(el) ? null : el])
            : Object.keys(o)
                .filter((k) => !skippable(o[k]))
                .map((k) => [k, o[k]]);
        for (const [k, val] of entries) {
            this.out += (first && inline ? '' : ind) + (k === null ? '- ' : this.key(k, ind));
            first = false;
            if (this.chunked(prepare(val), depth + 1))
                yield* this.chunks(val, depth + 1, k === null);
            else
                this.write(val, depth + 1, k === null);
            if (this.out.length >= CHUNK_SIZE) {
                yield this.out;
                this.out = '';
            }
        }
        this.ancestors.delete(o);
    }
    /** Top-level value. */
    *document(v0) {
        const v = prepare(v0);
        if (isContainer(v))
            yield* this.chunks(v, 0, true);
        else
            this.out += this.scalar(v, 0) + '\n';
        yield this.out;
        this.out = '';
    }
}
/** YAML text of `value` (ending with a newline), in chunks of about CHUNK_SIZE characters. */
export function* yamlChunks(value, color) {
    yield* new YamlWriter(getStyle(color)).document(value);
}
/**
 * A list written row by row: `- ` items, or `inventories:` items then `total: N` with `withTotal`;
 * `[]` when empty.
 */
export function yamlList(opts, project) {
    const st = getStyle(opts.color);
    const w = new YamlWriter(st);
    const depth = opts.withTotal ? 1 : 0;
    const ind = '  '.repeat(depth);
    const key = (k) => `${st.key(k)}:`;
    let n = 0;
    return {
        rows(batch) {
            for (const r0 of batch) {
                const r = project ? project(r0) : r0;
                w.out += `${n++ === 0 && opts.withTotal ? `${key('inventories')}\n` : ''}${ind}- `;
                w.write(skippable(r) ? null : r, depth + 1, true);
            }
            const out = w.out;
            w.out = '';
            return out;
        },
        end(tail) {
            let out = n === 0 ? (opts.withTotal ? `${key('inventories')} []\n` : '[]\n') : '';
            if (opts.withTotal) {
                w.write(tail?.total ?? null, 1, false);
                out += key('total') + w.out;
                w.out = '';
            }
            return out;
        },
    };
}
