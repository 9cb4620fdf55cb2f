import { execute } from './executor.js';
import { ReplyRows, ValueRows } from './reply-rows.js';
/** ZStack's own default `limit`. */
export const DEFAULT_PAGE_SIZE = 1000;
function readQuery(pathAndQuery) {
    const q = pathAndQuery.indexOf('?');
    const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
    const all = q < 0 ? [] : pathAndQuery.slice(q + 1).split('&').filter(Boolean);
    const out = { path, pairs: [], start: 0, count: false, replyWithCount: false };
    for (const pair of all) {
        const eq = pair.indexOf('=');
        const name = eq < 0 ? pair : pair.slice(0, eq);
        const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
        if (name === 'limit')
            out.limit = Number(value);
        else if (name === 'start')
            out.start = Number(value);
        else if (name === 'replyWithCount')
            out.replyWithCount = value === 'true';
        else {
            if (name === 'count' && value === 'true')
                out.count = true;
            out.pairs.push(pair);
        }
    }
    return out;
}
/** Whether the request asks for the total beside the rows (`replyWithCount=true`). */
export function asksTotal(planned) {
    return readQuery(planned.pathAndQuery).replyWithCount;
}
/** The fields a query asks for (`fields=a,b`), or undefined. */
export function askedFields(planned) {
    const pair = readQuery(planned.pathAndQuery).pairs.find((p) => p.startsWith('fields='));
    const names = pair ? decodeURIComponent(pair.slice('fields='.length)).split(',').filter(Boolean) : [];
    return names.length ? names : undefined;
}
function rowsOf(result) {
    if (result.kind === 'stream')
        return new ReplyRows(result.body);
    if (result.kind === 'done')
        return new ValueRows(result.value);
    throw new Error('a query answered with an accepted job');
}
/** All rows of a query, page by page; `planned` must be a query. */
export function queryPages(planned, ctx, opts) {
    const q = readQuery(planned.pathAndQuery);
    const stream = { ...ctx, options: { ...ctx.options, streamBody: true } };
    if (q.count)
        return new LazyRows(async () => rowsOf(await execute(planned, stream)));
    return new PagedRows(planned, q, ctx, opts);
}
/** A RowSource whose request is sent on open(). */
class LazyRows {
    start;
    inner;
    constructor(start) {
        this.start = start;
    }
    get head() {
        return this.inner?.head ?? {};
    }
    get count() {
        return this.inner?.count ?? 0;
    }
    get notes() {
        return this.inner?.notes ?? [];
    }
    get expected() {
        return this.inner?.expected;
    }
    async open() {
        this.inner ??= await this.start();
        return this.inner.open();
    }
    batches() {
        if (!this.inner)
            throw new Error('open() first');
        return this.inner.batches();
    }
    cancel() {
        this.inner?.cancel();
    }
}
class PagedRows {
    planned;
    q;
    ctx;
    opts;
    count = 0;
    notes = [];
    head = {};
    /** Rows asked for so far (the next page's start, relative to the user's start). */
    asked = 0;
    first;
    current;
    next;
    /** The first page's total (replyWithCount) less the start offset, within the user's limit. */
    expected;
    constructor(planned, q, ctx, opts) {
        this.planned = planned;
        this.q = q;
        this.ctx = ctx;
        this.opts = opts;
    }
    async open() {
        this.first ??= await this.request(true).page;
        const shape = await this.first.rows.open();
        if (!shape.list)
            Object.assign(this.head, shape.value);
        return shape;
    }
    async *batches() {
        if (!this.first)
            throw new Error('open() first');
        let page = this.first;
        let isFirst = true;
        /** uuids of the previous page: a row shifted onto this page by an insert is not written twice. */
        let previous = new Set();
        try {
            while (page) {
                this.current = page;
                if (!isFirst) {
                    const shape = await page.rows.open();
                    if (!shape.list)
                        break;
                }
                // After a full page, ask for the next one at once: the server works on it while this one is
                // read and written. On the first page, wait until half of it is in (it is then likely full).
                if (!isFirst && this.more())
                    this.next = this.request(false);
                const seen = new Set();
                let got = 0;
                for await (const batch of page.rows.batches()) {
                    got += batch.length;
                    if (!this.next && got * 2 >= page.limit && this.more())
                        this.next = this.request(false);
                    const out = previous.size ? batch.filter((r) => !previous.has(uuidOf(r) ?? '')) : batch;
                    for (const r of out) {
                        const u = uuidOf(r);
                        if (u !== undefined)
                            seen.add(u);
                    }
                    if (out.length) {
                        this.count += out.length;
                        yield out;
                    }
                }
                page.done();
                if (isFirst)
                    this.firstDone(page.rows.head);
                isFirst = false;
                previous = seen;
                const ended = got < page.limit || (!this.next && this.wanted() <= 0);
                const next = this.next ?? (ended ? undefined : this.request(false));
                this.next = undefined;
                if (ended) {
                    next?.abort.abort();
                    break;
                }
                page = await next.page;
            }
            this.checkTotal();
        }
        finally {
            this.cancel();
        }
    }
    cancel() {
        this.next?.abort.abort();
        (this.current ?? this.first)?.rows.cancel();
    }
    /** Whether to ask for a page ahead: rows are still wanted and, once the total is known, expected. */
    more() {
        return this.wanted() > 0 && (this.expected === undefined || this.asked < this.expected);
    }
    /** Rows still wanted after those asked for. */
    wanted() {
        return this.q.limit === undefined ? Infinity : this.q.limit - this.asked;
    }
    request(first) {
        const limit = Math.min(this.opts.pageSize, this.wanted());
        const start = this.q.start + this.asked;
        this.asked += limit;
        const pairs = [...this.q.pairs, `limit=${limit}`, `start=${start}`];
        if (first)
            pairs.push('replyWithCount=true');
        const req = { ...this.planned, pathAndQuery: `${this.q.path}?${pairs.join('&')}` };
        // Aborted on Ctrl-C or when the page is no longer wanted. (Forwarded by hand: AbortSignal.any
        // keeps every combined signal alive as long as Ctrl-C's, one per page.)
        const abort = new AbortController();
        const parent = this.ctx.options.signal;
        const forward = () => abort.abort();
        if (parent?.aborted)
            abort.abort();
        else
            parent?.addEventListener('abort', forward, { once: true });
        const ctx = { ...this.ctx, options: { ...this.ctx.options, streamBody: true, signal: abort.signal } };
        const page = execute(req, ctx).then((r) => ({ rows: rowsOf(r), limit, done: () => parent?.removeEventListener('abort', forward) }));
        // A page asked for ahead and then not wanted must not count as an unhandled rejection.
        page.catch(() => undefined);
        return { page, abort };
    }
    firstDone(head) {
        for (const [k, v] of Object.entries(head))
            if (k !== 'total' || this.q.replyWithCount)
                this.head[k] = v;
        const total = typeof head.total === 'number' ? head.total : undefined;
        if (total !== undefined) {
            const available = Math.max(0, total - this.q.start);
            this.expected = this.q.limit === undefined ? available : Math.min(available, this.q.limit);
        }
    }
    checkTotal() {
        if (this.expected === undefined || this.expected === this.count)
            return;
        this.notes.push(`the result changed while paging: ${this.count.toLocaleString('en-US')} rows written, the server counted ${this.expected.toLocaleString('en-US')} at the start`);
    }
}
function uuidOf(row) {
    if (typeof row !== 'object' || row === null)
        return undefined;
    const u = row.uuid;
    return typeof u === 'string' ? u : undefined;
}
