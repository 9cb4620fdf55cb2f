// The interactive shell front end: the REPL adapter wired to the command table (built-ins) and the
// runner (API lines with their own options), live completion values, the prompt (account@server),
// and re-login + one retry when the session expired.
import { join } from 'node:path';
import { lex } from '../parse/lexer.js';
import { parseLine } from '../parse/parser.js';
import { commandWordIndex } from '../parse/options.js';
import { cachedValueSource } from '../complete/values.js';
import { complete as engineComplete } from '../complete/candidates.js';
import { parseBuiltin, runInvocation } from '../commands/dispatch.js';
import { lineChoices, type LineChoices } from '../commands/line-options.js';
import { flagsOf, LINE_SYNTAX, type Flags } from '../commands/options.js';
import { builtinNamed, completionTable } from '../commands/table.js';
import type { LocalValues } from '../complete/types.js';
import type { CommandContext } from '../commands/types.js';
import { InterruptedError, isSessionExpired } from '../execute/errors.js';
import { reportError } from '../errors/report.js';
import { startRepl, type ShellTerminal } from '../repl/index.js';
import type { App } from './app.js';
import { loginCommand } from './login.js';
import { runCommandDetailed, runParsed, type RunnerDeps } from './runner.js';
import { fetchResourceRows } from './live-values.js';
import { showResult } from './show-result.js';
import { colorEnabled } from './output-choice.js';
import { ResultHistory } from './result-history.js';
import { JobTable } from './shell-jobs.js';
import type { ExecResult } from '../execute/executor.js';
import { settleResult } from '../execute/fetch.js';
import { expandRefs, hasRefs, type Expansion } from '../parse/expand.js';
import { UsageError } from '../errors/cli-error.js';
import type { ParseResult } from '../parse/ast.js';
import type { Registry } from '../schema/registry.js';

export interface ShellOptions {
  /** The options zstack-cli started with (each line's own options overlay them). */
  flags: Flags;
  /** -o / -c ... given when the shell started: the default of every line. */
  defaults: LineChoices;
  /** Printed once above the first prompt (e.g. the simulator's address). */
  banner?: string;
  /** Aborted when the process should end (SIGTERM, SIGHUP, lost output): stops the command and the shell. */
  terminate?: AbortSignal;
}

/** APIs that only read: they leave cached completion values valid. */
function onlyReads(apiName: string | undefined, method: string | undefined): boolean {
  return method === 'GET' || (apiName !== undefined && /^(Query|Get|List|Check|Validate|Is)/.test(apiName));
}

export async function runShell(app: App, opts: ShellOptions): Promise<number> {
  const io = app.io;
  // Hints name commands as typed here: `job wait <uuid>`, not `zstack-cli job wait <uuid>`; once the
  // shell is being ended (SIGTERM, SIGHUP), as they are typed in the shell the user is left in.
  const oneShotPrefix = app.commandPrefix;
  app.commandPrefix = '';
  opts.terminate?.addEventListener('abort', () => (app.commandPrefix = oneShotPrefix), { once: true });
  let prompt = await app.promptText();
  let last: string | undefined;
  let tty: ShellTerminal | undefined;

  const values = cachedValueSource({
    fetch: (ref, signal) => fetchResourceRows(app.registry, ref, (s) => app.execContext(s, 'completion', false), signal),
  });
  const history = new ResultHistory();
  /** The line being run (as typed), for the result history. */
  let current = '';
  const show = (format: LineChoices['format']): RunnerDeps['showResult'] => {
    const shown: { seen?: { value: unknown; bytes: number } } = {};
    const base = showResult(app, format ?? opts.defaults.format, {
      pager: false,
      keep: (text) => (last = text),
      seen: (value, bytes) => (shown.seen = { value, bytes }),
      ...(tty ? { page: tty.page } : {}),
    });
    return async (result, planned, runOpts) => {
      last = undefined;
      shown.seen = undefined;
      await base(result, planned, runOpts);
      const seen = shown.seen as { value: unknown; bytes: number } | undefined;
      const value = seen?.value ?? (result.kind === 'accepted' ? { jobUuid: result.jobUuid, location: result.location } : undefined);
      const bytes = seen?.bytes ?? 100;
      const entry = history.add(planned?.api.name ?? 'job', current, value, bytes, last);
      if (io.stderr.isTTY) io.stderr.write(`${dim(`(result ${entry.n}${seen ? `, ${entry.rows} row${entry.rows === 1 ? '' : 's'}` : ''}; $${entry.n}.<field> uses it)`)}\n`);
    };
  };
  const dim = (t: string): string => (colorEnabled(io.env, io.stderr.isTTY === true) ? `\x1b[2m${t}\x1b[22m` : t);
  const withShow = (format: LineChoices['format']): RunnerDeps => ({
    ...app.runnerDeps(show(format)),
    // Passwords are read by the shell itself so no key reaches the next prompt.
    promptPassword: async (message) => {
      if (!tty?.readSecret) throw new InterruptedError();
      const v = await tty.readSecret(`${message} `);
      if (v === undefined) throw new InterruptedError();
      return v;
    },
    // Questions too: the shell hands its keys to the question while it is open.
    confirm: tty?.confirm ? (message) => tty!.confirm!(message, { color: colorEnabled(io.env, true) }) : undefined,
  });
  const quiet: RunnerDeps = { ...withShow(undefined), showResult: async () => undefined };

  async function relogin(account: string, signal: AbortSignal): Promise<boolean> {
    if (!tty?.readSecret) return false;
    io.stderr.write(`Log in again as ${account} to retry (empty to skip).\n`);
    const pw = await tty.readSecret(`Password for ${account}: `);
    if (!pw) return false;
    const r = await runCommandDetailed(loginCommand(account, pw), quiet, {}, signal);
    return r.code === 0;
  }

  function context(signal: AbortSignal, terminal: ShellTerminal): Omit<CommandContext, 'args' | 'opts' | 'flags'> {
    return {
      front: 'shell',
      io,
      signal,
      out: (t) => void io.stdout.write(`${t}\n`),
      err: (t) => void io.stderr.write(`${t}\n`),
      registry: () => app.registry,
      app: async () => app,
      home: app.dir,
      commandPrefix: '',
      show: async (result, choices) => show(choices.format)(result, undefined, choices.run),
      results: history,
      jobs,
      shell: {
        exit: () => terminal.exit(),
        page: (text) => terminal.page(text),
        lastResult: () => last,
        width: () => terminal.width(),
        height: () => terminal.height(),
      },
    };
  }

  /** A built-in line: the table's commander program reads it; this line's options overlay the shell's. */
  async function runBuiltin(words: string[], signal: AbortSignal, terminal: ShellTerminal): Promise<void> {
    try {
      const inv = await parseBuiltin(words, 'shell');
      await runInvocation(inv, context(signal, terminal), { ...opts.flags, ...inv.flags });
    } catch (e) {
      reportError(e, (t) => io.stderr.write(t), '');
    }
  }

  /** An API line with its options (`QueryVmInstance state=Running -o json -c uuid,name`); `&` at the end runs it in the background. */
  async function runApiLine(typed: string, signal: AbortSignal, terminal: ShellTerminal): Promise<void> {
    current = typed;
    const background = backgroundLine(typed);
    let line = background ?? typed;
    let expansions: Expansion[] = [];
    if (hasRefs(line)) {
      const x = expandRefs(line, (ref) => history.lookup(ref));
      if (!x.ok) {
        reportError(new UsageError(x.message, x.hint), (t) => io.stderr.write(t), '');
        return;
      }
      line = x.line;
      expansions = x.expansions;
    }
    const parsed = parseLine(line, LINE_SYNTAX);
    const several = manyValuesForOne(parsed, expansions, app.registry);
    if (several) {
      reportError(several, (t) => io.stderr.write(t), '');
      return;
    }
    const lineFlags = flagsOf(parsed.options);
    if (lineFlags.help === true && !parsed.diagnostics.length) {
      const { helpCommand } = await import('../commands/help.js');
      await runInvocation({ spec: helpCommand, path: 'help', args: parsed.command ? [parsed.command.name] : [], opts: {}, flags: {} }, context(signal, terminal), {});
      return;
    }
    let choices: LineChoices;
    try {
      choices = lineChoices({ ...opts.flags, ...lineFlags });
    } catch (e) {
      reportError(e, (t) => io.stderr.write(t), '');
      return;
    }
    if (background !== undefined) {
      startJob(background, parsed, choices);
      return;
    }
    const deps = withShow(choices.format);
    const before = await app.session.current();
    let outcome = await runParsed(parsed, deps, choices.run, signal);
    if (isSessionExpired(outcome.error) && !signal.aborted) {
      const account = before?.account ?? app.conn.account ?? 'admin';
      if (await relogin(account, signal)) outcome = await runParsed(parsed, deps, choices.run, signal);
    }
    if (!onlyReads(outcome.api?.name, outcome.api?.method)) values.invalidate();
  }

  const table = completionTable('shell');
  const unsupportedApis = async (): Promise<ReadonlySet<string> | undefined> => (await app.capabilities.unsupported())?.apis;
  const local: LocalValues = {
    results: () => history.list().map((e) => ({ value: String(e.n), label: `${e.api}, ${e.rows} row${e.rows === 1 ? '' : 's'}` })),
    jobs: () => jobs.list().map((j) => ({ value: String(j.n), label: `${j.state} ${j.api}${j.target ? ` ${j.target}` : ''}` })),
    profiles: async () => {
      const { openProfiles } = await import('../config/profiles.js');
      return Object.keys((await openProfiles(app.dir, app.files)).data().profiles);
    },
  };
  const jobs = new JobTable();
  let warnedAboutJobs = false;

  /** Runs a parsed line as background job N: no spinner, no prompt for a password, output kept for `job result N`. */
  function startJob(line: string, parsed: ParseResult, choices: LineChoices): void {
    const cmd = parsed.command;
    if (parsed.diagnostics.length || !cmd) {
      void runParsed(parsed, withShow(choices.format), choices.run);
      return;
    }
    const api = app.registry.api(cmd.name)?.name ?? cmd.name;
    const job = jobs.start(line, api, targetOf(cmd.args), async (signal, sent) => {
      let result: ExecResult | undefined;
      let errors = '';
      // A job's rows are read to the end when it finishes (its output is shown later, by job result N).
      const base = app.runnerDeps(async (r) => void (result = await settleResult(r)));
      const deps: RunnerDeps = {
        ...base,
        promptPassword: undefined,
        out: (t) => void (errors += `${t}\n`),
        err: (t) => void (errors += `${t}\n`),
        commandPrefix: () => '',
        // The foreground command's spinner is not this job's to stop.
        finished: () => undefined,
        execContext: async (s, a, o) => {
          const ctx = await app.execContext(s, a.name, a.async, { ...o, quiet: true });
          const make = ctx.newJobUuid;
          return { ...ctx, newJobUuid: () => {
            const id = make();
            sent(id);
            return id;
          } };
        },
      };
      const outcome = await runParsed(parsed, deps, { ...choices.run, dryRun: false, curl: false }, signal);
      if (!onlyReads(outcome.api?.name, outcome.api?.method)) values.invalidate();
      if (outcome.code !== 0 || !result) throw errors.trim() || `exit ${outcome.code}`;
      return result;
    });
    io.stdout.write(`[${job.n}] ${job.api}${job.target ? ` ${job.target}` : ''}\n`);
  }

  if (opts.banner) io.stdout.write(`${opts.banner}\n`);
  const repl = startRepl({
    input: io.stdin,
    output: io.stdout as NodeJS.WritableStream,
    registry: app.registry,
    values,
    complete: (line, cursor, signal) => engineComplete(line, cursor, { registry: app.registry, values, signal, ...table, local, unsupportedApis }),
    prompt: () => prompt,
    notices: () => jobs.announcements(),
    beforeExit: () => {
      const running = jobs.running();
      if (running.length === 0 || warnedAboutJobs) return undefined;
      warnedAboutJobs = true;
      const waits = running.map((j) => `  ${j.jobUuid ? `job wait ${j.jobUuid}` : `[${j.n}] ${j.api}`}`);
      return [`${running.length === 1 ? '1 background job is' : `${running.length} background jobs are`} still running (they go on on the server; leave again to leave):`, ...waits].join('\n');
    },
    historyFile: join(app.dir, 'history'),
    fs: app.files,
    runLine: async (line, lineSignal, terminal) => {
      tty = terminal;
      current = line;
      const signal = opts.terminate ? AbortSignal.any([lineSignal, opts.terminate]) : lineSignal;
      const tokens = lex(line).tokens;
      const at = commandWordIndex(tokens, LINE_SYNTAX);
      if (at >= 0 && !tokens.some((t) => t.unterminated) && builtinNamed(tokens[at]!.text, 'shell')) {
        await runBuiltin(
          tokens.map((t) => t.text),
          signal,
          terminal,
        );
      } else {
        await runApiLine(line, signal, terminal);
      }
      prompt = await app.promptText();
    },
  });
  opts.terminate?.addEventListener('abort', () => repl.close(), { once: true });
  if (opts.terminate?.aborted) repl.close();
  await repl.done;
  return 0;
}

/**
 * A `$N.field` that gave several values to a param that takes one (`uuid=$3.uuid` with three rows):
 * the usage error saying so, or undefined.
 */
export function manyValuesForOne(parsed: ParseResult, expansions: readonly Expansion[], reg: Registry): UsageError | undefined {
  const cmd = parsed.command;
  const api = cmd ? reg.api(cmd.name) : undefined;
  if (!cmd || !api) return undefined;
  for (const x of expansions) {
    if (x.count <= 1) continue;
    const arg = cmd.args.find((a) => a.valueSpan.start <= x.span.start && x.span.end <= a.valueSpan.end);
    if (!arg) continue;
    const p = reg.param(api, arg.key);
    const list = p ? p.type === 'list' : api.query && (arg.op === '?=' || arg.op === '!?=');
    if (!list) {
      return new UsageError(`${arg.key} takes one value, and ${x.ref.text} has ${x.count}`, `pick one row: ${x.ref.text.replace(/^(\$[^.]+)/, '$1.0')}, or filter the query`);
    }
  }
  return undefined;
}

/** The line without a final `&` word (unquoted), or undefined when it has none. */
export function backgroundLine(line: string): string | undefined {
  const m = /^(.*\S)\s+&\s*$/s.exec(line);
  if (!m) return undefined;
  // `\&` or a quoted '&' is a value, not the background marker.
  const tokens = lex(line).tokens;
  const last = tokens[tokens.length - 1];
  return last && last.text === '&' && last.literal[0] === false ? m[1] : undefined;
}

/** What a job is about, for listings: its uuid (shortened) or name param. */
export function targetOf(args: readonly { key: string; value: string }[]): string {
  const a = args.find((x) => x.key === 'uuid') ?? args.find((x) => /Uuid$/.test(x.key)) ?? args.find((x) => x.key === 'name');
  if (!a) return '';
  const v = /^[0-9a-f]{32}$/.test(a.value) ? a.value.slice(0, 8) : a.value.length > 40 ? `${a.value.slice(0, 39)}…` : a.value;
  return `${a.key}=${v}`;
}
