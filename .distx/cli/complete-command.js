// `zstack-cli __complete -- "<line before cursor>"`: the shell's own completion engine for the bash
// and zsh scripts. Prints one candidate per line, `word<TAB>description`, where word is the whole
// shell word at the cursor after completion (the scripts cut what bash splits off at `=` and `:`).
// Live values (uuids, names) are fetched only when the cursor is at a value and a session exists.
//
// This module heads the completion bundle (dist/zstack-cli-complete.cjs), which leaves out what the
// commands import to run (scripts/bundle.mjs); the live values come from the caller (`OpenLiveValues`),
// so a Tab reads and compiles none of the HTTP client, sessions or executor.
import { complete } from '../complete/candidates.js';
import { fuzzyPick } from '../complete/pick.js';
import { cachedValueSource } from '../complete/values.js';
import { loadRegistry } from '../schema/registry.js';
import { completionTable } from '../commands/table.js';
import { ALL_SYNTAX, GLOBAL_OPTIONS } from '../commands/options.js';
import { lex } from '../parse/lexer.js';
import { splitOptions } from '../parse/options.js';
/** Start of the shell word the cursor is in: after the last blank outside quotes. */
export function wordStart(line) {
    const last = lex(line).tokens.at(-1);
    return last && last.span.end === line.length ? last.span.start : line.length;
}
/** How long one `__complete` waits for live values (uuids, names) from the server. */
export const LIVE_VALUES_WAIT_MS = 1500;
/**
 * Splits what a shell passes (the whole line left of the cursor: program name, then options and the
 * command) into the text after the program name and the connection flags on it. Undefined while the
 * program name is typed.
 */
export function splitCompletionLine(line) {
    const m = /^\s*\S+\s+/.exec(line);
    if (!m)
        return undefined;
    const command = line.slice(m[0].length);
    const words = lex(command).tokens;
    // Flags only from complete words left of the cursor's word.
    const done = command === '' || /\s$/.test(command) ? words : words.slice(0, -1);
    const flags = {};
    for (const o of splitOptions(done, ALL_SYNTAX).options) {
        const spec = GLOBAL_OPTIONS.find((g) => g.long === o.name);
        if (spec && ['host', 'port', 'profile', 'session', 'ca', 'https', 'insecure'].includes(spec.key))
            flags[spec.key] = spec.takesValue ? (o.value ?? '') : true;
    }
    return { command, flags };
}
/**
 * The candidate lines for `line`: the whole shell line left of the cursor. `unsupportedOf` says which
 * APIs the server of the line's flags is known not to support (from the capability cache).
 */
export async function completionLines(shellLine, openLive, profilesOf = async () => ({ profiles: {} }), unsupportedOf = async () => undefined) {
    const split = splitCompletionLine(shellLine);
    if (!split)
        return [];
    const line = split.command;
    const registry = loadRegistry();
    const local = { profiles: async () => Object.keys((await profilesOf(split.flags)).profiles) };
    let live;
    const values = cachedValueSource({
        // Unlike the shell (which keeps a late answer for the next Tab), this process ends after one
        // answer: wait longer for the server rather than return nothing.
        timeoutMs: LIVE_VALUES_WAIT_MS,
        fetch: async (ref, signal) => (await (live ??= openLive(split.flags))).rows(ref, signal),
    });
    // API names the node is known not to support are left out (read from the capability cache, no request).
    const unsupportedApis = () => unsupportedOf(split.flags);
    try {
        const c = await complete(line, line.length, { registry, values, ...completionTable('oneshot'), local, unsupportedApis });
        const ws = wordStart(line);
        const head = line.slice(ws, Math.max(ws, c.replaceFrom));
        // bash and zsh would insert the common prefix of fuzzy API names (`Query`): offer the best one.
        const picked = fuzzyPick(c, line.slice(c.replaceFrom));
        return (picked ? [picked] : c.candidates).map((cand) => {
            const word = `${head}${cand.value}`;
            const desc = (cand.description ?? '').replace(/[\t\n]+/g, ' ');
            return desc ? `${word}\t${desc}` : word;
        });
    }
    finally {
        if (live)
            await (await live.catch(() => undefined))?.close();
    }
}
/**
 * `zstack-cli __complete [--] <line>`: prints the candidate lines. Reached straight from bin/ (no
 * commander, no main) so each Tab in bash or zsh costs as little start-up as possible.
 */
export async function runComplete(io, words, { baseFlags = {}, prime = false, openLive }) {
    const line = (words[0] === '--' ? words.slice(1) : words).join(' ');
    const lines = await completionLines(line, (flags) => openLive(io, { ...baseFlags, ...flags }), async () => {
        const { cliHome } = await import('../config/paths.js');
        const { readProfiles } = await import('../config/profiles.js');
        const { configFiles } = await import('../config/config-files.js');
        // Tab completion must never print: warnings about the config directory are left to real commands.
        return readProfiles(cliHome(io.env, io.homedir), configFiles({ me: io.identity, warn: () => undefined }));
    }, async (flags) => {
        // Without an App (its transports and executor would double the cost of this Tab).
        const { appFlags, resolveFor } = await import('./resolve.js');
        const { CapabilityCache } = await import('../config/capability-cache.js');
        const { knownUnsupported } = await import('./capabilities.js');
        const { dir, files, conn } = await resolveFor(io, appFlags({ ...baseFlags, ...flags }), () => undefined);
        return (await knownUnsupported(new CapabilityCache(dir, files), conn.server, loadRegistry()))?.apis;
    });
    if (lines.length)
        io.stdout.write(`${lines.join('\n')}\n`);
    if (prime) {
        try {
            await primeCompletion();
        }
        catch {
            // Only the code cache is poorer for it; the answer is out.
        }
    }
    return 0;
}
/**
 * Lines completed once, in-process and printing nothing, after the Tab whose run writes the code
 * cache (the first after an install or upgrade): a cache holds only the code its run compiled, so
 * without these a first Tab at an API name would leave every later Tab at a param, a join or a
 * value compiling that code again. None needs the server.
 */
export const PRIME_LINES = [
    'zstack-cli Query',
    'zstack-cli QueryVmInstance ',
    'zstack-cli QueryVmInstance zone.cluster.',
    'zstack-cli QueryVmInstance count=',
    'zstack-cli StartVmInstance ',
    'zstack-cli CreateVmInstance name=a ',
    'zstack-cli --',
    'zstack-cli -o ',
    'zstack-cli help Que',
    'zstack-cli profile ',
];
/** Completes PRIME_LINES without a server, profiles or capabilities; returns how many lines had candidates. */
export async function primeCompletion() {
    let answered = 0;
    const noServer = () => Promise.reject(new Error('priming uses no server'));
    for (const line of PRIME_LINES)
        if ((await completionLines(line, noServer)).length > 0)
            answered++;
    return answered;
}
