const NOWHERE = { start: 0, end: 0 };
/** `key=value`, taken literally (a value of `null` stays the text null). */
export function syntheticArg(key, value) {
    return { span: NOWHERE, key, keySpan: NOWHERE, op: '=', opSpan: NOWHERE, value, valueSpan: NOWHERE, valueQuoted: true, literalCommas: [] };
}
export function syntheticCommand(name, args) {
    return { name, nameSpan: NOWHERE, args: Object.entries(args).map(([k, v]) => syntheticArg(k, v)), span: NOWHERE };
}
