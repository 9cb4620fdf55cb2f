// Reads the per-line options (-o, -c, --dry-run, --curl, --async, --timeout, --yes, --all, --page-size,
// --raw) out of parsed flags
// into what the runner and the result printer take; one place checks their values for every front
// end (one-shot argv, script lines, shell lines, built-ins).
import { fetchFlags } from '../cli/fetch-flags.js';
import { parseTimeout } from '../config/connection.js';
import { UsageError } from '../errors/cli-error.js';
import { quoted } from '../parse/echo.js';
import { isFormat } from './options.js';
const str = (v) => (typeof v === 'string' ? v : undefined);
/** Checks and converts the line options among `flags`; throws UsageError for a bad value. */
export function lineChoices(flags) {
    const run = {};
    const output = str(flags.output);
    if (output !== undefined && !isFormat(output)) {
        throw new UsageError(`-o/--output must be json, table, yaml, csv or value; got ${quoted(output)}`);
    }
    if (flags.dryRun === true)
        run.dryRun = true;
    if (flags.curl === true)
        run.curl = true;
    if (flags.showSecrets === true)
        run.showSecrets = true;
    if (flags.async === true)
        run.async = true;
    if (flags.yes === true)
        run.yes = true;
    const columns = str(flags.columns);
    if (columns !== undefined) {
        const cols = columns.split(',').map((c) => c.trim()).filter(Boolean);
        if (cols.length === 0)
            throw new UsageError('-c/--columns needs column names', 'e.g. -c uuid,name,state');
        run.columns = cols;
    }
    const fetch = fetchFlags({ all: flags.all === true, raw: flags.raw === true, ...(str(flags.pageSize) !== undefined ? { pageSize: str(flags.pageSize) } : {}) });
    if (typeof fetch === 'string')
        throw new UsageError(fetch);
    Object.assign(run, fetch);
    const timeout = str(flags.timeout);
    if (timeout !== undefined && timeout !== '')
        run.timeoutMs = parseTimeout(timeout, '--timeout');
    return { run, format: output };
}
