// A 200 answer's body read as it arrives (TransportRequest.stream): chunks are pulled by the consumer
// and read ahead up to a bound, so the socket is drained while earlier rows are written (the server is
// never kept waiting on a small buffer) yet memory stays bounded when stdout is slow. The rest of the
// call's --timeout covers the body too; Ctrl-C, a reset or a cut connection end it with the executor's
// typed errors (InterruptedError, ConnectionError).
import type { Readable } from 'node:stream';
import { ConnectionError, InterruptedError } from './errors.js';
import { toConnectionError } from './transport.js';

/** Bytes read ahead of the consumer before the socket is paused. */
const READ_AHEAD = 8 * 1024 * 1024;

export interface ReplyBodyOptions {
  /** `host:port`, for errors. */
  address: string;
  signal?: AbortSignal;
  /** Time left for the whole call, in ms. */
  timeoutMs: number;
  readAhead?: number;
}

export class ReplyBody {
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly readAhead: number;
  private readonly onAbort = (): void => this.stop(new InterruptedError());
  /** Bytes handed to the consumer so far. */
  bytes = 0;

  constructor(
    private readonly stream: Readable,
    private readonly opts: ReplyBodyOptions,
  ) {
    this.readAhead = opts.readAhead ?? READ_AHEAD;
    stream.on('data', (b: Buffer) => {
      this.queue.push(b);
      this.queued += b.length;
      if (this.queued >= this.readAhead) stream.pause();
      this.notify();
    });
    stream.on('end', () => {
      this.ended = true;
      this.notify();
    });
    stream.on('error', (e: unknown) => this.stop(toConnectionError(e, opts.address)));
    stream.on('close', () => {
      if (!this.ended) this.stop(new ConnectionError('reset', opts.address, 'the connection closed before the whole answer arrived'));
    });
    this.timer = setTimeout(
      () => this.stop(new ConnectionError('timeout', opts.address, `the answer did not finish within ${opts.timeoutMs} ms`)),
      Math.max(1, opts.timeoutMs),
    );
    this.timer.unref();
    if (opts.signal?.aborted) this.onAbort();
    else opts.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** The next chunk, or null at the end of the body. Throws the typed error that ended it. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      if (this.failure !== undefined) throw this.failure;
      const b = this.queue.shift();
      if (b) {
        this.queued -= b.length;
        this.bytes += b.length;
        if (this.stream.isPaused() && this.queued < this.readAhead / 2) this.stream.resume();
        return b;
      }
      if (this.ended) {
        this.release();
        return null;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Stops reading and closes the connection (the rest of the answer is not wanted). */
  cancel(): void {
    if (this.ended && this.queue.length === 0) return;
    this.stop(new InterruptedError());
  }

  private stop(e: unknown): void {
    if (this.failure !== undefined || (this.ended && this.queue.length === 0)) return;
    this.failure = e;
    this.queue.length = 0;
    this.release();
    this.stream.destroy();
    this.notify();
  }

  private release(): void {
    clearTimeout(this.timer);
    this.opts.signal?.removeEventListener('abort', this.onAbort);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }
}
