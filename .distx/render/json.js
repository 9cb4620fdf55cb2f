import { getStyle } from './style.js';
import { Indents, KeyMemo } from './memo.js';
/** Approximate size of the chunks yielded by the streaming writers. */
export const CHUNK_SIZE = 1 << 16;
/** Containers larger than this are walked chunk-wise even when deeply nested. */
const LARGE = 256;
/** Characters JSON.stringify writes raw that a terminal may act on (C1 CSI is ESC [ to many). */
const RAW_CONTROLS = /[\u007f-\u009f\u2028\u2029]/;
const RAW_CONTROLS_G = /[\u007f-\u009f\u2028\u2029]/g;
/** JSON text with those characters escaped: the same JSON value, safe on a terminal. */
function escapeRawControls(json) {
    return RAW_CONTROLS.test(json) ? json.replace(RAW_CONTROLS_G, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}
/** A string as a JSON literal. */
export function jsonString(s) {
    return escapeRawControls(JSON.stringify(s));
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
class JsonWriter {
    st;
    pretty;
    out = '';
    indents = new Indents();
    nl;
    colon;
    keys;
    ancestors = new Set();
    native;
    constructor(st, pretty) {
        this.st = st;
        this.pretty = pretty;
        this.nl = pretty ? '\n' : '';
        this.colon = pretty ? ': ' : ':';
        this.native = !st.on;
        this.keys = new KeyMemo((k) => this.st.key(jsonString(k)) + this.colon);
    }
    indent(depth) {
        return this.pretty ? this.indents.of(depth) : '';
    }
    key(k) {
        return this.keys.of(k);
    }
    /** Writes a non-container value; false when `v` is a container. */
    scalar(v) {
        switch (typeof v) {
            case 'string':
                this.out += this.st.str(jsonString(v));
                return true;
            case 'number':
                this.out += Number.isFinite(v) ? this.st.num(String(v)) : this.st.nul('null');
                return true;
            case 'boolean':
                this.out += this.st.bool(v ? 'true' : 'false');
                return true;
            case 'bigint':
                this.out += this.st.num(v.toString());
                return true;
            case 'object':
                if (v !== null)
                    return false;
                this.out += this.st.nul('null');
                return true;
            default:
                this.out += this.st.nul('null');
                return true;
        }
    }
    /** Writes any value at once. */
    write(v0, depth) {
        if (this.native && typeof v0 === 'object' && v0 !== null) {
            // Without colour, JSON.stringify gives exactly this writer's output, much faster; it throws on
            // bigints and cycles, which the code below handles.
            try {
                const json = JSON.stringify(v0, null, this.pretty ? 2 : undefined);
                if (json !== undefined) {
                    // Outside strings JSON has no such characters, so the whole text can be escaped at once.
                    const s = escapeRawControls(json);
                    this.out += depth && this.pretty ? s.replaceAll('\n', '\n' + this.indent(depth)) : s;
                    return;
                }
            }
            catch {
                // fall through
            }
        }
        const v = prepare(v0);
        if (this.scalar(v))
            return;
        const o = v;
        if (this.ancestors.has(o)) {
            this.out += this.st.str('"[Circular]"');
            return;
        }
        this.ancestors.add(o);
        const inner = this.indent(depth + 1);
        if (Array.isArray(o)) {
            if (o.length === 0)
                this.out += '[]';
            else {
                this.out += '[';
                for (let i = 0; i < o.length; i++) {
                    this.out += (i === 0 ? this.nl : ',' + this.nl) + inner;
                    this.write(o[i], depth + 1);
                }
                this.out += this.nl + this.indent(depth) + ']';
            }
        }
        else {
            let first = true;
            const rec = o;
            for (const k in rec) {
                if (!Object.hasOwn(rec, k))
                    continue;
                const val = rec[k];
                if (skippable(val))
                    continue;
                this.out += (first ? '{' + this.nl : ',' + this.nl) + inner + this.key(k);
                first = false;
                this.write(val, depth + 1);
            }
            this.out += first ? '{}' : this.nl + this.indent(depth) + '}';
        }
        this.ancestors.delete(o);
    }
    walkChunked(v, depth) {
        if (typeof v !== 'object' || v === null)
            return false;
        if (depth < 2)
            return true;
        return Array.isArray(v) ? v.length > LARGE : Object.keys(v).length > LARGE;
    }
    /** Writes a value, yielding `out` whenever it has grown past CHUNK_SIZE. */
    *chunks(v0, depth) {
        const v = prepare(v0);
        if (!this.walkChunked(v, depth) || this.ancestors.has(v)) {
            this.write(v, depth);
            return;
        }
        const o = v;
        this.ancestors.add(o);
        const inner = this.indent(depth + 1);
        let first = true;
        const item = function* (val) {
            if (this.walkChunked(prepare(val), depth + 1))
                yield* this.chunks(val, depth + 1);
            else
                this.write(val, depth + 1);
            if (this.out.length >= CHUNK_SIZE) {
                yield this.out;
                this.out = '';
            }
        }.bind(this);
        if (Array.isArray(o)) {
            for (let i = 0; i < o.length; i++) {
                this.out += (first ? '[' + this.nl : ',' + this.nl) + inner;
                first = false;
                yield* item(o[i]);
            }
            this.out += first ? '[]' : this.nl + this.indent(depth) + ']';
        }
        else {
            const rec = o;
            for (const k in rec) {
                if (!Object.hasOwn(rec, k))
                    continue;
                const val = rec[k];
                if (skippable(val))
                    continue;
                this.out += (first ? '{' + this.nl : ',' + this.nl) + inner + this.key(k);
                first = false;
                yield* item(val);
            }
            this.out += first ? '{}' : this.nl + this.indent(depth) + '}';
        }
        this.ancestors.delete(o);
    }
}
/** Indented JSON text of `value` (ending with a newline), in chunks of about CHUNK_SIZE characters. */
export function* jsonChunks(value, color) {
    const w = new JsonWriter(getStyle(color), true);
    yield* w.chunks(value, 0);
    w.out += '\n';
    yield w.out;
}
/** One-line JSON without colour (for nested values in table/csv/value cells). */
export function compactJson(value) {
    const w = new JsonWriter(getStyle(false), false);
    w.write(value, 0);
    return w.out;
}
/**
 * A list written row by row: `[` rows `]`, or `{"inventories": [` rows `], "total": N}` with
 * `withTotal`. Valid JSON however many batches come, an empty list included.
 */
export function jsonList(opts, project) {
    const st = getStyle(opts.color);
    const w = new JsonWriter(st, true);
    const depth = opts.withTotal ? 2 : 1;
    const inner = '  '.repeat(depth);
    const open = opts.withTotal ? `{\n  ${st.key('"inventories"')}: [` : '[';
    let n = 0;
    return {
        rows(batch) {
            if (!st.on && !project && batch.length) {
                // JSON.stringify of the whole batch is this writer's output at depth 1, much faster; it
                // throws on bigints and cycles, which the row-by-row writer below handles.
                try {
                    const json = JSON.stringify(batch, null, 2);
                    if (json !== undefined) {
                        const s = escapeRawControls(json);
                        const rows = s.slice(2, -2); // without "[\n" and "\n]"
                        const out = (n === 0 ? `${open}\n` : ',\n') + (depth === 1 ? rows : `  ${rows.replaceAll('\n', '\n  ')}`);
                        n += batch.length;
                        return out;
                    }
                }
                catch {
                    // fall through
                }
            }
            for (const r of batch) {
                w.out += (n++ === 0 ? `${open}\n` : ',\n') + inner;
                w.write(project ? project(r) : r, depth);
            }
            const out = w.out;
            w.out = '';
            return out;
        },
        end(tail) {
            let out = n === 0 ? `${open}]` : `\n${opts.withTotal ? '  ]' : ']'}`;
            if (opts.withTotal) {
                w.write(tail?.total ?? null, 1);
                out += `,\n  ${st.key('"total"')}: ${w.out}\n}`;
                w.out = '';
            }
            return `${out}\n`;
        },
    };
}
