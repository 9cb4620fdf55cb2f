// Query replies written as they are rendered: `{"inventories":[...],"total":N,"schema":{...}}` in chunks of about
// 256 KB, waiting for the socket to drain (backpressure) and letting other requests in between chunks. ZStack puts the
// schema map on every query reply. Rows deleted while the reply is being written are left out.
import type { ServerResponse } from 'node:http';
import type { QueryAnswer } from '../query/engine.js';
import type { RowText } from '../query/text.js';
import type { Row } from '../store/table.js';

const CHUNK = 256 * 1024;

/** Resolves when the socket wants more (or is gone); false when the client went away. */
function flushed(res: ServerResponse, text: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(text)) return new Promise((resolve) => setImmediate(() => resolve(!res.destroyed)));
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = (): void => done(true);
    const onClose = (): void => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

export async function sendQueryAnswer(res: ServerResponse, answer: QueryAnswer, text: RowText): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
  if (answer.countOnly) {
    res.end(`{"total":${answer.total ?? 0},"schema":{}}`);
    return;
  }
  const { table } = answer.scope;
  const written: Row[] = [];
  let buf = '{"inventories":[';
  for (const id of answer.ids) {
    const row = table.get(id);
    if (!row) continue;
    buf += (written.length === 0 ? '' : ',') + text.row(answer.inventory, row, answer.fields);
    written.push(row);
    if (buf.length >= CHUNK) {
      if (!(await flushed(res, buf))) return;
      buf = '';
    }
  }
  buf += ']';
  if (answer.total !== undefined) buf += `,"total":${answer.total}`;
  buf += ',"schema":{';
  let first = true;
  for (let i = 0; i < written.length; i++) {
    const entries = text.schema(answer.inventory, written[i]!, `inventories[${i}]`, answer.fields);
    if (entries === '') continue;
    buf += first ? entries : `,${entries}`;
    first = false;
    if (buf.length >= CHUNK) {
      if (!(await flushed(res, buf))) return;
      buf = '';
    }
  }
  res.end(`${buf}}}`);
}
