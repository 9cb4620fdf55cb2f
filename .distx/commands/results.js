// The shell's result history built-ins: `results` lists the numbered results, `more [N]` pages one,
// `last [N]` prints one again, `save N FILE [-o format]` writes one (JSON by default, atomically).
import { randomBytes } from 'node:crypto';
import { lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import { UsageError } from '../errors/cli-error.js';
import { quoted } from '../parse/echo.js';
import { isFormat } from './options.js';
/** The entry `N` names (the last one without N), or a usage error. */
function entryOf(ctx, arg) {
    const results = ctx.shell && ctx.results;
    if (!results)
        return undefined;
    if (arg === undefined)
        return results.last();
    if (!/^\d{1,9}$/.test(arg))
        throw new UsageError(`not a result number: ${quoted(arg)}`, 'results lists them');
    const found = results.find(Number(arg));
    if ('error' in found)
        throw new UsageError(found.error, found.hint);
    return found;
}
async function textOf(e, format, color, width) {
    if (format === undefined && e.text !== undefined)
        return e.text;
    if (e.value === undefined)
        throw new UsageError(`result ${e.n} was too large to keep`);
    const { renderValue } = await import('../render/index.js');
    const f = format ?? 'json';
    if (!isFormat(f))
        throw new UsageError(`-o/--output must be json, table, yaml, csv or value; got ${quoted(f)}`);
    return renderValue(e.value, { format: f, color, ...(width ? { width } : {}) });
}
function age(at, now) {
    const s = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
    if (s < 60)
        return `${s}s ago`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m ago`;
    return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m ago`;
}
async function list(ctx) {
    const all = ctx.results?.list() ?? [];
    if (all.length === 0) {
        ctx.out('no results yet');
        return 0;
    }
    const now = new Date();
    const rows = all.map((e) => [`${e.n}`, e.api, e.at.toTimeString().slice(0, 8), age(e.at, now), `${e.rows}`, e.value === undefined ? '(too large to keep)' : '']);
    const head = ['#', 'API', 'time', '', 'rows', ''];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const r of [head, ...rows])
        ctx.out(r.map((c, i) => (i === 0 || i === 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd());
    return 0;
}
async function more(ctx) {
    const e = entryOf(ctx, ctx.args[0]);
    if (!e) {
        ctx.out('no result yet');
        return 0;
    }
    const text = await textOf(e, undefined, false, ctx.shell?.width());
    await ctx.shell.page(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
}
async function last(ctx) {
    const e = entryOf(ctx, ctx.args[0]);
    if (!e) {
        ctx.out('no result yet');
        return 0;
    }
    const text = await textOf(e, undefined, false, ctx.shell?.width());
    ctx.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
}
/** Writes `text` to `file` through a temporary file and a rename: never a half-written file. */
export function writeAtomically(file, text) {
    const target = resolve(file);
    let st;
    try {
        st = lstatSync(target);
    }
    catch {
        st = undefined;
    }
    if (st?.isDirectory())
        throw new UsageError(`${quoted(file)} is a directory`, 'give a file name');
    const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
        renameSync(tmp, target);
    }
    catch (e) {
        rmSync(tmp, { force: true });
        const err = e;
        throw new UsageError(`cannot write ${quoted(file)}: ${err.code ?? err.message}`);
    }
}
async function save(ctx) {
    const [n, file] = ctx.args;
    const e = entryOf(ctx, n);
    if (!e)
        throw new UsageError('no result yet', 'run a query first');
    const format = typeof ctx.flags.output === 'string' ? ctx.flags.output : 'json';
    const text = await textOf(e, format, false);
    writeAtomically(file, text);
    ctx.out(`Saved result ${e.n} (${e.api}, ${e.rows} row${e.rows === 1 ? '' : 's'}) to ${file} as ${format}.`);
    return 0;
}
const N = { name: 'N', description: 'a result number (results lists them; the last one when left out)', kind: 'result' };
export const resultsCommand = {
    name: 'results',
    summary: 'list the numbered results of this shell (use one as $N.field, e.g. StopVmInstance uuid=$3.uuid)',
    where: 'shell',
    run: list,
};
export const moreCommand = {
    name: 'more',
    summary: 'page result N, or the last one (space: next page, enter: next line, q: quit)',
    where: 'shell',
    args: [N],
    run: more,
};
export const lastCommand = {
    name: 'last',
    summary: 'print result N, or the last one, again',
    where: 'shell',
    args: [N],
    run: last,
};
export const saveCommand = {
    name: 'save',
    summary: 'write result N to a file (JSON, or -o yaml|csv|table|value)',
    where: 'shell',
    args: [
        { name: 'N', description: 'a result number (results lists them)', required: true, kind: 'result' },
        { name: 'file', description: 'the file to write (replaced whole)', required: true, kind: 'file' },
    ],
    run: save,
};
