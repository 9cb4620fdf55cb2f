// The process-facing ports every command gets: streams, environment, files, clock. Built once by the
// entry point (system.ts); tests pass fakes.
import type { ProcessIdentity } from '../config/identity.js';

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  homedir: string;
  /** Who owns the config files and holds their locks. */
  identity: ProcessIdentity;
}
