// `-c` checked against an answer when the registry could not check it before sending (actions, and
// the queries with no known inventory): the rows' inventory is taken as the smallest registry
// inventory holding every field of the first row (the server leaves null fields out, so a row's own
// keys are not enough), and the columns are checked against it; when no inventory fits, a column
// counts as missing when no row has its first segment.
import { UsageError } from '../errors/cli-error.js';
import { columnProblem } from '../plan/columns.js';
import type { Registry } from '../schema/registry.js';
import { closestNames } from '../schema/suggest.js';
import type { InventoryDef } from '../schema/types.js';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The smallest inventory whose fields include every key of `row`. */
export function inventoryOfRow(reg: Registry, row: Record<string, unknown>): InventoryDef | undefined {
  const keys = Object.keys(row);
  if (keys.length === 0) return undefined;
  let best: InventoryDef | undefined;
  for (const name of reg.inventoryNames()) {
    const inv = reg.inventory(name);
    if (!inv || (best && inv.fields.length >= best.fields.length)) continue;
    const fields = new Set(inv.fields.map((f) => f.name));
    if (keys.every((k) => fields.has(k))) best = inv;
  }
  return best;
}

/** A usage error naming the columns no row of `what` can have; undefined when all can be there. */
export function missingColumns(reg: Registry, rows: readonly unknown[], columns: readonly string[], what: string): UsageError | undefined {
  const records = rows.filter(isRecord);
  if (records.length === 0) return undefined;
  const inv = inventoryOfRow(reg, records[0]!);
  const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const lines: string[] = [];
  for (const c of columns) {
    if (inv) {
      const p = columnProblem(reg, inv, c);
      if (p) lines.push(`Error: -c ${c}: no row of ${what} can have it: ${p.reason}${p.suggestions.length ? ` (did you mean ${p.suggestions.join(', ')}?)` : ''}`);
    } else {
      const first = c.split('.')[0]!;
      if (!records.some((r) => Object.hasOwn(r, first) || Object.hasOwn(r, c))) {
        const close = closestNames(first, keys);
        lines.push(`Error: -c ${c}: no row of ${what} has '${first}'${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}`);
      }
    }
  }
  if (lines.length === 0) return undefined;
  const e = new UsageError(lines.join('\n'), 'the fields are listed with -o json (the call itself went through)');
  return e;
}
