// One process's long-lived pieces, created lazily: resolved connection, session store, transport,
// webhook receiver, password prompt, what the node supports (learnt at login) and the guard before
// each call. Builds the runner's deps; closes everything at the end.
import type { ConfigFiles } from '../config/config-files.js';
import type { ResolvedConnection } from '../config/connection.js';
import { promptLabel, SessionStore, storeSessionProvider } from '../config/session-store.js';
import { readCaFile } from '../execute/ca-file.js';
import { type SessionProvider } from '../config/session.js';
import { randomJobUuid, systemClock, type ExecContext } from '../execute/executor.js';
import { InterruptedError } from '../execute/errors.js';
import { readHidden } from '../repl/hidden-prompt.js';
import type { PasswordPrompt } from './runner.js';
import { createUndiciTransport, type Transport, type TransportOptions } from '../execute/transport.js';
import { createWireTransport } from '../execute/wire-transport.js';
import { startWebhookReceiver, type WebhookReceiver } from '../execute/webhook.js';
import { loadRegistry, type Registry } from '../schema/registry.js';
import type { CliIO } from './io.js';
import type { RunnerDeps } from './runner.js';
import { stdinPasswordReader } from './password-stdin.js';
import { startSpinner, type Spinner } from './spinner.js';
import { CapabilityCache } from '../config/capability-cache.js';
import { Capabilities, CAPABILITY_CALL_TIMEOUT_MS } from './capabilities.js';
import { createGuard, type ConfirmPrompt } from './guard.js';
import { colorEnabled } from './output-choice.js';
import { resolveFor, type AppFlags } from './resolve.js';

export { appFlags, type AppFlags } from './resolve.js';

/** Chosen by the composition root, not by the user. */
export interface AppOptions {
  /** Where sessions are kept (default: the config directory). */
  sessionDir?: string;
  /**
   * `undici` for the long-lived interactive shell (its pooling pays off, its start-up cost does
   * not matter); `node` (HTTP/1.1 written by hand over node:net, the default) for short-lived
   * processes, which undici's import and exit costs would slow down by ~150 ms.
   */
  transport?: 'undici' | 'node';
}

/** Options of one line that change how it executes. */
export interface LineExecOptions {
  async?: boolean;
  timeoutMs?: number;
  /** A background job: no spinner. */
  quiet?: boolean;
}

export class App {
  readonly registry: Registry;
  readonly sessions: SessionStore;
  readonly session: SessionProvider;
  /** What the node supports: refreshed at each login, read by the guard, completion and help. */
  readonly capabilities: Capabilities;
  private transport: Transport | undefined;
  private checked = false;
  private stdinPassword: PasswordPrompt | undefined;
  private webhook: Promise<WebhookReceiver> | undefined;
  private spinner: Spinner | undefined;
  private readonly watched = new WeakSet<AbortSignal>();

  private constructor(
    readonly io: CliIO,
    readonly conn: ResolvedConnection,
    readonly flags: AppFlags,
    /** Config directory: history, profiles. */
    readonly dir: string,
    sessionDir: string,
    private readonly transportKind: 'undici' | 'node',
    /** The config files (sessions, profiles, history): locked, atomic, never through links. */
    readonly files: ConfigFiles,
  ) {
    this.registry = loadRegistry();
    this.sessions = new SessionStore({ dir: sessionDir, files });
    const stored = storeSessionProvider(this.sessions, conn.server, {
      ...(conn.session !== undefined ? { explicit: conn.session } : {}),
      ...(conn.account !== undefined ? { account: conn.account } : {}),
    });
    // Beside the sessions: with --sim, in its throwaway directory, so a simulator's port never stays cached.
    this.capabilities = new Capabilities({
      registry: this.registry,
      cache: new CapabilityCache(sessionDir, files),
      server: conn.server,
      call: async (api) => (await import('./side-calls.js')).callPlain(this.registry, api, () => this.execContext(undefined, api, false, { timeoutMs: CAPABILITY_CALL_TIMEOUT_MS })),
    });
    this.session = {
      ...stored,
      loggedIn: async (account, uuid) => {
        await stored.loggedIn(account, uuid);
        await this.capabilities.refresh();
      },
    };
  }

  /** Resolves the connection (flags > env > profile > defaults); profiles load only when they exist. */
  static async create(io: CliIO, flags: AppFlags, options: AppOptions = {}): Promise<App> {
    const { dir, files, conn } = await resolveFor(io, flags, (line) => io.stderr.write(`${line}\n`));
    return new App(io, conn, flags, dir, options.sessionDir ?? dir, options.transport ?? 'node', files);
  }

  /** Set by --sim: shown above the shell's first prompt. */
  simBanner: string | undefined;

  /**
   * How a command in a hint is written so it reaches this server when pasted: `zstack-cli` plus the
   * server flags given on the command line (one-shot), or nothing (the shell sets '').
   */
  commandPrefix = 'zstack-cli ';

  /** `admin@10.0.0.1 >>> ` or `- >>> ` when logged out. */
  async promptText(): Promise<string> {
    const s = await this.session.current();
    const label = s ? promptLabel(s.account, this.conn.endpoint.host, this.conn.endpoint.port) : '-';
    return `${label} >>> `;
  }

  private getTransport(): Transport {
    if (!this.transport) {
      const ca = this.conn.ca ? readCaFile(this.conn.ca) : undefined;
      const opts: TransportOptions = { ...(ca ? { ca } : {}), insecure: this.conn.insecure, readTimeoutMs: this.conn.readTimeoutMs };
      this.transport = this.transportKind === 'undici' ? createUndiciTransport(opts) : createWireTransport(opts);
    }
    return this.transport;
  }

  /**
   * The executor context for one call; `label` names it on the spinner, `async` says it may wait for
   * a job; `line` carries the options of this line (--async, --timeout) over the process's.
   */
  async execContext(signal: AbortSignal | undefined, label: string, async: boolean, line: LineExecOptions = {}): Promise<ExecContext> {
    // Before the first request: a login must not succeed on the server and then fail to be kept.
    if (!this.checked) this.sessions.check();
    this.checked = true;
    const tty = this.io.stderr.isTTY === true;
    const webhook = this.flags.webhook && async ? await (this.webhook ??= startWebhookReceiver()) : undefined;
    // Ctrl-C erases the spinner at once, before anything reports the interruption. Once per signal:
    // a script's lines (and their @name lookups) share one, and a listener per call would pile up.
    if (signal && !this.watched.has(signal)) {
      this.watched.add(signal);
      signal.addEventListener('abort', () => this.finished(), { once: true });
    }
    return {
      endpoint: this.conn.endpoint,
      transport: this.getTransport(),
      session: this.session,
      clock: systemClock,
      newJobUuid: randomJobUuid,
      options: {
        timeoutMs: line.timeoutMs ?? this.conn.timeoutMs,
        ...(this.flags.async || line.async ? { asyncReturn: true } : {}),
        ...(webhook ? { webhook } : {}),
        ...(signal ? { signal } : {}),
        onProgress: (p) => {
          if (!tty || line.quiet) return;
          this.spinner ??= startSpinner(this.io.stderr, `${label} (job ${p.jobUuid.slice(0, 8)})`);
          this.spinner.update(p.elapsedMs);
        },
      },
    };
  }

  runnerDeps(showResult: RunnerDeps['showResult']): RunnerDeps {
    const app = this;
    const io = this.io;
    const prompt = async (message: string): Promise<string> => {
      const v = await readHidden({ stdin: io.stdin as NodeJS.ReadStream, output: io.stderr }, message);
      if (v === undefined) throw new InterruptedError();
      return v;
    };
    return {
      registry: this.registry,
      endpoint: this.conn.endpoint,
      session: this.session,
      execContext: (signal, api, opts) => this.execContext(signal, api.name, api.async, opts),
      // Looked at only when a password is missing: most commands never create the stdin stream.
      get promptPassword() {
        if (app.flags.passwordStdin) return (app.stdinPassword ??= stdinPasswordReader(io.stdin));
        return io.stdin.isTTY ? prompt : undefined;
      },
      guard: createGuard({
        registry: this.registry,
        policy: this.conn.confirm,
        ...(this.conn.profile !== undefined ? { policySource: `confirm=${this.conn.confirm} of profile ${this.conn.profile}` } : {}),
        server: this.conn.server,
        unsupported: () => this.capabilities.unsupported(),
        lookup: async (ref, uuids, signal) => {
          const { rowsByUuid, LOOKUP_TIMEOUT_MS } = await import('./side-calls.js');
          return rowsByUuid(this.registry, ref.queryApi, uuids, () => this.execContext(signal, ref.queryApi, false, { timeoutMs: LOOKUP_TIMEOUT_MS }));
        },
      }),
      // Looked at when a call is checked (it creates stdin and stderr to see whether they are a terminal).
      get confirm() {
        return app.terminalConfirm();
      },
      showResult,
      finished: () => this.finished(),
      out: (t) => this.io.stdout.write(`${t}\n`),
      err: (t) => this.io.stderr.write(`${t}\n`),
      commandPrefix: () => this.commandPrefix,
    };
  }

  /** A yes/no question on the process's terminal (drawn on stderr), when stdin and stderr are one. */
  private terminalConfirm(): ConfirmPrompt | undefined {
    const stdin = this.io.stdin as NodeJS.ReadStream;
    if (!stdin.isTTY || this.io.stderr.isTTY !== true) return undefined;
    const color = colorEnabled(this.io.env, true);
    return async (message, signal) => (await import('../repl/confirm-prompt.js')).askConfirm(message, { stdin, stdout: this.io.stderr, color }, signal);
  }

  /** The call is over: erase the spinner before anything is printed. */
  finished(): void {
    this.spinner?.stop();
    this.spinner = undefined;
  }

  async close(): Promise<void> {
    await Promise.all([this.transport?.close(), this.webhook?.then((w) => w.close())]);
  }
}
