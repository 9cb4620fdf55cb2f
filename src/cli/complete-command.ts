// `zstack-cli __complete -- "<line before cursor>"`: the shell's own completion engine for the bash
// and zsh scripts. Prints one candidate per line, `word<TAB>description`, where word is the whole
// shell word at the cursor after completion (the scripts cut what bash splits off at `=` and `:`).
// Live values (uuids, names) are fetched only when the cursor is at a value and a session exists.
import { complete } from '../complete/candidates.js';
import { fuzzyPick } from '../complete/pick.js';
import { cachedValueSource } from '../complete/values.js';
import { loadRegistry } from '../schema/registry.js';
import type { App, AppFlags } from './app.js';
import type { CliIO } from './io.js';

/** Start of the shell word the cursor is in: after the last blank outside quotes. */
export function wordStart(line: string): number {
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '\\') {
      i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ' ' || c === '\t') {
      start = i + 1;
    }
  }
  return start;
}

/** How long one `__complete` waits for live values (uuids, names) from the server. */
export const LIVE_VALUES_WAIT_MS = 1500;

/** Global options that take a value (the next word, or `--opt=value`). */
const VALUE_OPTIONS = new Set(['--host', '--port', '--ca', '--profile', '--session', '--timeout', '--read-timeout', '-o', '--output', '-c', '--columns', '-f', '--file']);
/** Those of them that say where the server is (used for live values). */
const CONNECTION_OPTIONS: Record<string, 'host' | 'port' | 'profile' | 'session' | 'ca'> = {
  '--host': 'host',
  '--port': 'port',
  '--profile': 'profile',
  '--session': 'session',
  '--ca': 'ca',
};

export interface CompletionLine {
  /** The command text the engine completes: from the API name on. */
  command: string;
  /** Connection flags given before it (`zstack-cli --port 8081 ...`). */
  flags: Record<string, string | boolean>;
}

/**
 * Splits what a shell passes (the whole line left of the cursor: program name, global options,
 * then the command) into the command text and the connection flags. Undefined when the cursor is
 * still in the program name or an option.
 */
export function splitCompletionLine(line: string): CompletionLine | undefined {
  const flags: Record<string, string | boolean> = {};
  const word = /^\s*(\S+)(\s+|$)/;
  let rest = line;
  let m = word.exec(rest);
  if (!m || !m[2]) return undefined; // still typing the program name
  rest = rest.slice(m[0].length);
  for (;;) {
    m = word.exec(rest);
    if (!m || !m[1]!.startsWith('-')) return { command: rest, flags };
    if (!m[2]) return undefined; // typing an option
    const [opt, inline] = m[1]!.split(/=(.*)/s, 2) as [string, string | undefined];
    rest = rest.slice(m[0].length);
    let value: string | undefined = inline;
    if (inline === undefined && VALUE_OPTIONS.has(opt)) {
      const v = word.exec(rest);
      if (!v || !v[2]) return undefined; // typing the option's value
      value = v[1]!;
      rest = rest.slice(v[0].length);
    }
    const key = CONNECTION_OPTIONS[opt];
    if (key && value !== undefined) flags[key] = value;
    if (opt === '--https' || opt === '--insecure') flags[opt.slice(2)] = true;
  }
}

/** The candidate lines for `line`: the whole shell line left of the cursor. */
export async function completionLines(shellLine: string, openApp: (flags: Record<string, string | boolean>) => Promise<App>): Promise<string[]> {
  const split = splitCompletionLine(shellLine);
  if (!split) return [];
  const line = split.command;
  const registry = loadRegistry();
  let app: App | undefined;
  const values = cachedValueSource({
    // Unlike the shell (which keeps a late answer for the next Tab), this process ends after one
    // answer: wait longer for the server rather than return nothing.
    timeoutMs: LIVE_VALUES_WAIT_MS,
    fetch: async (ref, signal) => {
      app ??= await openApp(split.flags);
      if (!(await app.session.current())) return [];
      const a = app;
      const { fetchResourceRows } = await import('./live-values.js');
      return fetchResourceRows(registry, ref, (s) => a.execContext(s, 'completion', false), signal);
    },
  });
  try {
    const c = await complete(line, line.length, { registry, values });
    const ws = wordStart(line);
    const head = line.slice(ws, Math.max(ws, c.replaceFrom));
    // bash and zsh would insert the common prefix of fuzzy API names (`Query`): offer the best one.
    const picked = fuzzyPick(c, line.slice(c.replaceFrom));
    return (picked ? [picked] : c.candidates).map((cand) => {
      const word = `${head}${cand.value}`;
      const desc = (cand.description ?? '').replace(/[\t\n]+/g, ' ');
      return desc ? `${word}\t${desc}` : word;
    });
  } finally {
    await app?.close();
  }
}

/**
 * `zstack-cli __complete [--] <line>`: prints the candidate lines. Reached straight from bin/ (no
 * commander, no main) so each Tab in bash or zsh costs as little start-up as possible.
 */
export async function runComplete(io: CliIO, words: readonly string[], baseFlags: AppFlags = {}): Promise<number> {
  const line = (words[0] === '--' ? words.slice(1) : words).join(' ');
  const lines = await completionLines(line, async (flags) => {
    const { App } = await import('./app.js');
    return App.create(io, { ...baseFlags, ...flags });
  });
  if (lines.length) io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
