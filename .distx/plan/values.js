import { clip, quoted } from '../parse/echo.js';
import { splitList } from '../parse/parser.js';
import { closestNames } from '../schema/suggest.js';
import { ExactLong } from './json-text.js';
import { readJson } from './json-value.js';
/** An integer as Java's Long.valueOf reads it. */
export const INT_RE = /^[+-]?\d+$/;
/** A decimal number as Java's Double.valueOf reads it (no hex, no Infinity/NaN words). */
export const DECIMAL_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Integer ranges of the Java types behind params and query fields. */
export const INT_RANGES = {
    short: { min: -(2n ** 15n), max: 2n ** 15n - 1n, label: '16-bit integer' },
    int: { min: -(2n ** 31n), max: 2n ** 31n - 1n, label: '32-bit integer' },
    long: { min: -(2n ** 63n), max: 2n ** 63n - 1n, label: 'long' },
};
function fail(message, hint) {
    return hint ? { ok: false, message, hint } : { ok: false, message };
}
function describe(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    return `a ${typeof v}`;
}
function json(text, param, expect) {
    const r = readJson(text);
    if (!r.ok) {
        if (r.kind !== 'syntax')
            return fail(`${param.name}: ${r.message}`);
        return fail(`${param.name} is not valid JSON: ${r.message}`, `quote JSON in single quotes: ${param.name}='${expect === 'array' ? '[...]' : '{...}'}'`);
    }
    const v = r.value;
    // A list's JSON starts with '[' (list() sends no other), so what reads is a list.
    if (expect === 'object' && (v === null || typeof v !== 'object' || Array.isArray(v))) {
        return fail(`${param.name} needs a JSON object, got ${describe(v)}`, `e.g. ${param.name}='{"key":"value"}'`);
    }
    return { ok: true, value: v };
}
/** Whether an exact integer lies in a numberRange (inclusive at both ends). */
function inNumberRange(big, [lo, hi]) {
    // numberRange holds JS numbers; compare in BigInt to stay exact at the edges.
    return big >= BigInt(Math.ceil(lo)) && big <= BigInt(Math.floor(hi));
}
/** Text of an integer of the given Java kind, checked against its range and the param's numberRange. */
export function integerValue(text, name, kind, param) {
    if (!INT_RE.test(text))
        return fail(`${name} must be an integer, got ${quoted(text)}`);
    const big = BigInt(text);
    const range = INT_RANGES[kind];
    if (big < range.min || big > range.max) {
        return fail(`${name} is out of range for a ${range.label}: ${clip(text, 40)}`, `a ${range.label} is ${range.min} .. ${range.max}`);
    }
    if (param?.numberRange && !inNumberRange(big, param.numberRange)) {
        return fail(`${name} must be between ${rangeText(param.numberRange)}, got ${clip(text, 40)}`);
    }
    const n = Number(big);
    return { ok: true, value: Number.isSafeInteger(n) ? n : new ExactLong(big.toString()) };
}
/** Text of a double (or float), finite and within the Java type's range. */
export function doubleValue(text, name, float = false) {
    if (!DECIMAL_RE.test(text))
        return fail(`${name} must be a number, got ${quoted(text)}`);
    const n = Number(text);
    if (!Number.isFinite(n) || (float && Math.abs(n) > 3.4028234663852886e38)) {
        return fail(`${name} is out of range for a ${float ? 'float' : 'double'}: ${clip(text, 40)}`);
    }
    return { ok: true, value: n };
}
function rangeText([lo, hi]) {
    const show = (x) => (Math.abs(x) >= 2 ** 63 - 1024 ? (x < 0 ? '-2^63' : '2^63-1') : String(x));
    return `${show(lo)} and ${show(hi)}`;
}
/** Why `text` is not one of the param's validValues (with the closest ones), or undefined when it is. */
function notValid(text, param) {
    if (!param.validValues || param.validValues.includes(text))
        return undefined;
    const exact = param.validValues.find((v) => v.toLowerCase() === text.toLowerCase());
    const close = exact ? [exact] : closestNames(text, param.validValues, 3);
    const list = param.validValues.length <= 8 ? ` (one of ${param.validValues.join(', ')})` : '';
    return fail(`${quoted(text)} is not a valid value for ${param.name}${list}`, close.length ? `did you mean ${close.join(', ')}?` : undefined);
}
function checkString(text, param) {
    const invalid = notValid(text, param);
    if (invalid)
        return invalid;
    if (param.maxLength !== undefined && text.length > param.maxLength && [...text].length > param.maxLength) {
        return fail(`${param.name} is longer than ${param.maxLength} characters`);
    }
    if (param.minLength !== undefined && [...text].length < param.minLength) {
        return fail(`${param.name} is shorter than ${param.minLength} characters`);
    }
    return { ok: true, value: text };
}
/** One item of a list param with a numberRange (a number in range) or validValues (one of them). */
function listItem(item, param, index) {
    const name = `${param.name} item ${index + 1}`;
    if (param.numberRange) {
        if (typeof item === 'number') {
            if (!Number.isInteger(item))
                return fail(`${name} must be an integer, got ${item}`);
            return integerValue(BigInt(item).toString(), name, 'long', param);
        }
        if (item instanceof ExactLong)
            return integerValue(item.digits, name, 'long', param);
        if (typeof item === 'string')
            return integerValue(item, name, 'long', param);
        return fail(`${name} must be a number, got ${describe(item)}`);
    }
    if (typeof item !== 'string')
        return fail(`${name} must be one of ${param.validValues.slice(0, 8).join(', ')}, got ${describe(item)}`);
    return checkString(item, param);
}
function list(arg, param) {
    let items;
    if (arg.value.trimStart().startsWith('[')) {
        const r = json(arg.value, param, 'array');
        if (!r.ok)
            return r;
        items = r.value;
    }
    else
        items = splitList(arg);
    if (!param.numberRange && !param.validValues)
        return { ok: true, value: items };
    const out = [];
    for (let i = 0; i < items.length; i++) {
        const c = listItem(items[i], param, i);
        if (!c.ok)
            return c;
        out.push(c.value);
    }
    return { ok: true, value: out };
}
/** Converts one `key=value` to the typed value of `param`. */
export function convertValue(param, arg) {
    const text = arg.value;
    switch (param.type) {
        case 'string':
            return checkString(text, param);
        case 'integer':
        case 'long': {
            const c = integerValue(text, param.name, param.type === 'integer' ? 'int' : 'long', param);
            // The server checks validValues (`ipVersion`: 4 or 6) against the number's decimal text.
            return (c.ok && notValid(c.value instanceof ExactLong ? c.value.digits : String(c.value), param)) || c;
        }
        case 'double': {
            const c = doubleValue(text.trim(), param.name);
            if (c.ok && param.numberRange) {
                const [lo, hi] = param.numberRange;
                const n = c.value;
                if (n < lo || n > hi)
                    return fail(`${param.name} must be between ${rangeText(param.numberRange)}, got ${clip(text, 40)}`);
            }
            return c;
        }
        case 'boolean': {
            const t = text.toLowerCase();
            if (t === 'true' || t === 'false')
                return { ok: true, value: t === 'true' };
            return fail(`${param.name} must be true or false, got ${quoted(text)}`);
        }
        case 'list':
            return list(arg, param);
        case 'map':
            return json(text, param, 'object');
        case 'object':
            return json(text, param, 'any');
    }
}
