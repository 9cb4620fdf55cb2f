import { clip, quoted } from '../parse/echo.js';
import { didYouMean, planError } from './errors.js';
import { DECIMAL_RE, doubleValue, INT_RE, integerValue } from './values.js';
/** The order in which ZStack's REST server looks for an operator in a `q=` value. */
const SERVER_OP_ORDER = ['!=', '>=', '<=', '!?=', '!~=', '~=', '?=', '=', '>', '<'];
/** Java types by the class of value they hold (sets, not regular expressions: nothing to compile at start). */
const TYPE_CLASS = new Map([
    ...['Long', 'Integer', 'Short', 'Double', 'Float', 'long', 'int', 'short', 'double', 'float'].map((t) => [t, 'number']),
    ...['Boolean', 'boolean'].map((t) => [t, 'boolean']),
    ...['Timestamp', 'Date'].map((t) => [t, 'time']),
]);
export function fieldClass(name, type) {
    if (name === '__systemTag__' || name === '__userTag__')
        return 'tag';
    return TYPE_CLASS.get(type) ?? 'text';
}
/** Operators that make sense for a field class (completion offers these; the planner enforces them). */
export function operatorsFor(cls) {
    switch (cls) {
        case 'number':
        case 'time':
            return ['=', '!=', '>', '<', '>=', '<=', '?=', '!?='];
        case 'boolean':
            return ['=', '!='];
        case 'tag':
            return ['=', '!=', '?=', '!?=', '~=', '!~='];
        case 'text':
            return ['=', '!=', '?=', '!?=', '~=', '!~=', '>', '<', '>=', '<='];
    }
}
/** How the server would split a condition string: [field, op, value], or undefined. */
export function serverSplit(cond) {
    for (const op of SERVER_OP_ORDER) {
        const i = cond.indexOf(op);
        if (i > 0)
            return [cond.slice(0, i), op, cond.slice(i + op.length)];
    }
    return undefined;
}
function pathProblem(problem, seg, inventory) {
    switch (problem) {
        case 'unknown-target':
            return `join ${quoted(seg)} leads to an unknown inventory`;
        case 'field-not-join':
            return `${quoted(seg)} is a field of ${inventory}, not a join`;
        case 'no-field':
            return `no field ${quoted(seg)} in ${inventory}`;
        case 'no-join':
            return `no join ${quoted(seg)} in ${inventory}`;
    }
}
/** The Java integer kind of a numeric field type, or undefined for a floating-point one. */
function intKind(type) {
    if (/^(Long|long)$/.test(type))
        return 'long';
    if (/^(Integer|int)$/.test(type))
        return 'int';
    if (/^(Short|short)$/.test(type))
        return 'short';
    return undefined;
}
/** A numeric condition value, checked like a param of the field's Java type: why not, or undefined. */
function checkNumber(item, key, type) {
    if (!DECIMAL_RE.test(item))
        return `${key} is a number (${type}); ${quoted(item)} is not`;
    const kind = intKind(type);
    if (kind && !INT_RE.test(item))
        return `${key} is an integer (${type}); ${quoted(item)} is not`;
    const c = kind ? integerValue(item, key, kind) : doubleValue(item, key, /^(Float|float)$/.test(type));
    return c.ok ? undefined : c.message;
}
/**
 * Checks and encodes one condition. `suggest: false` skips the search for close names (the caller
 * already has more errors than it will show).
 */
export function planCondition(reg, inv, apiName, arg, suggest) {
    const op = arg.op;
    const key = clip(arg.key);
    const res = reg.resolvePath(inv, arg.key, suggest);
    if (!res.ok) {
        const segs = arg.key.split('.', res.segment + 1);
        const prefix = segs.slice(0, res.segment).join('.');
        const names = res.suggestions.map((s) => clip(prefix ? `${prefix}.${s}` : s));
        const where = res.segment === 0 ? `for ${apiName}` : `(${pathProblem(res.problem, segs[res.segment] ?? '', res.inventory.name)})`;
        return { ok: false, error: planError(`unknown query field ${quoted(arg.key)} ${where}`, didYouMean(names) ?? `see: help ${apiName}`, arg.keySpan) };
    }
    if (res.endsAtJoin) {
        const { fields } = reg.conditionNames(res.inventory);
        const some = fields.filter((f) => !f.startsWith('__')).slice(0, 4).map((f) => `${key}.${f}`);
        return {
            ok: false,
            error: planError(`${quoted(arg.key)} is a join to ${res.inventory.name}, not a field`, `name one of its fields, e.g. ${some.join(', ')}`, arg.keySpan),
        };
    }
    const field = res.field;
    const cls = fieldClass(field.name, field.type);
    const value = arg.value;
    if (value === 'null' && !arg.valueQuoted) {
        if (op === '=')
            return { ok: true, q: `${arg.key} is null` };
        if (op === '!=')
            return { ok: true, q: `${arg.key} not null` };
        return { ok: false, error: planError(`'${op}null' makes no sense for ${key}`, 'use =null (is null) or !=null (not null); quote "null" for the text null', arg.opSpan) };
    }
    if (!operatorsFor(cls).includes(op)) {
        const kind = cls === 'tag' ? 'a tag' : `${field.type}`;
        return {
            ok: false,
            error: planError(`operator '${op}' makes no sense for ${key} (${kind})`, `use one of ${operatorsFor(cls).join(' ')}`, arg.opSpan),
        };
    }
    const items = op === '?=' || op === '!?=' ? value.split(',') : [value];
    if ((op === '?=' || op === '!?=') && (value === '' || items.some((i) => i === ''))) {
        return { ok: false, error: planError(`'${op}' needs a comma-separated list of values for ${key}`, `e.g. ${key}${op}a,b`, arg.valueSpan) };
    }
    if ((op === '?=' || op === '!?=') && arg.literalCommas.length > 0) {
        return { ok: false, error: planError(`a value of '${op}' cannot contain a comma: the server splits at every comma`, 'use ~= with a pattern instead', arg.valueSpan) };
    }
    if (cls === 'number') {
        for (const item of items) {
            const why = checkNumber(item, key, field.type);
            if (why)
                return { ok: false, error: planError(why, undefined, arg.valueSpan) };
        }
    }
    if (cls === 'boolean' && !/^(true|false)$/i.test(value)) {
        return { ok: false, error: planError(`${key} is true or false; got ${quoted(value)}`, undefined, arg.valueSpan) };
    }
    const q = `${arg.key}${op}${value}`;
    const split = serverSplit(q);
    if (!split || split[0] !== arg.key || split[1] !== op) {
        const read = split ? `${split[0]} ${split[1]} ${split[2]}` : 'no condition';
        return { ok: true, q, warning: `the server will read ${quoted(q)} as ${clip(read)}: the value contains an operator` };
    }
    return { ok: true, q };
}
/** Plain fields of an inventory that `fields=`, `sortBy=` and `groupBy=` may name. */
export function selectableFields(inv) {
    return inv.fields.map((f) => f.name);
}
