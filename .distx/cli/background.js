import { settleResult } from '../execute/fetch.js';
import { lex } from '../parse/lexer.js';
import { runParsed } from './runner.js';
/** The line without a final `&` word (unquoted), or undefined when it has none. */
export function backgroundLine(line) {
    const m = /^(.*\S)\s+&\s*$/s.exec(line);
    if (!m)
        return undefined;
    // `\&` or a quoted '&' is a value, not the background marker.
    const tokens = lex(line).tokens;
    const last = tokens[tokens.length - 1];
    return last && last.text === '&' && last.literal[0] === false ? m[1] : undefined;
}
/** What a job is about, for listings: its uuid (shortened) or name param. */
export function targetOf(args) {
    const a = args.find((x) => x.key === 'uuid') ?? args.find((x) => /Uuid$/.test(x.key)) ?? args.find((x) => x.key === 'name');
    if (!a)
        return '';
    const v = /^[0-9a-f]{32}$/.test(a.value) ? a.value.slice(0, 8) : a.value.length > 40 ? `${a.value.slice(0, 39)}…` : a.value;
    return `${a.key}=${v}`;
}
/** Starts a parsed line (without its `&`) as the next background job; `ended` sees its outcome. */
export function runInBackground(app, jobs, line, parsed, choices, ended) {
    const cmd = parsed.command;
    const api = app.registry.api(cmd.name)?.name ?? cmd.name;
    return jobs.start(line, api, targetOf(cmd.args), async (signal, sent) => {
        let result;
        let errors = '';
        const deps = {
            // A job's rows are read to the end when it finishes (its output is shown later, by job result N).
            ...app.runnerDeps(async (r) => void (result = await settleResult(r))),
            promptPassword: undefined,
            out: (t) => void (errors += `${t}\n`),
            err: (t) => void (errors += `${t}\n`),
            commandPrefix: () => '',
            // The foreground command's spinner is not this job's to stop.
            finished: () => undefined,
            execContext: async (s, a, o) => {
                const ctx = await app.execContext(s, a.name, a.async, { ...o, quiet: true });
                const make = ctx.newJobUuid;
                const newJobUuid = () => {
                    const id = make();
                    sent(id);
                    return id;
                };
                return { ...ctx, newJobUuid };
            },
        };
        const outcome = await runParsed(parsed, deps, { ...choices.run, dryRun: false, curl: false }, signal);
        ended(outcome);
        if (outcome.code !== 0 || !result)
            throw errors.trim() || `exit ${outcome.code}`;
        return result;
    });
}
