import { ProtocolError } from './errors.js';
import { parseJsonExact } from './exact-json.js';
import { execute, QUERY_MAX_BODY_BYTES } from './executor.js';
import { DEFAULT_PAGE_SIZE, queryPages } from './pages.js';
export async function fetchForOutput(planned, ctx, mode = {}) {
    if (!planned.api.query)
        return execute(planned, ctx);
    if (mode.all && !mode.raw) {
        const rows = queryPages(planned, ctx, { pageSize: mode.pageSize ?? DEFAULT_PAGE_SIZE });
        await rows.open();
        return { kind: 'rows', rows };
    }
    return execute(planned, { ...ctx, options: { ...ctx.options, streamBody: true } });
}
/**
 * A result with its rows all read, for callers that need the whole value at once (`watch`, the
 * shell's background jobs): a streamed answer is read to its end (at most QUERY_MAX_BODY_BYTES, as
 * an answer read whole), --all pages into one `{inventories, ...}` value.
 */
export async function settleResult(result) {
    if (result.kind === 'stream') {
        const parts = [];
        let size = 0;
        try {
            for (let chunk = await result.body.next(); chunk; chunk = await result.body.next()) {
                size += chunk.length;
                if (size > QUERY_MAX_BODY_BYTES)
                    throw new ProtocolError(`the answer is larger than ${QUERY_MAX_BODY_BYTES / 2 ** 20} MiB; ask for less (limit=, fields=) or let it stream to stdout`, 200);
                parts.push(chunk);
            }
        }
        finally {
            result.body.cancel();
        }
        const text = Buffer.concat(parts).toString('utf8');
        let value = {};
        if (text.trim() !== '') {
            try {
                value = parseJsonExact(text);
            }
            catch {
                throw new ProtocolError(`the server answered 200 with a body that is not JSON: ${text.slice(0, 80)}`, 200);
            }
        }
        return { kind: 'done', status: 200, value, bodyText: text };
    }
    if (result.kind === 'rows') {
        const shape = await result.rows.open();
        if (!shape.list)
            return { kind: 'done', status: 200, value: shape.value, bodyText: '' };
        const rows = [];
        for await (const batch of result.rows.batches())
            for (const r of batch)
                rows.push(r);
        return { kind: 'done', status: 200, value: { inventories: rows, ...result.rows.head }, bodyText: '' };
    }
    return result;
}
