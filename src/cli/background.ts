// Running a shell line in the background (`StartVmInstance uuid=... &`): the `&` marker, what the job
// is about for listings, and the run itself: no spinner, no password prompt, errors and result kept
// for `job result N`, the server's job uuid reported as soon as the request is sent.
import type { LineChoices } from '../commands/line-options.js';
import type { ExecResult } from '../execute/executor.js';
import type { ParseResult } from '../parse/ast.js';
import { lex } from '../parse/lexer.js';
import type { App } from './app.js';
import { runParsed, type RunnerDeps, type RunOutcome } from './runner.js';
import type { JobTable, ShellJob } from './shell-jobs.js';

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

/** Starts a parsed line (without its `&`) as the next background job; `ended` sees its outcome. */
export function runInBackground(app: App, jobs: JobTable, line: string, parsed: ParseResult, choices: LineChoices, ended: (o: RunOutcome) => void): ShellJob {
  const cmd = parsed.command!;
  const api = app.registry.api(cmd.name)?.name ?? cmd.name;
  return jobs.start(line, api, targetOf(cmd.args), async (signal, sent) => {
    let result: ExecResult | undefined;
    let errors = '';
    const deps: RunnerDeps = {
      ...app.runnerDeps(async (r) => void (result = r)),
      promptPassword: undefined,
      out: (t) => void (errors += `${t}\n`),
      err: (t) => void (errors += `${t}\n`),
      commandPrefix: () => '',
      // The foreground command's spinner is not this job's to stop.
      finished: () => undefined,
      execContext: async (s, a, o) => {
        const ctx = await app.execContext(s, a.name, a.async, { ...o, quiet: true });
        const make = ctx.newJobUuid;
        const newJobUuid = (): string => {
          const id = make();
          sent(id);
          return id;
        };
        return { ...ctx, newJobUuid };
      },
    };
    const outcome = await runParsed(parsed, deps, { ...choices.run, dryRun: false, curl: false }, signal);
    ended(outcome);
    if (outcome.code !== 0 || !result) throw errors.trim() || `exit ${outcome.code}`;
    return result;
  });
}
