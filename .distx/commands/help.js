// `help [topic]`: the overview (built-ins and options from the command table, APIs by verb), a
// built-in's help, an API's help, or the APIs whose names contain a word. APIs the management node
// is known not to support are left out of the lists and marked in their help. Long text is paged in
// the shell.
import { EXIT_CODES } from '../errors/cli-error.js';
import { clip } from '../parse/echo.js';
import { columns } from '../complete/listing.js';
import { offeredApiNames } from '../complete/api-names.js';
import { wrap } from './api-help.js';
import { GLOBAL_OPTIONS } from './options.js';
export const EXIT_CODE_LINES = [
    '  0    success',
    '  1    the API failed (ZStack error), or the server answered an error',
    '  2    usage: bad command, unknown API/param/field, wrong value',
    '  3    connection: refused, DNS, TLS, timeout',
    '  4    authentication: wrong password, session expired, not logged in',
    '  8    an async job did not finish within --timeout',
    '  130  interrupted (Ctrl-C); 143 SIGTERM, 129 SIGHUP',
    '  141  the output was closed by its reader (| head)',
];
/** `-o, --output <format>` as help shows it. */
export function optionLabel(o) {
    return `${o.short ? `${o.short}, ` : ''}${o.long}${o.value ? ` ${o.value}` : ''}`;
}
/** `job wait <job>`, `help [topic]`: a built-in's synopsis. */
export function synopsis(spec, prefix = '') {
    const name = `${prefix}${spec.name}`;
    if (spec.subcommands?.length)
        return `${name} ${spec.subcommands.filter((s) => !s.hidden).map((s) => s.name).join('|')}`;
    const args = (spec.args ?? []).map((a) => {
        const inner = `${a.name}${a.variadic ? '...' : ''}`;
        return a.required ? `<${inner}>` : `[${inner}]`;
    });
    const opts = (spec.options ?? []).map((o) => `[${o.short ?? o.long}${o.value ? ` ${o.value.replace(/[<>]/g, '')}` : ''}]`);
    return [name, ...opts, ...args].join(' ');
}
/** The built-ins a front end offers, in table order. */
export function builtinsFor(table, front) {
    return table.filter((b) => !b.hidden && (b.where === 'both' || b.where === front));
}
/** `name  description` rows, names padded to one column, descriptions wrapped to the width under themselves. */
function aligned(rows, width = 100, indent = '  ') {
    const w = Math.min(34, Math.max(0, ...rows.map(([a]) => a.length)) + 2);
    const pad = `${indent}${' '.repeat(w)}`;
    return rows.flatMap(([a, b]) => {
        const text = wrap(b, Math.max(pad.length + 20, width), pad);
        const [first = pad, ...rest] = text;
        return a.length >= w ? [`${indent}${a}`, first, ...rest] : [`${indent}${a.padEnd(w)}${first.slice(pad.length)}`, ...rest];
    });
}
/**
 * The overview: how commands look, the built-ins, the options of this front end, and (shell) the APIs
 * by verb, counting `apiNames` (default: the registry's).
 */
export function overview(table, front, reg, width, apiNames) {
    const builtins = builtinsFor(table, front).flatMap((b) => b.subcommands?.length
        ? b.subcommands.filter((s) => !s.hidden).map((s) => [synopsis(s, `${b.name} `), s.summary])
        : [[synopsis(b), b.summary]]);
    const options = GLOBAL_OPTIONS.filter((o) => front === 'oneshot' || o.scope === 'line');
    const out = [];
    if (front === 'oneshot') {
        out.push('Usage: zstack-cli [options] [<Api> key=value ...]', '       zstack-cli <built-in> ...', '', 'Shell and one-shot command tool for the ZStack cloud (REST API v1).', 'With no command, opens the interactive shell (or runs the commands piped to it).');
    }
    else {
        out.push('Type an API and its params:  QueryVmInstance state=Running limit=10 -o json', '  Tab completes API names, params, query fields and join paths (vmNics.<Tab>), values, built-ins', '  and options; Tab Tab lists the choices. Up/Down and Ctrl-R search history. Ctrl-C clears the', '  line or stops a command.');
    }
    out.push('', 'Built-ins:', ...aligned(builtins, width));
    out.push('', front === 'oneshot' ? 'Options:' : 'Options (on any line, before or after the params):');
    out.push(...aligned(options.map((o) => [optionLabel(o), o.description]), width));
    if (front === 'oneshot') {
        out.push('', 'Exit codes:', ...EXIT_CODE_LINES);
        out.push('', 'Examples:', '  zstack-cli LogInByAccount accountName=admin', '  zstack-cli QueryVmInstance state=Running -o table -c uuid,name,state', '  zstack-cli --dry-run StartVmInstance uuid=UUID hostUuid=H', '  zstack-cli StopVmInstance uuid=@web-01        # @name: the VM named web-01', '  zstack-cli -f setup.zs --stop-on-error', '  zstack-cli help StartVmInstance');
    }
    else if (reg) {
        const names = apiNames ?? reg.apiNames();
        const verbs = new Map();
        for (const n of names) {
            const v = /^[A-Z][a-z]*/.exec(n)?.[0] ?? n;
            verbs.set(v, (verbs.get(v) ?? 0) + 1);
        }
        const top = [...verbs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
        out.push('', `${names.length} APIs, by verb (help <word> lists them, e.g. help VmInstance):`, ...columns(top.map(([v, n]) => `${v} (${n})`), width - 2).map((l) => `  ${l}`));
    }
    return out;
}
/** `help <built-in>`: synopsis, summary, arguments, options, more text. */
export function builtinHelp(spec, prefix = '', width = 100) {
    const out = [`Usage: ${synopsis(spec, prefix)}`, '', spec.summary];
    if (spec.subcommands?.length) {
        out.push('', 'Commands:', ...aligned(spec.subcommands.filter((s) => !s.hidden).map((s) => [synopsis(s, `${prefix}${spec.name} `), s.summary]), width));
    }
    if (spec.args?.length)
        out.push('', 'Arguments:', ...aligned(spec.args.map((a) => [a.name, a.description]), width));
    if (spec.options?.length) {
        out.push('', 'Options:', ...aligned(spec.options.map((o) => [optionLabel(o), `${o.description}${o.default !== undefined ? ` (default ${o.default})` : ''}`]), width));
    }
    if (spec.help)
        out.push('', ...spec.help.split('\n'));
    return out;
}
/** What the management node is known not to support (learnt at login); undefined when unknown. */
async function nodeSupport(ctx) {
    // One-shot --sim would start a simulator just for this, and a fresh one supports every API.
    if (ctx.front === 'oneshot' && ctx.flags.sim === true)
        return undefined;
    try {
        const app = await ctx.app();
        const known = await app.capabilities.unsupported();
        return known ? { ...known, server: app.conn.server } : undefined;
    }
    catch {
        return undefined;
    }
}
/** Finds `job wait` from `job wait` / `job` words. */
export function findSpec(table, words) {
    const top = table.find((b) => b.name === words[0] || b.aliases?.includes(words[0] ?? ''));
    if (!top)
        return undefined;
    const sub = words[1] !== undefined ? top.subcommands?.find((s) => s.name === words[1] || s.aliases?.includes(words[1])) : undefined;
    return sub ? { spec: sub, prefix: `${top.name} ` } : { spec: top, prefix: '' };
}
export const helpCommand = {
    name: 'help',
    aliases: ['?'],
    summary: 'this overview; help <Api> shows an API (params, types, valid values, the manual, an example); help <word> finds APIs',
    where: 'both',
    args: [{ name: 'topic', description: 'an API, a built-in, or a word of API names', kind: 'topic', variadic: true }],
    async run(ctx) {
        const { BUILTINS } = await import('./table.js');
        const width = ctx.shell?.width() ?? (ctx.io.stdout.isTTY && ctx.io.stdout.columns ? ctx.io.stdout.columns : 100);
        const topic = ctx.args;
        let lines;
        let code = 0;
        const builtin = topic.length ? findSpec(builtinsFor(BUILTINS, ctx.front), topic) : undefined;
        if (topic.length === 0) {
            const reg = ctx.front === 'shell' ? ctx.registry() : undefined;
            const support = reg ? await nodeSupport(ctx) : undefined;
            lines = overview(BUILTINS, ctx.front, reg, width, reg ? await offeredApiNames(reg, async () => support?.apis) : undefined);
        }
        else if (builtin) {
            lines = builtinHelp(builtin.spec, builtin.prefix, width);
        }
        else {
            const { helpApi, helpSearch } = await import('./api-help.js');
            const reg = ctx.registry();
            const word = topic.join(' ');
            const api = reg.api(word);
            const support = await nodeSupport(ctx);
            const names = await offeredApiNames(reg, async () => support?.apis);
            lines = api ? helpApi(reg, api, width) : helpSearch(reg, word, width, names);
            if (api && support?.apis.has(api.name))
                lines.unshift(`${api.name} is not supported by the management node at ${support.server} (ZStack ${clip(support.version, 40)}): a call is refused before sending.`, '');
            if (!api && !names.some((n) => n.toLowerCase().includes(word.toLowerCase())))
                code = EXIT_CODES.usage;
        }
        const text = `${lines.join('\n')}\n`;
        if (ctx.shell)
            await ctx.shell.page(text);
        else
            ctx.io.stdout.write(text);
        return code;
    },
};
