// The handler every query API shares: reads q/limit/start/count/replyWithCount/sort/fields and runs the query engine.
import { DEFAULT_LIMIT, type QuerySpec } from '../query/engine.js';
import type { Call, Json } from './context.js';
import { invalidArgument } from './errors.js';

function nonNegativeInt(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null) return undefined;
  if (!/^\d+$/.test(v)) throw invalidArgument(`query parameter ${name}[${v}] must be a non-negative integer`);
  return Number(v);
}

function flag(q: URLSearchParams, name: string): boolean {
  return q.get(name) === 'true';
}

export function querySpec(call: Call): QuerySpec {
  const q = call.query;
  const conditions = q.getAll('q');
  // GET /<resources>/{uuid} (an optional path) is a query on that key.
  for (const [k, v] of Object.entries(call.params)) if (typeof v === 'string') conditions.push(`${k}=${v}`);
  const spec: QuerySpec = { conditions, limit: nonNegativeInt(q, 'limit') ?? DEFAULT_LIMIT, count: flag(q, 'count'), replyWithCount: flag(q, 'replyWithCount') };
  const start = nonNegativeInt(q, 'start');
  if (start !== undefined) spec.start = start;
  const sort = q.get('sort');
  if (sort) spec.sort = sort;
  // Only the first `fields` value is read, as ZStack's REST server does.
  const fields = q.get('fields');
  if (fields) spec.fields = fields.split(',').filter((f) => f.length > 0);
  return spec;
}

export function queryHandler(call: Call): Json {
  const spec = querySpec(call);
  const inventory = call.api.inventory;
  if (!inventory) return spec.count ? { total: 0 } : spec.replyWithCount ? { inventories: [], total: 0 } : { inventories: [] };
  return call.env.query.run(inventory, spec);
}
