// `watch [-n SECONDS] [--count N] <read-only command>`: runs a query or Get* API again and again. On a
// terminal each run replaces the last on the alternate screen, with what changed highlighted (like
// `watch -d`), and the last run stays on the screen afterwards; piped, every run is printed under a
// header line. Ctrl-C ends the watch (in the shell, only the watch).
import { UsageError } from '../errors/cli-error.js';
import { quoted } from '../parse/echo.js';
import { parseWords } from '../parse/parser.js';
import { readsOnly } from '../schema/destructive.js';
import { lineChoices } from './line-options.js';
/** Shortest interval: a management node should not be asked more often than this. */
export const MIN_INTERVAL_S = 0.5;
function seconds(text) {
    const v = typeof text === 'string' ? text : '2';
    const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n < MIN_INTERVAL_S || n > 86_400)
        throw new UsageError(`-n must be seconds from ${MIN_INTERVAL_S} to 86400, got ${quoted(v)}`);
    return n;
}
function count(text) {
    if (typeof text !== 'string')
        return undefined;
    const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n) || n < 1)
        throw new UsageError(`--count must be a whole number from 1, got ${quoted(text)}`);
    return n;
}
/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const done = () => {
            clearTimeout(t);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const t = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}
async function watch(ctx) {
    const interval = seconds(ctx.opts.interval);
    const runs = count(ctx.opts.count);
    const choices = lineChoices(ctx.flags);
    const parsed = parseWords(ctx.args);
    const cmd = parsed.command;
    if (parsed.diagnostics.length)
        throw UsageError.of(parsed.diagnostics);
    if (!cmd)
        throw new UsageError('watch needs a command', 'e.g. watch QueryVmInstance state=Starting');
    const reg = ctx.registry();
    const api = reg.api(cmd.name);
    if (api && !readsOnly(api))
        throw new UsageError(`watch runs only APIs that read; ${api.name} changes things`, 'watch a Query* or Get* API');
    const app = await ctx.app();
    const { renderValue } = await import('../render/index.js');
    const { chooseOutput } = await import('../cli/output-choice.js');
    const { runParsed } = await import('../cli/runner.js');
    const { settleResult } = await import('../execute/fetch.js');
    const out = ctx.io.stdout;
    const tty = out.isTTY === true;
    const width = () => ctx.shell?.width() ?? out.columns ?? 80;
    const height = () => ctx.shell?.height() ?? out.rows ?? 24;
    const title = [...ctx.args, ...['output', 'columns'].flatMap((k) => (typeof ctx.flags[k] === 'string' ? [k === 'output' ? '-o' : '-c', ctx.flags[k]] : []))].join(' ');
    /** One run: the text it shows (the result, or its error lines) and its exit code. */
    async function once() {
        let text = '';
        const deps = {
            ...app.runnerDeps(async (answer) => {
                const result = await settleResult(answer);
                const value = result.kind === 'done' ? result.value : result.kind === 'accepted' ? { jobUuid: result.jobUuid } : undefined;
                const tabular = Array.isArray(value?.inventories);
                const choice = chooseOutput(choices.format, tabular, tty, ctx.io.env);
                text += renderValue(value, { format: choice.format, color: false, ...(tty ? { width: width() } : {}), ...(choices.run.columns ? { columns: choices.run.columns } : {}) });
            }),
            out: (t) => void (text += `${t}\n`),
            err: (t) => void (text += `${t}\n`),
            promptPassword: undefined,
        };
        const r = await runParsed(parsed, deps, { ...choices.run, dryRun: false, curl: false }, ctx.signal);
        return { text, code: r.code };
    }
    let n = 0;
    let prev;
    let last = { text: '', code: 0 };
    const header = () => `Every ${interval}s: ${title}`;
    if (tty)
        out.write('\x1b[?1049h');
    try {
        const { highlightChanges } = await import('../render/changes.js');
        while (!ctx.signal.aborted && (runs === undefined || n < runs)) {
            last = await once();
            if (ctx.signal.aborted)
                break;
            n++;
            const lines = last.text.replace(/\n$/, '').split('\n');
            const stamp = `${new Date().toTimeString().slice(0, 8)}  run ${n}${runs ? ` of ${runs}` : ''}`;
            if (tty) {
                const w = width();
                const head = header().length + stamp.length + 2 <= w ? `${header()}${' '.repeat(w - header().length - stamp.length)}${stamp}` : header();
                const body = highlightChanges(prev, lines, w, height() - 2);
                out.write(`\x1b[H\x1b[2J${highlightChanges(undefined, [head], w, 1)[0]}\n\n${body.join('\n')}`);
            }
            else {
                out.write(`${header()}  ${stamp}\n${last.text.endsWith('\n') || last.text === '' ? last.text : `${last.text}\n`}`);
            }
            prev = lines;
            if (runs === undefined || n < runs)
                await pause(interval * 1000, ctx.signal);
        }
    }
    finally {
        if (tty) {
            out.write('\x1b[?1049l');
            // The last run stays on the normal screen.
            if (n > 0)
                out.write(`${header()}  (${n} run${n === 1 ? '' : 's'})\n${last.text}`);
        }
    }
    if (ctx.signal.aborted)
        return ctx.front === 'shell' ? 0 : 130;
    return last.code;
}
export const watchCommand = {
    name: 'watch',
    summary: 'run a query or Get* API again every N seconds, showing what changed (Ctrl-C stops)',
    help: 'Examples:\n  watch QueryVmInstance state=Starting -c uuid,name,state\n  watch -n 5 --count 10 GetVersion',
    where: 'both',
    options: [
        { long: '--interval', short: '-n', key: 'interval', value: '<seconds>', description: `seconds between runs (at least ${MIN_INTERVAL_S})`, default: '2' },
        { long: '--count', key: 'count', value: '<n>', description: 'stop after this many runs' },
    ],
    args: [{ name: 'command', description: 'a Query* or Get* API and its params', required: true, variadic: true, kind: 'command' }],
    run: watch,
};
