// What a ZStack answer's result is, for output: the shape every format prints.
//
//   {"inventories":[...]}             -> list (a query's rows; `total` kept when the answer has one,
//                                        i.e. replyWithCount was asked)
//   [...]                             -> list
//   {"inventory":{...}}               -> one (an action's inventory; null when the server says null)
//   {"total":N} (count=true)          -> count
//   any other object                  -> object (e.g. GetVersion's), printed as it is
//   anything else                     -> scalar
//
// The server's `schema` map (class names for the Java SDK) is never part of the result.
import { isRecord, prep } from './rows.js';
function isTotal(v) {
    return typeof v === 'number' || typeof v === 'bigint';
}
/** The object without the server's `schema` map. */
export function withoutSchema(v) {
    if (!Object.hasOwn(v, 'schema'))
        return v;
    const { schema: _schema, ...rest } = v;
    return rest;
}
/** A count answer (`{"total":N}` and nothing else)? */
export function isCountAnswer(v) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined);
    return keys.length === 1 && keys[0] === 'total' && isTotal(v.total);
}
export function resultOf(value) {
    const v = prep(value);
    if (Array.isArray(v))
        return { kind: 'list', rows: v };
    if (!isRecord(v))
        return { kind: 'scalar', value: v };
    const rec = withoutSchema(v);
    if (Array.isArray(rec.inventories)) {
        return isTotal(rec.total) ? { kind: 'list', rows: rec.inventories, total: rec.total } : { kind: 'list', rows: rec.inventories };
    }
    if (Object.hasOwn(rec, 'inventory') && rec.inventory !== undefined)
        return { kind: 'one', row: prep(rec.inventory) };
    if (isCountAnswer(rec))
        return { kind: 'count', total: rec.total };
    return { kind: 'object', value: rec };
}
