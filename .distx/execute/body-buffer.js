// A response body read into memory up to a limit: answers beyond it are refused, never buffered
// (a proxy's endless stream or a 1 GB page must not take the process's memory).
/**
 * The most body bytes that can ever become one string: V8 strings hold at most 2^29-24 UTF-16
 * units, and UTF-8 never decodes to more units than it has bytes.
 */
export const MAX_STRING_BYTES = 2 ** 29 - 24;
const FIRST_BLOCK = 64 * 1024;
const BLOCK = 1024 * 1024;
/**
 * A response body, decoded as UTF-8 once at the end (so a character split across chunks decodes
 * whole). Chunks are copied into one buffer of the announced length, or else into 1 MiB blocks
 * joined once: never quadratic, and a server writing tiny chunks does not leave millions of small
 * Buffer objects alive until the end.
 */
export class BodyBuffer {
    limit;
    full = [];
    block;
    used = 0;
    total = 0;
    /** `announced`: the Content-Length (NaN when unknown); check it with `fits` first. */
    constructor(announced, limit) {
        this.limit = Math.min(limit, MAX_STRING_BYTES);
        this.block = Buffer.allocUnsafe(this.fits(announced) && Number.isSafeInteger(announced) ? announced : FIRST_BLOCK);
    }
    /** False when a body of `announced` bytes would pass the limit. */
    fits(announced) {
        return !(Number.isFinite(announced) && announced > this.limit);
    }
    /** Bytes received so far. */
    get size() {
        return this.total;
    }
    /** Adds a chunk; false (and the chunk dropped) once the body passes the limit. */
    add(chunk) {
        this.total += chunk.length;
        if (this.total > this.limit)
            return false;
        let from = 0;
        while (from < chunk.length) {
            if (this.used === this.block.length) {
                this.full.push(this.block);
                this.block = Buffer.allocUnsafe(BLOCK);
                this.used = 0;
            }
            const n = Buffer.from(chunk.buffer, chunk.byteOffset + from, chunk.length - from).copy(this.block, this.used);
            this.used += n;
            from += n;
        }
        return true;
    }
    text() {
        const last = this.block.subarray(0, this.used);
        if (this.full.length === 0)
            return last.toString('utf8');
        const all = Buffer.concat([...this.full, last]);
        this.full.length = 0;
        return all.toString('utf8');
    }
}
