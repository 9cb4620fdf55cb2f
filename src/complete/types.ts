// Shapes shared by the completion stages and their adapters. No terminal or HTTP types here.
import type { Operator } from '../parse/ast.js';

/** Stage 1's answer: what kind of thing may go at the cursor, found from syntax alone. */
export type Analysis =
  | { kind: 'none'; replaceFrom: number; replaceTo: number }
  | {
      /** An option name (`--ho`, `-`); `api` is the API on the line, if any. */
      kind: 'option';
      prefix: string;
      api?: string;
      replaceFrom: number;
      replaceTo: number;
    }
  | {
      /** The value of an option (`-o js`, `--output=js`, `-c uuid,na`). */
      kind: 'optionValue';
      /** The option's long name. */
      option: string;
      prefix: string;
      /** The value read as a comma list (for `-c`). */
      item: { prefix: string; head: string[]; replaceFrom: number };
      api?: string;
      replaceFrom: number;
      replaceTo: number;
    }
  | {
      /** A word after a built-in's name: subcommand, argument, option or option value. */
      kind: 'builtin';
      name: string;
      /** Words between the name and the cursor's word, as written (quotes removed). */
      words: string[];
      prefix: string;
      /** Where the built-in's name starts (for a nested command line, e.g. `watch <command>`). */
      nameFrom: number;
      /** Line offset where each of `words` starts. */
      wordStarts: number[];
      /** The line left of the cursor (a nested command line, e.g. `watch <command>`, is completed from it). */
      text: string;
      replaceFrom: number;
      replaceTo: number;
    }
  | { kind: 'api'; prefix: string; replaceFrom: number; replaceTo: number }
  | {
      /** A param name; for a query also a condition field, a join path, or a query param. */
      kind: 'key';
      api: string;
      /** Text typed so far, e.g. `vmNics.l3` (a dotted path for queries). */
      prefix: string;
      /** Keys given elsewhere on the line (left out of the candidates). */
      given: string[];
      replaceFrom: number;
      replaceTo: number;
    }
  | {
      /** A half-typed operator after a key: `cpuNum!` -> `!=`, `!?=`, `!~=`. */
      kind: 'operator';
      api: string;
      key: string;
      opPrefix: string;
      given: string[];
      replaceFrom: number;
      replaceTo: number;
    }
  | {
      kind: 'value';
      api: string;
      key: string;
      op: Operator;
      /** The whole value typed so far, quotes removed. */
      prefix: string;
      /** The same value read as a comma list: the item being typed, the items before it, and where it starts. */
      item: { prefix: string; head: string[]; replaceFrom: number };
      given: string[];
      replaceFrom: number;
      replaceTo: number;
    };

export type CandidateGroup = 'api' | 'builtin' | 'option' | 'join' | 'field' | 'operator' | 'queryParam' | 'param' | 'value';

export interface Candidate {
  /** The exact text that replaces [replaceFrom, replaceTo) (quoted when needed). */
  value: string;
  /** Shorter text for listings (an operator alone, a value without its list head). */
  display?: string;
  /** One line shown beside the candidate: a type, a resource name, a doc line. */
  description?: string;
  group: CandidateGroup;
  /** A required param of an API (listed first and marked). */
  required?: boolean;
  /** The word is complete when chosen alone: an adapter may add a space after it. */
  final?: boolean;
}

export interface Completion {
  replaceFrom: number;
  replaceTo: number;
  candidates: Candidate[];
  /** The API whose params are being completed (titles listings). */
  api?: string;
  /** The API is a query: key candidates split into conditions and parameters. */
  query?: boolean;
}

/** A request for live values of one resource (`QueryVmInstance` rows), read-only. */
export interface ValueRequest {
  /** The query API that lists the resource, e.g. `QueryVmInstance`. */
  queryApi: string;
  /** Its inventory, e.g. `VmInstanceInventory`. */
  inventory: string;
  /** The VO named by the param's metadata when known, e.g. `VmInstanceVO`. */
  resourceType?: string;
  /** Which column is wanted: uuids (labelled with names) or names. */
  field: 'uuid' | 'name';
  /** Value typed so far (candidates start with it, case-insensitively). */
  prefix: string;
}

export interface ValueItem {
  value: string;
  /** Shown beside the value, e.g. the name of a uuid. */
  label?: string;
}

/** Where live values come from. Implementations must be read-only; callers treat rejections as "no values". */
export interface ValueSource {
  values(req: ValueRequest, signal?: AbortSignal): Promise<ValueItem[]>;
}

/** What the analyzer must know of a line's grammar beyond the API language: options and built-ins. */
export interface LineShape {
  options: readonly { long: string; short?: string; takesValue: boolean }[];
  /** Names and aliases of the built-ins that may start a line. */
  builtins: readonly string[];
}

/** An option as completion offers it (a global option of the command table). */
export interface OptionCompletion {
  long: string;
  short?: string;
  takesValue: boolean;
  description: string;
  value?: string;
  valueKind?: 'format' | 'columns' | 'profile' | 'file' | 'shell' | 'none';
  choices?: readonly string[];
}

/** A built-in as completion sees it (an entry of the command table). */
export interface BuiltinCompletion {
  name: string;
  aliases?: readonly string[];
  summary: string;
  hidden?: boolean;
  args?: readonly { name: string; description: string; variadic?: boolean; kind?: string; choices?: readonly string[] }[];
  options?: readonly { long: string; short?: string; value?: string; description: string; choices?: readonly string[] }[];
  subcommands?: readonly BuiltinCompletion[];
}

/** Local, read-only names the built-ins complete: profiles, the shell's jobs and results. */
export interface LocalValues {
  profiles?(): Promise<string[]> | string[];
  jobs?(): ValueItem[];
  results?(): ValueItem[];
}
