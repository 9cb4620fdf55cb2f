// Splits one `q=` condition the way ZStack's REST server does: first operator found in a fixed order, then null suffixes.
/** The order the real server tries operators in; a value containing an earlier operator splits there. */
export const OPS_IN_ORDER = ['!=', '>=', '<=', '!?=', '!~=', '~=', '?=', '=', '>', '<'];
export function parseCondition(text) {
    for (const op of OPS_IN_ORDER) {
        const at = text.indexOf(op);
        if (at >= 0)
            return { path: text.slice(0, at), op, value: text.slice(at + op.length) };
    }
    if (text.endsWith(' is null'))
        return { path: text.slice(0, -' is null'.length), op: 'is null', value: '' };
    if (text.endsWith(' not null'))
        return { path: text.slice(0, -' not null'.length), op: 'not null', value: '' };
    return undefined;
}
/** Ops whose matches can be read from an equality index. */
export function isEqualityOp(op) {
    return op === '=' || op === '?=';
}
/** Ops that on a tag mean "no tag matches the positive form". */
export const NEGATED = { '!=': '=', '!?=': '?=', '!~=': '~=' };
