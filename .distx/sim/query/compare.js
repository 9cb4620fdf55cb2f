// Value semantics of conditions: how a field's Java type coerces the text, SQL-like null rules, LIKE patterns.
import { invalidArgument } from '../api/errors.js';
import { parseDate } from './dates.js';
export function valueKind(javaType) {
    if (/^(Long|Integer|Short|Double|Float|BigDecimal|long|int|short|double|float)$/.test(javaType))
        return 'number';
    if (/^(Boolean|boolean)$/.test(javaType))
        return 'boolean';
    if (/^(Timestamp|Date)$/.test(javaType))
        return 'date';
    return 'string';
}
/** Coerces condition text to the stored representation; throws SYS.1007 when it cannot. */
export function coerce(kind, text, field) {
    switch (kind) {
        case 'number': {
            const n = Number(text);
            if (text.trim() === '' || !Number.isFinite(n))
                throw invalidArgument(`value[${text}] of field[${field}] is not a number`);
            return n;
        }
        case 'boolean':
            if (text === 'true')
                return true;
            if (text === 'false')
                return false;
            throw invalidArgument(`value[${text}] of field[${field}] is not a boolean (true or false)`);
        case 'date': {
            const ms = parseDate(text);
            if (ms === undefined)
                throw invalidArgument(`value[${text}] of field[${field}] is not a date`);
            return ms;
        }
        default:
            return text;
    }
}
/** Values an equality op (`=`, `?=`) looks up in an index. */
export function equalityKeys(kind, op, text, field) {
    const parts = op === '?=' ? text.split(',') : [text];
    return parts.map((p) => coerce(kind, p, field));
}
/** SQL LIKE as a RegExp: `%` any run, `_` one char, `\` escapes. Case-sensitive. */
export function likeToRegExp(pattern) {
    let re = '^';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\' && i + 1 < pattern.length)
            re += escapeRe(pattern[++i]);
        else if (c === '%')
            re += '.*';
        else if (c === '_')
            re += '.';
        else
            re += escapeRe(c);
    }
    return new RegExp(`${re}$`, 's');
}
function escapeRe(c) {
    return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
function compareValues(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a - b;
    const x = String(a);
    const y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
}
/** A predicate over stored values for one condition. Like SQL, comparisons against null are false. */
export function matcher(kind, op, text, field) {
    switch (op) {
        case 'is null':
            return (v) => v === null || v === undefined;
        case 'not null':
            return (v) => v !== null && v !== undefined;
        case '~=':
        case '!~=': {
            const re = likeToRegExp(text);
            const want = op === '~=';
            return (v) => v !== null && v !== undefined && re.test(String(v)) === want;
        }
        case '?=':
        case '!?=': {
            const set = new Set(text.split(',').map((p) => coerce(kind, p, field)));
            const want = op === '?=';
            return (v) => v !== null && v !== undefined && set.has(v) === want;
        }
        default: {
            const target = coerce(kind, text, field);
            const test = op === '=' ? (c) => c === 0 : op === '!=' ? (c) => c !== 0 : op === '>' ? (c) => c > 0 : op === '<' ? (c) => c < 0 : op === '>=' ? (c) => c >= 0 : (c) => c <= 0;
            return (v) => v !== null && v !== undefined && test(compareValues(v, target));
        }
    }
}
/** Sort order for `sort=`: nulls first, numbers numerically, else by string. */
export function sortCompare(a, b) {
    const an = a === null || a === undefined;
    const bn = b === null || b === undefined;
    if (an || bn)
        return an === bn ? 0 : an ? -1 : 1;
    return compareValues(a, b);
}
