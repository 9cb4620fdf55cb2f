// The command table: every built-in of zstack-cli, in the order help lists them. The commander
// program (one-shot), the shell's dispatcher, `help` and completion (shell Tab and `__complete`)
// all read this list. Adding a built-in is one module and one line here.
import { completeCommand, completionCommand } from './completion.js';
import { exitCommand } from './exit.js';
import { helpCommand } from './help.js';
import { jobCommand, jobsCommand } from './job.js';
import { lastCommand, moreCommand, resultsCommand, saveCommand } from './results.js';
import { profileCommand } from './profile.js';
import { simCommand } from './sim.js';
import { watchCommand } from './watch.js';
import { GLOBAL_OPTIONS } from './options.js';
export const BUILTINS = [
    helpCommand,
    jobCommand,
    jobsCommand,
    resultsCommand,
    lastCommand,
    moreCommand,
    saveCommand,
    watchCommand,
    profileCommand,
    completionCommand,
    simCommand,
    exitCommand,
    completeCommand,
];
/** The built-in named `word` (or one of its aliases) that runs in `front`. */
export function builtinNamed(word, front) {
    if (word === undefined)
        return undefined;
    return BUILTINS.find((b) => (b.where === 'both' || b.where === front) && (b.name === word || b.aliases?.includes(word)));
}
/** What completion needs from the table for one front end: its built-ins and the options of its lines. */
export function completionTable(front) {
    const offered = (b) => b.where === 'both' || b.where === front;
    const prune = (b) => (b.subcommands ? { ...b, subcommands: b.subcommands.filter(offered) } : b);
    return {
        builtins: BUILTINS.filter(offered).map(prune),
        options: GLOBAL_OPTIONS.filter((o) => front === 'oneshot' || o.scope === 'line'),
    };
}
