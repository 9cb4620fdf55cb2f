// Storage of the registry data: one JSON line per API or inventory (registry.jsonl) plus an index of
// names and byte offsets (registry-index.json), so a command parses only the entries it touches.
import type { ApiDef, InventoryDef, ParamDef, RegistryData } from './types.js';

export interface RegistryIndex {
  version: string;
  queryParams: ParamDef[];
  /** [name, byte offset, byte length] in registry.jsonl, sorted by name. */
  apis: [string, number, number][];
  inventories: [string, number, number][];
}

/** What the Registry reads from: whole data in memory (tests) or the lazily decoded files. */
export interface RegistryStore {
  version: string;
  queryParams: ParamDef[];
  apiNames: string[];
  inventoryNames: string[];
  getApi(name: string): ApiDef | undefined;
  getInventory(name: string): InventoryDef | undefined;
}

export function storeFromData(data: RegistryData): RegistryStore {
  const apis = new Map(data.apis.map((a) => [a.name, a]));
  const invs = new Map(data.inventories.map((i) => [i.name, i]));
  return {
    version: data.version,
    queryParams: data.queryParams,
    apiNames: data.apis.map((a) => a.name),
    inventoryNames: data.inventories.map((i) => i.name),
    getApi: (n) => apis.get(n),
    getInventory: (n) => invs.get(n),
  };
}

/** Encodes data as JSON lines + index (used by the generator). */
export function encodeRegistry(data: RegistryData): { lines: string; index: RegistryIndex } {
  const parts: string[] = [];
  let offset = 0;
  const place = (value: unknown): [number, number] => {
    const line = `${JSON.stringify(value)}\n`;
    const len = Buffer.byteLength(line) - 1;
    const at: [number, number] = [offset, len];
    parts.push(line);
    offset += len + 1;
    return at;
  };
  const apis = data.apis.map((a): [string, number, number] => [a.name, ...place(a)]);
  const inventories = data.inventories.map((i): [string, number, number] => [i.name, ...place(i)]);
  return { lines: parts.join(''), index: { version: data.version, queryParams: data.queryParams, apis, inventories } };
}

type Entry = [name: string, offset: number, length: number];

/** Lookups by name that scan before building a map; past this many, a map is built. */
const SCANS_BEFORE_MAP = 8;

/**
 * Finds index entries by name: by scanning for the first few lookups (a one-shot command makes one
 * or two), then through a map (the shell and completion make many). Building maps of ~2,000 names
 * in every process cost more than a command's own lookups.
 */
function finder(entries: readonly Entry[]): (name: string) => Entry | undefined {
  let byName: Map<string, Entry> | undefined;
  let scans = 0;
  return (name) => {
    if (byName) return byName.get(name);
    if (++scans <= SCANS_BEFORE_MAP) {
      for (let i = 0; i < entries.length; i++) if (entries[i]![0] === name) return entries[i];
      return undefined;
    }
    byName = new Map();
    for (let i = 0; i < entries.length; i++) byName.set(entries[i]![0], entries[i]!);
    return byName.get(name);
  };
}

/** The text of `length` bytes at `offset` of the JSON lines. */
export type LineReader = (offset: number, length: number) => string;

/**
 * A store over the encoded form; each entry is read (from the bytes, or through `lines` from the
 * file: a command reads a few entries of a 1.4 MB file) and parsed on first access, and kept.
 */
export function storeFromEncoded(index: RegistryIndex, lines: Buffer | LineReader): RegistryStore {
  const read: LineReader = typeof lines === 'function' ? lines : (offset, length) => lines.toString('utf8', offset, offset + length);
  const apiAt = finder(index.apis);
  const invAt = finder(index.inventories);
  const apiCache = new Map<string, ApiDef>();
  const invCache = new Map<string, InventoryDef>();
  function get<T>(at: (name: string) => Entry | undefined, cache: Map<string, T>, name: string): T | undefined {
    const hit = cache.get(name);
    if (hit) return hit;
    const pos = at(name);
    if (!pos) return undefined;
    const value = JSON.parse(read(pos[1], pos[2])) as T;
    cache.set(name, value);
    return value;
  }
  return {
    version: index.version,
    queryParams: index.queryParams,
    apiNames: index.apis.map((a) => a[0]),
    inventoryNames: index.inventories.map((i) => i[0]),
    getApi: (n) => get(apiAt, apiCache, n),
    getInventory: (n) => get(invAt, invCache, n),
  };
}

/** The whole data back from its encoded form (for tools that need every entry at once). */
export function decodeRegistry(index: RegistryIndex, bytes: Buffer): RegistryData {
  const store = storeFromEncoded(index, bytes);
  return {
    version: index.version,
    queryParams: index.queryParams,
    apis: store.apiNames.map((n) => store.getApi(n)!),
    inventories: store.inventoryNames.map((n) => store.getInventory(n)!),
  };
}
