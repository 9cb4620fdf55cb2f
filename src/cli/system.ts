// The only module that reads the real process: builds CliIO from process (with guarded output
// streams), turns signals and lost output into abort signals for main, and maps what main returns
// to the process's exit code.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import type { ProcessIdentity } from '../config/identity.js';
import { renderError } from '../errors/report.js';
import type { CliIO, OutStream } from './io.js';
import { guardOutput, guardOutputLazily, isClosedPipe, type OutputFailure } from './output-guard.js';
import { syncOutput, type SyncOutput } from './sync-output.js';
import { endsProcess, exitCodeAfterStop, STOP_EXIT_CODES, type StopReason } from './stops.js';

/** After a stop that ends the process, how long the run gets to finish before the process exits anyway. */
export const FORCE_EXIT_AFTER_MS = 2000;

export interface SystemRun {
  io: CliIO;
  /** Aborts on any stop (Ctrl-C too): the running command should stop. */
  interrupt: AbortSignal;
  /** Aborts on stops that end the process (SIGTERM, SIGHUP, lost output): the shell should end too. */
  terminate: AbortSignal;
  /**
   * After main returned `code`: sets the exit code and ends the process at once when no output is
   * still waiting to be written (written in place, or the streams drained), rather than waiting for
   * the event loop to wind down; else the process ends once the streams are written.
   */
  end(code: number): void;
}

export function systemIO(): CliIO {
  return startSystem().io;
}

/**
 * Wires the real process: SIGINT, SIGTERM and SIGHUP abort the running command (the job's uuid
 * and `job wait` are printed as for Ctrl-C); a second one exits at once. A closed stdout/stderr
 * ends the run quietly (141); an unwritable one (ENOSPC) with one error line (1). The exit code
 * the caller sets is mapped at exit, since a write's failure may be reported after main returned.
 */
export function startSystem(): SystemRun {
  const interrupt = new AbortController();
  const terminate = new AbortController();
  let reason: StopReason | undefined;

  const stop = (r: StopReason): void => {
    // A signal while already stopping (a second Ctrl-C, kill twice): stop waiting for the run.
    if (r.startsWith('SIG') && interrupt.signal.aborted) process.exit(STOP_EXIT_CODES[r]);
    reason ??= r;
    if (!interrupt.signal.aborted) interrupt.abort(r);
    if (endsProcess(r) && !terminate.signal.aborted) {
      terminate.abort(r);
      // A run that ignores the abort (waiting for a script line on a silent stdin) still ends.
      setTimeout(() => process.exit(STOP_EXIT_CODES.SIGINT), FORCE_EXIT_AFTER_MS).unref();
    }
  };

  const onOutputFailure = outputFailureHandler(() => stderr, stop);
  // The process's own streams, once opened: output may still wait in them at the end.
  const opened: NodeJS.WriteStream[] = [];
  const open = (s: NodeJS.WriteStream): NodeJS.WriteStream => (opened.push(s), s);
  const stdout = writtenInPlace(1) ? inPlace(1, () => open(process.stdout), onOutputFailure) : guardOutput(open(process.stdout), 'stdout', onOutputFailure);
  // Else opened when something is written or asked of it: most commands print no error.
  const stderr = writtenInPlace(2) ? inPlace(2, () => open(process.stderr), onOutputFailure) : guardOutputLazily(() => open(process.stderr), 'stderr', onOutputFailure);

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => stop(sig));
  reportCrashes(stderr);
  process.on('exit', (code) => {
    process.exitCode = exitCodeAfterStop(code, reason);
  });

  const end = (code: number): void => {
    process.exitCode = code;
    if (opened.every((s) => s.writableLength === 0)) process.exit();
  };
  return { io: processIO(stdout, stderr), interrupt: interrupt.signal, terminate: terminate.signal, end };
}

/**
 * The IO of `__complete` (one Tab in bash or zsh): stdout and stderr written synchronously, no
 * stream created (sync-output.ts); no signal handling (Ctrl-C ends it at once, as any Tab helper).
 * A closed or unwritable output ends it as it ends every front end (141, or one line and 1).
 */
export function completionIO(): CliIO {
  let reason: StopReason | undefined;
  const onOutputFailure = outputFailureHandler(() => stderr, (r) => void (reason ??= r));
  const stdout = inPlace(1, () => process.stdout, onOutputFailure);
  const stderr = inPlace(2, () => process.stderr, onOutputFailure);
  reportCrashes(stderr);
  process.on('exit', (code) => {
    process.exitCode = exitCodeAfterStop(code, reason);
  });
  return processIO(stdout, stderr);
}

/**
 * Output on fd 1 or 2 written in place (sync-output.ts); when a write would block, the process's
 * stream (`stream()`, guarded like every output stream) takes over.
 */
function inPlace(fd: 1 | 2, stream: () => NodeJS.WriteStream, onFailure: (f: OutputFailure) => void): SyncOutput {
  const name = fd === 1 ? 'stdout' : 'stderr';
  return syncOutput(fd, name, writeSync, () => guardOutput(stream(), name, onFailure), onFailure);
}

/**
 * Whether output on `fd` is written with plain synchronous writes rather than through Node's stream:
 * a regular file, a pipe, a socket or /dev/null (what scripts, `$(...)` and `2>log` give). A terminal
 * keeps its stream (its width, colours, the shell's readline); so does anything else.
 */
function writtenInPlace(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    if (s.isFile() || s.isFIFO() || s.isSocket()) return true;
    return s.isCharacterDevice() && s.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

/** A reader gone away ends the run quietly; any other failure of stdout is one line on stderr. */
function outputFailureHandler(stderr: () => OutStream, stop: (r: StopReason) => void): (f: OutputFailure) => void {
  return (f) => {
    if (isClosedPipe(f.code)) return stop('output-closed');
    if (f.stream === 'stdout') stderr().write(`${renderError(`cannot write the output: ${describeWriteError(f.code)}`)}\n`);
    stop('output-failed');
  };
}

/** The last line of defence: whatever escaped is one line, never a stack trace. */
function reportCrashes(stderr: OutStream): void {
  const crash = (e: unknown): void => {
    stderr.write(`${renderError(`internal error: ${e instanceof Error ? e.message : String(e)}`)}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

function processIO(stdout: OutStream, stderr: OutStream): CliIO {
  let home: string | undefined;
  let identity: ProcessIdentity | undefined;
  return {
    argv: process.argv.slice(2),
    env: process.env,
    stdout,
    stderr,
    // Created on first use: a one-shot command that reads no input never pays for the stream.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    // $HOME when set, as os.homedir() itself answers (libuv reads it first), without loading
    // node:os for it; the user database only without one.
    get homedir() {
      return (home ??= process.env.HOME || homedir());
    },
    get identity() {
      return (identity ??= systemIdentity());
    },
  };
}

function describeWriteError(code: string): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    case 'EDQUOT':
      return 'disk quota exceeded (EDQUOT)';
    case 'EFBIG':
      return 'file too large (EFBIG)';
    default:
      return code;
  }
}

/** This process as the config files see it: owner uid, lock holder pid and host, liveness of other pids. */
export function systemIdentity(): ProcessIdentity {
  let host: string | undefined;
  return {
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    pid: process.pid,
    // Asked only when a lock is taken or read (node:os is not loaded for a command that only reads).
    get host() {
      return (host ??= hostname());
    },
    isRunning(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        // EPERM: it runs, as another user.
        return (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
