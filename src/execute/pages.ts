// `--all`: a query's whole result, fetched page by page with `limit`/`start` and handed on as one
// RowSource. The next page is asked for as soon as the current one begins to arrive (on the first
// page, once half of it is in, so a short result costs no extra request), and the server works on
// it while the current rows are written; at most two pages are open at a time. No page is asked for ahead beyond the first page's total; a full last page is followed by
// one more request, which comes back empty unless rows were added meanwhile.
//
// The first page also asks for `replyWithCount` (the total, for the progress line). A page shorter
// than asked ends the result. `limit=`/`start=` given by the user bound the whole result (a limit
// smaller than a page is one request). Offsets shift when rows are added or removed between
// pages: a row already written on the previous page is not written again (matched by uuid), and
// when the number written differs from the first page's total, a note says the result changed
// while paging. `count=true` is one request (there are no rows to page through).
import type { PlannedRequest } from '../plan/request.js';
import { execute, type ExecContext, type ExecResult } from './executor.js';
import { ReplyRows, ValueRows, type ReplyShape, type RowSource } from './reply-rows.js';

/** ZStack's own default `limit`. */
export const DEFAULT_PAGE_SIZE = 1000;

export interface PageOptions {
  pageSize: number;
}

interface Query {
  path: string;
  /** The query's pairs without limit, start and replyWithCount. */
  pairs: string[];
  limit?: number;
  start: number;
  count: boolean;
  replyWithCount: boolean;
}

function readQuery(pathAndQuery: string): Query {
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const all = q < 0 ? [] : pathAndQuery.slice(q + 1).split('&').filter(Boolean);
  const out: Query = { path, pairs: [], start: 0, count: false, replyWithCount: false };
  for (const pair of all) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    if (name === 'limit') out.limit = Number(value);
    else if (name === 'start') out.start = Number(value);
    else if (name === 'replyWithCount') out.replyWithCount = value === 'true';
    else {
      if (name === 'count' && value === 'true') out.count = true;
      out.pairs.push(pair);
    }
  }
  return out;
}

/** Whether the request asks for the total beside the rows (`replyWithCount=true`). */
export function asksTotal(planned: PlannedRequest): boolean {
  return readQuery(planned.pathAndQuery).replyWithCount;
}

/** The fields a query asks for (`fields=a,b`), or undefined. */
export function askedFields(planned: PlannedRequest): string[] | undefined {
  const pair = readQuery(planned.pathAndQuery).pairs.find((p) => p.startsWith('fields='));
  const names = pair ? decodeURIComponent(pair.slice('fields='.length)).split(',').filter(Boolean) : [];
  return names.length ? names : undefined;
}

function rowsOf(result: ExecResult): RowSource {
  if (result.kind === 'stream') return new ReplyRows(result.body);
  if (result.kind === 'done') return new ValueRows(result.value);
  throw new Error('a query answered with an accepted job');
}

/** One page: its rows, and what it was asked for. */
interface Page {
  rows: RowSource;
  limit: number;
  /** The page is read: stop forwarding Ctrl-C to it. */
  done(): void;
}

/** A page asked for and not yet read. */
interface Pending {
  page: Promise<Page>;
  abort: AbortController;
}

/** All rows of a query, page by page; `planned` must be a query. */
export function queryPages(planned: PlannedRequest, ctx: ExecContext, opts: PageOptions): RowSource {
  const q = readQuery(planned.pathAndQuery);
  const stream = { ...ctx, options: { ...ctx.options, streamBody: true } };
  if (q.count) return new LazyRows(async () => rowsOf(await execute(planned, stream)));
  return new PagedRows(planned, q, ctx, opts);
}

/** A RowSource whose request is sent on open(). */
class LazyRows implements RowSource {
  private inner: RowSource | undefined;
  constructor(private readonly start: () => Promise<RowSource>) {}
  get head(): Record<string, unknown> {
    return this.inner?.head ?? {};
  }
  get count(): number {
    return this.inner?.count ?? 0;
  }
  get notes(): string[] {
    return this.inner?.notes ?? [];
  }
  get expected(): number | undefined {
    return this.inner?.expected;
  }
  async open(): Promise<ReplyShape> {
    this.inner ??= await this.start();
    return this.inner.open();
  }
  batches(): AsyncGenerator<unknown[]> {
    if (!this.inner) throw new Error('open() first');
    return this.inner.batches();
  }
  cancel(): void {
    this.inner?.cancel();
  }
}

class PagedRows implements RowSource {
  count = 0;
  readonly notes: string[] = [];
  readonly head: Record<string, unknown> = {};
  /** Rows asked for so far (the next page's start, relative to the user's start). */
  private asked = 0;
  private first: Page | undefined;
  private current: Page | undefined;
  private next: Pending | undefined;
  /** The first page's total (replyWithCount) less the start offset, within the user's limit. */
  expected: number | undefined;

  constructor(
    private readonly planned: PlannedRequest,
    private readonly q: Query,
    private readonly ctx: ExecContext,
    private readonly opts: PageOptions,
  ) {}

  async open(): Promise<ReplyShape> {
    this.first ??= await this.request(true).page;
    const shape = await this.first.rows.open();
    if (!shape.list) Object.assign(this.head, shape.value);
    return shape;
  }

  async *batches(): AsyncGenerator<unknown[]> {
    if (!this.first) throw new Error('open() first');
    let page: Page | undefined = this.first;
    let isFirst = true;
    /** uuids of the previous page: a row shifted onto this page by an insert is not written twice. */
    let previous = new Set<string>();
    try {
      while (page) {
        this.current = page;
        if (!isFirst) {
          const shape = await page.rows.open();
          if (!shape.list) break;
        }
        // After a full page, ask for the next one at once: the server works on it while this one is
        // read and written. On the first page, wait until half of it is in (it is then likely full).
        if (!isFirst && this.more()) this.next = this.request(false);
        const seen = new Set<string>();
        let got = 0;
        for await (const batch of page.rows.batches()) {
          got += batch.length;
          if (!this.next && got * 2 >= page.limit && this.more()) this.next = this.request(false);
          const out = previous.size ? batch.filter((r) => !previous.has(uuidOf(r) ?? '')) : batch;
          for (const r of out) {
            const u = uuidOf(r);
            if (u !== undefined) seen.add(u);
          }
          if (out.length) {
            this.count += out.length;
            yield out;
          }
        }
        page.done();
        if (isFirst) this.firstDone(page.rows.head);
        isFirst = false;
        previous = seen;
        const ended: boolean = got < page.limit || (!this.next && this.wanted() <= 0);
        const next: Pending | undefined = this.next ?? (ended ? undefined : this.request(false));
        this.next = undefined;
        if (ended) {
          next?.abort.abort();
          break;
        }
        page = await next!.page;
      }
      this.checkTotal();
    } finally {
      this.cancel();
    }
  }

  cancel(): void {
    this.next?.abort.abort();
    (this.current ?? this.first)?.rows.cancel();
  }

  /** Whether to ask for a page ahead: rows are still wanted and, once the total is known, expected. */
  private more(): boolean {
    return this.wanted() > 0 && (this.expected === undefined || this.asked < this.expected);
  }

  /** Rows still wanted after those asked for. */
  private wanted(): number {
    return this.q.limit === undefined ? Infinity : this.q.limit - this.asked;
  }

  private request(first: boolean): Pending {
    const limit = Math.min(this.opts.pageSize, this.wanted());
    const start = this.q.start + this.asked;
    this.asked += limit;
    const pairs = [...this.q.pairs, `limit=${limit}`, `start=${start}`];
    if (first) pairs.push('replyWithCount=true');
    const req: PlannedRequest = { ...this.planned, pathAndQuery: `${this.q.path}?${pairs.join('&')}` };
    // Aborted on Ctrl-C or when the page is no longer wanted. (Forwarded by hand: AbortSignal.any
    // keeps every combined signal alive as long as Ctrl-C's, one per page.)
    const abort = new AbortController();
    const parent = this.ctx.options.signal;
    const forward = (): void => abort.abort();
    if (parent?.aborted) abort.abort();
    else parent?.addEventListener('abort', forward, { once: true });
    const ctx: ExecContext = { ...this.ctx, options: { ...this.ctx.options, streamBody: true, signal: abort.signal } };
    const page = execute(req, ctx).then((r) => ({ rows: rowsOf(r), limit, done: () => parent?.removeEventListener('abort', forward) }));
    // A page asked for ahead and then not wanted must not count as an unhandled rejection.
    page.catch(() => undefined);
    return { page, abort };
  }

  private firstDone(head: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(head)) if (k !== 'total' || this.q.replyWithCount) this.head[k] = v;
    const total = typeof head.total === 'number' ? head.total : undefined;
    if (total !== undefined) {
      const available = Math.max(0, total - this.q.start);
      this.expected = this.q.limit === undefined ? available : Math.min(available, this.q.limit);
    }
  }

  private checkTotal(): void {
    if (this.expected === undefined || this.expected === this.count) return;
    this.notes.push(
      `the result changed while paging: ${this.count.toLocaleString('en-US')} rows written, the server counted ${this.expected.toLocaleString('en-US')} at the start`,
    );
  }
}

function uuidOf(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const u = (row as { uuid?: unknown }).uuid;
  return typeof u === 'string' ? u : undefined;
}
