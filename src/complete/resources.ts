// Which query API lists the resource a uuid param or uuid-ish query field refers to:
// `VmInstanceVO` -> QueryVmInstance, `hostUuid` -> QueryHost, `vmNics.l3NetworkUuid` -> QueryL3Network.
import type { Registry } from '../schema/registry.js';
import type { ApiDef, InventoryDef, ParamDef } from '../schema/types.js';

export interface ResourceRef {
  queryApi: string;
  inventory: string;
}

interface Indexes {
  /** Inventory name -> the (first) query API that returns it. */
  byInventory: Map<string, string>;
  /** Query path (`/vm-instances`) -> its resource. */
  byPath: Map<string, ResourceRef>;
}
const byRegistry = new WeakMap<Registry, Indexes>();

function indexes(reg: Registry): Indexes {
  let idx = byRegistry.get(reg);
  if (!idx) {
    idx = { byInventory: new Map(), byPath: new Map() };
    for (const name of reg.apiNames()) {
      const api = reg.api(name);
      if (!api?.query || !api.inventory) continue;
      if (!idx.byInventory.has(api.inventory)) idx.byInventory.set(api.inventory, api.name);
      if (!idx.byPath.has(api.path)) idx.byPath.set(api.path, { queryApi: api.name, inventory: api.inventory });
    }
    byRegistry.set(reg, idx);
  }
  return idx;
}

export function resourceOfInventory(reg: Registry, inventory: string): ResourceRef | undefined {
  const queryApi = indexes(reg).byInventory.get(inventory);
  return queryApi ? { queryApi, inventory } : undefined;
}

/** A path param names the resource listed at the path before it: `/hosts/{uuid}/actions` -> QueryHost. */
export function resourceOfPathParam(reg: Registry, api: ApiDef, p: ParamDef): ResourceRef | undefined {
  if (p.in !== 'path') return undefined;
  const at = api.path.indexOf(`{${p.name}}`);
  if (at <= 0) return undefined;
  return indexes(reg).byPath.get(api.path.slice(0, at).replace(/\/+$/, ''));
}

/** A resource by its base name: `VmInstance` -> VmInstanceInventory / QueryVmInstance. */
function resourceOfBase(reg: Registry, base: string): ResourceRef | undefined {
  const viaInventory = resourceOfInventory(reg, `${base}Inventory`);
  if (viaInventory) return viaInventory;
  const api = reg.api(`Query${base}`);
  return api?.query && api.inventory ? { queryApi: api.name, inventory: api.inventory } : undefined;
}

/** `VmInstanceVO` (or `HostEO`) -> QueryVmInstance. */
export function resourceOfType(reg: Registry, resourceType: string): ResourceRef | undefined {
  return resourceOfBase(reg, resourceType.replace(/[VE]O$/, ''));
}

/**
 * Guesses the resource from a uuid name: `lastHostUuid` -> Host, `defaultL3NetworkUuid` -> L3Network,
 * `l3NetworkUuids` -> L3Network. Tries the longest camel-case suffix first.
 */
export function resourceOfUuidName(reg: Registry, name: string): ResourceRef | undefined {
  const m = /^(.+?)Uuids?$/.exec(name);
  if (!m) return undefined;
  const stem = m[1]!;
  const words = stem.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    const base = words
      .slice(i)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
    const ref = resourceOfBase(reg, base);
    if (ref) return ref;
  }
  return undefined;
}

/**
 * The resource whose uuids a param takes: from its metadata, else (path params) from the API's path,
 * else from its name.
 */
export function resourceOfParam(reg: Registry, p: ParamDef, api?: ApiDef): ResourceRef | undefined {
  if (p.resourceType) {
    const ref = resourceOfType(reg, p.resourceType);
    if (ref) return ref;
  }
  if (p.type !== 'string' && p.type !== 'list') return undefined;
  const viaPath = api ? resourceOfPathParam(reg, api, p) : undefined;
  if (viaPath) return viaPath;
  if (p.name === 'uuid' || p.name === 'resourceUuid') return undefined;
  return resourceOfUuidName(reg, p.name);
}

/**
 * The resource whose uuids a query field holds: `uuid` is the inventory itself; a join's foreign key
 * leads to the joined inventory; otherwise the name is guessed from (`lastHostUuid` -> Host).
 */
export function resourceOfField(reg: Registry, inv: InventoryDef, field: string): ResourceRef | undefined {
  if (field === 'uuid') return resourceOfInventory(reg, inv.name);
  const join = inv.joins.find((j) => j.foreignKey === field && j.targetKey === 'uuid');
  if (join) {
    const ref = resourceOfInventory(reg, join.inventory);
    if (ref) return ref;
  }
  return resourceOfUuidName(reg, field);
}
