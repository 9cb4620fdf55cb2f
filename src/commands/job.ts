// `job wait <job>`: waits for an async job (one interrupted by Ctrl-C, started with --async, or
// left running by --timeout) and prints its result like the API would have.
import { lineChoices } from './line-options.js';
import type { BuiltinSpec, CommandContext } from './types.js';

async function wait(ctx: CommandContext): Promise<number> {
  const { waitJob } = await import('../execute/executor.js');
  const choices = lineChoices(ctx.flags);
  const jobUuid = ctx.args[0]!;
  const app = await ctx.app();
  const exec = await app.execContext(ctx.signal, `job ${jobUuid}`, true, choices.run);
  const result = await waitJob(jobUuid, exec).finally(() => app.finished());
  await ctx.show(result, choices);
  return 0;
}

export const jobCommand: BuiltinSpec = {
  name: 'job',
  summary: 'async jobs',
  where: 'both',
  subcommands: [
    {
      name: 'wait',
      summary: 'wait for an async job (interrupted by Ctrl-C, started with --async, or past --timeout) and print its result',
      where: 'both',
      args: [{ name: 'job', description: 'the job uuid (32 hex characters)', required: true, kind: 'job' }],
      run: wait,
    },
  ],
};
