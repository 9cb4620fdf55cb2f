// `completion bash|zsh`: prints the shell completion script (they call the hidden `__complete`).
import { UsageError } from '../errors/cli-error.js';
export const completionCommand = {
    name: 'completion',
    summary: 'print the bash or zsh completion script (source <(zstack-cli completion bash))',
    where: 'oneshot',
    args: [{ name: 'shell', description: 'bash or zsh', required: true, kind: 'choices', choices: ['bash', 'zsh'] }],
    async run(ctx) {
        const { completionScript } = await import('../cli/completion-scripts.js');
        const text = completionScript(ctx.args[0]);
        if (text === undefined)
            throw new UsageError(`no completion script for '${ctx.args[0].slice(0, 80)}'`, 'bash or zsh');
        ctx.io.stdout.write(text);
        return 0;
    },
};
export const completeCommand = {
    name: '__complete',
    summary: 'print completion candidates for a shell line left of the cursor, program name included (used by the bash/zsh scripts)',
    where: 'oneshot',
    hidden: true,
    args: [{ name: 'line', description: 'the words left of the cursor', variadic: true }],
    async run(ctx) {
        // Usually reached straight from bin/; this route serves `zstack-cli --port P __complete ...`.
        const { runComplete } = await import('../cli/complete-command.js');
        const { openLiveValues } = await import('../cli/complete-live.js');
        return runComplete(ctx.io, ctx.args, { baseFlags: ctx.flags, openLive: openLiveValues });
    },
};
