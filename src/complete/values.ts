// A live value source over an injected fetch: caches each resource's rows (uuid + name) for a while,
// answers within a time limit (cached or empty rows when the fetch is slow, which keeps going in the
// background to fill the cache), never throws, and only ever reads.
import type { ValueItem, ValueRequest, ValueSource } from './types.js';

export interface ResourceRow {
  uuid: string;
  name?: string;
}

/**
 * Lists a resource's rows, e.g. by running `<queryApi> fields=uuid,name limit=...`. Must only read.
 * The signal aborts a fetch that outlives `maxFetchMs`.
 */
export type ResourceFetch = (ref: { queryApi: string; inventory: string }, signal: AbortSignal) => Promise<ResourceRow[]>;

/** The clock and timers the cache uses (inject fakes in tests). */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface CachedValueSourceOptions {
  fetch: ResourceFetch;
  timers?: Timers;
  /** How long rows stay fresh (default 30 s). */
  ttlMs?: number;
  /** The longest a caller waits for a fetch (default 200 ms). */
  timeoutMs?: number;
  /** After a failed fetch, wait this long before trying again (default 5 s). */
  retryMs?: number;
  /** A background fetch is aborted after this long (default 15 s). */
  maxFetchMs?: number;
}

interface Entry {
  rows?: ResourceRow[];
  /** When rows were stored (or the last failure happened). */
  at: number;
  failed?: boolean;
  inflight?: Promise<void>;
}

export interface CachedValueSource extends ValueSource {
  /** Forget cached rows: of one query API, or all (after login, logout, or a command that changes resources). */
  invalidate(queryApi?: string): void;
}

export function cachedValueSource(opts: CachedValueSourceOptions): CachedValueSource {
  const timers = opts.timers ?? systemTimers;
  const ttl = opts.ttlMs ?? 30_000;
  const timeout = opts.timeoutMs ?? 200;
  const retry = opts.retryMs ?? 5_000;
  const maxFetch = opts.maxFetchMs ?? 15_000;
  const cache = new Map<string, Entry>();
  let generation = 0;

  const fresh = (e: Entry | undefined, now: number): boolean =>
    !!e && e.at <= now && (e.failed ? now - e.at < retry : e.rows !== undefined && now - e.at < ttl);

  function start(key: string, ref: { queryApi: string; inventory: string }): Promise<void> {
    const entry = cache.get(key) ?? { at: -Infinity };
    if (entry.inflight) return entry.inflight;
    const gen = generation;
    const ctl = new AbortController();
    const guard = timers.setTimeout(() => ctl.abort(), maxFetch);
    const settle = (rows: ResourceRow[] | undefined): void => {
      timers.clearTimeout(guard);
      const cur = cache.get(key);
      if (gen !== generation || cur !== entry) return; // invalidated meanwhile
      delete entry.inflight;
      entry.at = timers.now();
      if (rows) {
        entry.rows = rows;
        entry.failed = false;
      } else {
        entry.failed = true;
      }
    };
    let p: Promise<ResourceRow[]>;
    try {
      p = Promise.resolve(opts.fetch(ref, ctl.signal));
    } catch {
      p = Promise.reject(new Error('fetch threw'));
    }
    entry.inflight = p.then(
      (rows) => settle(Array.isArray(rows) ? rows.filter(isRow) : undefined),
      () => settle(undefined),
    );
    cache.set(key, entry);
    return entry.inflight;
  }

  function waitAtMost(p: Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      let done = false;
      const finish = (): void => {
        if (done) return;
        done = true;
        timers.clearTimeout(handle);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const handle = timers.setTimeout(finish, ms);
      signal?.addEventListener('abort', finish, { once: true });
      if (signal?.aborted) finish();
      p.then(finish, finish);
    });
  }

  return {
    async values(req: ValueRequest, signal?: AbortSignal): Promise<ValueItem[]> {
      try {
        const key = req.queryApi;
        if (!fresh(cache.get(key), timers.now())) {
          await waitAtMost(start(key, { queryApi: req.queryApi, inventory: req.inventory }), timeout, signal);
        }
        return itemsOf(cache.get(key)?.rows ?? [], req);
      } catch {
        return [];
      }
    },
    invalidate(queryApi?: string): void {
      generation++;
      if (queryApi === undefined) cache.clear();
      else cache.delete(queryApi);
    },
  };
}

function isRow(r: unknown): r is ResourceRow {
  return !!r && typeof r === 'object' && typeof (r as ResourceRow).uuid === 'string';
}

function itemsOf(rows: ResourceRow[], req: ValueRequest): ValueItem[] {
  const lower = req.prefix.toLowerCase();
  const out: ValueItem[] = [];
  if (req.field === 'name') {
    const seen = new Set<string>();
    for (const r of rows) {
      const n = r.name;
      if (typeof n !== 'string' || n === '' || seen.has(n) || !n.toLowerCase().startsWith(lower)) continue;
      seen.add(n);
      out.push({ value: n });
    }
    return out;
  }
  for (const r of rows) {
    if (!r.uuid.toLowerCase().startsWith(lower)) continue;
    out.push(typeof r.name === 'string' && r.name !== '' ? { value: r.uuid, label: r.name } : { value: r.uuid });
  }
  return out;
}
