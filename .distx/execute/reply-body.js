// A 200 answer's body read as it arrives (TransportRequest.stream): chunks are pulled by the consumer
// and read ahead up to a bound, so the socket is drained while earlier rows are written (the server is
// never kept waiting on a small buffer) yet memory stays bounded when stdout is slow. The rest of the
// call's --timeout covers the body too, and the read timeout while the consumer waits for data (not
// while it is busy writing); Ctrl-C, a reset or a cut connection end it with the executor's typed
// errors (InterruptedError, ConnectionError).
import { ConnectionError, formatDuration, InterruptedError } from './errors.js';
import { setLongTimeout } from './long-timeout.js';
import { toConnectionError } from './transport.js';
/** Bytes read ahead of the consumer before the socket is paused. */
const READ_AHEAD = 8 * 1024 * 1024;
export class ReplyBody {
    source;
    opts;
    queue = [];
    queued = 0;
    ended = false;
    failure;
    wake;
    clearDeadline;
    readAhead;
    onAbort = () => this.stop(new InterruptedError());
    paused = false;
    /** Bytes handed to the consumer so far. */
    bytes = 0;
    constructor(source, opts) {
        this.source = source;
        this.opts = opts;
        this.readAhead = opts.readAhead ?? READ_AHEAD;
        this.clearDeadline = setLongTimeout(() => this.stop(new ConnectionError('timeout', opts.address, `no complete answer within ${formatDuration(opts.timeoutMs)}`)), opts.timeoutMs);
        if (opts.signal?.aborted) {
            this.onAbort();
            return;
        }
        opts.signal?.addEventListener('abort', this.onAbort, { once: true });
        source.start({
            data: (b) => {
                this.queue.push(b);
                this.queued += b.length;
                if (this.queued >= this.readAhead && !this.paused) {
                    this.paused = true;
                    source.pause();
                }
                this.notify();
            },
            end: () => {
                this.ended = true;
                this.notify();
            },
            fail: (e) => this.stop(toConnectionError(e, opts.address)),
        });
    }
    /** The next chunk, or null at the end of the body. Throws the typed error that ended it. */
    async next() {
        for (;;) {
            if (this.failure !== undefined)
                throw this.failure;
            const b = this.queue.shift();
            if (b) {
                this.queued -= b.length;
                this.bytes += b.length;
                if (this.paused && this.queued < this.readAhead / 2) {
                    this.paused = false;
                    this.source.resume();
                }
                return b;
            }
            if (this.ended) {
                this.release();
                return null;
            }
            await this.arrival();
        }
    }
    /** Waits for data, the end or a failure; only this wait counts toward the read timeout (not the consumer's own pauses). */
    async arrival() {
        const ms = this.opts.readTimeoutMs;
        let idle;
        if (ms !== undefined) {
            idle = setTimeout(() => this.stop(new ConnectionError('idle', this.opts.address, `nothing received for ${formatDuration(ms)}`)), Math.max(1, ms));
            idle.unref();
        }
        try {
            await new Promise((resolve) => (this.wake = resolve));
        }
        finally {
            clearTimeout(idle);
        }
    }
    /** Stops reading and closes the connection (the rest of the answer is not wanted). */
    cancel() {
        if (this.ended && this.queue.length === 0)
            return;
        this.stop(new InterruptedError());
    }
    stop(e) {
        if (this.failure !== undefined || (this.ended && this.queue.length === 0))
            return;
        this.failure = e;
        this.queue.length = 0;
        this.release();
        this.source.destroy();
        this.notify();
    }
    release() {
        this.clearDeadline();
        this.opts.signal?.removeEventListener('abort', this.onAbort);
    }
    notify() {
        const w = this.wake;
        this.wake = undefined;
        w?.();
    }
}
