// The composition root: reads argv, picks the front end (one-shot command, script, job wait,
// completion scripts, simulator, shell) and returns an exit code. Nothing below exits the process.
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { parseLine, parseWords } from '../parse/parser.js';
import { EXIT_CODES, exitCodeFor, renderError } from '../execute/errors.js';
import { waitJob } from '../execute/executor.js';
import { App, type AppFlags } from './app.js';
import type { CliIO } from './io.js';
import { isFormat, type Format } from './output-choice.js';
import { runCommand, type RunOptions } from './runner.js';
import { runScript } from './script.js';
import { showResult } from './show-result.js';
import { usageLine } from './usage-error.js';
import { completionScript } from './completion-scripts.js';

interface GlobalOptions extends AppFlags {
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
  return out;
}

function formatOf(opts: GlobalOptions): Format | undefined | string {
  if (opts.output === undefined) return undefined;
  return isFormat(opts.output) ? opts.output : `-o/--output must be json, table, yaml, csv or value; got '${opts.output}'`;
}

async function withApp<T>(io: CliIO, opts: GlobalOptions, body: (app: App) => Promise<T>): Promise<T> {
  const app = await App.create(io, opts);
  try {
    return await body(app);
  } finally {
    await app.close();
  }
}

/** One API command from argv words. */
async function oneShot(words: string[], opts: GlobalOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  const parsed = parseWords(words);
  if (parsed.diagnostics.length) {
    for (const d of parsed.diagnostics) io.stderr.write(`${usageLine(d)}\n`);
    return EXIT_CODES.usage;
  }
  const ro = runOptions(opts);
  const format = formatOf(opts);
  if (typeof ro === 'string' || typeof format === 'string') {
    io.stderr.write(`Error: ${typeof ro === 'string' ? ro : format}\n`);
    return EXIT_CODES.usage;
  }
  return withApp(io, opts, (app) =>
    runCommand(parsed.command!, app.runnerDeps(showResult(app, format)), ro, signal),
  );
}

/** Lines from a file or stdin, one command each. */
async function script(source: string, text: NodeJS.ReadableStream, opts: GlobalOptions, io: CliIO, signal: AbortSignal): Promise<number> {
  const ro = runOptions(opts);
  const format = formatOf(opts);
  if (typeof ro === 'string' || typeof format === 'string') {
    io.stderr.write(`Error: ${typeof ro === 'string' ? ro : format}\n`);
    return EXIT_CODES.usage;
  }
  return withApp(io, opts, async (app) => {
    const deps = app.runnerDeps(showResult(app, format));
    const lines = createInterface({ input: text, crlfDelay: Infinity });
    return runScript(lines, {
      source,
      stopOnError: opts.stopOnError === true,
      signal,
      reportError: (t) => io.stderr.write(`${t}\n`),
      runLine: async (line) => {
        const parsed = parseLine(line);
        if (parsed.diagnostics.length) {
          for (const d of parsed.diagnostics) io.stderr.write(`${usageLine(d)}\n`);
          return EXIT_CODES.usage;
        }
        return runCommand(parsed.command!, deps, ro, signal);
      },
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
    .option('-f, --file <script>', 'run the commands of a script file, one per line ("-" for stdin)')
    .option('--stop-on-error', 'with -f or stdin: stop at the first failing line')
    .version('0.1.0', '-v, --version')
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
      io.stderr.write('Error: the interactive shell is not available in this build\n');
      code = EXIT_CODES.usage;
    });

  program
    .command('job')
    .description('async jobs')
    .command('wait <jobUuid>')
    .description('wait for an async job (e.g. one interrupted by Ctrl-C or started with --async) and print its result')
    .action(async (jobUuid: string) => {
      const opts = program.opts<GlobalOptions>();
      const format = formatOf(opts);
      if (typeof format === 'string') {
        io.stderr.write(`Error: ${format}\n`);
        code = EXIT_CODES.usage;
        return;
      }
      code = await withApp(io, opts, async (app) => {
        try {
          const ctx = await app.execContext(signal, `job ${jobUuid}`, true);
          const result = await waitJob(jobUuid, ctx).finally(() => app.finished());
          await showResult(app, format)(result, undefined, {});
          return 0;
        } catch (e) {
          io.stderr.write(`${renderError(e)}\n`);
          return exitCodeFor(e);
        }
      });
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
