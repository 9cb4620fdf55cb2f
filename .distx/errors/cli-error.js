// The one error type of zstack-cli: every failure a user can cause or meet is a CliError with a
// kind; the kind alone picks the exit code (the table below). Lower layers (config, execute) throw
// subclasses; only src/errors/report.ts turns them into text.
/** The documented exit codes of zstack-cli. */
export const EXIT_CODES = {
    ok: 0,
    api: 1,
    usage: 2,
    connection: 3,
    auth: 4,
    jobTimeout: 8,
    interrupted: 130,
};
/** The one mapping of error kinds to exit codes. */
export function exitCodeOf(kind) {
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
export function exitCodeFor(err) {
    return err instanceof CliError ? exitCodeOf(err.kind) : EXIT_CODES.api;
}
/** `job wait <uuid>` as the next command. */
export function jobWaitCommand(jobUuid, label = 'Wait for it:') {
    return { label, command: `job wait ${jobUuid}` };
}
/**
 * Base of every error zstack-cli reports. `message` says what went wrong, without any `Error: `
 * prefix: src/errors/report.ts adds that (with `errorCode` when there is one: `Error VM.1010: ...`).
 * `hint` is one line telling the user what to do next, or `next` a command.
 */
export class CliError extends Error {
    hint;
    next;
    /** The code the first line names after `Error`: ZStack's `VM.1010`, or `HTTP 404 Not Found`. */
    errorCode;
    constructor(message, hint) {
        super(message);
        this.name = new.target.name;
        this.hint = hint;
    }
    /**
     * The user chose to stop (Ctrl-C, answering no to a question): reported as what happened
     * (`Interrupted; nothing was sent`), not as an `Error:`.
     */
    get byUser() {
        return false;
    }
    /** Indented lines printed under the first line. */
    detailLines() {
        return [];
    }
}
/**
 * The user's input is wrong (exit 2). The one shape of usage errors: `Error: <what> (<hint>)` on one
 * line, the hint given apart from the message. Several problems found in one input (unknown params,
 * names that match nothing) are one error reported as one such line each, in the order found.
 */
export class UsageError extends CliError {
    kind = 'usage';
    /** The problems after the first (which is `message`, `hint`, `details`). */
    more;
    details;
    constructor(message, hint, extra = {}) {
        super(message, hint);
        this.details = extra.details ?? [];
        this.more = extra.more ?? [];
    }
    /** One error for several problems (at least one). */
    static of(problems) {
        const [first, ...more] = problems;
        if (!first)
            throw new RangeError('UsageError.of needs a problem');
        return new UsageError(first.message, first.hint, { details: first.details, more });
    }
    detailLines() {
        return [...this.details];
    }
    /** Every problem, the first one first. */
    problems() {
        return [{ message: this.message, hint: this.hint, details: this.details }, ...this.more];
    }
}
