// Prints a finished call: the accepted job of --async, the server's reply as it came (--raw), or the
// result in the chosen format. A query's rows are printed as they arrive (one streamed answer or
// --all pages), with backpressure, at constant memory; long output on a terminal goes through
// $PAGER for one-shot commands or the shell's own pager, and the shell keeps up to 4 MiB of text
// for `last`/`more`. Every write is awaited, so a script's next line starts once this output is out.
// When the output's reader goes away (the pager is quit, `| head` is done), fetching stops.
// An answer cut short (a failed page, a reset, Ctrl-C) still ends the output well-formed (JSON
// stays valid) and the error says how many rows were written.
import { spawn } from 'node:child_process';
import { CliError, jobWaitCommand } from '../errors/cli-error.js';
import { renderNext } from '../errors/report.js';
import { ReplyRows } from '../execute/reply-rows.js';
import { askedFields, asksTotal } from '../execute/pages.js';
import { FIRST_ROWS, listRenderer, renderChunks, resultOf } from '../render/index.js';
import { chooseOutput } from './output-choice.js';
import { directSink, pagerSink } from './pager.js';
import { startProgress } from './progress-line.js';
import { missingColumns } from './result-columns.js';
/** Rows of a streamed result handed to `seen`. */
const SEEN_ROWS = 10_000;
/** Output kept in memory for `last` at most. */
const KEEP_LIMIT = 4 * 1024 * 1024;
function isTabular(value) {
    return resultOf(value).kind === 'list';
}
/**
 * The shell's pager: holds up to KEEP_LIMIT and hands it to `page` at the end (a screenful at a
 * time); a longer output is streamed to `direct` as it comes instead.
 */
function shellPageSink(page, direct) {
    let held = '';
    return {
        get closed() {
            return direct.closed;
        },
        async write(t) {
            const s = typeof t === 'string' ? t : Buffer.from(t).toString('utf8');
            if (held !== undefined && held.length + s.length <= KEEP_LIMIT) {
                held += s;
                return;
            }
            if (held !== undefined) {
                const before = held;
                held = undefined;
                await direct.write(before);
            }
            await direct.write(s);
        },
        async end() {
            if (held !== undefined)
                await page(held);
            held = undefined;
            await direct.end();
        },
    };
}
/** Tees what is written into a buffer for `keep`, up to KEEP_LIMIT. */
function keeping(sink, keep) {
    let text = keep ? '' : undefined;
    return {
        get closed() {
            return sink.closed;
        },
        async write(t) {
            if (text !== undefined) {
                const s = typeof t === 'string' ? t : Buffer.from(t).toString('utf8');
                text = text.length + s.length <= KEEP_LIMIT ? text + s : undefined;
            }
            await sink.write(t);
        },
        end: () => sink.end(),
        kept() {
            if (keep && text !== undefined)
                keep(text);
        },
    };
}
export function showResult(app, format, show = { pager: true }) {
    return async (result, planned, opts) => {
        const io = app.io;
        if (result.kind === 'accepted') {
            io.stdout.write(`${JSON.stringify({ jobUuid: result.jobUuid, location: result.location })}\n`);
            if (io.stderr.isTTY)
                io.stderr.write(`${renderNext(jobWaitCommand(result.jobUuid, 'Job accepted; wait for it with:'), app.commandPrefix)}\n`);
            return;
        }
        const tty = io.stdout.isTTY === true;
        const sinkFor = (pageable) => {
            const out = io.stdout;
            const base = show.page && tty
                ? shellPageSink(show.page, directSink(out))
                : show.pager && pageable && tty
                    ? pagerSink({ env: io.env, rows: io.stdout.rows ?? 24, spawn, out })
                    : directSink(out);
            return keeping(base, show.keep);
        };
        if (opts.raw) {
            const sink = sinkFor(true);
            await writeRaw(result, sink);
            await sink.end();
            sink.kept();
            return;
        }
        const what = planned ? `${planned.api.name}'s result` : 'the result';
        // Fields asked for with fields= are columns too: a table never leaves them out.
        const fields = !opts.columns && planned?.api.query ? askedFields(planned) : undefined;
        const tabularColumns = (f) => opts.columns ?? (f === 'json' || f === 'yaml' ? undefined : fields);
        const check = (rows) => {
            // Query columns were checked against the registry before sending.
            if (!opts.columns || (planned?.api.query && app.registry.inventoryOf(planned.api)))
                return;
            const e = missingColumns(app.registry, rows, opts.columns, what);
            if (e)
                throw e;
        };
        let source;
        let value;
        if (result.kind === 'done')
            value = result.value;
        else {
            source = result.kind === 'stream' ? new ReplyRows(result.body) : result.rows;
            const shape = await source.open();
            if (!shape.list)
                value = shape.value;
        }
        if (source && value === undefined) {
            const choice = chooseOutput(format, true, tty, io.env);
            const sink = sinkFor(choice.pager);
            const kept = show.seen ? [] : undefined;
            await writeRows(source, sink, {
                ...(kept ? { keep: (rows) => kept.push(...rows.slice(0, SEEN_ROWS - kept.length)) } : {}),
                format: choice.format,
                color: choice.color,
                width: tty && io.stdout.columns ? io.stdout.columns : undefined,
                terminal: tty,
                columns: tabularColumns(choice.format),
                withTotal: planned ? asksTotal(planned) : false,
                check,
                // A progress line only when the rows go elsewhere than the terminal it would be drawn on.
                progress: io.stderr.isTTY === true && !tty ? startProgress(io.stderr) : undefined,
                err: (t) => io.stderr.write(t),
            });
            sink.kept();
            if (kept) {
                const v = { inventories: kept, ...source.head };
                show.seen?.(v, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)).length);
            }
            return;
        }
        const r = resultOf(value);
        if (r.kind === 'list')
            check(r.rows.slice(0, FIRST_ROWS));
        else if (r.kind === 'one' || r.kind === 'object')
            check([r.kind === 'one' ? r.row : r.value]);
        const choice = chooseOutput(format, isTabular(value), tty, io.env);
        const sink = sinkFor(choice.pager);
        const columns = r.kind === 'list' ? tabularColumns(choice.format) : opts.columns;
        for (const chunk of renderChunks(value, {
            format: choice.format,
            color: choice.color,
            ...(tty && io.stdout.columns ? { width: io.stdout.columns } : {}),
            ...(tty ? { terminal: true } : {}),
            ...(columns ? { columns } : {}),
        })) {
            await sink.write(chunk);
            if (sink.closed)
                break;
        }
        await sink.end();
        sink.kept();
        show.seen?.(value, result.kind === 'done' ? result.bodyText.length : JSON.stringify(value).length);
    };
}
async function writeRaw(result, sink) {
    if (result.kind === 'done') {
        await sink.write(result.bodyText.endsWith('\n') || result.bodyText === '' ? result.bodyText : `${result.bodyText}\n`);
        return;
    }
    if (result.kind !== 'stream')
        throw new Error('--raw prints one answer; it does not go with --all');
    let last = 0x0a;
    try {
        for (let chunk = await result.body.next(); chunk; chunk = await result.body.next()) {
            await sink.write(chunk);
            if (chunk.length)
                last = chunk[chunk.length - 1];
            if (sink.closed)
                return;
        }
    }
    finally {
        result.body.cancel();
    }
    if (last !== 0x0a)
        await sink.write('\n');
}
/** An error raised before any row was printed. */
class Unprinted {
    error;
    constructor(error) {
        this.error = error;
    }
}
/** Rows to the sink as they arrive; on an error the output is closed well-formed and the error names the rows written. */
async function writeRows(source, sink, o) {
    const renderer = listRenderer({
        format: o.format,
        color: o.color,
        ...(o.width !== undefined ? { width: o.width } : {}),
        ...(o.terminal ? { terminal: true } : {}),
        ...(o.columns ? { columns: o.columns } : {}),
        withTotal: o.withTotal,
    });
    let checked = false;
    let failure;
    try {
        for await (const batch of source.batches()) {
            if (!checked) {
                try {
                    o.check(batch);
                }
                catch (e) {
                    // Nothing is printed for columns no row can have.
                    await sink.end();
                    throw new Unprinted(e);
                }
                checked = true;
            }
            await sink.write(renderer.rows(batch));
            o.keep?.(batch);
            o.progress?.update(source.count, source.expected);
            if (sink.closed)
                break;
        }
    }
    catch (e) {
        o.progress?.done();
        if (e instanceof Unprinted)
            throw e.error;
        // The reader went away (`| head`): the stop is reported by the process, not as this error.
        if (sink.closed)
            return;
        failure = e;
    }
    o.progress?.done();
    if (failure !== undefined && source.count === 0) {
        // Nothing was written: the error alone says it.
        await sink.end();
        throw failure;
    }
    const total = source.head.total;
    await sink.write(renderer.end(typeof total === 'number' || typeof total === 'bigint' ? { total: total } : {}));
    await sink.end();
    if (failure !== undefined) {
        const n = `${source.count.toLocaleString('en-US')} row${source.count === 1 ? '' : 's'}`;
        const note = `${n} ${source.count === 1 ? 'was' : 'were'} written before this error; the output is incomplete.`;
        if (failure instanceof CliError)
            failure.hint = failure.hint ? `${note}\n${failure.hint}` : note;
        throw failure;
    }
    for (const n of source.notes)
        o.err(`warning: ${n}\n`);
}
