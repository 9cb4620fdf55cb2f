// The one error type of zstack-cli: every failure a user can cause or meet is a CliError with a
// kind; the kind alone picks the exit code (the table below). Lower layers (config, execute) throw
// subclasses; only src/errors/report.ts turns them into text.

/** What went wrong, coarse enough to choose an exit code and a reaction (e.g. re-login on `session-expired`). */
export type ErrorKind =
  | 'api' // the server refused or failed the API (503 JSON error, 4xx/5xx plain text)
  | 'protocol' // the server answered something ZStack never answers (202 on a sync API, 204, bad JSON)
  | 'job-not-found' // polling answered 404: the job expired or never existed
  | 'usage' // the user's input is wrong (bad command, option, profile, job uuid, config directory)
  | 'connection' // refused, DNS, TLS, unreachable, request timeout, reset
  | 'auth-failed' // ID.1000: wrong account name or password
  | 'session-expired' // ID.1001: invalid or expired session
  | 'not-logged-in' // an API needs a session and none is known
  | 'job-timeout' // an async job did not finish within the timeout
  | 'interrupted'; // Ctrl-C (abort signal)

/** The documented exit codes of zstack-cli. */
export const EXIT_CODES = {
  ok: 0,
  api: 1,
  usage: 2,
  connection: 3,
  auth: 4,
  jobTimeout: 8,
  interrupted: 130,
} as const;

/** The one mapping of error kinds to exit codes. */
export function exitCodeOf(kind: ErrorKind): number {
  switch (kind) {
    case 'api':
    case 'protocol':
    case 'job-not-found':
      return EXIT_CODES.api;
    case 'usage':
      return EXIT_CODES.usage;
    case 'connection':
      return EXIT_CODES.connection;
    case 'auth-failed':
    case 'session-expired':
    case 'not-logged-in':
      return EXIT_CODES.auth;
    case 'job-timeout':
      return EXIT_CODES.jobTimeout;
    case 'interrupted':
      return EXIT_CODES.interrupted;
  }
}

/** Exit code for anything thrown; errors that are not ours count as API/internal failures (1). */
export function exitCodeFor(err: unknown): number {
  return err instanceof CliError ? exitCodeOf(err.kind) : EXIT_CODES.api;
}

/**
 * A command to run next (`job wait <uuid>`, `LogInByAccount accountName=admin`), written without the
 * program name: the reporter prefixes it the way the front end runs commands (`zstack-cli --port 8081 `
 * in one-shot mode, nothing in the shell), so the hint can be pasted where it is shown.
 */
export interface NextCommand {
  /** What the command is for: `Wait for it:`. */
  label: string;
  command: string;
}

/** `job wait <uuid>` as the next command. */
export function jobWaitCommand(jobUuid: string, label = 'Wait for it:'): NextCommand {
  return { label, command: `job wait ${jobUuid}` };
}

/**
 * Base of every error zstack-cli reports. `message` says what went wrong, without any `Error: `
 * prefix: src/errors/report.ts adds that (with `errorCode` when there is one: `Error VM.1010: ...`).
 * `hint` is one line telling the user what to do next, or `next` a command.
 */
export abstract class CliError extends Error {
  abstract readonly kind: ErrorKind;
  hint: string | undefined;
  next: NextCommand | undefined;
  /** The code the first line names after `Error`: ZStack's `VM.1010`, or `HTTP 404 Not Found`. */
  errorCode: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.hint = hint;
  }
  /**
   * The user chose to stop (Ctrl-C, answering no to a question): reported as what happened
   * (`Interrupted; nothing was sent`), not as an `Error:`.
   */
  get byUser(): boolean {
    return false;
  }
  /** Indented lines printed under the first line. */
  detailLines(): string[] {
    return [];
  }
}

/**
 * One thing wrong with the user's input: what (no `Error: ` prefix), an optional hint, and lines
 * printed indented under it (the matches of an ambiguous name). Parse diagnostics and plan errors
 * are problems as they are.
 */
export interface Problem {
  message: string;
  hint?: string | undefined;
  details?: readonly string[] | undefined;
}

/**
 * The user's input is wrong (exit 2). The one shape of usage errors: `Error: <what> (<hint>)` on one
 * line, the hint given apart from the message. Several problems found in one input (unknown params,
 * names that match nothing) are one error reported as one such line each, in the order found.
 */
export class UsageError extends CliError {
  readonly kind = 'usage' as const;
  /** The problems after the first (which is `message`, `hint`, `details`). */
  readonly more: readonly Problem[];
  private readonly details: readonly string[];
  constructor(message: string, hint?: string, extra: { details?: readonly string[] | undefined; more?: readonly Problem[] } = {}) {
    super(message, hint);
    this.details = extra.details ?? [];
    this.more = extra.more ?? [];
  }
  /** One error for several problems (at least one). */
  static of(problems: readonly Problem[]): UsageError {
    const [first, ...more] = problems;
    if (!first) throw new RangeError('UsageError.of needs a problem');
    return new UsageError(first.message, first.hint, { details: first.details, more });
  }
  override detailLines(): string[] {
    return [...this.details];
  }
  /** Every problem, the first one first. */
  problems(): Problem[] {
    return [{ message: this.message, hint: this.hint, details: this.details }, ...this.more];
  }
}
