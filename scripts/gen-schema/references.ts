// Which query API lists the resource each uuid param and uuid query field refers to, decided once at
// generation so the runtime never guesses: `StopVmInstance uuid` -> QueryVmInstance, `CreateVmInstance
// l3NetworkUuids` -> QueryL3Network, `VmNicInventory.l3NetworkUuid` -> QueryL3Network.
//
// Evidence, strongest first: the facts' resourceType (of this param, else of every param of the same
// name when they all agree); the API's path (`/hosts/{uuid}/actions` -> QueryHost); for `uuid`, the
// resource the API's name is about (`ChangeSNSTopicState` -> SNSTopic); for `<x>Uuid`, the longest
// camel-case tail of x naming a resource (`defaultL3NetworkUuid` -> L3Network, a trailing `vm` or `l3`
// read as VmInstance / L3Network), else the one resource ending in x whose other words all occur in
// the API's name (`endpointUuid` of AddEmailAddressToSNSEmailEndpoint -> SNSEmailEndpoint). A resource
// that is known but listed by no query API with an inventory (TagPattern, FirewallRuleSet) stops the
// search: nothing is better than a wrong resource.
import type { ApiDef, InventoryDef, ParamDef, RegistryData } from '../../src/schema/types.js';
import { isUuidName } from '../../src/schema/resources.js';

/** What decided a reference (the generator's report and its tests read it). */
export type ReferenceSource = 'facts' | 'facts-by-name' | 'path' | 'api-name' | 'name' | 'name-in-context' | 'join' | 'self';

export interface Reference {
  query: string;
  how: ReferenceSource;
}

/** A resource known by name; `query` is absent when no query API with an inventory lists it. */
interface Entity {
  name: string;
  words: string[];
  query?: string;
  /** Its inventory's field names. */
  fields: ReadonlySet<string>;
}

/** Abbreviations ZStack writes as the last word of a uuid param's name (`vRouter` is a router VM, VPC or not). */
const ABBREVIATIONS: Record<string, string> = { vm: 'VmInstance', l3: 'L3Network', l2: 'L2Network', iso: 'Image', vrouter: 'VirtualRouterVm' };

/** Leading words of an API's subject that narrow it without naming another resource (`ResizeRootVolume`). */
const QUALIFIERS = new Set(['data', 'root']);

/** Trailing words of an API name that say what is done to its subject, not what the subject is. */
const ASPECTS = new Set([
  'state', 'status', 'remote', 'local', 'capacity', 'attributes', 'available', 'parameters', 'vnc', 'url',
  'password', 'quota', 'key', 'login', 'expired', 'retire', 'policy',
]);

/** Words that end the subject of an API name: `AttachScsiLunToVmInstance` is about a ScsiLun. */
const PREPOSITIONS = new Set(['to', 'from', 'in', 'on', 'of', 'for', 'by', 'with', 'into', 'and', 'at']);

/** `IAM2VirtualIDGroup` -> IAM2, Virtual, ID, Group; `vSwitch` -> v, Switch; `L3Network` -> L3, Network. */
export function camelWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

const stemOfQuery = (api: string): string => api.slice('Query'.length).replace(/FromLocal$/, '');
const stemOfInventory = (inv: string): string => inv.replace(/Inventory$/, '');
const lower = (words: string[]): string[] => words.map((w) => w.toLowerCase());

export class ResourceCatalog {
  private readonly entities = new Map<string, Entity>();
  private readonly inventoryQueries = new Map<string, string>();
  private readonly queryPaths = new Map<string, string>();
  private readonly typedNames = new Map<string, Set<string>>();

  constructor(
    data: RegistryData,
    /** Inventory -> the inventory it extends (`KVMHostInventory` -> HostInventory). */
    private readonly parents: ReadonlyMap<string, string>,
  ) {
    const queries = data.apis.filter((a) => a.query);
    for (const q of queries) {
      if (!q.inventory) continue;
      const cur = this.inventoryQueries.get(q.inventory);
      // Several query APIs may return one inventory: the one named after it wins.
      if (!cur || stemOfQuery(q.name) === stemOfInventory(q.inventory)) this.inventoryQueries.set(q.inventory, q.name);
      if (!this.queryPaths.has(q.path)) this.queryPaths.set(q.path, q.name);
    }
    const fieldsOf = new Map(data.inventories.map((i) => [i.name, new Set(i.fields.map((f) => f.name))]));
    const none = new Set<string>();
    for (const q of queries) this.add(stemOfQuery(q.name), q.inventory ? q.name : undefined, (q.inventory && fieldsOf.get(q.inventory)) || none);
    for (const inv of data.inventories) this.add(stemOfInventory(inv.name), this.queryOfInventory(inv.name), fieldsOf.get(inv.name)!);
    for (const api of data.apis) {
      for (const p of api.params) {
        if (!p.resourceType || p.name === 'uuid') continue;
        const set = this.typedNames.get(p.name) ?? new Set<string>();
        set.add(p.resourceType);
        this.typedNames.set(p.name, set);
      }
    }
  }

  private add(name: string, query: string | undefined, fields: ReadonlySet<string>): void {
    const key = name.toLowerCase();
    const cur = this.entities.get(key);
    if (cur && (cur.query || !query)) return;
    this.entities.set(key, { name, words: camelWords(name), fields, ...(query ? { query } : {}) });
  }

  /** The query API listing an inventory, or the nearest inventory it extends. */
  queryOfInventory(inventory: string): string | undefined {
    let cur: string | undefined = inventory;
    for (let depth = 0; cur && depth < 10; depth++) {
      const q = this.inventoryQueries.get(cur);
      if (q) return q;
      cur = this.parents.get(cur);
    }
    return undefined;
  }

  private entity(name: string): Entity | undefined {
    return this.entities.get(name.toLowerCase());
  }

  /** A VO name of the facts (`HostVO`, `VmInstanceEO`): the query, null when known but unlisted, undefined when unknown. */
  private ofType(resourceType: string): string | null | undefined {
    const e = this.entity(resourceType.replace(/[VE]O$/, ''));
    return e ? (e.query ?? null) : undefined;
  }

  /**
   * A name shorter than the resource the facts gave it once (`groupUuid` typed UserGroupVO, `ruleUuid`
   * PortForwardingRuleVO): other APIs use the same short name for other groups and rules.
   */
  private generic(name: string, resourceType: string): boolean {
    const stem = lower(camelWords(name.replace(/Uuids?$/, '')));
    const type = lower(camelWords(resourceType.replace(/[VE]O$/, '')));
    return type.length > stem.length && type.slice(type.length - stem.length).every((w, i) => w === stem[i]);
  }

  /** What the facts give every param of this name, when they agree and the name is not generic. */
  private typedAlike(name: string): Reference | null | undefined {
    const typed = this.typedNames.get(name);
    if (typed?.size !== 1 || this.generic(name, [...typed][0]!)) return undefined;
    const q = this.ofType([...typed][0]!);
    return q === undefined ? undefined : q ? { query: q, how: 'facts-by-name' } : null;
  }

  /** The reference of a uuid param, or undefined when nothing tells. */
  param(api: ApiDef, p: ParamDef): Reference | undefined {
    if (!isUuidName(p.name) || (p.type !== 'string' && p.type !== 'list')) return undefined;
    if (p.resourceType) {
      const q = this.ofType(p.resourceType);
      if (q !== undefined) return q ? { query: q, how: 'facts' } : undefined;
    }
    const byFacts = this.typedAlike(p.name);
    if (byFacts !== undefined) return byFacts ?? undefined;
    if (p.in === 'path') {
      const q = this.ofPath(api.path, p.name) ?? api.optionalPaths?.map((alt) => this.ofPath(alt, p.name)).find(Boolean);
      if (q) return { query: q, how: 'path' };
    }
    if (p.name === 'uuid' || p.name === 'uuids') {
      const q = this.subjectOf(api.name);
      return q ? { query: q, how: 'api-name' } : undefined;
    }
    return this.byName(p.name, camelWords(api.name));
  }

  /** The reference of a uuid field of an inventory (`uuid`, joins' foreign keys, then the name). */
  field(inv: InventoryDef, field: string): Reference | undefined {
    if (field === 'uuid') {
      const q = this.queryOfInventory(inv.name);
      return q ? { query: q, how: 'self' } : undefined;
    }
    const join = inv.joins.find((j) => j.foreignKey === field && j.targetKey === 'uuid');
    const viaJoin = join ? this.queryOfInventory(join.inventory) : undefined;
    if (viaJoin) return { query: viaJoin, how: 'join' };
    const byFacts = this.typedAlike(field);
    if (byFacts !== undefined) return byFacts ?? undefined;
    return this.byName(field, camelWords(stemOfInventory(inv.name)));
  }

  /**
   * A path variable names the resource listed at the path before it (`/hosts/{uuid}` -> QueryHost), or
   * at a query path ending in the same segments (`/affinity-groups/{a}/vm-instances/{uuid}` -> the
   * query at `/vm-instances`), the longest tail that names one query.
   */
  private ofPath(path: string, name: string): string | undefined {
    const at = path.indexOf(`{${name}}`);
    if (at <= 0) return undefined;
    const before = path.slice(0, at).replace(/\/+$/, '');
    const exact = this.queryPaths.get(before);
    if (exact) return exact;
    const segs = before.split('/');
    let i = segs.length - 1;
    while (i > 1 && !segs[i - 1]!.includes('{')) i--;
    for (let from = i; from < segs.length; from++) {
      const tail = `/${segs.slice(from).join('/')}`;
      const hits = [...this.queryPaths].filter(([qp]) => qp.endsWith(tail));
      if (hits.length === 1) return hits[0]![1];
      if (hits.length > 1) return undefined;
    }
    return undefined;
  }

  /**
   * The resource an API is about: its name without the verb, up to a preposition, less trailing words
   * that name an aspect of it (`ChangeSNSTopicState`, `GetEcsInstanceVncUrl`), never another noun.
   */
  private subjectOf(apiName: string): string | undefined {
    const words = camelWords(apiName).slice(1);
    const end = words.findIndex((w) => PREPOSITIONS.has(w.toLowerCase()));
    let subject = end >= 0 ? words.slice(0, end) : words;
    if (subject.length > 1 && QUALIFIERS.has(subject[0]!.toLowerCase()) && !this.entity(subject.join(''))) subject = subject.slice(1);
    for (let n = subject.length; n > 0; n--) {
      const e = this.entity(this.expand(subject.slice(0, n)).join(''));
      if (e) return e.query;
      if (!ASPECTS.has(subject[n - 1]!.toLowerCase())) return undefined;
    }
    return undefined;
  }

  /** A trailing abbreviation written out: [default, l3] -> [default, L3Network], [v, Router] -> [VirtualRouterVm]. */
  private expand(words: string[]): string[] {
    for (const n of [2, 1]) {
      if (words.length < n) continue;
      const full = ABBREVIATIONS[words.slice(-n).join('').toLowerCase()];
      if (full) return [...words.slice(0, -n), full];
    }
    return words;
  }

  /**
   * By the name's stem: the resource it names, else the one its words and the context name (the one
   * resource ending in the stem whose other words all occur in the API's name), else the
   * resource a camel-case tail of it names (`srcBackupStorage` -> BackupStorage) unless a resource ends
   * in the whole stem (`conversionHost` is more than a Host).
   */
  private byName(name: string, context: string[]): Reference | undefined {
    const words = camelWords(name.replace(/Uuids?$/, ''));
    const spellings = (from: number): string[] => {
      const tail = words.slice(from);
      const expanded = this.expand(tail);
      return expanded === tail ? [tail.join('')] : [tail.join(''), expanded.join('')];
    };
    const named = (from: number): Reference | null | undefined => {
      for (const spelling of spellings(from)) {
        const e = this.entity(spelling);
        if (e) return e.query ? { query: e.query, how: 'name' } : null;
      }
      return undefined;
    };
    const whole = named(0);
    if (whole !== undefined) return whole ?? undefined;
    const stem = lower(camelWords(this.expand(words).join('')));
    const ctx = new Set(lower(context));
    // A resource holding a field of this very name is a link to it (MonitorGroupInstance.instanceUuid), not it.
    const fits = this.endingIn(stem).filter((e) => e.extra.every((x) => ctx.has(x.toLowerCase())) && !e.entity.fields.has(name));
    const q = mostSpecific(fits);
    if (q) return { query: q, how: 'name-in-context' };
    if (this.endingIn(stem).length) return undefined;
    for (let from = 1; from < words.length; from++) {
      const r = named(from);
      if (r !== undefined) return r ?? undefined;
    }
    return undefined;
  }

  /** Resources whose words end in `stem` after at least one more word (`extra`). */
  private endingIn(stem: string[]): { entity: Entity; extra: string[] }[] {
    const out: { entity: Entity; extra: string[] }[] = [];
    for (const e of this.entities.values()) {
      const w = lower(e.words);
      if (w.length <= stem.length) continue;
      if (w.slice(w.length - stem.length).some((x, i) => x !== stem[i])) continue;
      out.push({ entity: e, extra: e.words.slice(0, w.length - stem.length) });
    }
    return out;
  }
}

/** The one resource with the most extra words, or undefined when none or several tie. */
function mostSpecific(fits: { entity: Entity; extra: string[] }[]): string | undefined {
  const most = Math.max(0, ...fits.map((f) => f.extra.length));
  const best = fits.filter((f) => f.extra.length === most);
  return best.length === 1 ? best[0]!.entity.query : undefined;
}

/** Sets `refersTo` on every uuid param and uuid field the catalog can place; returns what decided each. */
export function inferReferences(data: RegistryData, parents: ReadonlyMap<string, string>): Map<string, Reference> {
  const catalog = new ResourceCatalog(data, parents);
  const decided = new Map<string, Reference>();
  for (const api of data.apis) {
    for (const p of api.params) {
      const r = catalog.param(api, p);
      if (!r) continue;
      p.refersTo = r.query;
      decided.set(`${api.name}.${p.name}`, r);
    }
  }
  for (const inv of data.inventories) {
    const refs: Record<string, string> = {};
    for (const f of inv.fields) {
      if (!isUuidName(f.name) || f.type !== 'String') continue;
      const r = catalog.field(inv, f.name);
      if (!r) continue;
      refs[f.name] = r.query;
      decided.set(`${inv.name}.${f.name}`, r);
    }
    if (Object.keys(refs).length) inv.refersTo = refs;
  }
  return decided;
}
