// Shapes of the generated schema registry: APIs, their params, inventories and their joins.
// Produced by scripts/gen-schema from ZStack 5.2 API facts and the seed manual; read by every layer.

/** The value kinds the command language distinguishes when parsing and validating a param. */
export type ValueType = 'string' | 'integer' | 'long' | 'double' | 'boolean' | 'list' | 'map' | 'object';

/** Where a param travels on the wire. `body` params go inside `{<wrapper>: {...}}`. */
export type ParamLocation = 'path' | 'query' | 'body';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ParamDef {
  name: string;
  type: ValueType;
  required: boolean;
  in: ParamLocation;
  /** The Java element type for lists when known (`String`), else absent. */
  validValues?: string[];
  /** ZStack resource VO the value refers to, e.g. `VmInstanceVO`, when the API facts name it. */
  resourceType?: string;
  /**
   * For uuid params: the query API that lists the resource the value refers to (`QueryVmInstance`),
   * decided by the generator from the facts, the path and the name. Drives `@name` references and live
   * uuid completion. Absent when unknown.
   */
  refersTo?: string;
  default?: string | number | boolean;
  maxLength?: number;
  minLength?: number;
  numberRange?: [number, number];
  validRegex?: string[];
  /** The planner SHA-512 hex encodes this value before sending (account/user passwords). */
  hashed?: boolean;
  /** Never printed, logged or kept in history. */
  secret?: boolean;
}

export interface ApiDef {
  name: string;
  method: HttpMethod;
  /** Path template below `/zstack/v1`, e.g. `/vm-instances/{uuid}/actions`. */
  path: string;
  /** Body wrapper key (`params`, `startVmInstance`), or '' when the API has no body. */
  wrapper: string;
  needSession: boolean;
  /** needPoll: the server answers 202 + location and the client polls the job. */
  async: boolean;
  query: boolean;
  params: ParamDef[];
  /** For query APIs: the inventory queried (absent for the ~22 with no known inventory). */
  inventory?: string;
  /** SDK result class name, e.g. `StartVmInstanceResult`. */
  result?: string;
  /** Alternative paths, e.g. `/vm-instances/{uuid}` for a query by uuid. */
  optionalPaths?: string[];
}

export interface FieldDef {
  name: string;
  /** Java simple type: String, Long, Integer, Boolean, Timestamp, List, Map, Double, ... */
  type: string;
}

/** A cross-table join: `vmNics` on VmInstanceInventory goes to VmNicInventory where vmNic.vmInstanceUuid = vm.uuid. */
export interface JoinDef {
  name: string;
  inventory: string;
  /** Field on this inventory. */
  foreignKey: string;
  /** Field on the target inventory that equals foreignKey. */
  targetKey: string;
  /** Joinable but not offered by completion. */
  hidden: boolean;
}

export interface InventoryDef {
  name: string;
  fields: FieldDef[];
  /** Fields usable in conditions (completion's primitive fields, incl. __systemTag__/__userTag__). */
  queryable: string[];
  joins: JoinDef[];
  /** Alias name -> dotted join path it stands for. */
  aliases?: Record<string, string>;
  /** Uuid fields (`uuid`, `hostUuid`) -> the query API listing what they refer to, as ParamDef.refersTo. */
  refersTo?: Record<string, string>;
  /**
   * The ZStack server's class, e.g. `org.zstack.kvm.KVMHostInventory`: what a reply's `schema` map names so the Java
   * SDK can type the object. Absent when unknown.
   */
  serverClass?: string;
}

export interface RegistryData {
  version: string;
  apis: ApiDef[];
  inventories: InventoryDef[];
  /** Query params every query API takes, besides conditions. */
  queryParams: ParamDef[];
}

/** Human text from the seed manual, loaded only for help. */
export interface ApiDoc {
  /** Manual section number, e.g. `4.1.6`. */
  section: string;
  title: string;
  description: string;
  params: Record<string, string>;
  /** Param values of the manual's Java SDK example (sessionId left out). */
  example?: Record<string, unknown>;
  /** The documented request line, e.g. `PUT zstack/v1/vm-instances/{uuid}/actions`. */
  request?: string;
  /** The documented body example, parsed, when there is one. */
  body?: unknown;
}

export interface DocsData {
  apis: Record<string, ApiDoc>;
  /** Inventory field descriptions: `VmInstanceInventory.state` -> text. */
  fields: Record<string, string>;
}
