import { promptLabel, SessionStore, storeSessionProvider } from '../config/session-store.js';
import { readCaFile } from '../execute/ca-file.js';
import {} from '../config/session.js';
import { randomJobUuid, systemClock } from '../execute/executor.js';
import { InterruptedError } from '../execute/errors.js';
import { readHidden } from '../repl/hidden-prompt.js';
import { createUndiciTransport } from '../execute/transport.js';
import { createWireTransport } from '../execute/wire-transport.js';
import { startWebhookReceiver } from '../execute/webhook.js';
import { loadRegistry } from '../schema/registry.js';
import { stdinPasswordReader } from './password-stdin.js';
import { startSpinner } from './spinner.js';
import { CapabilityCache } from '../config/capability-cache.js';
import { Capabilities, CAPABILITY_CALL_TIMEOUT_MS } from './capabilities.js';
import { createGuard } from './guard.js';
import { colorEnabled } from './output-choice.js';
import { resolveFor } from './resolve.js';
export { appFlags } from './resolve.js';
export class App {
    io;
    conn;
    flags;
    dir;
    transportKind;
    files;
    registry;
    sessions;
    session;
    /** What the node supports: refreshed at each login, read by the guard, completion and help. */
    capabilities;
    transport;
    checked = false;
    stdinPassword;
    webhook;
    spinner;
    watched = new WeakSet();
    constructor(io, conn, flags, 
    /** Config directory: history, profiles. */
    dir, sessionDir, transportKind, 
    /** The config files (sessions, profiles, history): locked, atomic, never through links. */
    files) {
        this.io = io;
        this.conn = conn;
        this.flags = flags;
        this.dir = dir;
        this.transportKind = transportKind;
        this.files = files;
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
    static async create(io, flags, options = {}) {
        const { dir, files, conn } = await resolveFor(io, flags, (line) => io.stderr.write(`${line}\n`));
        return new App(io, conn, flags, dir, options.sessionDir ?? dir, options.transport ?? 'node', files);
    }
    /** Set by --sim: shown above the shell's first prompt. */
    simBanner;
    /**
     * How a command in a hint is written so it reaches this server when pasted: `zstack-cli` plus the
     * server flags given on the command line (one-shot), or nothing (the shell sets '').
     */
    commandPrefix = 'zstack-cli ';
    /** `admin@10.0.0.1 >>> ` or `- >>> ` when logged out. */
    async promptText() {
        const s = await this.session.current();
        const label = s ? promptLabel(s.account, this.conn.endpoint.host, this.conn.endpoint.port) : '-';
        return `${label} >>> `;
    }
    getTransport() {
        if (!this.transport) {
            const ca = this.conn.ca ? readCaFile(this.conn.ca) : undefined;
            const opts = { ...(ca ? { ca } : {}), insecure: this.conn.insecure, readTimeoutMs: this.conn.readTimeoutMs };
            this.transport = this.transportKind === 'undici' ? createUndiciTransport(opts) : createWireTransport(opts);
        }
        return this.transport;
    }
    /**
     * The executor context for one call; `label` names it on the spinner, `async` says it may wait for
     * a job; `line` carries the options of this line (--async, --timeout) over the process's.
     */
    async execContext(signal, label, async, line = {}) {
        // Before the first request: a login must not succeed on the server and then fail to be kept.
        if (!this.checked)
            this.sessions.check();
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
                    if (!tty || line.quiet)
                        return;
                    this.spinner ??= startSpinner(this.io.stderr, `${label} (job ${p.jobUuid.slice(0, 8)})`);
                    this.spinner.update(p.elapsedMs);
                },
            },
        };
    }
    runnerDeps(showResult) {
        const app = this;
        const io = this.io;
        const prompt = async (message) => {
            const v = await readHidden({ stdin: io.stdin, output: io.stderr }, message);
            if (v === undefined)
                throw new InterruptedError();
            return v;
        };
        return {
            registry: this.registry,
            endpoint: this.conn.endpoint,
            session: this.session,
            execContext: (signal, api, opts) => this.execContext(signal, api.name, api.async, opts),
            // Looked at only when a password is missing: most commands never create the stdin stream.
            get promptPassword() {
                if (app.flags.passwordStdin)
                    return (app.stdinPassword ??= stdinPasswordReader(io.stdin));
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
    terminalConfirm() {
        const stdin = this.io.stdin;
        if (!stdin.isTTY || this.io.stderr.isTTY !== true)
            return undefined;
        const color = colorEnabled(this.io.env, true);
        return async (message, signal) => (await import('../repl/confirm-prompt.js')).askConfirm(message, { stdin, stdout: this.io.stderr, color }, signal);
    }
    /** The call is over: erase the spinner before anything is printed. */
    finished() {
        this.spinner?.stop();
        this.spinner = undefined;
    }
    async close() {
        await Promise.all([this.transport?.close(), this.webhook?.then((w) => w.close())]);
    }
}
