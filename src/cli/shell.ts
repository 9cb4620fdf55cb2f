// The interactive shell front end: the REPL adapter wired to the runner, live completion values,
// the prompt (account@server), `last`/`more`, and re-login + one retry when the session expired.
import { join } from 'node:path';
import { cachedValueSource } from '../complete/values.js';
import { InterruptedError, isSessionExpired } from '../execute/errors.js';
import { loginCommand } from './login.js';
import { parseLine } from '../parse/parser.js';
import { startRepl, type ShellTerminal } from '../repl/index.js';
import type { App } from './app.js';
import type { Format } from './output-choice.js';
import { runCommandDetailed, runParsed, type RunnerDeps, type RunOptions } from './runner.js';
import { fetchResourceRows } from './live-values.js';
import { showResult } from './show-result.js';

export interface ShellOptions {
  format?: Format;
  run: RunOptions;
  /** Printed once above the first prompt (e.g. the simulator's address). */
  banner?: string;
}

/** APIs that only read: they leave cached completion values valid. */
function onlyReads(apiName: string | undefined, method: string | undefined): boolean {
  return method === 'GET' || (apiName !== undefined && /^(Query|Get|List|Check|Validate|Is)/.test(apiName));
}

export async function runShell(app: App, opts: ShellOptions): Promise<number> {
  const io = app.io;
  let prompt = await app.promptText();
  let last: string | undefined;
  let tty: ShellTerminal = {};

  const values = cachedValueSource({
    fetch: (ref, signal) => fetchResourceRows(app.registry, ref, (s) => app.execContext(s, 'completion', false), signal),
  });
  const base = app.runnerDeps(
    showResult(app, opts.format, {
      pager: false,
      keep: (text) => (last = text),
    }),
  );
  const deps: RunnerDeps = {
    ...base,
    // Passwords are read by the shell itself so no key reaches the next prompt.
    promptPassword: async (message) => {
      if (!tty.readSecret) throw new InterruptedError();
      const v = await tty.readSecret(`${message} `);
      if (v === undefined) throw new InterruptedError();
      return v;
    },
  };
  const quiet: RunnerDeps = { ...deps, showResult: async () => undefined };

  async function relogin(account: string, signal: AbortSignal): Promise<boolean> {
    if (!tty.readSecret) return false;
    io.stderr.write(`Log in again as ${account} to retry (empty to skip).\n`);
    const pw = await tty.readSecret(`Password for ${account}: `);
    if (!pw) return false;
    const r = await runCommandDetailed(loginCommand(account, pw), quiet, {}, signal);
    return r.code === 0;
  }

  if (opts.banner) io.stdout.write(`${opts.banner}\n`);
  const repl = startRepl({
    input: io.stdin,
    output: io.stdout as NodeJS.WritableStream,
    registry: app.registry,
    values,
    prompt: () => prompt,
    lastResult: () => last,
    historyFile: join(app.dir, 'history'),
    fs: app.files,
    runLine: async (line, signal, terminal) => {
      tty = terminal;
      const parsed = parseLine(line);
      const before = await app.session.current();
      let outcome = await runParsed(parsed, deps, opts.run, signal);
      if (isSessionExpired(outcome.error) && !signal.aborted) {
        const account = before?.account ?? app.conn.account ?? 'admin';
        if (await relogin(account, signal)) outcome = await runParsed(parsed, deps, opts.run, signal);
      }
      if (!onlyReads(outcome.api?.name, outcome.api?.method)) values.invalidate();
      prompt = await app.promptText();
    },
  });
  await repl.done;
  return 0;
}
