// Which paths a result's rows can have, from the registry: `-c` columns checked before sending, and
// the `fields=` rule (plain fields only). Pure.
//
// A row holds the inventory's fields, not its query joins: `-c zone.name` can never show anything
// (rows carry `zoneUuid`), while `-c vmNics.ip` can (`vmNics` is a list field whose elements are
// VmNicInventory rows, the inventory its same-named join leads to). A numeric segment indexes a list
// (`vmNics.0.ip`). Below a map, an object, or a list whose elements are unknown, nothing is checked.
import type { Registry } from '../schema/registry.js';
import { isPrimitiveType } from '../schema/registry.js';
import { closestNames } from '../schema/suggest.js';
import type { ApiDef, InventoryDef } from '../schema/types.js';
import { didYouMean, planError, type PlanError } from './errors.js';

const INDEX = /^(0|[1-9][0-9]*)$/;

/** Why no row can have `path`, with the closest paths that exist; undefined when rows can have it. */
export function columnProblem(reg: Registry, inv: InventoryDef, path: string): { reason: string; suggestions: string[] } | undefined {
  const segs = path.split('.');
  let cur = inv;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    if (INDEX.test(seg) && i > 0) continue;
    const prefix = segs.slice(0, i).join('.');
    const field = cur.fields.find((f) => f.name === seg);
    if (!field) {
      const names = closestNames(seg, cur.fields.map((f) => f.name)).map((n) => (prefix ? `${prefix}.${n}` : n));
      const isJoin = reg.join(cur, seg) !== undefined;
      const reason = isJoin
        ? `'${prefix ? `${prefix}.` : ''}${seg}' is a query join, not a field the rows carry`
        : i === 0
          ? `no field '${seg}' in ${cur.name}`
          : `${cur.name} (the rows of ${prefix}) has no field '${seg}'`;
      return { reason, suggestions: names };
    }
    if (i === segs.length - 1) return undefined;
    if (isPrimitiveType(field.type)) {
      return { reason: `'${prefix ? `${prefix}.` : ''}${seg}' is a plain ${field.type}, it has no '${segs[i + 1]}'`, suggestions: [] };
    }
    const join = reg.join(cur, seg);
    const next = join?.length === 1 ? reg.inventory(join[0]!.inventory) : undefined;
    if (!next) return undefined; // a map, an object or a list of unknown elements
    cur = next;
  }
  return undefined;
}

/** `-c` columns no row of `api`'s result can have (exit 2 before sending); none when the inventory is unknown. */
export function columnErrors(reg: Registry, api: ApiDef, columns: readonly string[] | undefined): PlanError[] {
  const inv = api.query ? reg.inventoryOf(api) : undefined;
  if (!inv || !columns) return [];
  const out: PlanError[] = [];
  for (const c of columns) {
    const p = columnProblem(reg, inv, c);
    if (p) out.push(planError(`-c ${c}: no row of ${api.name} can have it: ${p.reason}`, didYouMean(p.suggestions) ?? `see the fields with: help ${api.name}`));
  }
  return out;
}

/** The columns as a query's `fields=`, when every one is a plain field the server can select; else undefined. */
export function plainColumns(reg: Registry, api: ApiDef, columns: readonly string[]): string[] | undefined {
  const inv = api.query ? reg.inventoryOf(api) : undefined;
  if (!inv || columns.length === 0) return undefined;
  for (const c of columns) {
    const f = inv.fields.find((x) => x.name === c);
    if (!f || !isPrimitiveType(f.type)) return undefined;
  }
  return [...columns];
}

/**
 * `fields=` (and sortBy/groupBy) name plain fields only: the server refuses the others with SYS.1007.
 * Errors for the known fields of `inv` that are not plain, naming the closest plain ones.
 */
export function nonPlainFieldErrors(inv: InventoryDef, key: string, names: readonly string[], span?: PlanError['span']): PlanError[] {
  const plain = inv.fields.filter((f) => isPrimitiveType(f.type)).map((f) => f.name);
  const out: PlanError[] = [];
  for (const n of names) {
    const f = inv.fields.find((x) => x.name === n);
    if (!f || isPrimitiveType(f.type)) continue;
    const close = closestNames(n, plain);
    out.push(planError(`'${n}' is a ${f.type} field of ${inv.name}; ${key} takes plain fields only (the server refuses others)`, didYouMean(close) ?? `plain fields: ${plain.slice(0, 6).join(', ')}`, span));
  }
  return out;
}
