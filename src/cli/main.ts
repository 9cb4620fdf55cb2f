// The composition root: reads argv, wires parse -> plan -> (execute -> render), returns an exit code.
// Nothing below this module exits the process or reads globals.
import { Command, CommanderError, Option } from 'commander';
import { parseWords } from '../parse/parser.js';
import { curlCommand } from '../plan/curl.js';
import { dryRunJson } from '../plan/dry-run.js';
import { planCommand } from '../plan/planner.js';
import type { Endpoint } from '../plan/request.js';
import { loadRegistry } from '../schema/registry.js';
import type { CliIO } from './io.js';
import { usageLine } from './usage-error.js';

export const EXIT_USAGE = 2;

export interface GlobalOptions {
  host?: string;
  port?: string;
  https?: boolean;
  dryRun?: boolean;
  curl?: boolean;
}

function endpointFrom(opts: GlobalOptions): Endpoint | string {
  const port = opts.port === undefined ? 8080 : Number(opts.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `--port must be a number from 1 to 65535, got '${opts.port}'`;
  return { scheme: opts.https ? 'https' : 'http', host: opts.host ?? 'localhost', port };
}

/** Runs one API command given as argv words. */
function runApiCommand(words: string[], opts: GlobalOptions, io: CliIO): number {
  const ep = endpointFrom(opts);
  if (typeof ep === 'string') {
    io.stderr.write(`error: ${ep}\n`);
    return EXIT_USAGE;
  }
  const parsed = parseWords(words);
  if (!parsed.command) {
    io.stderr.write('error: no command given (try: zstack-cli --help)\n');
    return EXIT_USAGE;
  }
  if (parsed.diagnostics.length) {
    for (const d of parsed.diagnostics) io.stderr.write(`${usageLine(d)}\n`);
    return EXIT_USAGE;
  }
  const planned = planCommand(loadRegistry(), parsed.command);
  if (!planned.ok) {
    for (const e of planned.errors) io.stderr.write(`${usageLine(e)}\n`);
    return EXIT_USAGE;
  }
  for (const w of planned.request.warnings) io.stderr.write(`warning: ${w}\n`);
  if (opts.curl) {
    io.stdout.write(`${curlCommand(planned.request, ep, io.env.ZSTACK_SESSION)}\n`);
    return 0;
  }
  if (opts.dryRun) {
    io.stdout.write(`${dryRunJson(planned.request, ep)}\n`);
    return 0;
  }
  io.stderr.write('error: sending requests is not available in this build; use --dry-run or --curl\n');
  return EXIT_USAGE;
}

export async function main(io: CliIO): Promise<number> {
  let code = 0;
  const program = new Command('zstack-cli')
    .description('Shell and one-shot command tool for the ZStack cloud (REST API v1)')
    .usage('[options] [<Api> key=value ...]')
    .argument('[command...]', 'an API and its params, e.g. QueryVmInstance state=Running')
    .addOption(new Option('--host <host>', 'management node host (default localhost)'))
    .addOption(new Option('--port <port>', 'management node port (default 8080)'))
    .option('--https', 'use https')
    .option('--dry-run', 'print the request as JSON {method,url,body}; send nothing')
    .option('--curl', 'print the equivalent curl command; send nothing')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .action((words: string[], opts: GlobalOptions) => {
      code = words.length ? runApiCommand(words, opts, io) : 0;
    });
  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    throw e;
  }
  return code;
}
