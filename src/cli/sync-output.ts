// Output written with synchronous writes on a file descriptor: stdout of a one-shot command when it
// is not a terminal (a file, a pipe, /dev/null), and both outputs of `__complete`. No stream is
// created, so neither Node's stream machinery nor, for a pipe, its socket code is loaded at start.
// A descriptor that would block (a full non-blocking pipe) hands the rest to a stream after all,
// whose backpressure ('drain') the writer then sees. Any other failure (the reader went away, a full
// disk) is reported once, as output-guard.ts reports it, shows in `errored`, and what is left is
// dropped.
import type { OutStream } from './io.js';
import type { OutputFailure } from './output-guard.js';

export type WriteSync = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

type Event = 'drain' | 'close' | 'error';

/** What takes over when a write would block. */
export interface FallbackStream {
  write(bytes: Uint8Array): unknown;
  once?(event: Event, listener: () => void): unknown;
  off?(event: Event, listener: () => void): unknown;
  readonly errored?: unknown;
}

/** The output: it writes like a stream, says when it failed (`errored`), and passes the fallback's events on. */
export interface SyncOutput extends OutStream {
  write(text: string | Uint8Array): boolean;
  /** The write failure (null while none): a reader gone, a full disk; the fallback stream's own after it took over. */
  readonly errored: unknown;
  once(event: Event, listener: () => void): unknown;
  off(event: Event, listener: () => void): unknown;
}

export function syncOutput(fd: number, name: OutputFailure['stream'], writeSync: WriteSync, fallback: () => FallbackStream, onFailure: (f: OutputFailure) => void): SyncOutput {
  let stream: FallbackStream | undefined;
  let failure: Error | undefined;
  return {
    get errored() {
      return failure ?? stream?.errored ?? null;
    },
    // Until a stream takes over nothing is ever pending: no 'drain' is awaited (write never returns false).
    once(event, listener) {
      return stream?.once?.(event, listener);
    },
    off(event, listener) {
      return stream?.off?.(event, listener);
    },
    write(text) {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      if (stream) return stream.write(bytes) !== false;
      if (failure) return true;
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        if (code !== 'EAGAIN') {
          failure = e instanceof Error ? e : new Error(code);
          onFailure({ stream: name, code });
          return true;
        }
        stream = fallback();
        return stream.write(bytes.subarray(at)) !== false;
      }
      return true;
    },
  };
}
