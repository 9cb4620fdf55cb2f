// What a handler gets (Call: decoded params, session, store, renderer) and returns (a body now, or Later for async jobs).
import type { Registry } from '../../schema/registry.js';
import type { ApiDef } from '../../schema/types.js';
import type { Access } from '../auth/access.js';
import type { Session, Sessions } from '../auth/sessions.js';
import type { QueryAnswer, QueryEngine } from '../query/engine.js';
import type { Scope } from '../store/store.js';
import type { Renderer } from '../query/render.js';
import type { SchemaRecorder } from '../query/schema.js';
import type { RowText } from '../query/text.js';
import { voOfInventory } from '../store/kinds.js';
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';
import { ADMIN_ACCOUNT_UUID } from '../model/accounts.js';
import { invalidArgument, notFound } from './errors.js';

export type Json = Record<string, unknown>;

/** Everything long-lived a handler may use. */
export interface SimEnv {
  registry: Registry;
  store: Store;
  renderer: Renderer;
  /** Notes object kinds for the reply's `schema` map while a request asking for one is handled. */
  schema: SchemaRecorder;
  query: QueryEngine;
  /** A fresh writer of row JSON text for one reply (plans shared). */
  rowText(): RowText;
  sessions: Sessions;
  /** Ownership, sharing and permissions. */
  access: Access;
  version: string;
  managementNodeUuid: string;
  /** Names of the APIs this node supports (all but those made unsupported). */
  supportedApis(): string[];
}

/**
 * An async API's second half: runs when the job's delay is over and gives the job result. The first half (the handler
 * itself) validates and moves resources into transitional states; throwing in either half fails the job.
 */
export class Later {
  constructor(readonly finish: () => Json) {}
}

/** A query's answer: rendered while it is written to the socket (http/stream.ts), never built as one object. */
export class QueryReply {
  constructor(readonly answer: QueryAnswer) {}
}

export type Handler = (call: Call) => Json | Later | QueryReply;

export class Call {
  constructor(
    readonly env: SimEnv,
    readonly api: ApiDef,
    readonly params: Json,
    readonly systemTags: string[],
    readonly userTags: string[],
    /** The raw query string (query APIs read conditions from it). */
    readonly query: URLSearchParams,
    readonly session: Session | undefined,
  ) {}

  get store(): Store {
    return this.env.store;
  }

  /** The calling account (the admin for APIs that need no session). */
  get accountUuid(): string {
    return this.session?.accountUuid ?? ADMIN_ACCOUNT_UUID;
  }

  /** For queries: the rows the calling account may see (undefined: all). */
  visibleRows(): ((scope: Scope) => ReadonlySet<number>) | undefined {
    return this.session ? this.env.access.visibleRows(this.session.accountUuid) : undefined;
  }

  now(): number {
    return this.env.store.now();
  }

  str(name: string): string | undefined {
    const v = this.params[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** A string param the handler cannot do without (validation has usually caught its absence already). */
  need(name: string): string {
    const v = this.str(name);
    if (v === undefined || v === '') throw invalidArgument(`field[${name}] is mandatory, can not be null`);
    return v;
  }

  num(name: string): number | undefined {
    const v = this.params[name];
    return typeof v === 'number' ? v : undefined;
  }

  bool(name: string): boolean | undefined {
    const v = this.params[name];
    return typeof v === 'boolean' ? v : undefined;
  }

  list(name: string): string[] | undefined {
    const v = this.params[name];
    return Array.isArray(v) ? v.map(String) : undefined;
  }

  /** The uuid for a new resource: `resourceUuid` when the caller chose one, else a fresh one. */
  newUuid(): string {
    const chosen = this.str('resourceUuid');
    if (chosen) {
      if (!/^[0-9a-f]{32}$/.test(chosen)) throw invalidArgument(`resourceUuid[${chosen}] is not a valid uuid (32 lowercase hex)`);
      if (this.store.hasUuid(chosen)) throw invalidArgument(`resourceUuid[${chosen}] is already used by another resource`);
      return chosen;
    }
    return this.store.ids.uuid();
  }

  /** The row or SYS.1003. */
  must(inventory: string, uuid: string): Row {
    const row = this.store.get(inventory, uuid);
    if (!row) throw notFound(voOfInventory(inventory), uuid);
    return row;
  }

  /** Marks an object a handler built itself (not by rendering a row) as being of `kind`, for the reply's schema. */
  typed<T extends object>(obj: T, kind: string): T {
    return this.env.schema.note(obj, kind);
  }

  render(inventory: string, row: Row): Json {
    return this.env.renderer.render(inventory, row);
  }

  /** `{inventory: <fresh render of the row>}`, re-read by uuid so it reflects the latest state. */
  inventory(inventory: string, uuid: string): Json {
    return { inventory: this.render(inventory, this.must(inventory, uuid)) };
  }
}
