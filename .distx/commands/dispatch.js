import { UsageError } from '../errors/cli-error.js';
import { reportError } from '../errors/report.js';
import { builtinHelp } from './help.js';
import { commandWordIndex, wordTokens } from '../parse/options.js';
import { ALL_SYNTAX, GLOBAL_OPTIONS, LINE_SYNTAX } from './options.js';
import { BUILTINS } from './table.js';
function optionFlags(o) {
    return `${o.short ? `${o.short}, ` : ''}${o.long}${o.value ? ` ${o.value}` : ''}`;
}
async function commandFor(spec, front, path, capture) {
    const { Command } = await import('commander');
    const cmd = new Command(spec.name);
    if (spec.aliases?.length)
        cmd.aliases([...spec.aliases]);
    cmd.description(spec.summary).helpOption(false).exitOverride().allowExcessArguments(false);
    for (const a of spec.args ?? [])
        cmd.argument(a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`, a.description);
    for (const o of spec.options ?? [])
        cmd.option(optionFlags(o), o.description, o.default);
    for (const sub of spec.subcommands ?? []) {
        if (sub.where === 'both' || sub.where === front)
            cmd.addCommand(await commandFor(sub, front, `${path}${spec.name} `, capture));
    }
    if (spec.run)
        cmd.action((...args) => capture(spec, `${path}${spec.name}`, cmd, args));
    return cmd;
}
/**
 * Parses the words of a built-in line (`job wait abc -o json`): options of the front end anywhere
 * (one-shot: all global options; shell: the line options), then the entry's arguments and options.
 * Throws UsageError with the entry's usage for bad words.
 */
export async function parseBuiltin(words, front) {
    const { Command, CommanderError } = await import('commander');
    let found;
    const capture = (spec, path, cmd, args) => {
        const positional = args.slice(0, (spec.args ?? []).length).flatMap((v) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]));
        found = { spec, path, args: positional, opts: cmd.opts(), flags: cmd.optsWithGlobals() };
    };
    const program = new Command('zstack-cli').helpOption(false).exitOverride().allowExcessArguments(false);
    program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
    for (const o of GLOBAL_OPTIONS)
        if (front === 'oneshot' || o.scope === 'line')
            program.option(optionFlags(o), o.description);
    for (const b of BUILTINS)
        if (b.where === 'both' || b.where === front)
            program.addCommand(await commandFor(b, front, '', capture));
    // Every command inherits the silent output and exit override.
    const silence = (c) => {
        c.configureOutput({ writeOut: () => undefined, writeErr: () => undefined, outputError: () => undefined });
        c.exitOverride();
        c.commands.forEach(silence);
    };
    silence(program);
    try {
        await program.parseAsync([...words], { from: 'user' });
    }
    catch (e) {
        if (!(e instanceof CommanderError))
            throw e;
        const at = commandWordIndex(wordTokens(words), front === 'oneshot' ? ALL_SYNTAX : LINE_SYNTAX);
        throw usageOf(e, at >= 0 ? words.slice(at) : words);
    }
    if (!found) {
        const at = commandWordIndex(wordTokens(words), front === 'oneshot' ? ALL_SYNTAX : LINE_SYNTAX);
        const name = words[at] ?? '';
        throw new UsageError(`'${name.slice(0, 80)}' needs a subcommand`, `help ${name} lists them`);
    }
    return found;
}
/** A commander complaint as our one usage-error shape, with the entry's usage as the hint. */
function usageOf(e, words) {
    const msg = e.message.replace(/^error: /, '').replace(/\.$/, '');
    const named = BUILTINS.find((b) => b.name === words[0] || b.aliases?.includes(words[0] ?? ''));
    const sub = named?.subcommands?.find((s) => s.name === words[1]);
    const hint = named ? `usage: ${(sub ? builtinHelp(sub, `${named.name} `) : builtinHelp(named))[0].replace(/^Usage: /, '')}` : undefined;
    const w1 = words[1];
    if (e.code === 'commander.help' && named?.subcommands) {
        return new UsageError(`${named.name} needs a command`, `${named.name} ${named.subcommands.map((s) => s.name).join('|')}`);
    }
    if (named?.subcommands && w1 !== undefined && !w1.startsWith('-') && !named.subcommands.some((s) => s.name === w1 || s.aliases?.includes(w1))) {
        return new UsageError(`unknown ${named.name} command '${String(words[1]).slice(0, 80)}'`, `${named.name} ${named.subcommands.map((s) => s.name).join('|')}`);
    }
    return new UsageError(msg, hint);
}
/** Runs a parsed built-in: `--help` shows its help; failures are reported and give their exit code. */
export async function runInvocation(inv, base, flags) {
    const ctx = { ...base, args: inv.args, opts: inv.opts, flags };
    try {
        if (flags.help === true) {
            const prefix = inv.path.includes(' ') ? inv.path.slice(0, inv.path.lastIndexOf(' ') + 1) : '';
            ctx.io.stdout.write(`${builtinHelp(inv.spec, prefix).join('\n')}\n`);
            return 0;
        }
        return await inv.spec.run(ctx);
    }
    catch (e) {
        return reportError(e, (t) => ctx.io.stderr.write(t), ctx.commandPrefix);
    }
}
