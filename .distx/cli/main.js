// The composition root: reads argv with the option table, picks the front end (a built-in from the
// command table, one API command, a script, the shell) and returns an exit code. Nothing below exits
// the process. API commands take the fast path: no commander, no shell, no completion engine.
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { ALL_SYNTAX, flagsOf } from '../commands/options.js';
import { lineChoices } from '../commands/line-options.js';
import { commandWordIndex, wordTokens } from '../parse/options.js';
import { UsageError } from '../errors/cli-error.js';
import { reportError } from '../errors/report.js';
import { quoteWord } from '../parse/lexer.js';
import { parseLine, parseWords } from '../parse/parser.js';
import { cliHome } from '../config/paths.js';
import { loadRegistry } from '../schema/registry.js';
import { App, appFlags } from './app.js';
import { runParsed } from './runner.js';
import { runScriptText } from './script-text.js';
import { showResult } from './show-result.js';
import { startEmbeddedSim } from './sim-command.js';
export const VERSION = '0.1.0';
export async function main(io, hooks = {}) {
    const signal = hooks.signal ?? new AbortController().signal;
    try {
        const at = commandWordIndex(wordTokens(io.argv), ALL_SYNTAX);
        // An API's exact name is never a built-in's (those are lower case): such a command skips the table.
        if (at >= 0 && !loadRegistry().hasApi(io.argv[at])) {
            const { builtinNamed } = await import('../commands/table.js');
            if (builtinNamed(io.argv[at], 'oneshot'))
                return await builtin(io, signal);
        }
        const parsed = parseWords(io.argv, ALL_SYNTAX);
        if (parsed.diagnostics.length)
            throw UsageError.of(parsed.diagnostics);
        const flags = flagsOf(parsed.options);
        if (flags.version === true) {
            io.stdout.write(`${VERSION}\n`);
            return 0;
        }
        if (flags.help === true)
            return await help(io, parsed.command?.name);
        if (flags.passwordStdin === true && (flags.file === '-' || (flags.file === undefined && !parsed.command))) {
            throw new UsageError('--password-stdin reads the password from stdin, so the commands cannot come from there too', 'give them with -f <file> or as arguments');
        }
        if (flags.file !== undefined) {
            if (parsed.command)
                throw new UsageError('give either -f <script> or a command, not both');
            const file = String(flags.file);
            if (file === '-')
                return await script('<stdin>', io.stdin, flags, io, signal);
            return await script(file, openScript(file), flags, io, signal, () => createReadStream(file));
        }
        if (parsed.command) {
            const choices = lineChoices(flags);
            return await withApp(io, flags, async (app) => (await runParsed(parsed, app.runnerDeps(showResult(app, choices.format)), choices.run, signal)).code);
        }
        if (!io.stdin.isTTY)
            return await script('<stdin>', io.stdin, flags, io, signal);
        return await shell(flags, io, hooks.terminate);
    }
    catch (e) {
        return reportError(e, (t) => io.stderr.write(t), commandPrefix(flagsOf(parseWords(io.argv, ALL_SYNTAX).options)));
    }
}
/**
 * `zstack-cli` plus the server flags the user gave (--host, --port, --profile, --https, --ca,
 * --insecure; never --session, a secret): hints written with it reach the same server when pasted.
 */
export function commandPrefix(flags) {
    const words = ['zstack-cli'];
    for (const k of ['host', 'port', 'profile', 'ca']) {
        const v = flags[k];
        if (typeof v === 'string' && v !== '')
            words.push(`--${k}`, quoteWord(v));
    }
    for (const k of ['https', 'insecure'])
        if (flags[k] === true)
            words.push(`--${k}`);
    return `${words.join(' ')} `;
}
/** `--help`: the overview, or with an API on the line, that API's help. */
async function help(io, api) {
    const { runInvocation } = await import('../commands/dispatch.js');
    const { helpCommand } = await import('../commands/help.js');
    return runInvocation({ spec: helpCommand, path: 'help', args: api ? [api] : [], opts: {}, flags: {} }, oneShotContext(io, {}, new AbortController().signal, () => Promise.reject(new Error('help opens no connection'))), {});
}
/** A built-in named on the command line: commander (built from the command table) reads its words. */
async function builtin(io, signal) {
    const { parseBuiltin, runInvocation } = await import('../commands/dispatch.js');
    const inv = await parseBuiltin(io.argv, 'oneshot');
    let opened;
    const app = async () => (await (opened ??= openApp(io, inv.flags))).app;
    try {
        return await runInvocation(inv, oneShotContext(io, inv.flags, signal, app), inv.flags);
    }
    finally {
        if (opened)
            await (await opened).close();
    }
}
function oneShotContext(io, flags, signal, app) {
    let registry;
    return {
        front: 'oneshot',
        io,
        signal,
        out: (t) => void io.stdout.write(`${t}\n`),
        err: (t) => void io.stderr.write(`${t}\n`),
        registry: () => (registry ??= loadRegistry()),
        app,
        home: cliHome(io.env, io.homedir),
        commandPrefix: commandPrefix(flags),
        show: async (result, choices) => {
            await showResult(await app(), choices.format)(result, undefined, choices.run);
        },
    };
}
/** Opens the App for the flags; with --sim, against a fresh in-process simulator, logged in as admin. */
async function openApp(io, flags, transport = 'node') {
    const sim = flags.sim === true ? await startEmbeddedSim() : undefined;
    const app = sim
        ? await App.create(simIO(io), simFlags(flags, sim.port), { sessionDir: sim.sessionDir, transport })
        : await App.create(io, appFlags(flags), { transport });
    app.commandPrefix = commandPrefix(sim ? { port: String(sim.port), host: '127.0.0.1' } : flags);
    try {
        if (sim)
            await sim.login(app);
    }
    catch (e) {
        await app.close();
        await sim?.close();
        throw e;
    }
    return {
        app,
        close: async () => {
            await app.close();
            await sim?.close();
        },
    };
}
/**
 * Runs `body` with the process's App. The transport is the hand-written HTTP/1.1 one unless the
 * caller is the long-lived shell.
 */
async function withApp(io, flags, body, transport = 'node') {
    const { app, close } = await openApp(io, flags, transport);
    try {
        return await body(app);
    }
    finally {
        await close();
    }
}
/** --sim: only the simulator counts; no profile, https or session from flags or environment. */
function simFlags(flags, port) {
    const { profile: _p, session: _s, ca: _c, https: _h, insecure: _i, ...rest } = appFlags(flags);
    return { ...rest, host: '127.0.0.1', port };
}
function simIO(io) {
    const { ZSTACK_SESSION: _s, ZSTACK_PROFILE: _p, ZSTACK_HOST: _h, ZSTACK_PORT: _o, ...env } = io.env;
    return { ...io, env };
}
/** The interactive shell. */
async function shell(flags, io, terminate) {
    const choices = lineChoices(flags);
    return withApp(io, flags, async (app) => {
        const banner = app.simBanner ?? `zstack-cli ${VERSION}: ${app.conn.endpoint.host}:${app.conn.endpoint.port}. Tab completes, help lists APIs and built-ins, exit or Ctrl-D leaves.`;
        // Loaded only here: one-shot commands never need readline, the REPL or the completion engine.
        const { runShell } = await import('./shell.js');
        return runShell(app, { flags, defaults: choices, banner, ...(terminate ? { terminate } : {}) });
    }, 'undici');
}
/**
 * Lines from a file or stdin, one command each (options on a line apply to that line). A file is
 * checked to be text first, then `reopen`ed; stdin is checked line by line.
 */
async function script(source, input, flags, io, signal, reopen) {
    const defaults = lineChoices(flags);
    const { LINE_SYNTAX } = await import('../commands/options.js');
    const { exitCommand } = await import('../commands/exit.js');
    return withApp(io, flags, async (app) => {
        return runScriptText(input, {
            source,
            stopOnError: flags.stopOnError === true,
            signal,
            endWords: [exitCommand.name, ...(exitCommand.aliases ?? [])],
            reportError: (t) => io.stderr.write(`${t}\n`),
            runLine: async (line) => {
                const parsed = parseLine(line, LINE_SYNTAX);
                let own;
                try {
                    own = lineChoices({ ...flags, ...flagsOf(parsed.options) });
                }
                catch (e) {
                    return reportError(e, (t) => io.stderr.write(t), app.commandPrefix);
                }
                const format = own.format ?? defaults.format;
                return (await runParsed(parsed, app.runnerDeps(showResult(app, format)), own.run, signal)).code;
            },
        }, reopen);
    });
}
function openScript(path) {
    // Fail early with one clear line when the script cannot be read.
    let isDir = false;
    try {
        isDir = statSync(path).isDirectory();
    }
    catch (e) {
        throw new UsageError(`cannot read script ${path}: ${e.code ?? e.message}`);
    }
    if (isDir)
        throw new UsageError(`cannot read script ${path}: it is a directory`);
    try {
        accessSync(path, constants.R_OK);
    }
    catch (e) {
        throw new UsageError(`cannot read script ${path}: ${e.code ?? e.message}`);
    }
    return createReadStream(path);
}
