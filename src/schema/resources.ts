// What a uuid param or uuid query field refers to: the query API that lists the resource and that
// API's inventory, as the registry generator recorded it (`refersTo`). Pure lookups, no guessing at run
// time: `@name` references, live uuid completion and help all read the same answer.
import type { Registry } from './registry.js';
import type { InventoryDef, ParamDef } from './types.js';

export interface ResourceRef {
  /** The query API that lists the resource, e.g. `QueryVmInstance`. */
  queryApi: string;
  /** Its inventory, e.g. `VmInstanceInventory`. */
  inventory: string;
}

/** Names that hold uuids: `uuid`, `uuids`, `hostUuid`, `l3NetworkUuids` (a list of uuids). */
export function isUuidName(name: string): boolean {
  return name === 'uuid' || name === 'uuids' || /.Uuids?$/.test(name);
}

/** The resource listed by a query API, when it is one with an inventory. */
export function resourceOfQuery(reg: Registry, queryApi: string): ResourceRef | undefined {
  const api = reg.api(queryApi);
  return api?.query && api.inventory ? { queryApi: api.name, inventory: api.inventory } : undefined;
}

/** The resource whose uuids a param takes. */
export function resourceOfParam(reg: Registry, p: ParamDef): ResourceRef | undefined {
  return p.refersTo ? resourceOfQuery(reg, p.refersTo) : undefined;
}

/** The resource whose uuids a field of an inventory holds (`uuid`: the inventory's own). */
export function resourceOfField(reg: Registry, inv: InventoryDef, field: string): ResourceRef | undefined {
  const q = inv.refersTo && Object.hasOwn(inv.refersTo, field) ? inv.refersTo[field] : undefined;
  return q ? resourceOfQuery(reg, q) : undefined;
}

/** A resource's name for messages: `VmInstance` for VmInstanceInventory. */
export function resourceLabel(ref: ResourceRef): string {
  return ref.inventory.replace(/Inventory$/, '');
}
