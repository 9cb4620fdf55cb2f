import { OUTPUT_FORMATS } from '../render/options.js';
const opt = (o) => ({ ...o, takesValue: o.value !== undefined });
export const GLOBAL_OPTIONS = [
    opt({ long: '--host', key: 'host', value: '<host>', scope: 'process', description: 'management node host (env ZSTACK_HOST; default localhost)' }),
    opt({ long: '--port', key: 'port', value: '<port>', scope: 'process', description: 'management node port (env ZSTACK_PORT; default 8080)' }),
    opt({ long: '--https', key: 'https', scope: 'process', description: 'use https' }),
    opt({ long: '--ca', key: 'ca', value: '<file>', scope: 'process', valueKind: 'file', description: 'trust this PEM CA file (https)' }),
    opt({ long: '--insecure', key: 'insecure', scope: 'process', description: 'do not verify the server certificate (https)' }),
    opt({ long: '--profile', key: 'profile', value: '<name>', scope: 'process', valueKind: 'profile', description: 'use a named server profile (env ZSTACK_PROFILE)' }),
    opt({ long: '--session', key: 'session', value: '<uuid>', scope: 'process', description: 'use this session uuid (env ZSTACK_SESSION)' }),
    opt({ long: '--timeout', key: 'timeout', value: '<duration>', scope: 'line', description: 'overall limit incl. async jobs: seconds or 500ms, 90s, 10m, 1h, 2d (env ZSTACK_TIMEOUT; default 30m)' }),
    opt({ long: '--read-timeout', key: 'readTimeout', value: '<duration>', scope: 'process', description: 'give up when nothing arrives for this long (env ZSTACK_READ_TIMEOUT; default 60s)' }),
    opt({ long: '--async', key: 'async', scope: 'line', description: 'return the job uuid of an async API at once (see: job wait)' }),
    opt({ long: '--webhook', key: 'webhook', scope: 'process', description: 'receive async results by webhook instead of polling' }),
    opt({ long: '--dry-run', key: 'dryRun', scope: 'line', description: 'print the request as JSON {method,url,body}; send nothing (but @name lookups, which need a session)' }),
    opt({ long: '--curl', key: 'curl', scope: 'line', description: 'print the equivalent curl command; send nothing (but @name lookups, which need a session)' }),
    opt({ long: '--show-secrets', key: 'showSecrets', scope: 'line', description: 'with --dry-run or --curl: show passwords and the session instead of "<hidden>"' }),
    opt({ long: '--password-stdin', key: 'passwordStdin', scope: 'process', description: 'a login reads its password from stdin (one line), not from argv or a terminal' }),
    opt({ long: '--yes', short: '-y', key: 'yes', scope: 'line', description: 'do not ask before APIs that destroy data (needed without a terminal); for a script or shell: every line' }),
    opt({ long: '--output', short: '-o', key: 'output', value: '<format>', scope: 'line', valueKind: 'format', choices: OUTPUT_FORMATS, description: 'json | table | yaml | csv | value (default: json when piped, table for queries on a terminal)' }),
    opt({ long: '--columns', short: '-c', key: 'columns', value: '<list>', scope: 'line', valueKind: 'columns', description: 'columns to show, e.g. uuid,name,vmNics.ip (plain ones become the query fields=)' }),
    opt({ long: '--all', key: 'all', scope: 'line', description: 'a query: every page of the result (limit/start), streamed as it comes' }),
    opt({ long: '--page-size', key: 'pageSize', value: '<n>', scope: 'line', description: 'with --all: rows per request (default 1000, ZStack\'s own default limit)' }),
    opt({ long: '--raw', key: 'raw', scope: 'line', description: "print the server's reply as it came" }),
    opt({ long: '--file', short: '-f', key: 'file', value: '<script>', scope: 'process', valueKind: 'file', description: 'run the commands of a script file, one per line ("-" for stdin)' }),
    opt({ long: '--stop-on-error', key: 'stopOnError', scope: 'process', description: 'with -f or stdin: stop at the first failing line' }),
    opt({ long: '--sim', key: 'sim', scope: 'process', description: 'start an embedded ZStack simulator (demo seed), log in as admin and run against it' }),
    opt({ long: '--help', short: '-h', key: 'help', scope: 'line', description: 'help for zstack-cli, a built-in, or the API on the line' }),
    opt({ long: '--version', short: '-v', key: 'version', scope: 'process', description: 'print the version' }),
];
/** Options valid on a shell line. */
export const LINE_OPTIONS = GLOBAL_OPTIONS.filter((o) => o.scope === 'line');
/** The parser's view of all options (one-shot argv, `__complete`). */
export const ALL_SYNTAX = { options: GLOBAL_OPTIONS };
/** The parser's view of a shell line. */
export const LINE_SYNTAX = { options: LINE_OPTIONS };
/** Option nodes -> flags by key; a later occurrence wins, as with commander. */
export function flagsOf(nodes) {
    const flags = {};
    for (const n of nodes) {
        const spec = GLOBAL_OPTIONS.find((o) => o.long === n.name);
        if (spec)
            flags[spec.key] = spec.takesValue ? (n.value ?? '') : true;
    }
    return flags;
}
export function isFormat(s) {
    return OUTPUT_FORMATS.includes(s);
}
