// Turns ZStack's machine-readable API facts (../shared/zstack-api) into the project's compact registry.
// Only facts carry over: names, paths, types, flags, valid values, joins.
import type { ApiDef, FieldDef, HttpMethod, InventoryDef, JoinDef, ParamDef, RegistryData, ValueType } from '../../src/schema/types.js';
import { inferReferences, type Reference } from './references.js';

interface RawParam {
  name: string;
  type: string;
  required: boolean;
  in: string;
  validValues?: string[];
  resourceType?: string;
  default?: unknown;
  maxLength?: number;
  minLength?: number;
  numberRange?: [number, number];
  validRegexValues?: string[];
}
interface RawApi {
  name: string;
  method: string;
  path: string;
  parameterName: string;
  needSession: boolean;
  needPoll: boolean;
  isQuery: boolean;
  resultClass?: string;
  params: RawParam[];
  inventory?: string | null;
  optionalPaths?: string[];
}
interface RawExpanded {
  name: string;
  inventory: string;
  foreignKey: string;
  expandedInventoryKey: string;
  hidden?: boolean;
}
interface RawAlias {
  alias?: string;
  name?: string;
  expandedField?: string;
  path?: string;
}
interface RawInventory {
  name: string;
  fields?: { name: string; type: string }[];
  expandedQueries: RawExpanded[];
  expandedQueryAliases?: RawAlias[];
  completion: { primitiveFields: string[]; joins: string[] };
  apiNoSeeFields?: string[];
  serverClass?: string | null;
  /** The inventory this one extends (`KVMHostInventory` extends HostInventory). */
  extends?: string | null;
}
export interface RawFacts {
  meta: { pomVersion: string; queryCommonParams: RawParam[] };
  apis: Record<string, RawApi>;
  inventories: Record<string, RawInventory>;
}

/** Params the client fills itself (session, credentials, request ip), never typed by a user. */
const TRANSPORT_PARAM_LOCATIONS = new Set(['auth', 'header']);

/** Account/user login passwords travel as SHA-512 hex (the server stores and compares the hash). */
const HASHED_PASSWORD_APIS = new Set([
  'LogIn', 'LogInByAccount', 'LogInByUser', 'CreateAccount', 'UpdateAccount', 'CreateUser', 'UpdateUser',
  'LoginIAM2VirtualID', 'CreateIAM2VirtualID', 'UpdateIAM2VirtualID',
  'GetTwoFactorAuthenticationSecret', 'ResetTwoFactorAuthenticationSecret',
]);
const QUERY_COMMON_PARAMS = new Set([
  'conditions', 'limit', 'start', 'count', 'groupBy', 'replyWithCount', 'sortBy', 'sortDirection', 'fields', 'filterName',
]);
const HASHED_PARAM_NAMES = new Set(['password', 'oldPassword']);
const SECRET_NAME = /password|secret|privatekey|passphrase/i;

export function valueTypeOf(javaType: string): ValueType {
  const t = javaType.replace(/^java\.(lang|util)\./, '').replace(/<.*>$/, '');
  switch (t) {
    case 'String':
      return 'string';
    case 'Integer':
    case 'int':
    case 'Short':
    case 'short':
      return 'integer';
    case 'Long':
    case 'long':
      return 'long';
    case 'Double':
    case 'double':
    case 'Float':
    case 'float':
      return 'double';
    case 'Boolean':
    case 'boolean':
      return 'boolean';
    case 'List':
    case 'Set':
    case 'Collection':
      return 'list';
    case 'Map':
    case 'LinkedHashMap':
    case 'HashMap':
      return 'map';
    default:
      // SDK enums (org.zstack.sdk.*) travel as their name, a string; anything else is a JSON object.
      return javaType.startsWith('org.zstack.sdk.') ? 'string' : 'object';
  }
}

function convertParam(api: string, p: RawParam): ParamDef {
  const loc = p.in === 'path' || p.in === 'query' ? p.in : 'body';
  const out: ParamDef = { name: p.name, type: valueTypeOf(p.type), required: !!p.required, in: loc };
  if (p.validValues?.length) out.validValues = [...p.validValues];
  if (p.resourceType) out.resourceType = p.resourceType;
  if (p.default !== undefined && (typeof p.default !== 'object' || p.default === null)) {
    if (p.default !== null) out.default = p.default as string | number | boolean;
  }
  if (p.maxLength !== undefined) out.maxLength = p.maxLength;
  if (p.minLength !== undefined) out.minLength = p.minLength;
  if (p.numberRange) out.numberRange = [p.numberRange[0], p.numberRange[1]];
  if (p.validRegexValues?.length) out.validRegex = [...p.validRegexValues];
  if (HASHED_PASSWORD_APIS.has(api) && HASHED_PARAM_NAMES.has(p.name)) out.hashed = true;
  if (SECRET_NAME.test(p.name)) out.secret = true;
  return out;
}

export function convertApi(raw: RawApi): ApiDef {
  const params = raw.params
    .filter((p) => !TRANSPORT_PARAM_LOCATIONS.has(p.in))
    // Query APIs all take the same common params (RegistryData.queryParams); keep only their own.
    .filter((p) => !(raw.isQuery && QUERY_COMMON_PARAMS.has(p.name)))
    .map((p) => convertParam(raw.name, p));
  const api: ApiDef = {
    name: raw.name,
    method: raw.method as HttpMethod,
    path: raw.path,
    // The SDK spells "no body wrapper" as '' or, for a few APIs, the string 'null'.
    wrapper: raw.parameterName === 'null' ? '' : (raw.parameterName ?? ''),
    needSession: raw.needSession,
    async: raw.needPoll,
    query: raw.isQuery,
    params,
  };
  if (raw.inventory) api.inventory = raw.inventory;
  if (raw.resultClass) api.result = raw.resultClass;
  if (raw.optionalPaths?.length) api.optionalPaths = [...raw.optionalPaths];
  return api;
}

function convertJoin(e: RawExpanded): JoinDef {
  return {
    name: e.name,
    inventory: e.inventory,
    foreignKey: e.foreignKey,
    targetKey: e.expandedInventoryKey,
    hidden: !!e.hidden,
  };
}

/**
 * Server class names of inventories whose facts lack `serverClass` (their source is outside the open-source tree the
 * facts were read from) but which the simulator renders. Taken from the Java SDK's own mapping table
 * (`sdk/src/main/java/SourceClassMap.java` in zstackio/zstack), which `ApiResult.getResult` uses to read a reply's
 * `schema` map.
 */
const SDK_SERVER_CLASSES: Record<string, string> = {
  AffinityGroupInventory: 'org.zstack.header.affinitygroup.AffinityGroupInventory',
  AffinityGroupUsageInventory: 'org.zstack.header.affinitygroup.AffinityGroupUsageInventory',
  CloneVmInstanceInventory: 'org.zstack.header.vm.CloneVmInstanceInventory',
  ImageStoreBackupStorageInventory: 'org.zstack.storage.backup.imagestore.ImageStoreBackupStorageInventory',
  SessionInventory: 'org.zstack.header.identity.SessionInventory',
  TagInventory: 'org.zstack.header.tag.TagInventory',
};

export function convertInventory(raw: RawInventory): InventoryDef {
  const hiddenFields = new Set(raw.apiNoSeeFields ?? []);
  const fields: FieldDef[] = (raw.fields ?? [])
    .filter((f) => !hiddenFields.has(f.name))
    .map((f) => ({ name: f.name, type: f.type }));
  const joinNames = new Set<string>();
  const joins: JoinDef[] = [];
  for (const e of raw.expandedQueries) {
    if (joinNames.has(e.name)) continue;
    joinNames.add(e.name);
    joins.push(convertJoin(e));
  }
  const inv: InventoryDef = {
    name: raw.name,
    fields,
    queryable: [...raw.completion.primitiveFields],
    joins,
  };
  const serverClass = raw.serverClass ?? SDK_SERVER_CLASSES[raw.name];
  if (serverClass) inv.serverClass = serverClass;
  const aliases: Record<string, string> = {};
  for (const a of raw.expandedQueryAliases ?? []) {
    const name = a.alias ?? a.name;
    const target = a.expandedField ?? a.path;
    if (name && target) aliases[name] = target;
  }
  if (Object.keys(aliases).length) inv.aliases = aliases;
  return inv;
}

/** The registry data, with what decided each uuid param's and field's resource (for the generator's report). */
export function convertFactsWithReferences(raw: RawFacts): { data: RegistryData; references: Map<string, Reference> } {
  const data = convertFacts(raw);
  const parents = new Map<string, string>();
  for (const inv of Object.values(raw.inventories)) if (inv.extends) parents.set(inv.name, inv.extends);
  return { data, references: inferReferences(data, parents) };
}

/** The registry data as the facts give it, before uuid references are inferred. */
export function convertFacts(raw: RawFacts): RegistryData {
  const apis = Object.values(raw.apis)
    .map(convertApi)
    .sort((a, b) => a.name.localeCompare(b.name));
  const inventories = Object.values(raw.inventories)
    .map(convertInventory)
    .sort((a, b) => a.name.localeCompare(b.name));
  const queryParams = raw.meta.queryCommonParams
    .filter((p) => !['conditions', 'sessionId', 'accessKeyId', 'accessKeySecret', 'requestIp'].includes(p.name))
    .map((p) => convertParam('', { ...p, in: 'query' }));
  return { version: raw.meta.pomVersion, apis, inventories, queryParams };
}
