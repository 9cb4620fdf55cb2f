// Rows of a query answer as they arrive: the `RowSource` every streamed result is read through (one
// answer here, many pages in pages.ts). `open()` tells the shape first: a list (rows follow, in
// batches) or a whole value (`{"total":N}` of count=true, `{}`); the members besides the rows
// (`total`) are complete once the batches are over.
import { ProtocolError } from './errors.js';
import { InventoriesScanner, ReplyFormatError } from './inventories-scan.js';
/** The rows of one streamed answer. */
export class ReplyRows {
    body;
    scanner = new InventoriesScanner();
    count = 0;
    notes = [];
    constructor(body) {
        this.body = body;
    }
    get head() {
        return this.scanner.head;
    }
    async open() {
        for (;;) {
            if (this.scanner.listSeen)
                return { list: true };
            if (!(await this.pull()))
                return this.scanner.listSeen ? { list: true } : { list: false, value: this.scanner.head };
        }
    }
    async *batches() {
        try {
            for (;;) {
                if (this.scanner.pending) {
                    const rows = this.scanner.take();
                    this.count += rows.length;
                    yield rows;
                }
                if (this.scanner.finished && !this.scanner.pending) {
                    // Whitespace may follow the answer; read to the end so the connection can be reused.
                    while (await this.pull())
                        ;
                    return;
                }
                if (!(await this.pull()) && !this.scanner.pending)
                    return;
            }
        }
        finally {
            this.body.cancel();
        }
    }
    cancel() {
        this.body.cancel();
    }
    /** Feeds one more chunk; false at the end of the body (the answer checked complete). */
    async pull() {
        const chunk = await this.body.next();
        try {
            if (chunk === null) {
                this.scanner.end();
                return false;
            }
            this.scanner.push(chunk);
            return true;
        }
        catch (e) {
            if (e instanceof ReplyFormatError) {
                this.body.cancel();
                throw new ProtocolError(`the server's answer broke off or is not the JSON expected: ${e.message}`, 200);
            }
            throw e;
        }
    }
}
/** The same interface over an answer already parsed whole (a transport that does not stream). */
export class ValueRows {
    value;
    count = 0;
    notes = [];
    head = {};
    rows;
    constructor(value) {
        this.value = value;
        const v = value;
        if (Array.isArray(v))
            this.rows = v;
        else if (typeof v === 'object' && v !== null) {
            const rec = v;
            if (Array.isArray(rec.inventories))
                this.rows = rec.inventories;
            for (const k of Object.keys(rec))
                if (k !== 'inventories' && k !== 'schema')
                    this.head[k] = rec[k];
        }
    }
    async open() {
        if (this.rows)
            return { list: true };
        return { list: false, value: this.head };
    }
    async *batches() {
        if (!this.rows?.length)
            return;
        this.count = this.rows.length;
        yield this.rows;
    }
    cancel() { }
}
