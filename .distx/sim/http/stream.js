import { roomFor, writeRow } from '../query/row-cache.js';
/** A chunk's size: a 250 MB reply in 1 MB chunks costs ~0.1 s less CPU than in 256 KB ones (fewer writes and wake-ups). */
export const CHUNK = 1024 * 1024;
/** Fills chunks with text and bytes; `full` says when it is time to send one. Sent chunks come back to be refilled. */
class Chunks {
    free = [];
    buf = Buffer.allocUnsafe(CHUNK);
    used = 0;
    get full() {
        return this.used >= (CHUNK * 3) / 4;
    }
    text(s) {
        // At most 3 bytes per UTF-16 unit.
        if (this.used + s.length * 3 > this.buf.length)
            this.grow(s.length * 3);
        this.used += this.buf.write(s, this.used);
    }
    /** A kept row's text. */
    row(e) {
        const room = roomFor(e);
        if (this.used + room > this.buf.length)
            this.grow(room);
        this.used = writeRow(e, this.buf, this.used);
    }
    /**
     * Sends the bytes so far and starts a new chunk; resolves when the socket wants more (or is gone): false when the
     * client went away. The chunk is refilled only once the socket has written it.
     */
    send(res) {
        if (res.destroyed)
            return Promise.resolve(false);
        const sent = this.buf;
        const ready = res.write(sent.subarray(0, this.used), () => {
            if (sent.length === CHUNK)
                this.free.push(sent);
        });
        this.buf = this.free.pop() ?? Buffer.allocUnsafe(CHUNK);
        this.used = 0;
        if (ready)
            return new Promise((resolve) => setImmediate(() => resolve(!res.destroyed)));
        return new Promise((resolve) => {
            const done = (ok) => {
                res.off('drain', onDrain);
                res.off('close', onClose);
                resolve(ok);
            };
            const onDrain = () => done(true);
            const onClose = () => done(false);
            res.on('drain', onDrain);
            res.on('close', onClose);
        });
    }
    /** Sends the rest and ends the reply. */
    end(res) {
        res.end(this.buf.subarray(0, this.used));
    }
    grow(more) {
        const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + more));
        this.buf.copy(next, 0, 0, this.used);
        this.buf = next;
    }
}
/**
 * Writes the answer's rows from `at` on into `out` until a chunk is full; returns where to go on. (The loops are plain
 * functions apart from the awaits between chunks: small, compiled once and early, where one async function holding
 * them all would be compiled again and again.)
 */
function writeRows(out, answer, text, done, at) {
    const { table } = answer.scope;
    const { inventory, fields, ids } = answer;
    for (; at < ids.length; at++) {
        const id = ids[at];
        const row = table.get(id);
        if (!row)
            continue;
        if (done.rows.length > 0)
            out.text(',');
        if (fields)
            out.text(text.row(inventory, row, fields));
        else
            out.row(text.cachedRow(inventory, table, id, row));
        done.rows.push(row);
        done.ids.push(id);
        if (out.full)
            return at + 1;
    }
    return at;
}
/** Writes the schema entries of the rows written from `at` on into `out` until a chunk is full; returns where to go on. */
function writeEntries(out, answer, text, done, at) {
    const { table } = answer.scope;
    const { inventory, fields } = answer;
    for (; at < done.rows.length; at++) {
        const path = `inventories[${at}]`;
        const row = done.rows[at];
        const entries = fields ? text.schema(inventory, row, path, fields) : text.cachedSchema(inventory, table, done.ids[at], row, path);
        if (entries === '')
            continue;
        if (done.entries > 0)
            out.text(',');
        out.text(entries);
        done.entries++;
        if (out.full)
            return at + 1;
    }
    return at;
}
export async function sendQueryAnswer(res, answer, text) {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    if (answer.countOnly) {
        res.end(`{"total":${answer.total ?? 0},"schema":{}}`);
        return;
    }
    const done = { rows: [], ids: [], entries: 0 };
    const out = new Chunks();
    if (!answer.fields)
        text.expectRows(answer.scope.table, answer.ids);
    out.text('{"inventories":[');
    for (let at = 0; at < answer.ids.length;) {
        at = writeRows(out, answer, text, done, at);
        if (out.full && !(await out.send(res)))
            return;
    }
    out.text(']');
    if (answer.total !== undefined)
        out.text(`,"total":${answer.total}`);
    out.text(',"schema":{');
    for (let at = 0; at < done.rows.length;) {
        at = writeEntries(out, answer, text, done, at);
        if (out.full && !(await out.send(res)))
            return;
    }
    out.text('}}');
    out.end(res);
}
