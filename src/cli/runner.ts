// Runs one parsed command end to end for every front end (one-shot, script, shell): fills what the
// user may leave out (LogOut's session, a login password by hidden prompt, -c as fields=), plans,
// then prints the dry run / curl, or executes and renders. Returns the exit code; never throws.
import type { CommandNode, ParseResult } from '../parse/ast.js';
import { syntheticArg } from '../parse/build.js';
import { curlCommand } from '../plan/curl.js';
import { dryRunJson } from '../plan/dry-run.js';
import { columnErrors, plainColumns } from '../plan/columns.js';
import { planCommand } from '../plan/planner.js';
import type { Endpoint, PlannedRequest } from '../plan/request.js';
import type { Registry } from '../schema/registry.js';
import type { ApiDef } from '../schema/types.js';
import { EXIT_CODES, exitCodeFor, renderError, UsageError } from '../execute/errors.js';
import { type ExecContext, type ExecResult, type SessionProvider } from '../execute/executor.js';
import { fetchForOutput } from '../execute/fetch.js';
import type { PasswordPrompt } from '../execute/password-prompt.js';
import { usageLine } from './usage-error.js';

/** Login APIs whose password may be asked for instead of typed. */
const PROMPTED_LOGINS = new Set(['LogInByAccount', 'LogInByUser', 'LogIn', 'LogInByLdap']);

export interface RunOptions {
  dryRun?: boolean;
  curl?: boolean;
  /** `-c a,b`: columns to show; when all are plain fields they also become the query's `fields=`. */
  columns?: string[];
  /** --all: every page of a query. */
  all?: boolean;
  /** --page-size for --all. */
  pageSize?: number;
  /** --raw: the server's reply as it came. */
  raw?: boolean;
}

/** What the runner needs from its surroundings; built by the composition root. */
export interface RunnerDeps {
  registry: Registry;
  endpoint: Endpoint;
  session: SessionProvider;
  /** Builds the executor context for one call (transport, clock, options incl. the abort signal). */
  execContext: (signal: AbortSignal | undefined, api: ApiDef) => Promise<ExecContext>;
  /** Hidden prompt, or undefined when there is no terminal to ask on. */
  promptPassword: PasswordPrompt | undefined;
  /** Writes a successful result (rendering is the caller's choice of format). */
  showResult: (result: ExecResult, planned: PlannedRequest, opts: RunOptions) => Promise<void>;
  /** Called once the call is over, before anything is printed (stops a spinner). */
  finished: () => void;
  out: (text: string) => void;
  err: (text: string) => void;
}

function hasArg(cmd: CommandNode, key: string): boolean {
  return cmd.args.some((a) => a.key.toLowerCase() === key.toLowerCase());
}

/** Adds what the user may leave out; may ask for a password. */
async function complete(cmd: CommandNode, api: ApiDef, deps: RunnerDeps, opts: RunOptions): Promise<CommandNode> {
  const args = [...cmd.args];
  if (api.name === 'LogOut' && !hasArg(cmd, 'sessionUuid')) {
    const s = await deps.session.current();
    if (!s) throw new UsageError('Error: not logged in, so there is no session to log out', 'give sessionUuid=<uuid> to end another session');
    args.push(syntheticArg('sessionUuid', s.uuid));
  }
  if (PROMPTED_LOGINS.has(api.name) && !hasArg(cmd, 'password') && !opts.dryRun && !opts.curl) {
    if (!deps.promptPassword) throw new UsageError('Error: password is required and there is no terminal to ask for it', 'give password=... or run in a terminal');
    args.push(syntheticArg('password', await deps.promptPassword('Password:')));
  }
  if (api.query && opts.columns?.length && !hasArg(cmd, 'fields')) {
    // Only plain fields can be selected by the server; with any other column, fetch whole rows.
    const fields = plainColumns(deps.registry, api, opts.columns);
    if (fields) args.push(syntheticArg('fields', fields.join(',')));
  }
  return { ...cmd, args };
}

export interface RunOutcome {
  code: number;
  /** What failed, when something did (the shell reacts to an expired session). */
  error?: unknown;
  /** The API run, when the name was known. */
  api?: ApiDef;
}

export async function runCommand(cmd: CommandNode, deps: RunnerDeps, opts: RunOptions = {}, signal?: AbortSignal): Promise<number> {
  return (await runCommandDetailed(cmd, deps, opts, signal)).code;
}

/** A parsed line: its syntax errors (one line each, exit 2), nothing for an empty line, else the command run. */
export async function runParsed(parsed: ParseResult, deps: RunnerDeps, opts: RunOptions = {}, signal?: AbortSignal): Promise<RunOutcome> {
  if (parsed.diagnostics.length) {
    for (const d of parsed.diagnostics) deps.err(usageLine(d));
    return { code: EXIT_CODES.usage };
  }
  return parsed.command ? runCommandDetailed(parsed.command, deps, opts, signal) : { code: 0 };
}

export async function runCommandDetailed(cmd: CommandNode, deps: RunnerDeps, opts: RunOptions = {}, signal?: AbortSignal): Promise<RunOutcome> {
  const api = deps.registry.api(cmd.name);
  const code = await run(cmd, api, deps, opts, signal).catch((e: unknown) => {
    deps.err(renderError(e));
    return { code: exitCodeFor(e), error: e };
  });
  return typeof code === 'number' ? { code, ...(api ? { api } : {}) } : { ...code, ...(api ? { api } : {}) };
}

async function run(cmd: CommandNode, api: ApiDef | undefined, deps: RunnerDeps, opts: RunOptions, signal: AbortSignal | undefined): Promise<number> {
  const filled = api ? await complete(cmd, api, deps, opts) : cmd;
  const planned = planCommand(deps.registry, filled);
  if (!planned.ok) {
    for (const e of planned.errors) deps.err(usageLine(e));
    return EXIT_CODES.usage;
  }
  const req = planned.request;
  const columnErrs = columnErrors(deps.registry, req.api, opts.columns);
  if (columnErrs.length) {
    for (const e of columnErrs) deps.err(usageLine(e));
    return EXIT_CODES.usage;
  }
  for (const w of req.warnings) deps.err(`warning: ${w}`);
  if (opts.dryRun) {
    deps.out(dryRunJson(req, deps.endpoint));
    return 0;
  }
  if (opts.curl) {
    const s = req.api.needSession ? await deps.session.current() : undefined;
    deps.out(curlCommand(req, deps.endpoint, s?.uuid));
    return 0;
  }
  const ctx = await deps.execContext(signal, req.api);
  let result: ExecResult;
  try {
    result = await fetchForOutput(req, ctx, opts);
  } finally {
    deps.finished();
  }
  await deps.showResult(result, req, opts);
  return 0;
}
