// The interactive shell's terminal adapter over node:readline (callback API): line editing, keys and
// prompts. A guarded completer with the titled listing, redacted persistent history, Ctrl-R search,
// Ctrl-C that clears the line or aborts the running command, queued type-ahead/pasted lines, hidden
// input and a pager the running command may use. What a line means is the caller's (`runLine`).
// All IO goes through the injected streams, fs functions and timers.
import * as readline from 'node:readline';
import { complete as engineComplete, formatListing, type Completion, type Timers, type ValueSource } from '../complete/index.js';
import { systemTimers } from '../complete/values.js';
import type { Registry } from '../schema/registry.js';
import { readlineCompleter, type EngineFn } from './completer.js';
import { appendHistory, HISTORY_SIZE, loadHistory, type HistoryFs } from './history.js';
import { Pager } from './pager.js';
import { redactLine } from '../plan/secrets.js';
import { CliError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { ReadlineInternals } from './readline-internals.js';
import { ReverseSearch, type KeyInfo, type SearchEditor } from './search.js';
import { SecretInput, secretPrompt } from './secret-input.js';
import { askConfirm, KeyFeed } from './confirm-prompt.js';

export interface ReplDeps {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Line editing with keys (default: whether output is a TTY). Without it lines are read plainly. */
  terminal?: boolean;
  registry: Registry;
  /** Live uuids/names for completion (e.g. cachedValueSource over the HTTP client). */
  values?: ValueSource;
  /** Replaces the default engine (`complete` over registry + values). */
  complete?: EngineFn;
  /**
   * Runs one command line; reports its own errors and output. Should stop when the signal aborts.
   * `tty` offers the terminal to the running command (hidden input, paging, leaving the shell).
   */
  runLine(line: string, signal: AbortSignal, tty: ShellTerminal): Promise<void>;
  /** The prompt to show, asked before every prompt (`admin@10.0.0.1 >>> `). */
  prompt(): string;
  /** Where history lives (per user); no file or no fs, no persistence. */
  historyFile?: string;
  /** Reads and merges the history file (in the CLI: the config files, locked and atomic). */
  fs?: HistoryFs;
  historySize?: number;
  timers?: Timers;
  /** Longest wait for completion candidates (default 300 ms). */
  completionTimeoutMs?: number;
  /** Called once when the shell ends (exit, quit, Ctrl-D, end of input). */
  onExit?(): void;
  /** Lines to print above the next prompt (e.g. background jobs that ended). */
  notices?(): string[];
  /**
   * Asked when the user leaves (exit, Ctrl-D on an empty line): a warning to print instead of
   * leaving this time (e.g. jobs still running), or undefined to leave.
   */
  beforeExit?(): string | undefined;
}

/** What the running command may do with the terminal. */
export interface ShellTerminal {
  /** Asks for a hidden value (a password); resolves undefined on Ctrl-C. Absent without a terminal. */
  readSecret?: (prompt: string) => Promise<string | undefined>;
  /** Asks a yes/no question (y/N); resolves undefined on Ctrl-C or Esc. Absent without a terminal. */
  confirm?: (message: string, opts?: { color?: boolean }) => Promise<boolean | undefined>;
  /** Shows text a screenful at a time (space: page, enter: line, q: quit); resolves when done. */
  page(text: string): Promise<void>;
  /** Leaves the shell once the command returns. */
  exit(): void;
  width(): number;
  height(): number;
}

export interface Repl {
  /** Resolves after the shell ended and onExit ran. */
  readonly done: Promise<void>;
  /** Ends the shell at once (no warning asked for). */
  close(): void;
  /** The readline interface underneath (for tests and diagnostics). */
  readonly rl: readline.Interface;
}

/** A failure nothing else reported, as the first line of its report (never a stack trace). */
const errorLine = (e: unknown): string => renderError(e, '').split('\n')[0]!;
/** Why something failed, in a few words with what to do about it (for a warning). */
const reason = (e: unknown): string => {
  const text = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim() || 'unknown error';
  return e instanceof CliError && e.hint ? `${text}; ${e.hint.split('\n')[0]}` : text;
};

export function startRepl(deps: ReplDeps): Repl {
  const out = (s: string): void => void deps.output.write(s);
  const timers = deps.timers ?? systemTimers;
  const fs = deps.fs;
  const size = deps.historySize ?? HISTORY_SIZE;
  const terminal = deps.terminal ?? (deps.output as { isTTY?: boolean }).isTTY === true;
  const redact = (line: string): string => {
    try {
      return redactLine(line);
    } catch {
      return line;
    }
  };
  const width = (): number => (deps.output as { columns?: number }).columns || 80;
  const height = (): number => (deps.output as { rows?: number }).rows || 24;
  const engine: EngineFn = deps.complete ?? ((line, cursor, signal) => engineComplete(line, cursor, { registry: deps.registry, ...(deps.values ? { values: deps.values } : {}), signal }));

  let lastKeyName: string | undefined;
  let repeatedTab = false;
  let running: { ctl: AbortController; detached: boolean } | undefined;
  /** A hidden value being typed for the running command: keys go here, never echoed or replayed. */
  let secret: { input: SecretInput; resolve: (v: string | undefined) => void } | undefined;
  let pager: Pager | undefined;
  /** A yes/no question open for the running command: once `open`, its keys go to the question only. */
  let asking: { feed: KeyFeed; open: boolean } | undefined;
  let closing = false;
  let finished = false;
  let exitByCommand = false;
  let notice: string | undefined;
  let historyBroken = false;
  const pendingKeys: [string | undefined, KeyInfo | undefined][] = [];
  const pendingLines: string[] = [];
  const search = new ReverseSearch();
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));

  const completer = readlineCompleter({
    complete: engine,
    timers,
    ...(deps.completionTimeoutMs !== undefined ? { timeoutMs: deps.completionTimeoutMs } : {}),
    current: () => ({ line: rli.line, cursor: rli.cursor }),
    repeatedTab: () => repeatedTab,
    showListing: (c) => showListing(c),
  });

  const initial = deps.historyFile && fs ? loadHistory(deps.historyFile, fs, size) : [];
  const rl = readline.createInterface({
    input: deps.input,
    output: deps.output,
    terminal,
    completer,
    history: initial,
    historySize: size,
    tabSize: 4,
  });
  const rli = new ReadlineInternals(rl);

  const editor: SearchEditor = {
    get line() {
      return rli.line;
    },
    set line(v: string) {
      rli.line = v;
    },
    get cursor() {
      return rli.cursor;
    },
    set cursor(v: number) {
      rli.cursor = v;
    },
    get history() {
      return rli.history;
    },
    getPrompt: () => rl.getPrompt(),
    setPrompt: (p) => rl.setPrompt(p),
    refresh: () => rli.refresh(),
  };

  function showListing(c: Completion): void {
    const lines = formatListing(c, { width: width() });
    if (!lines.length) return;
    try {
      const total = rli.lineRows();
      const at = rl.getCursorPos().rows;
      if (total > at) readline.moveCursor(deps.output, 0, total - at);
    } catch {
      /* best effort: the listing then starts below the cursor row */
    }
    out(`\r\n${lines.join('\r\n')}\r\n`);
    rli.redrawBelow();
  }

  function showPrompt(): void {
    if (finished || closing) return;
    if (notice) {
      out(`${notice}\n`);
      notice = undefined;
    }
    try {
      for (const line of deps.notices?.() ?? []) out(`${line}\n`);
    } catch {
      /* a notice never stops the prompt */
    }
    let p: string;
    try {
      p = deps.prompt();
    } catch {
      p = '>>> ';
    }
    rl.setPrompt(p);
    rl.prompt();
  }

  rli.interceptKeys((s, key) => {
    const k: KeyInfo = key ?? {};
    try {
      if (pager?.active) return pager.key(s, k);
      if (running) return keyWhileBusy(s, key);
      if (search.active) {
        if (search.key(editor, s, k) === 'consumed') return;
      } else if (k.ctrl && k.name === 'r') {
        return search.start(editor);
      } else if (k.ctrl && k.name === 'd' && rli.line === '') {
        const warning = leaveWarning();
        if (warning !== undefined) {
          out(`\n${warning}\n`);
          return showPrompt();
        }
      }
      repeatedTab = k.name === 'tab' && lastKeyName === 'tab';
      lastKeyName = k.name;
      rli.originalKey(s, key);
    } catch (e) {
      out(`\n${errorLine(e)}\n`);
      showPrompt();
    }
  });

  function secretKey(s: string | undefined, key: KeyInfo | undefined): void {
    const cur = secret!;
    const step = cur.input.key(s, key);
    if (step.state === 'typing') return;
    secret = undefined;
    out(step.state === 'done' ? '\n' : '^C\n');
    cur.resolve(step.state === 'done' ? step.value : undefined);
  }

  function readSecret(prompt: string): Promise<string | undefined> {
    if (!running || secret) return Promise.resolve(undefined);
    out(secretPrompt(prompt));
    return new Promise((resolve) => {
      secret = { input: new SecretInput(), resolve };
      // Keys typed ahead of the question answer it (as with sudo): they must never be replayed at
      // the prompt, where they would echo, run, and land in history.
      while (secret && pendingKeys.length) {
        const [s, k] = pendingKeys.shift()!;
        secretKey(s, k);
      }
    });
  }

  /**
   * Hands the keyboard to enquirer for one question: keys typed from now on reach it (Ctrl-C answers
   * it, never aborts the command); keys typed before the question shows (a pasted line behind the
   * command) stay queued for the next prompt: nothing answers a question it did not see.
   */
  function confirm(message: string, opts: { color?: boolean } = {}): Promise<boolean | undefined> {
    if (!running || secret || asking) return Promise.resolve(undefined);
    const q = { feed: new KeyFeed(), open: false };
    asking = q;
    const shown = (): void => void (q.open = true);
    return askConfirm(message, { stdin: q.feed.stream, stdout: deps.output, color: opts.color ?? false }, running.ctl.signal, shown).finally(() => {
      if (asking === q) asking = undefined;
      q.feed.close();
    });
  }

  function keyWhileBusy(s: string | undefined, key: KeyInfo | undefined): void {
    if (secret) return secretKey(s, key);
    if (asking?.open) return asking.feed.key(s, key);
    const run = running!;
    if (key?.ctrl && key.name === 'c') {
      pendingKeys.length = 0;
      pendingLines.length = 0;
      if (!run.ctl.signal.aborted) {
        // Abort first: the command's own progress line (a spinner) clears itself before ^C is shown.
        run.ctl.abort();
        out('^C\n');
      } else {
        // A second Ctrl-C: stop waiting for a command that ignores its signal.
        run.detached = true;
        running = undefined;
        out('^C (no longer waiting for the command)\n');
        afterRun();
      }
      return;
    }
    pendingKeys.push([s, key]);
  }

  rl.on('SIGINT', () => {
    try {
      rli.originalKey(undefined, { ctrl: true, name: 'e' });
      out('^C');
      rli.clearLine();
      rli.resetHistoryIndex();
      showPrompt();
    } catch {
      /* never let Ctrl-C end the shell */
    }
  });

  rl.on('history', (h: string[]) => {
    const raw = h[0];
    if (raw === undefined) return;
    if (/^\s/.test(raw)) {
      // bash's ignorespace: a line typed with a leading space is not remembered.
      h.shift();
      return;
    }
    h[0] = redact(raw);
    if (h.length > 1 && h[1] === h[0]) h.shift();
    if (!deps.historyFile || !fs || historyBroken) return;
    try {
      appendHistory(deps.historyFile, fs, h[0]!, size);
    } catch (e) {
      historyBroken = true;
      notice = `warning: history is not saved (${reason(e)})`;
    }
  });

  rl.on('line', (line: string) => {
    if (running || pager?.active) pendingLines.push(line);
    else void execute(line);
  });

  rl.on('close', () => {
    closing = true;
    search.active = false;
    if (!running && !pager?.active && pendingLines.length === 0) finish();
  });

  function finish(): void {
    if (finished) return;
    finished = true;
    if (terminal && !exitByCommand) out('\n');
    try {
      deps.onExit?.();
    } finally {
      resolveDone();
    }
  }

  function afterRun(): void {
    if (finished) return;
    const next = pendingLines.shift();
    if (next !== undefined) {
      void execute(next);
      return;
    }
    if (closing) return finish();
    showPrompt();
    replayKeys();
  }

  function replayKeys(): void {
    // Like a paste: a Tab typed ahead is not a completion request.
    rli.withoutCompletion(() => {
      while (pendingKeys.length && !running && !pager?.active && !closing) {
        const [s, k] = pendingKeys.shift()!;
        rli.typeKey(s, k);
      }
    });
  }

  /** The running command's pager: keys go to it until the user is done. */
  function page(text: string): Promise<void> {
    const lines = text.replace(/\n$/, '').split('\n');
    if (!terminal || lines.length === 0) {
      out(`${lines.join('\n')}\n`);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const p = new Pager(
        lines,
        out,
        height,
        () => {
          pager = undefined;
          resolve();
        },
        width,
      );
      pager = p;
      if (!p.start()) {
        pager = undefined;
        resolve();
      }
    });
  }

  function leaveWarning(): string | undefined {
    try {
      return deps.beforeExit?.();
    } catch {
      return undefined;
    }
  }

  /** `exit`: leaves unless the shell has a reason to warn first (once). */
  function exit(): void {
    const warning = leaveWarning();
    if (warning !== undefined) {
      out(`${warning}\n`);
      return;
    }
    exitByCommand = true;
    rl.close();
  }

  const tty: ShellTerminal = { page, exit, width, height, ...(terminal ? { readSecret, confirm } : {}) };

  async function execute(line: string): Promise<void> {
    if (line.trim() === '') return afterRun();
    const run = { ctl: new AbortController(), detached: false };
    running = run;
    try {
      await deps.runLine(line, run.ctl.signal, tty);
    } catch (e) {
      if (!run.ctl.signal.aborted && !run.detached) out(`${errorLine(e)}\n`);
    }
    if (run.detached) return;
    running = undefined;
    afterRun();
  }

  showPrompt();
  return {
    done,
    close: () => {
      exitByCommand = true;
      rl.close();
    },
    rl,
  };
}
