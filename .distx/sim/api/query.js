// The handler every query API shares: reads q/limit/start/count/replyWithCount/sort/fields and runs the query engine.
import { DEFAULT_LIMIT } from '../query/engine.js';
import { QueryReply } from './context.js';
import { invalidArgument } from './errors.js';
function nonNegativeInt(q, name) {
    const v = q.get(name);
    if (v === null)
        return undefined;
    if (!/^\d+$/.test(v))
        throw invalidArgument(`query parameter ${name}[${v}] must be a non-negative integer`);
    return Number(v);
}
function flag(q, name) {
    return q.get(name) === 'true';
}
export function querySpec(call) {
    const q = call.query;
    const conditions = q.getAll('q');
    // GET /<resources>/{uuid} (an optional path) is a query on that key.
    for (const [k, v] of Object.entries(call.params))
        if (typeof v === 'string')
            conditions.push(`${k}=${v}`);
    const spec = { conditions, limit: nonNegativeInt(q, 'limit') ?? DEFAULT_LIMIT, count: flag(q, 'count'), replyWithCount: flag(q, 'replyWithCount') };
    const start = nonNegativeInt(q, 'start');
    if (start !== undefined)
        spec.start = start;
    const sort = q.get('sort');
    if (sort)
        spec.sort = sort;
    // Only the first `fields` value is read, as ZStack's REST server does.
    const fields = q.get('fields');
    if (fields)
        spec.fields = fields.split(',').filter((f) => f.length > 0);
    return spec;
}
export function queryHandler(call) {
    const inventory = call.api.inventory ?? '';
    return new QueryReply(call.env.query.run(inventory, querySpec(call), call.visibleRows()));
}
/** The answer as one object (for the rare places that need it whole, such as an async job's result). */
export function answerJson(answer, renderer) {
    if (answer.countOnly)
        return { total: answer.total ?? 0 };
    const inventories = [];
    for (const id of answer.ids) {
        const row = answer.scope.table.get(id);
        if (row)
            inventories.push(renderer.render(answer.inventory, row, answer.fields));
    }
    return answer.total === undefined ? { inventories } : { inventories, total: answer.total };
}
