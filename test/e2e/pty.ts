import { spawnSync } from 'node:child_process';
// End-to-end helper: runs the real `bin/zstack-cli.js` in a pseudo-terminal (node-pty) and mirrors
// its output into a headless xterm, so tests type keys and read the screen as a user would.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { startSimulator, type Simulator } from '../../src/sim/index.js';

const { Terminal } = xterm;

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/zstack-cli.js');

/** The keys a terminal sends, shared with the in-process REPL harness. */
import { KEY } from '../../src/repl/harness.js';

export { KEY };

/** Default wait for anything to show up; generous for a loaded 2-core machine. */
export const WAIT_MS = 10_000;

/**
 * A clean environment for the child: only what a user's shell would have, never vitest's
 * MODE, DEV, PROD, SSR, NODE_ENV, VITEST_* or CI, which would change colour and behaviour.
 */
export function childEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    ZSTACK_CLI_HOME: join(home, 'zstack-cli'),
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    PAGER: 'cat',
  };
  return { ...env, ...extra };
}

/** A fresh temp directory used as HOME (and its `zstack-cli` subdir as ZSTACK_CLI_HOME). */
export function tempHome(): { home: string; cliHome: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'zstack-e2e-'));
  return { home, cliHome: join(home, 'zstack-cli'), remove: () => rmSync(home, { recursive: true, force: true }) };
}

export interface Exit {
  exitCode: number;
  signal?: number | undefined;
}

export interface ScreenShell {
  /** Sends one chunk of input (send each special key on its own). */
  send(keys: string): void;
  /** Every row written so far (scrollback + viewport), trailing spaces removed. */
  lines(): Promise<string[]>;
  /** The rows from `from` on (see `mark`), joined with newlines. */
  textFrom(from: number): Promise<string>;
  /** The visible rows only. */
  screen(): Promise<string[]>;
  /** The row the cursor is on. */
  cursorRow(): Promise<string>;
  /** The cursor's column (0-based). */
  cursorX(): Promise<number>;
  /** The number of rows written so far: pass it as `from` to look only at later output. */
  mark(): Promise<number>;
  /** Waits until the text from row `from` on matches; throws with the screen after `ms`. */
  waitFor(pred: RegExp | ((text: string) => boolean), opts?: { from?: number; ms?: number }): Promise<string>;
  /** Waits until the cursor's row matches (e.g. an empty prompt). */
  waitForCursorRow(pred: RegExp | string | ((row: string) => boolean), ms?: number): Promise<string>;
  /** Waits until `check` holds (e.g. on the cursor position); throws with the screen after `ms`. */
  until(check: () => boolean | Promise<boolean>, what: string, ms?: number): Promise<void>;
  /** Tab, a moment of quiet (so the two keys never reach the shell as one chunk), Tab. */
  doubleTab(): Promise<void>;
  /** Waits until no output arrived for `ms` (for "nothing happened" checks). */
  quiet(ms?: number): Promise<void>;
  /** Resolves with the exit code once the process ended. */
  readonly exited: Promise<Exit>;
  /** Waits for the process to end; throws with the screen after `ms`. */
  waitExit(ms?: number): Promise<Exit>;
  /** All raw output (escape sequences included). */
  raw(): string;
  /** Sends a signal to the process (as `kill` would). */
  signal(sig: NodeJS.Signals): void;
  /**
   * Ends the process: as a user would (Ctrl-C, then Ctrl-D on the empty line) so zstack-cli cleans up
   * after itself (--sim removes its session dir), or at once with `graceful: false`; kills it when it
   * does not end; disposes the screen.
   */
  dispose(o?: { graceful?: boolean }): Promise<void>;
}

export interface SpawnOptions {
  /** The program to run; default the CLI (`node bin/zstack-cli.js`). */
  command?: string;
  args: string[];
  env: Record<string, string>;
  cols?: number;
  rows?: number;
}

export function spawnShell(opts: SpawnOptions): ScreenShell {
  const cols = opts.cols ?? 120;
  const rows = opts.rows ?? 30;
  const term = new Terminal({ cols, rows, scrollback: 5000, allowProposedApi: true });
  const [file, argv] = opts.command ? [opts.command, opts.args] : [process.execPath, [BIN, ...opts.args]];
  const child = pty.spawn(file, argv, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: ROOT,
    env: opts.env,
  });
  let rawOut = '';
  let lastData = Date.now();
  let alive = true;
  child.onData((d) => {
    rawOut += d;
    lastData = Date.now();
    term.write(d);
  });
  const exited = new Promise<Exit>((res) => {
    child.onExit((e) => {
      alive = false;
      res({ exitCode: e.exitCode, signal: e.signal });
    });
  });

  const flush = (): Promise<void> => new Promise((r) => term.write('', r));
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const allLines = async (): Promise<string[]> => {
    await flush();
    const b = term.buffer.active;
    const out: string[] = [];
    for (let i = 0; i < b.length; i++) out.push((b.getLine(i)?.translateToString(true) ?? '').trimEnd());
    // Drop empty rows below the cursor: they were never written. Rows with text below it stay
    // (zsh lists candidates under the line, then moves the cursor back up to it).
    let end = out.length;
    while (end > b.baseY + b.cursorY + 1 && out[end - 1] === '') end--;
    return out.slice(0, end);
  };
  const dump = async (): Promise<string> => {
    const l = await allLines();
    return l.slice(-rows).join('\n');
  };

  const shell: ScreenShell = {
    send(keys) {
      if (alive) child.write(keys);
    },
    lines: allLines,
    textFrom: async (from) => (await allLines()).slice(from).join('\n'),
    async screen() {
      await flush();
      const b = term.buffer.active;
      const out: string[] = [];
      for (let i = 0; i < term.rows; i++) out.push((b.getLine(b.viewportY + i)?.translateToString(true) ?? '').trimEnd());
      return out;
    },
    async cursorRow() {
      await flush();
      const b = term.buffer.active;
      return (b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '').trimEnd();
    },
    async cursorX() {
      await flush();
      return term.buffer.active.cursorX;
    },
    async mark() {
      await flush();
      const b = term.buffer.active;
      return b.baseY + b.cursorY;
    },
    async waitFor(pred, o = {}) {
      const test = typeof pred === 'function' ? pred : (t: string) => pred.test(t);
      const ms = o.ms ?? WAIT_MS;
      const start = Date.now();
      for (;;) {
        const text = (await allLines()).slice(o.from ?? 0).join('\n');
        if (test(text)) return text;
        if (Date.now() - start > ms) throw new Error(`screen never matched ${String(pred)} within ${ms} ms:\n----\n${await dump()}\n----`);
        await sleep(10);
      }
    },
    async waitForCursorRow(pred, ms = WAIT_MS) {
      const test = (row: string): boolean => (typeof pred === 'string' ? row === pred.trimEnd() : typeof pred === 'function' ? pred(row) : pred.test(row));
      const start = Date.now();
      for (;;) {
        const row = await shell.cursorRow();
        if (test(row)) return row;
        if (Date.now() - start > ms) throw new Error(`cursor row is '${row}', never ${String(pred)} within ${ms} ms:\n----\n${await dump()}\n----`);
        await sleep(10);
      }
    },
    async until(check, what, ms = WAIT_MS) {
      const start = Date.now();
      for (;;) {
        await flush();
        if (await check()) return;
        if (Date.now() - start > ms) throw new Error(`never ${what} within ${ms} ms:\n----\n${await dump()}\n----`);
        await sleep(10);
      }
    },
    async doubleTab() {
      shell.send(KEY.tab);
      await shell.quiet(150);
      shell.send(KEY.tab);
    },
    async quiet(ms = 100) {
      const start = Date.now();
      // Quiet means: nothing arrived in the last `ms`, and at least `ms` passed since the call.
      while (Date.now() - Math.max(lastData, start) < ms) {
        if (Date.now() - start > WAIT_MS) throw new Error('output never went quiet');
        await sleep(10);
      }
      await flush();
    },
    exited,
    async waitExit(ms = WAIT_MS) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
      const e = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (e === 'timeout') throw new Error(`the shell did not exit within ${ms} ms:\n----\n${await dump()}\n----`);
      return e;
    },
    raw: () => rawOut,
    signal: (sig) => child.kill(sig),
    async dispose(o = {}) {
      if (alive && o.graceful !== false) {
        child.write(`${KEY.ctrlC}${KEY.ctrlD}`);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
        clearTimeout(timer);
      }
      if (alive) {
        try {
          child.kill();
        } catch {
          /* already gone */
        }
      }
      term.dispose();
    },
  };
  return shell;
}

/** Runs a one-shot command (no terminal) and returns its exit code and output. */
export function runOneShot(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      res({ code, stdout, stderr });
    });
  });
}

/** Types a line at `prompt` and presses Enter; returns the mark where its output starts. */
export async function typeLine(s: ScreenShell, prompt: string, line: string): Promise<number> {
  s.send(line);
  await s.waitForCursorRow(`${prompt}${line}`);
  const from = await s.mark();
  s.send(KEY.enter);
  return from;
}

/** Escapes text for use inside a RegExp. */
export const re = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `--sim` prompt: `admin@127.0.0.1:PORT >>> `. */
export const SIM_PROMPT = /^admin@127\.0\.0\.1:\d+ >>>$/;

/**
 * Everything one test opened (temp homes, shells, simulators), closed in reverse order by
 * `cleanup()`; call it from afterEach.
 */
/**
 * Types a line, presses Enter, pages through output longer than the screen (space at each
 * `--More--`), and waits for the next empty prompt; returns the output in between.
 */
export async function runLine(s: ScreenShell, prompt: string, line: string): Promise<string> {
  const from = await s.mark();
  s.send(line);
  await s.waitForCursorRow(`${prompt}${line}`);
  s.send(KEY.enter);
  let row = await s.waitForCursorRow((r) => r === prompt.trimEnd() || r.startsWith('--More--'));
  while (row.startsWith('--More--')) {
    const before = await s.mark();
    s.send(' ');
    await s.until(async () => (await s.mark()) !== before || (await s.cursorRow()) !== row, 'the pager moved on');
    row = await s.waitForCursorRow((r) => r === prompt.trimEnd() || r.startsWith('--More--'));
  }
  const text = await s.waitFor((t) => t.split('\n').slice(1).includes(prompt.trimEnd()), { from });
  await s.waitForCursorRow(prompt);
  const lines = text.split('\n');
  // Between the echoed command line and the new prompt.
  return lines.slice(1, lines.lastIndexOf(prompt.trimEnd())).join('\n');
}

export class Fixture {
  private readonly undo: (() => unknown)[] = [];

  home(): { home: string; cliHome: string; env: (extra?: Record<string, string>) => Record<string, string> } {
    const t = tempHome();
    this.undo.push(() => t.remove());
    return { home: t.home, cliHome: t.cliHome, env: (extra) => childEnv(t.home, extra) };
  }

  shell(args: string[], env: Record<string, string>, size?: { cols: number; rows: number }): ScreenShell {
    const s = spawnShell({ args, env, ...(size ?? {}) });
    this.undo.push(() => s.dispose());
    return s;
  }

  /** `zstack-cli --sim` in a fresh home, at its first prompt; returns the shell and the prompt text. */
  async simShell(): Promise<{ s: ScreenShell; prompt: string }> {
    const s = this.shell(['--sim'], this.home().env());
    const row = await s.waitForCursorRow(SIM_PROMPT);
    return { s, prompt: `${row} ` };
  }

  /**
   * A simulator on a free port, a fresh home logged in to it as admin (by a one-shot command), and
   * the shell on it at its first prompt.
   */
  async loggedInShell(sim: { jobDelayMs?: number } = {}): Promise<{ sim: Simulator; s: ScreenShell; prompt: string; env: Record<string, string>; target: string[] }> {
    const server = await startSimulator({ port: 0, seed: 'demo', ...sim });
    this.add(() => server.close());
    const env = this.home().env();
    const target = ['--host', '127.0.0.1', '--port', String(server.port)];
    const login = await runOneShot([...target, 'LogInByAccount', 'accountName=admin', 'password=password'], env);
    if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
    const s = this.shell(target, env);
    const prompt = `admin@127.0.0.1:${server.port} >>> `;
    await s.waitForCursorRow(prompt);
    return { sim: server, s, prompt, env, target };
  }

  /** Registers something to close at the end (e.g. a simulator). */
  add(close: () => unknown): void {
    this.undo.push(close);
  }

  async cleanup(): Promise<void> {
    while (this.undo.length) {
      try {
        await this.undo.pop()!();
      } catch {
        /* keep cleaning */
      }
    }
  }
}

/**
 * Whether a program (bash, zsh, tmux) is on PATH. Tests that need one skip with the reason in their
 * title when it is missing, except in CI: .ci/run installs them and sets ZSTACK_CLI_REQUIRE_SHELLS.
 */
export function installed(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}
