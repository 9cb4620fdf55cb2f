import { UsageError } from '../errors/cli-error.js';
import { quoted } from '../parse/echo.js';
import { lineChoices } from './line-options.js';
function shellJob(ctx, arg) {
    if (!/^\d{1,9}$/.test(arg))
        return undefined;
    if (!ctx.jobs)
        throw new UsageError(`${quoted(arg)} is not a job uuid`, 'expected 32 hex characters; job numbers belong to the shell');
    const job = ctx.jobs.get(Number(arg));
    if (!job)
        throw new UsageError(`no background job ${arg}`, 'jobs lists them');
    return job;
}
/** Prints a finished job's result (it enters the result history) or its error; its exit code. */
async function report(ctx, job) {
    job.announced = true;
    if (job.state === 'failed') {
        ctx.err(job.errorText ?? `job ${job.n} failed`);
        return 1;
    }
    await ctx.show(job.result, lineChoices(ctx.flags));
    return 0;
}
async function wait(ctx) {
    const arg = ctx.args[0];
    const job = shellJob(ctx, arg);
    if (job) {
        if (job.state === 'running') {
            // Ctrl-C stops waiting; the job goes on.
            const stopped = new Promise((resolve) => {
                if (ctx.signal.aborted)
                    resolve('stopped');
                ctx.signal.addEventListener('abort', () => resolve('stopped'), { once: true });
            });
            if ((await Promise.race([job.done.then(() => 'done'), stopped])) === 'stopped') {
                const { InterruptedError } = await import('../execute/errors.js');
                throw new InterruptedError(job.jobUuid);
            }
        }
        return report(ctx, job);
    }
    const { waitJob } = await import('../execute/executor.js');
    const choices = lineChoices(ctx.flags);
    const app = await ctx.app();
    const exec = await app.execContext(ctx.signal, `job ${arg}`, true, choices.run);
    const result = await waitJob(arg, exec).finally(() => app.finished());
    await ctx.show(result, choices);
    return 0;
}
async function result(ctx) {
    const job = shellJob(ctx, ctx.args[0]);
    if (!job)
        throw new UsageError(`not a job number: ${quoted(ctx.args[0])}`, 'jobs lists them');
    if (job.state === 'running')
        throw new UsageError(`job ${job.n} is still running`, `job wait ${job.n} waits for it`);
    return report(ctx, job);
}
async function list(ctx) {
    const all = ctx.jobs?.list() ?? [];
    if (all.length === 0) {
        ctx.out('no background jobs (end a line with & to start one)');
        return 0;
    }
    const { statusLine } = await import('../cli/shell-jobs.js');
    const now = Date.now();
    for (const j of all) {
        j.announced ||= j.state !== 'running';
        ctx.out(statusLine(j, now));
    }
    return 0;
}
export const jobCommand = {
    name: 'job',
    summary: 'async jobs',
    where: 'both',
    subcommands: [
        {
            name: 'wait',
            summary: 'wait for an async job (after Ctrl-C, --async or --timeout; in the shell also a background job N) and print its result',
            where: 'both',
            args: [{ name: 'job', description: 'the job uuid (32 hex characters), or in the shell a background job number', required: true, kind: 'job' }],
            run: wait,
        },
        {
            name: 'result',
            summary: "print a finished background job's result (it enters the result history)",
            where: 'shell',
            args: [{ name: 'N', description: 'the background job number (jobs lists them)', required: true, kind: 'job' }],
            run: result,
        },
    ],
};
export const jobsCommand = {
    name: 'jobs',
    summary: 'list the background jobs of this shell (a line ending in & starts one): running, done, failed, how long',
    where: 'shell',
    run: list,
};
