// A small stand-in for ZStack's query endpoint (`GET /zstack/v1/vm-instances`), for the faults the
// simulator does not make: rows added or removed between pages, an error on page N, a connection cut
// in the middle of an answer, longs beyond 2^53, answers written in tiny pieces. Rows are made on the
// fly from their index; `limit`/`start`/`replyWithCount` are honoured like ZStack does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RowsServerOptions {
  rows: number;
  /** Called before each page is answered (page numbers from 1); may change `state.rows` or the row list. */
  beforePage?: (page: number, state: RowsState) => void;
  /** Answer this page (from 1) with a 503 ZStack error. */
  failPage?: number;
  /** Cut the connection after this many bytes of the answer to this page. */
  cutPage?: { page: number; afterBytes: number };
  /** Write the answer in pieces of this many bytes. */
  pieceBytes?: number;
}

export interface RowsState {
  /** The row ids in order (a row's uuid and name come from its id). */
  ids: number[];
}

export interface RowsServer {
  port: number;
  /** `limit=…&start=…` etc. of every request, in order. */
  queries: URLSearchParams[];
  close(): Promise<void>;
}

/** Exact text of a row: `memorySize` is a long beyond 2^53 (written as digits, as Java does). */
export function rowJson(id: number): string {
  const uuid = id.toString(16).padStart(32, '0');
  return `{"uuid":"${uuid}","name":"vm-${id}","state":"${id % 2 ? 'Stopped' : 'Running'}","cpuNum":${1 + (id % 8)},"memorySize":${BigInt(id) + 9007199254740993n},"vmNics":[{"ip":"10.0.${(id >> 8) & 255}.${id & 255}"}]}`;
}

export async function startRowsServer(opts: RowsServerOptions): Promise<RowsServer> {
  const state: RowsState = { ids: Array.from({ length: opts.rows }, (_, i) => i + 1) };
  const queries: URLSearchParams[] = [];
  let page = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const url = new URL(req.url ?? '/', 'http://x');
    queries.push(url.searchParams);
    page++;
    opts.beforePage?.(page, state);
    if (opts.failPage === page) {
      const body = JSON.stringify({ error: { code: 'SYS.1000', description: 'An internal error happened in system', details: `page ${page} failed on purpose` } });
      res.writeHead(503, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }
    const start = Number(url.searchParams.get('start') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const ids = state.ids.slice(start, start + limit);
    let body = `{"inventories":[${ids.map(rowJson).join(',')}]`;
    if (url.searchParams.get('replyWithCount') === 'true') body += `,"total":${state.ids.length}`;
    body += '}';
    const bytes = Buffer.from(body);
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': bytes.length });
    const cut = opts.cutPage?.page === page ? opts.cutPage.afterBytes : undefined;
    if (cut !== undefined) {
      res.write(bytes.subarray(0, cut), () => res.destroy());
      return;
    }
    const piece = opts.pieceBytes ?? bytes.length;
    let at = 0;
    const next = (): void => {
      if (at >= bytes.length) {
        res.end();
        return;
      }
      const chunk = bytes.subarray(at, at + piece);
      at += piece;
      if (res.write(chunk)) setImmediate(next);
      else res.once('drain', next);
    };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    queries,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
