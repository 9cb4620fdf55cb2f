// Output written with synchronous writes on a file descriptor, for a process that prints a few lines
// and ends (`__complete`, one Tab in bash or zsh): no stream is created, so neither Node's stream
// machinery nor, for a pipe, its socket code is loaded. A descriptor that would block (a full
// non-blocking pipe) hands the rest to a stream after all. Any other failure (the reader went away,
// a full disk) is reported once, as output-guard.ts reports it, and what is left is dropped.
import type { OutStream } from './io.js';
import type { OutputFailure } from './output-guard.js';

export type WriteSync = (fd: number, bytes: Uint8Array, offset: number, length: number) => number;

/** What takes over when a write would block. */
export interface FallbackStream {
  write(bytes: Uint8Array): unknown;
}

export function syncOutput(fd: number, name: OutputFailure['stream'], writeSync: WriteSync, fallback: () => FallbackStream, onFailure: (f: OutputFailure) => void): OutStream {
  let stream: FallbackStream | undefined;
  let failed = false;
  return {
    write(text: string): boolean {
      const bytes = Buffer.from(text, 'utf8');
      if (stream) return stream.write(bytes) !== false;
      if (failed) return true;
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
        if (code !== 'EAGAIN') {
          failed = true;
          onFailure({ stream: name, code });
          return true;
        }
        stream = fallback();
        stream.write(bytes.subarray(at));
      }
      return true;
    },
  };
}
