// The composition root: reads argv, picks the front end (one-shot command, script, job wait,
// completion scripts, simulator, shell) and returns an exit code. Nothing below exits the process.
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { parseLine, parseWords } from '../parse/parser.js';
import { EXIT_CODES, exitCodeFor, renderError } from '../execute/errors.js';
import { waitJob } from '../execute/executor.js';
import { App, type AppFlags, type AppOptions } from './app.js';
import type { CliIO } from './io.js';
import { fetchFlags, type FetchFlags } from './fetch-flags.js';
import { isFormat, type Format } from './output-choice.js';
import { runParsed, type RunOptions } from './runner.js';
import { runScript } from './script.js';
import { showResult } from './show-result.js';
import { completionScript } from './completion-scripts.js';
import { runSimCommand, startEmbeddedSim } from './sim-command.js';

export const VERSION = '0.1.0';

interface GlobalOptions extends AppFlags, FetchFlags {
  sim?: boolean;
  dryRun?: boolean;
  curl?: boolean;
  output?: string;
  columns?: string;
  file?: string;
  stopOnError?: boolean;
}

const EXIT_CODE_HELP = `
Exit codes:
  0    success
  1    the API failed (ZStack error), or the server answered an error
  2    usage: bad command, unknown API/param/field, wrong value
  3    connection: refused, DNS, TLS, timeout
  4    authentication: wrong password, session expired, not logged in
  8    an async job did not finish within --timeout
  130  interrupted (Ctrl-C)`;

function runOptions(opts: GlobalOptions): RunOptions | string {
  const out: RunOptions = {};
  if (opts.dryRun) out.dryRun = true;
  if (opts.curl) out.curl = true;
  if (opts.columns !== undefined) {
    const cols = opts.columns.split(',').map((c) => c.trim()).filter(Boolean);
    if (cols.length === 0) return '-c/--columns needs column names, e.g. -c uuid,name,state';
    out.columns = cols;
  }
  const fetch = fetchFlags(opts);
  return typeof fetch === 'string' ? fetch : { ...out, ...fetch };
}

interface Choices {
  run: RunOptions;
  format: Format | undefined;
}

/** -o and -c checked once for every front end; a string is the usage error to print. */
function choices(opts: GlobalOptions): Choices | string {
  if (opts.output !== undefined && !isFormat(opts.output)) return `-o/--output must be json, table, yaml, csv or value; got '${opts.output}'`;
  const run = runOptions(opts);
  if (typeof run === 'string') return run;
  return { run, format: opts.output as Format | undefined };
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`Error: ${message}\n`);
  return EXIT_CODES.usage;
}

/**
 * Runs `body` with the process's App; with --sim, against a fresh in-process simulator, logged in
 * as admin. The transport is node:http unless the caller is the long-lived shell.
 */
async function withApp<T>(io: CliIO, opts: GlobalOptions, body: (app: App) => Promise<T>, transport: AppOptions['transport'] = 'node'): Promise<T> {
  const sim = opts.sim ? await startEmbeddedSim() : undefined;
  const app = sim
    ? await App.create(simIO(io), simFlags(opts, sim.port), { sessionDir: sim.sessionDir, transport })
    : await App.create(io, opts, { transport });
  try {
    if (sim) await sim.login(app);
    return await body(app);
  } finally {
    await app.close();
    await sim?.close();
  }
}

/** --sim: only the simulator counts; no profile, https or session from flags or environment. */
function simFlags(opts: GlobalOptions, port: number): AppFlags {
  const { profile: _p, session: _s, ca: _c, https: _h, insecure: _i, ...rest } = opts;
  return { ...rest, host: '127.0.0.1', port };
}

function simIO(io: CliIO): CliIO {
  const { ZSTACK_SESSION: _s, ZSTACK_PROFILE: _p, ZSTACK_HOST: _h, ZSTACK_PORT: _o, ...env } = io.env;
  return { ...io, env };
}

/** The interactive shell. */
async function shell(opts: GlobalOptions, io: CliIO): Promise<number> {
  const c = choices(opts);
  if (typeof c === 'string') return usage(io, c);
  return withApp(io, opts, async (app) => {
    const banner = app.simBanner ?? `zstack-cli ${VERSION}: ${app.conn.endpoint.host}:${app.conn.endpoint.port}. Tab completes, help lists APIs, exit or Ctrl-D leaves.`;
    // Loaded only here: one-shot commands never need readline, the REPL or the completion engine.
    const { runShell } = await import('./shell.js');
    return runShell(app, { ...(c.format ? { format: c.format } : {}), run: c.run, banner });
  }, 'undici');
}

/** One API command from argv words. */
async function oneShot(words: string[], opts: GlobalOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  const c = choices(opts);
  if (typeof c === 'string') return usage(io, c);
  return withApp(io, opts, async (app) => (await runParsed(parseWords(words), app.runnerDeps(showResult(app, c.format)), c.run, signal)).code);
}

/** Lines from a file or stdin, one command each. */
async function script(source: string, text: NodeJS.ReadableStream, opts: GlobalOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  const c = choices(opts);
  if (typeof c === 'string') return usage(io, c);
  return withApp(io, opts, async (app) => {
    const deps = app.runnerDeps(showResult(app, c.format));
    const lines = createInterface({ input: text, crlfDelay: Infinity });
    return runScript(lines, {
      source,
      stopOnError: opts.stopOnError === true,
      signal,
      reportError: (t) => io.stderr.write(`${t}\n`),
      runLine: async (line) => (await runParsed(parseLine(line), deps, c.run, signal)).code,
    });
  });
}

export interface MainHooks {
  /** Aborted on Ctrl-C (SIGINT) by the entry point. */
  signal?: AbortSignal;
}

export async function main(io: CliIO, hooks: MainHooks = {}): Promise<number> {
  const signal = hooks.signal ?? new AbortController().signal;
  let code = 0;
  const program = new Command('zstack-cli')
    .description('Shell and one-shot command tool for the ZStack cloud (REST API v1).\nWith no command, opens the interactive shell.')
    .usage('[options] [<Api> key=value ...]')
    .argument('[command...]', 'an API and its params, e.g. QueryVmInstance state=Running')
    .option('--host <host>', 'management node host (env ZSTACK_HOST; default localhost)')
    .option('--port <port>', 'management node port (env ZSTACK_PORT; default 8080)')
    .option('--https', 'use https')
    .option('--ca <file>', 'trust this PEM CA file (https)')
    .option('--insecure', 'do not verify the server certificate (https)')
    .option('--profile <name>', 'use a named server profile (env ZSTACK_PROFILE)')
    .option('--session <uuid>', 'use this session uuid (env ZSTACK_SESSION)')
    .option('--timeout <duration>', 'overall timeout incl. async jobs: seconds or 90s, 10m, 1h (env ZSTACK_TIMEOUT)')
    .option('--async', 'return the job uuid at once for async APIs (see: job wait)')
    .option('--webhook', 'receive async results by webhook instead of polling')
    .option('--dry-run', 'print the request as JSON {method,url,body}; send nothing')
    .option('--curl', 'print the equivalent curl command; send nothing')
    .addOption(new Option('-o, --output <format>', 'json | table | yaml | csv | value (default: json when piped, table for queries on a terminal)'))
    .option('-c, --columns <list>', 'columns to show, e.g. uuid,name,state (plain ones become the query fields=)')
    .option('--all', 'a query: every page of the result (limit/start, streamed)')
    .option('--page-size <n>', 'with --all: rows per request (default 1000)')
    .option('--raw', "print the server's reply as it came")
    .option('-f, --file <script>', 'run the commands of a script file, one per line ("-" for stdin)')
    .option('--stop-on-error', 'with -f or stdin: stop at the first failing line')
    .option('--sim', 'start an embedded ZStack simulator (demo seed), log in as admin and run against it')
    .version(VERSION, '-v, --version')
    .addHelpText('after', `${EXIT_CODE_HELP}\n\nExamples:\n  zstack-cli LogInByAccount accountName=admin\n  zstack-cli QueryVmInstance state=Running -o table -c uuid,name,state\n  zstack-cli --dry-run StartVmInstance uuid=UUID hostUuid=H\n  zstack-cli -f setup.zs --stop-on-error\n`)
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action(async (words: string[], opts: GlobalOptions) => {
      if (opts.file !== undefined) {
        if (words.length) {
          io.stderr.write('Error: give either -f <script> or a command, not both\n');
          code = EXIT_CODES.usage;
          return;
        }
        const input = opts.file === '-' ? io.stdin : await openScript(opts.file, io);
        code = input ? await script(opts.file === '-' ? '<stdin>' : opts.file, input, opts, io, signal) : EXIT_CODES.usage;
        return;
      }
      if (words.length) {
        code = await oneShot(words, opts, io, signal);
        return;
      }
      if (!io.stdin.isTTY) {
        code = await script('<stdin>', io.stdin, opts, io, signal);
        return;
      }
      code = await shell(opts, io);
    });

  program
    .command('job')
    .description('async jobs')
    .command('wait <jobUuid>')
    .description('wait for an async job (e.g. one interrupted by Ctrl-C or started with --async) and print its result')
    .action(async (jobUuid: string) => {
      const opts = program.opts<GlobalOptions>();
      const c = choices(opts);
      if (typeof c === 'string') {
        code = usage(io, c);
        return;
      }
      code = await withApp(io, opts, async (app) => {
        try {
          const ctx = await app.execContext(signal, `job ${jobUuid}`, true);
          const result = await waitJob(jobUuid, ctx).finally(() => app.finished());
          await showResult(app, c.format)(result, undefined, c.run);
          return 0;
        } catch (e) {
          io.stderr.write(`${renderError(e)}\n`);
          return exitCodeFor(e);
        }
      });
    });

  program
    .command('sim')
    .description('serve a ZStack-compatible simulator (REST API v1) until Ctrl-C; log in as admin/password')
    .option('--bind <host>', 'address to listen on', '127.0.0.1')
    .option('--seed <seed>', 'demo | empty | scale:N (N VMs, for benchmarks)', 'demo')
    .option('--job-delay <ms>', 'how long async jobs take', '150')
    .addHelpText('after', '\nThe port is the global --port (default 8080; 0 = any free port).')
    .action(async (o: { bind: string; seed: string; jobDelay: string }) => {
      code = await runSimCommand({ ...o, port: String(program.opts<GlobalOptions>().port ?? '8080') }, io, signal);
    });

  program.helpCommand(false);
  program
    .command('help [topic]')
    .description('this help; help <Api> shows an API (params, types, valid values, the manual, an example); help <word> finds APIs')
    .action(async (topic: string | undefined) => {
      if (!topic) {
        io.stdout.write(program.helpInformation());
        return;
      }
      const { loadRegistry } = await import('../schema/registry.js');
      const { helpApi, helpSearch } = await import('../repl/help.js');
      const reg = loadRegistry();
      const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 100;
      const api = reg.api(topic);
      const lines = api ? helpApi(reg, api, width) : helpSearch(reg, topic, width);
      io.stdout.write(`${lines.join('\n')}\n`);
      if (!api && !reg.apiNames().some((n) => n.toLowerCase().includes(topic.toLowerCase()))) code = EXIT_CODES.usage;
    });

  program
    .command('__complete [line...]', { hidden: true })
    .description('print completion candidates for a shell line left of the cursor, program name included (used by the bash/zsh scripts)')
    .allowUnknownOption()
    .action(async (words: string[]) => {
      // Usually reached straight from bin/; this route serves `zstack-cli --port P __complete ...`.
      const { runComplete } = await import('./complete-command.js');
      code = await runComplete(io, words, program.opts<GlobalOptions>());
    });

  program
    .command('profile <action> [args...]')
    .description('server profiles: list | add <name> host=... [port=] [https=] [ca=] [insecure=] [account=] | remove <name> | use <name|none>')
    .action(async (action: string, args: string[]) => {
      const { runProfileCommand } = await import('./profile-command.js');
      const { cliHome } = await import('../config/paths.js');
      code = await runProfileCommand(action, args, cliHome(io.env, io.homedir), io);
    });

  program
    .command('completion <shell>')
    .description('print the bash or zsh completion script (source it, or see completions/)')
    .action((shell: string) => {
      const text = completionScript(shell);
      if (text === undefined) {
        io.stderr.write(`Error: no completion script for '${shell}' (bash or zsh)\n`);
        code = EXIT_CODES.usage;
        return;
      }
      io.stdout.write(text);
    });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_CODES.usage;
    io.stderr.write(`${renderError(e)}\n`);
    return exitCodeFor(e);
  }
  return code;
}

async function openScript(path: string, io: CliIO): Promise<NodeJS.ReadableStream | undefined> {
  // Fail early with one clear line when the script cannot be read.
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
    accessSync(path, constants.R_OK);
  } catch (e) {
    io.stderr.write(`Error: cannot read script ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return undefined;
  }
  return createReadStream(path, 'utf8');
}
