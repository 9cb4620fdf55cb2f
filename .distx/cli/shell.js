// The interactive shell front end: the REPL adapter wired to the command table (built-ins) and the
// runner (API lines with their own options), live completion values, the prompt (account@server),
// and re-login + one retry when the session expired.
import { join } from 'node:path';
import { lex } from '../parse/lexer.js';
import { parseLine } from '../parse/parser.js';
import { commandWordIndex } from '../parse/options.js';
import { cachedValueSource } from '../complete/values.js';
import { complete as engineComplete } from '../complete/candidates.js';
import { parseBuiltin, runInvocation } from '../commands/dispatch.js';
import { lineChoices } from '../commands/line-options.js';
import { flagsOf, LINE_SYNTAX } from '../commands/options.js';
import { builtinNamed, completionTable } from '../commands/table.js';
import { InterruptedError, isSessionExpired } from '../execute/errors.js';
import { reportError } from '../errors/report.js';
import { startRepl } from '../repl/index.js';
import { loginCommand } from './login.js';
import { runCommandDetailed, runParsed } from './runner.js';
import { fetchResourceRows } from './live-values.js';
import { showResult } from './show-result.js';
import { colorEnabled } from './output-choice.js';
import { manyValuesForOne, ResultHistory } from './result-history.js';
import { JobTable } from './shell-jobs.js';
import { backgroundLine, runInBackground } from './background.js';
import { readsOnly } from '../schema/destructive.js';
import { expandRefs, hasRefs } from '../parse/expand.js';
import { UsageError } from '../errors/cli-error.js';
export async function runShell(app, opts) {
    const io = app.io;
    // Hints name commands as typed here: `job wait <uuid>`, not `zstack-cli job wait <uuid>`; once the
    // shell is being ended (SIGTERM, SIGHUP), as they are typed in the shell the user is left in.
    const oneShotPrefix = app.commandPrefix;
    app.commandPrefix = '';
    opts.terminate?.addEventListener('abort', () => (app.commandPrefix = oneShotPrefix), { once: true });
    let prompt = await app.promptText();
    let last;
    let tty;
    const values = cachedValueSource({
        fetch: (ref, signal) => fetchResourceRows(app.registry, ref, (s) => app.execContext(s, 'completion', false), signal),
    });
    const history = new ResultHistory();
    /** The line being run (as typed), for the result history. */
    let current = '';
    const show = (format) => {
        const shown = {};
        const base = showResult(app, format ?? opts.defaults.format, {
            pager: false,
            keep: (text) => (last = text),
            seen: (value, bytes) => (shown.seen = { value, bytes }),
            ...(tty ? { page: tty.page } : {}),
        });
        return async (result, planned, runOpts) => {
            last = undefined;
            shown.seen = undefined;
            await base(result, planned, runOpts);
            const seen = shown.seen;
            const value = seen?.value ?? (result.kind === 'accepted' ? { jobUuid: result.jobUuid, location: result.location } : undefined);
            const bytes = seen?.bytes ?? 100;
            const entry = history.add(planned?.api.name ?? 'job', current, value, bytes, last);
            if (io.stderr.isTTY)
                io.stderr.write(`${dim(`(result ${entry.n}${seen ? `, ${entry.rows} row${entry.rows === 1 ? '' : 's'}` : ''}; $${entry.n}.<field> uses it)`)}\n`);
        };
    };
    const dim = (t) => (colorEnabled(io.env, io.stderr.isTTY === true) ? `\x1b[2m${t}\x1b[22m` : t);
    const withShow = (format) => ({
        ...app.runnerDeps(show(format)),
        // Passwords are read by the shell itself so no key reaches the next prompt.
        promptPassword: async (message) => {
            if (!tty?.readSecret)
                throw new InterruptedError();
            const v = await tty.readSecret(`${message} `);
            if (v === undefined)
                throw new InterruptedError();
            return v;
        },
        // Questions too: the shell hands its keys to the question while it is open.
        confirm: tty?.confirm ? (message) => tty.confirm(message, { color: colorEnabled(io.env, true) }) : undefined,
    });
    const quiet = { ...withShow(undefined), showResult: async () => undefined };
    async function relogin(account, signal) {
        if (!tty?.readSecret)
            return false;
        io.stderr.write(`Log in again as ${account} to retry (empty to skip).\n`);
        const pw = await tty.readSecret(`Password for ${account}: `);
        if (!pw)
            return false;
        const r = await runCommandDetailed(loginCommand(account, pw), quiet, {}, signal);
        return r.code === 0;
    }
    function context(signal, terminal) {
        return {
            front: 'shell',
            io,
            signal,
            out: (t) => void io.stdout.write(`${t}\n`),
            err: (t) => void io.stderr.write(`${t}\n`),
            registry: () => app.registry,
            app: async () => app,
            home: app.dir,
            commandPrefix: '',
            show: async (result, choices) => show(choices.format)(result, undefined, choices.run),
            results: history,
            jobs,
            shell: {
                exit: () => terminal.exit(),
                page: (text) => terminal.page(text),
                lastResult: () => last,
                width: () => terminal.width(),
                height: () => terminal.height(),
            },
        };
    }
    /** A built-in line: the table's commander program reads it; this line's options overlay the shell's. */
    async function runBuiltin(words, signal, terminal) {
        try {
            const inv = await parseBuiltin(words, 'shell');
            await runInvocation(inv, context(signal, terminal), { ...opts.flags, ...inv.flags });
        }
        catch (e) {
            reportError(e, (t) => io.stderr.write(t), '');
        }
    }
    /** An API line with its options (`QueryVmInstance state=Running -o json -c uuid,name`); `&` at the end runs it in the background. */
    async function runApiLine(typed, signal, terminal) {
        current = typed;
        const background = backgroundLine(typed);
        let line = background ?? typed;
        let expansions = [];
        if (hasRefs(line)) {
            const x = expandRefs(line, (ref) => history.lookup(ref));
            if (!x.ok) {
                reportError(new UsageError(x.message, x.hint), (t) => io.stderr.write(t), '');
                return;
            }
            line = x.line;
            expansions = x.expansions;
        }
        const parsed = parseLine(line, LINE_SYNTAX);
        const several = manyValuesForOne(parsed, expansions, app.registry);
        if (several) {
            reportError(several, (t) => io.stderr.write(t), '');
            return;
        }
        const lineFlags = flagsOf(parsed.options);
        if (lineFlags.help === true && !parsed.diagnostics.length) {
            const { helpCommand } = await import('../commands/help.js');
            await runInvocation({ spec: helpCommand, path: 'help', args: parsed.command ? [parsed.command.name] : [], opts: {}, flags: {} }, context(signal, terminal), {});
            return;
        }
        let choices;
        try {
            choices = lineChoices({ ...opts.flags, ...lineFlags });
        }
        catch (e) {
            reportError(e, (t) => io.stderr.write(t), '');
            return;
        }
        if (background !== undefined) {
            if (parsed.diagnostics.length || !parsed.command) {
                await runParsed(parsed, withShow(choices.format), choices.run);
                return;
            }
            const job = runInBackground(app, jobs, background, parsed, choices, (o) => {
                if (!readsOnly(o.api ?? { name: '', method: 'POST', query: false }))
                    values.invalidate();
            });
            io.stdout.write(`[${job.n}] ${job.api}${job.target ? ` ${job.target}` : ''}\n`);
            return;
        }
        const deps = withShow(choices.format);
        const before = await app.session.current();
        let outcome = await runParsed(parsed, deps, choices.run, signal);
        if (isSessionExpired(outcome.error) && !signal.aborted) {
            const account = before?.account ?? app.conn.account ?? 'admin';
            if (await relogin(account, signal))
                outcome = await runParsed(parsed, deps, choices.run, signal);
        }
        if (!outcome.api || !readsOnly(outcome.api))
            values.invalidate();
    }
    const table = completionTable('shell');
    const unsupportedApis = async () => (await app.capabilities.unsupported())?.apis;
    const local = {
        results: () => history.list().map((e) => ({ value: String(e.n), label: `${e.api}, ${e.rows} row${e.rows === 1 ? '' : 's'}` })),
        jobs: () => jobs.list().map((j) => ({ value: String(j.n), label: `${j.state} ${j.api}${j.target ? ` ${j.target}` : ''}` })),
        profiles: async () => {
            const { readProfiles } = await import('../config/profiles.js');
            return Object.keys(readProfiles(app.dir, app.files).profiles);
        },
    };
    const jobs = new JobTable();
    let warnedAboutJobs = false;
    if (opts.banner)
        io.stdout.write(`${opts.banner}\n`);
    const repl = startRepl({
        input: io.stdin,
        output: io.stdout,
        registry: app.registry,
        values,
        complete: (line, cursor, signal) => engineComplete(line, cursor, { registry: app.registry, values, signal, ...table, local, unsupportedApis }),
        prompt: () => prompt,
        notices: () => jobs.announcements(),
        beforeExit: () => {
            const running = jobs.running();
            if (running.length === 0 || warnedAboutJobs)
                return undefined;
            warnedAboutJobs = true;
            const waits = running.map((j) => `  ${j.jobUuid ? `job wait ${j.jobUuid}` : `[${j.n}] ${j.api}`}`);
            return [`${running.length === 1 ? '1 background job is' : `${running.length} background jobs are`} still running (they go on on the server; leave again to leave):`, ...waits].join('\n');
        },
        historyFile: join(app.dir, 'history'),
        fs: app.files,
        runLine: async (line, lineSignal, terminal) => {
            tty = terminal;
            current = line;
            const signal = opts.terminate ? AbortSignal.any([lineSignal, opts.terminate]) : lineSignal;
            const tokens = lex(line).tokens;
            const at = commandWordIndex(tokens, LINE_SYNTAX);
            if (at >= 0 && !tokens.some((t) => t.unterminated) && builtinNamed(tokens[at].text, 'shell')) {
                await runBuiltin(tokens.map((t) => t.text), signal, terminal);
            }
            else {
                await runApiLine(line, signal, terminal);
            }
            prompt = await app.promptText();
        },
    });
    opts.terminate?.addEventListener('abort', () => repl.close(), { once: true });
    if (opts.terminate?.aborted)
        repl.close();
    await repl.done;
    return 0;
}
