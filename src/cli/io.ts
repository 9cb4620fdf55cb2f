// The process-facing ports every command gets: streams, environment, files, clock. Built once by the
// entry point (system.ts); tests pass fakes.

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
}
