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
  const show = (format: LineChoices['format']) =>
    showResult(app, format ?? opts.defaults.format, {
      pager: false,
      keep: (text) => (last = text),
      ...(tty ? { page: tty.page } : {}),
    });
  const withShow = (format: LineChoices['format']): RunnerDeps => ({
    ...app.runnerDeps(show(format)),
    // Passwords are read by the shell itself so no key reaches the next prompt.
    promptPassword: async (message) => {
      if (!tty?.readSecret) throw new InterruptedError();
      const v = await tty.readSecret(`${message} `);
      if (v === undefined) throw new InterruptedError();
      return v;
    },
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

  /** An API line with its options (`QueryVmInstance state=Running -o json -c uuid,name`). */
  async function runApiLine(line: string, signal: AbortSignal, terminal: ShellTerminal): Promise<void> {
    const parsed = parseLine(line, LINE_SYNTAX);
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
  const local: LocalValues = {
    profiles: async () => {
      const { openProfiles } = await import('../config/profiles.js');
      return Object.keys((await openProfiles(app.dir)).data().profiles);
    },
  };
  if (opts.banner) io.stdout.write(`${opts.banner}\n`);
  const repl = startRepl({
    input: io.stdin,
    output: io.stdout as NodeJS.WritableStream,
    registry: app.registry,
    values,
    complete: (line, cursor, signal) => engineComplete(line, cursor, { registry: app.registry, values, signal, ...table, local }),
    prompt: () => prompt,
    historyFile: join(app.dir, 'history'),
    runLine: async (line, lineSignal, terminal) => {
      tty = terminal;
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
