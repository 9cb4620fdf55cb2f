// How a planned call is fetched for printing: a query's answer comes back unread and is read row by
// row (or byte by byte with --raw) as it is printed, one answer or every page with --all; other
// calls as executed. For --all the first page is asked for here, so errors such as an expired
// session surface before any output.
import type { PlannedRequest } from '../plan/request.js';
import { execute, type ExecContext, type ExecResult } from './executor.js';
import { DEFAULT_PAGE_SIZE, queryPages } from './pages.js';

export interface FetchMode {
  /** --all: every page of a query. */
  all?: boolean;
  /** --page-size (default 1000). */
  pageSize?: number;
  /** --raw: one answer as it came (never paged). */
  raw?: boolean;
}

export async function fetchForOutput(planned: PlannedRequest, ctx: ExecContext, mode: FetchMode = {}): Promise<ExecResult> {
  if (!planned.api.query) return execute(planned, ctx);
  if (mode.all && !mode.raw) {
    const rows = queryPages(planned, ctx, { pageSize: mode.pageSize ?? DEFAULT_PAGE_SIZE });
    await rows.open();
    return { kind: 'rows', rows };
  }
  return execute(planned, { ...ctx, options: { ...ctx.options, streamBody: true } });
}
