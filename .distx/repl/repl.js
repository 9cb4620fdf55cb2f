// The interactive shell's terminal adapter over node:readline (callback API): line editing, keys and
// prompts. A guarded completer with the titled listing, redacted persistent history, Ctrl-R search,
// Ctrl-C that clears the line or aborts the running command, queued type-ahead/pasted lines, hidden
// input and a pager the running command may use. What a line means is the caller's (`runLine`).
// All IO goes through the injected streams, fs functions and timers.
import * as readline from 'node:readline';
import { complete as engineComplete, formatListing } from '../complete/index.js';
import { systemTimers } from '../complete/values.js';
import { readlineCompleter } from './completer.js';
import { appendHistory, HISTORY_SIZE, loadHistory } from './history.js';
import { Pager } from './pager.js';
import { redactLine } from '../plan/secrets.js';
import { CliError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { ReadlineInternals } from './readline-internals.js';
import { ReverseSearch } from './search.js';
import { SecretInput, secretPrompt } from './secret-input.js';
import { askConfirm, KeyFeed } from './confirm-prompt.js';
/** A failure nothing else reported, as the first line of its report (never a stack trace). */
const errorLine = (e) => renderError(e, '').split('\n')[0];
/** Why something failed, in a few words with what to do about it (for a warning). */
const reason = (e) => {
    const text = (e instanceof Error ? e.message : String(e)).split('\n')[0].trim() || 'unknown error';
    return e instanceof CliError && e.hint ? `${text}; ${e.hint.split('\n')[0]}` : text;
};
export function startRepl(deps) {
    const out = (s) => void deps.output.write(s);
    const timers = deps.timers ?? systemTimers;
    const fs = deps.fs;
    const size = deps.historySize ?? HISTORY_SIZE;
    const terminal = deps.terminal ?? deps.output.isTTY === true;
    const redact = (line) => {
        try {
            return redactLine(line);
        }
        catch {
            return line;
        }
    };
    const width = () => deps.output.columns || 80;
    const height = () => deps.output.rows || 24;
    const engine = deps.complete ?? ((line, cursor, signal) => engineComplete(line, cursor, { registry: deps.registry, ...(deps.values ? { values: deps.values } : {}), signal }));
    let lastKeyName;
    let repeatedTab = false;
    let running;
    /** A hidden value being typed for the running command: keys go here, never echoed or replayed. */
    let secret;
    let pager;
    /** A yes/no question open for the running command: once `open`, its keys go to the question only. */
    let asking;
    let closing = false;
    let finished = false;
    let exitByCommand = false;
    let notice;
    let historyBroken = false;
    const pendingKeys = [];
    const pendingLines = [];
    const search = new ReverseSearch();
    let resolveDone;
    const done = new Promise((r) => (resolveDone = r));
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
    const editor = {
        get line() {
            return rli.line;
        },
        set line(v) {
            rli.line = v;
        },
        get cursor() {
            return rli.cursor;
        },
        set cursor(v) {
            rli.cursor = v;
        },
        get history() {
            return rli.history;
        },
        getPrompt: () => rl.getPrompt(),
        setPrompt: (p) => rl.setPrompt(p),
        refresh: () => rli.refresh(),
    };
    function showListing(c) {
        const lines = formatListing(c, { width: width() });
        if (!lines.length)
            return;
        try {
            const total = rli.lineRows();
            const at = rl.getCursorPos().rows;
            if (total > at)
                readline.moveCursor(deps.output, 0, total - at);
        }
        catch {
            /* best effort: the listing then starts below the cursor row */
        }
        out(`\r\n${lines.join('\r\n')}\r\n`);
        rli.redrawBelow();
    }
    function showPrompt() {
        if (finished || closing)
            return;
        if (notice) {
            out(`${notice}\n`);
            notice = undefined;
        }
        try {
            for (const line of deps.notices?.() ?? [])
                out(`${line}\n`);
        }
        catch {
            /* a notice never stops the prompt */
        }
        let p;
        try {
            p = deps.prompt();
        }
        catch {
            p = '>>> ';
        }
        rl.setPrompt(p);
        rl.prompt();
    }
    rli.interceptKeys((s, key) => {
        const k = key ?? {};
        try {
            if (pager?.active)
                return pager.key(s, k);
            if (running)
                return keyWhileBusy(s, key);
            if (search.active) {
                if (search.key(editor, s, k) === 'consumed')
                    return;
            }
            else if (k.ctrl && k.name === 'r') {
                return search.start(editor);
            }
            else if (k.ctrl && k.name === 'd' && rli.line === '') {
                const warning = leaveWarning();
                if (warning !== undefined) {
                    out(`\n${warning}\n`);
                    return showPrompt();
                }
            }
            repeatedTab = k.name === 'tab' && lastKeyName === 'tab';
            lastKeyName = k.name;
            rli.originalKey(s, key);
        }
        catch (e) {
            out(`\n${errorLine(e)}\n`);
            showPrompt();
        }
    });
    function secretKey(s, key) {
        const cur = secret;
        const step = cur.input.key(s, key);
        if (step.state === 'typing')
            return;
        secret = undefined;
        out(step.state === 'done' ? '\n' : '^C\n');
        cur.resolve(step.state === 'done' ? step.value : undefined);
    }
    function readSecret(prompt) {
        if (!running || secret)
            return Promise.resolve(undefined);
        out(secretPrompt(prompt));
        return new Promise((resolve) => {
            secret = { input: new SecretInput(), resolve };
            // Keys typed ahead of the question answer it (as with sudo): they must never be replayed at
            // the prompt, where they would echo, run, and land in history.
            while (secret && pendingKeys.length) {
                const [s, k] = pendingKeys.shift();
                secretKey(s, k);
            }
        });
    }
    /**
     * Hands the keyboard to enquirer for one question: keys typed from now on reach it (Ctrl-C answers
     * it, never aborts the command); keys typed before the question shows (a pasted line behind the
     * command) stay queued for the next prompt: nothing answers a question it did not see.
     */
    function confirm(message, opts = {}) {
        if (!running || secret || asking)
            return Promise.resolve(undefined);
        const q = { feed: new KeyFeed(), open: false };
        asking = q;
        const shown = () => void (q.open = true);
        return askConfirm(message, { stdin: q.feed.stream, stdout: deps.output, color: opts.color ?? false }, running.ctl.signal, shown).finally(() => {
            if (asking === q)
                asking = undefined;
            q.feed.close();
        });
    }
    function keyWhileBusy(s, key) {
        if (secret)
            return secretKey(s, key);
        if (asking?.open)
            return asking.feed.key(s, key);
        const run = running;
        if (key?.ctrl && key.name === 'c') {
            pendingKeys.length = 0;
            pendingLines.length = 0;
            if (!run.ctl.signal.aborted) {
                // Abort first: the command's own progress line (a spinner) clears itself before ^C is shown.
                run.ctl.abort();
                out('^C\n');
            }
            else {
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
        }
        catch {
            /* never let Ctrl-C end the shell */
        }
    });
    rl.on('history', (h) => {
        const raw = h[0];
        if (raw === undefined)
            return;
        if (/^\s/.test(raw)) {
            // bash's ignorespace: a line typed with a leading space is not remembered.
            h.shift();
            return;
        }
        h[0] = redact(raw);
        if (h.length > 1 && h[1] === h[0])
            h.shift();
        if (!deps.historyFile || !fs || historyBroken)
            return;
        try {
            appendHistory(deps.historyFile, fs, h[0], size);
        }
        catch (e) {
            historyBroken = true;
            notice = `warning: history is not saved (${reason(e)})`;
        }
    });
    rl.on('line', (line) => {
        if (running || pager?.active)
            pendingLines.push(line);
        else
            void execute(line);
    });
    rl.on('close', () => {
        closing = true;
        search.active = false;
        if (!running && !pager?.active && pendingLines.length === 0)
            finish();
    });
    function finish() {
        if (finished)
            return;
        finished = true;
        if (terminal && !exitByCommand)
            out('\n');
        try {
            deps.onExit?.();
        }
        finally {
            resolveDone();
        }
    }
    function afterRun() {
        if (finished)
            return;
        const next = pendingLines.shift();
        if (next !== undefined) {
            void execute(next);
            return;
        }
        if (closing)
            return finish();
        showPrompt();
        replayKeys();
    }
    function replayKeys() {
        // Like a paste: a Tab typed ahead is not a completion request.
        rli.withoutCompletion(() => {
            while (pendingKeys.length && !running && !pager?.active && !closing) {
                const [s, k] = pendingKeys.shift();
                rli.typeKey(s, k);
            }
        });
    }
    /** The running command's pager: keys go to it until the user is done. */
    function page(text) {
        const lines = text.replace(/\n$/, '').split('\n');
        if (!terminal || lines.length === 0) {
            out(`${lines.join('\n')}\n`);
            return Promise.resolve();
        }
        return new Promise((resolve) => {
            const p = new Pager(lines, out, height, () => {
                pager = undefined;
                resolve();
            }, width);
            pager = p;
            if (!p.start()) {
                pager = undefined;
                resolve();
            }
        });
    }
    function leaveWarning() {
        try {
            return deps.beforeExit?.();
        }
        catch {
            return undefined;
        }
    }
    /** `exit`: leaves unless the shell has a reason to warn first (once). */
    function exit() {
        const warning = leaveWarning();
        if (warning !== undefined) {
            out(`${warning}\n`);
            return;
        }
        exitByCommand = true;
        rl.close();
    }
    const tty = { page, exit, width, height, ...(terminal ? { readSecret, confirm } : {}) };
    async function execute(line) {
        if (line.trim() === '')
            return afterRun();
        const run = { ctl: new AbortController(), detached: false };
        running = run;
        try {
            await deps.runLine(line, run.ctl.signal, tty);
        }
        catch (e) {
            if (!run.ctl.signal.aborted && !run.detached)
                out(`${errorLine(e)}\n`);
        }
        if (run.detached)
            return;
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
