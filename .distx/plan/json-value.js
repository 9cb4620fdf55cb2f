// Reads the JSON a user writes for a list, map or object param (`diskAOs='[{"size":1}]'`), unlike
// JSON.parse: integers beyond 2^53 keep their digits (as ExactLong, written back exactly), numbers out
// of range for a Java long or double are refused, and nesting is bounded. Iterative (no recursion),
// linear in the text, never throws: a failure is one message saying what and where.
import { clip, quoted } from '../parse/echo.js';
import { ExactLong } from './json-text.js';
/** Deepest nesting accepted; ZStack params nest three or four levels. */
export const MAX_JSON_DEPTH = 64;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
function isWs(c) {
    return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
/** One JSON number literal as a value: exact longs, finite doubles; otherwise why not. */
export function jsonNumber(literal, integral) {
    if (integral) {
        const big = BigInt(literal);
        if (big < INT64_MIN || big > INT64_MAX)
            return { ok: false, why: `${clip(literal, 40)} is out of range for a long (-2^63 .. 2^63-1)` };
        const n = Number(big);
        return { ok: true, value: Number.isSafeInteger(n) ? n : new ExactLong(big.toString()) };
    }
    const n = Number(literal);
    if (!Number.isFinite(n))
        return { ok: false, why: `${clip(literal, 40)} is out of range for a double` };
    return { ok: true, value: n };
}
function setMember(obj, key, value) {
    // defineProperty, not assignment: a key named __proto__ is data, as with JSON.parse.
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
export function readJson(text) {
    let i = 0;
    const n = text.length;
    const stack = [];
    const where = () => (i >= n ? 'at the end' : `at character ${i + 1}`);
    const fail = (what, kind = 'syntax') => ({ ok: false, kind, message: `${what} ${where()}` });
    const unexpected = () => (i >= n ? fail('unexpected end') : fail(`unexpected ${quoted(text[i])}`));
    const skipWs = () => {
        while (i < n && isWs(text.charCodeAt(i)))
            i++;
    };
    const readString = () => {
        // text[i] is the opening quote.
        i++;
        let out = '';
        let from = i;
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                out += text.slice(from, i);
                i++;
                return out;
            }
            if (c < 0x20)
                return undefined;
            if (c === 0x5c) {
                out += text.slice(from, i);
                const e = text[i + 1];
                if (e === 'u') {
                    const hex = text.slice(i + 2, i + 6);
                    if (!/^[0-9a-fA-F]{4}$/.test(hex))
                        return undefined;
                    out += String.fromCharCode(parseInt(hex, 16));
                    i += 6;
                }
                else if (e !== undefined && ESCAPES[e] !== undefined) {
                    out += ESCAPES[e];
                    i += 2;
                }
                else
                    return undefined;
                from = i;
                continue;
            }
            i++;
        }
        return undefined;
    };
    /** `"key":` at i (whitespace skipped before it): the key, or the failure. */
    const readKey = () => {
        if (text[i] !== '"')
            return fail('expected a "key"');
        const key = readString();
        if (key === undefined)
            return fail('bad string');
        skipWs();
        if (text[i] !== ':')
            return fail("expected ':'");
        i++;
        return key;
    };
    let value;
    let have = false;
    for (;;) {
        skipWs();
        if (!have) {
            // Read a value, or open a container.
            const c = text[i];
            if (c === '{' || c === '[') {
                if (stack.length >= MAX_JSON_DEPTH)
                    return fail(`nested deeper than ${MAX_JSON_DEPTH} levels`, 'depth');
                i++;
                skipWs();
                if (c === '[') {
                    const arr = [];
                    if (text[i] === ']') {
                        i++;
                        value = arr;
                        have = true;
                    }
                    else
                        stack.push({ container: arr });
                    continue;
                }
                const obj = {};
                if (text[i] === '}') {
                    i++;
                    value = obj;
                    have = true;
                    continue;
                }
                const key = readKey();
                if (typeof key !== 'string')
                    return key;
                stack.push({ container: obj, key });
                continue;
            }
            if (c === '"') {
                const s = readString();
                if (s === undefined)
                    return fail('bad string');
                value = s;
            }
            else if (text.startsWith('true', i)) {
                i += 4;
                value = true;
            }
            else if (text.startsWith('false', i)) {
                i += 5;
                value = false;
            }
            else if (text.startsWith('null', i)) {
                i += 4;
                value = null;
            }
            else {
                NUMBER.lastIndex = i;
                const m = NUMBER.exec(text);
                if (!m)
                    return unexpected();
                const num = jsonNumber(m[0], m[1] === undefined && m[2] === undefined);
                if (!num.ok)
                    return fail(num.why, 'range');
                i += m[0].length;
                value = num.value;
            }
            have = true;
            continue;
        }
        // A value is complete: put it in its container, or finish.
        const top = stack[stack.length - 1];
        if (!top) {
            if (i < n)
                return unexpected();
            return { ok: true, value };
        }
        if (Array.isArray(top.container)) {
            top.container.push(value);
            if (text[i] === ',') {
                i++;
                have = false;
                continue;
            }
            if (text[i] !== ']')
                return i >= n ? unexpected() : fail("expected ',' or ']'");
            i++;
            value = stack.pop().container;
            continue;
        }
        setMember(top.container, top.key, value);
        if (text[i] === ',') {
            i++;
            skipWs();
            const key = readKey();
            if (typeof key !== 'string')
                return key;
            top.key = key;
            have = false;
            continue;
        }
        if (text[i] !== '}')
            return i >= n ? unexpected() : fail("expected ',' or '}'");
        i++;
        value = stack.pop().container;
    }
}
