// Reads an API call off the wire: picks the API by body wrapper key, gathers path/query/body params, validates them.
import type { ApiDef, ParamDef } from '../../schema/types.js';
import { invalidArgument, msgName } from '../api/errors.js';
import type { RouteCandidate } from './routes.js';

/** A front-door refusal: answered as 400 with a plain-text body. */
export class BadRequest extends Error {}

export type Json = Record<string, unknown>;

export interface DecodedCall {
  api: ApiDef;
  params: Json;
  systemTags: string[];
  userTags: string[];
}

const TOP_LEVEL_KEYS = new Set(['systemTags', 'userTags', 'requestIp']);

function hasWrapper(api: ApiDef): boolean {
  return api.wrapper !== '' && api.wrapper !== 'null';
}

/** Finds the body key naming the API's wrapper (case-insensitive, so the 3.0 manual's `loginByAccount` works too). */
function wrapperKey(api: ApiDef, body: Json | undefined): string | undefined {
  if (!body || !hasWrapper(api)) return undefined;
  if (api.wrapper in body) return api.wrapper;
  const lower = api.wrapper.toLowerCase();
  return Object.keys(body).find((k) => k.toLowerCase() === lower);
}

/** Many APIs share a path (`PUT /vm-instances/{uuid}/actions`); the single body key tells them apart. */
export function pickApi(candidates: RouteCandidate[], body: Json | undefined, path: string): RouteCandidate {
  if (candidates.length === 1) return candidates[0]!;
  const method = candidates[0]!.api.method;
  if (method === 'GET' || method === 'DELETE') return candidates[0]!;
  const matching = candidates.filter((c) => wrapperKey(c.api, body) !== undefined);
  if (matching.length === 1) return matching[0]!;
  const keys = Object.keys(body ?? {}).filter((k) => !TOP_LEVEL_KEYS.has(k));
  if (matching.length === 0) throw new BadRequest(`the body doesn't contain any action mapping to the URL[${path}]; body keys: [${keys.join(', ')}]`);
  throw new BadRequest(`the body contains more than one action mapping to the URL[${path}]: [${matching.map((c) => c.api.wrapper).join(', ')}]`);
}

function tagList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') return [v];
  return [];
}

/** Collects the call's params by name (path > body wrapper > query string); values are still raw here. */
export function decodeCall(c: RouteCandidate, query: URLSearchParams, body: Json | undefined): DecodedCall {
  const { api } = c;
  const params: Json = {};
  let systemTags: string[] = [];
  let userTags: string[] = [];
  if (api.method === 'GET' || api.method === 'DELETE') {
    for (const p of api.params) {
      if (p.in === 'path') continue;
      const values = query.getAll(p.name);
      if (values.length === 0) continue;
      params[p.name] = p.type === 'list' ? values.flatMap((v) => v.split(',')) : values[0];
    }
    systemTags = query.getAll('systemTags');
    userTags = query.getAll('userTags');
  } else {
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) throw new BadRequest('the request body must be a JSON object');
    if (hasWrapper(api)) {
      const key = wrapperKey(api, body);
      if (key === undefined) throw new BadRequest(`the body doesn't contain the parameter[${api.wrapper}]`);
      const inner = body![key];
      if (inner !== null && (typeof inner !== 'object' || Array.isArray(inner))) throw new BadRequest(`the parameter[${api.wrapper}] must be a JSON object`);
      Object.assign(params, inner ?? {});
    } else if (api.wrapper === '' && body) {
      for (const [k, v] of Object.entries(body)) if (!TOP_LEVEL_KEYS.has(k)) params[k] = v;
    }
    systemTags = [...tagList(body?.systemTags), ...tagList(params.systemTags)];
    userTags = [...tagList(body?.userTags), ...tagList(params.userTags)];
  }
  for (const [k, v] of Object.entries(c.pathParams)) params[k] = v;
  delete params.systemTags;
  delete params.userTags;
  return { api, params, systemTags, userTags };
}

function coerceParam(api: ApiDef, p: ParamDef, v: unknown): unknown {
  const where = `field[${p.name}] of message[${msgName(api.name)}]`;
  switch (p.type) {
    case 'integer':
    case 'long':
    case 'double': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
      if (!Number.isFinite(n) || (p.type !== 'double' && !Number.isInteger(n))) throw invalidArgument(`${where} must be a${p.type === 'double' ? ' number' : 'n integer'}, but got ${JSON.stringify(v)}`);
      if (p.numberRange && (n < p.numberRange[0] || n > p.numberRange[1])) throw invalidArgument(`${where} must be in range [${p.numberRange[0]}, ${p.numberRange[1]}], but got ${n}`);
      // Valid values of a number are written as text (`ipVersion`: ["4", "6"]): compared as numbers.
      if (p.validValues && !p.validValues.some((x) => Number(x) === n)) throw invalidArgument(`valid values of ${where} are [${p.validValues.join(', ')}], but got [${n}]`);
      return n;
    }
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 'true' || v === 'false') return v === 'true';
      throw invalidArgument(`${where} must be a boolean, but got ${JSON.stringify(v)}`);
    case 'list':
      if (Array.isArray(v)) return v;
      if (typeof v === 'string') return [v];
      throw invalidArgument(`${where} must be a list, but got ${JSON.stringify(v)}`);
    case 'map':
    case 'object':
      if (typeof v === 'object' && v !== null) return v;
      throw invalidArgument(`${where} must be an object, but got ${JSON.stringify(v)}`);
    default: {
      if (typeof v === 'object') throw invalidArgument(`${where} must be a string, but got ${JSON.stringify(v)}`);
      const s = String(v);
      if (p.validValues && !p.validValues.includes(s)) throw invalidArgument(`valid values of ${where} are [${p.validValues.join(', ')}], but got [${s}]`);
      if (p.maxLength !== undefined && s.length > p.maxLength) throw invalidArgument(`${where} exceeds the length limit ${p.maxLength}`);
      return s;
    }
  }
}

/** Mandatory params present, types right, valid values respected (ZStack answers these with SYS.1007). */
export function validateParams(api: ApiDef, params: Json): Json {
  const out: Json = { ...params };
  for (const p of api.params) {
    const v = params[p.name];
    if (v === undefined || v === null || (p.in === 'path' && v === '')) {
      if (p.required) throw invalidArgument(`field[${p.name}] of message[${msgName(api.name)}] is mandatory, can not be null`);
      continue;
    }
    out[p.name] = coerceParam(api, p, v);
  }
  return out;
}
