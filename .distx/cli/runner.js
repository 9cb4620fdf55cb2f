import { syntheticArg } from '../parse/build.js';
import { curlCommand } from '../plan/curl.js';
import { dryRunJson } from '../plan/dry-run.js';
import { columnErrors, plainColumns } from '../plan/columns.js';
import { planCommand } from '../plan/planner.js';
import { commandSecrets, maskSecrets } from '../plan/secrets.js';
import { EXIT_CODES, exitCodeFor, UsageError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import {} from '../config/session.js';
import {} from '../execute/executor.js';
import { fetchForOutput } from '../execute/fetch.js';
import { resolveNames, rowsVia } from '../execute/references.js';
import { REDACTED } from '../plan/secrets.js';
/** Login APIs whose password may be asked for instead of typed. */
const PROMPTED_LOGINS = new Set(['LogInByAccount', 'LogInByUser', 'LogIn', 'LogInByLdap']);
/** The account (or account/user) a login command names, for its password prompt. */
function loginName(cmd) {
    const v = (k) => cmd.args.find((a) => a.key.toLowerCase() === k.toLowerCase())?.value;
    const account = v('accountName') ?? v('username') ?? v('uid');
    const user = v('userName');
    return user && account ? `${account}/${user}` : (account ?? user ?? 'this account');
}
function hasArg(cmd, key) {
    return cmd.args.some((a) => a.key.toLowerCase() === key.toLowerCase());
}
/** Adds what the user may leave out; may ask for a password. */
async function complete(cmd, api, deps, opts) {
    const args = [...cmd.args];
    if (api.name === 'LogOut' && !hasArg(cmd, 'sessionUuid')) {
        const s = await deps.session.current();
        if (!s)
            throw new UsageError('not logged in, so there is no session to log out', 'give sessionUuid=<uuid> to end another session');
        args.push(syntheticArg('sessionUuid', s.uuid));
    }
    if (PROMPTED_LOGINS.has(api.name) && !hasArg(cmd, 'password') && !opts.dryRun && !opts.curl) {
        if (!deps.promptPassword)
            throw new UsageError('password is required and there is no terminal to ask for it', 'pipe it with --password-stdin, or run in a terminal');
        args.push(syntheticArg('password', await deps.promptPassword(`Password for ${loginName(cmd)}:`)));
    }
    // A line recalled from history has its secrets redacted: ask again rather than send `***`.
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const p = deps.registry.param(api, a.key);
        if (!p?.secret || a.value !== REDACTED || a.valueQuoted)
            continue;
        if (opts.dryRun || opts.curl)
            continue;
        if (!deps.promptPassword)
            throw new UsageError(`${a.key} was hidden from history as ${REDACTED}`, `type the line with its ${a.key}`);
        const label = PROMPTED_LOGINS.has(api.name) ? `Password for ${loginName(cmd)}:` : `${p.name}:`;
        args[i] = syntheticArg(a.key, await deps.promptPassword(label));
    }
    if (api.query && opts.columns?.length && !hasArg(cmd, 'fields')) {
        // Only plain fields can be selected by the server; with any other column, fetch whole rows.
        const fields = plainColumns(deps.registry, api, opts.columns);
        if (fields)
            args.push(syntheticArg('fields', fields.join(',')));
    }
    return { ...cmd, args };
}
export async function runCommand(cmd, deps, opts = {}, signal) {
    return (await runCommandDetailed(cmd, deps, opts, signal)).code;
}
/** A parsed line: its syntax errors (one line each, exit 2), nothing for an empty line, else the command run. */
export async function runParsed(parsed, deps, opts = {}, signal) {
    if (parsed.diagnostics.length) {
        // A diagnostic may quote the token it is about: secrets in it are masked like everywhere else.
        const secrets = parsed.command ? commandSecrets(parsed.command) : [];
        deps.err(maskSecrets(renderError(UsageError.of(parsed.diagnostics)), secrets));
        return { code: EXIT_CODES.usage };
    }
    return parsed.command ? runCommandDetailed(parsed.command, deps, opts, signal) : { code: 0 };
}
export async function runCommandDetailed(cmd, deps, opts = {}, signal) {
    const api = deps.registry.api(cmd.name);
    // Every line written to stderr about this command has its secret values masked (a planner error
    // naming a bad password value, a server error echoing one); run() adds a prompted password.
    const secrets = commandSecrets(cmd);
    // A copy whose accessors stay accessors (the password prompt creates stdin only when asked for).
    const masked = Object.defineProperties({}, {
        ...Object.getOwnPropertyDescriptors(deps),
        err: { value: (t) => deps.err(maskSecrets(t, secrets)), enumerable: true },
    });
    const code = await run(cmd, api, masked, opts, signal, secrets).catch((e) => {
        masked.err(renderError(e, deps.commandPrefix()));
        return { code: exitCodeFor(e), error: e };
    });
    return typeof code === 'number' ? { code, ...(api ? { api } : {}) } : { ...code, ...(api ? { api } : {}) };
}
async function run(cmd, api, deps, opts, signal, secrets) {
    const filled = api ? await complete(cmd, api, deps, opts) : cmd;
    if (filled !== cmd)
        secrets.push(...commandSecrets(filled));
    // `@name` references become uuids here, by read-only queries (also for --dry-run and --curl).
    const named = api ? await resolveNames(deps.registry, api, filled, rowsVia(deps.registry, (q) => deps.execContext(signal, q, { timeoutMs: opts.timeoutMs }))) : filled;
    const planned = planCommand(deps.registry, named);
    if (!planned.ok)
        throw UsageError.of(planned.errors);
    const req = planned.request;
    const columnErrs = columnErrors(deps.registry, req.api, opts.columns);
    if (columnErrs.length)
        throw UsageError.of(columnErrs);
    for (const w of req.warnings)
        deps.err(`warning: ${w}`);
    if (opts.dryRun) {
        deps.out(dryRunJson(req, deps.endpoint, opts.showSecrets === true));
        return 0;
    }
    if (opts.curl) {
        const s = req.api.needSession ? await deps.session.current() : undefined;
        deps.out(curlCommand(req, deps.endpoint, s?.uuid, { showSecrets: opts.showSecrets === true }));
        return 0;
    }
    // The prompt is a getter (it opens stdin): the guard reads it only for a call it must ask about.
    await deps.guard?.({
        cmd: filled,
        request: req,
        yes: opts.yes === true,
        get confirm() {
            return deps.confirm;
        },
        ...(signal ? { signal } : {}),
    });
    const ctx = await deps.execContext(signal, req.api, opts);
    let result;
    try {
        result = await fetchForOutput(req, ctx, opts);
    }
    finally {
        deps.finished();
    }
    await deps.showResult(result, req, opts);
    return 0;
}
