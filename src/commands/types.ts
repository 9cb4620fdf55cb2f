// The shape of a built-in command (the CLI's own commands, beside the APIs): one typed entry gives
// its name, synopsis, arguments, options, help, where it runs, how its words complete, and its
// handler. The commander program, the shell's dispatcher, `help` and completion all read entries
// of this shape from src/commands/table.ts.
import type { App } from '../cli/app.js';
import type { CliIO } from '../cli/io.js';
import type { ResultHistory } from '../cli/result-history.js';
import type { JobTable } from '../cli/shell-jobs.js';
import type { ExecResult } from '../execute/executor.js';
import type { Registry } from '../schema/registry.js';
import type { LineChoices } from './line-options.js';
import type { Flags } from './options.js';

/** The front end running a command. */
export type Front = 'oneshot' | 'shell';
/** Where a built-in is offered. */
export type Where = Front | 'both';

/**
 * What completes a positional argument: API names (`help Start` -> `StartVmInstance`), API names
 * and built-ins, profile names, the shell's job numbers, result numbers, a whole command line (the
 * rest of `watch`), a file name, or the fixed `choices`.
 */
export type ArgKind = 'api' | 'topic' | 'profile' | 'job' | 'result' | 'command' | 'file' | 'choices';

export interface ArgSpec {
  name: string;
  description: string;
  required?: boolean;
  /** Takes all remaining words. */
  variadic?: boolean;
  kind?: ArgKind;
  choices?: readonly string[];
}

/** An option of one built-in (global options are in options.ts). */
export interface CommandOption {
  long: string;
  short?: string;
  /** Key in `ctx.opts`: commander's camelCase of the long name. */
  key: string;
  /** Placeholder of the value (`<seconds>`); absent for a flag. */
  value?: string;
  description: string;
  default?: string;
  choices?: readonly string[];
}

export interface BuiltinSpec {
  name: string;
  aliases?: readonly string[];
  /** One line for listings. */
  summary: string;
  /** More text for `help <name>`: details and examples. */
  help?: string;
  where: Where;
  args?: readonly ArgSpec[];
  options?: readonly CommandOption[];
  /** `job wait`, `profile add`: the words after the name pick one. */
  subcommands?: readonly BuiltinSpec[];
  /** Left out of listings and completion (`__complete`). */
  hidden?: boolean;
  /**
   * Runs the command; returns its exit code. Throws CliError for failures (reported by the
   * dispatcher through src/errors/report.ts). A command with subcommands may also have one (what
   * runs when no subcommand is given: `profile` lists).
   */
  run?(ctx: CommandContext): Promise<number>;
}

/** The shell's services a built-in may use (absent in one-shot mode). */
export interface ShellServices {
  /** Leaves the shell after this command. */
  exit(): void;
  /** Shows text page by page on the terminal (`more`); resolves when the user is done. */
  page(text: string): Promise<void>;
  /** The last result's rendered text (`last`, `more`). */
  lastResult(): string | undefined;
  /** Terminal width and height. */
  width(): number;
  height(): number;
}

/** What a running built-in gets. */
export interface CommandContext {
  /** Positional arguments after the command (and subcommand) name. */
  args: string[];
  /** The built-in's own options, by key. */
  opts: Record<string, string | boolean | undefined>;
  /** Global options in force: those zstack-cli started with, overlaid with this line's. */
  flags: Flags;
  front: Front;
  io: CliIO;
  signal: AbortSignal;
  /** Writes lines to stdout / stderr (a newline is added). */
  out(text: string): void;
  err(text: string): void;
  /** The registry of APIs (loaded on first use). */
  registry(): Registry;
  /** The connection and session machinery, opened on first use (the shell's own in the shell). */
  app(): Promise<App>;
  /** The config directory (profiles, history). */
  home: string;
  /** How commands in hints are written in this front end (`zstack-cli --port 8081 `, or `` in the shell). */
  commandPrefix: string;
  /** Prints a call's result as this front end does (format, pager, the shell's `last`). */
  show(result: ExecResult, choices: LineChoices): Promise<void>;
  /** The shell's numbered results (absent in one-shot mode). */
  results?: ResultHistory;
  /** The shell's background jobs (absent in one-shot mode). */
  jobs?: JobTable;
  shell?: ShellServices;
}
