// `sim`: serves the embedded ZStack-compatible simulator on loopback until Ctrl-C.
import { CliError, UsageError } from '../errors/cli-error.js';
import { MAX_TIMER_MS } from '../execute/long-timeout.js';
/** The simulator's admin account (its demo seed's), which --sim and `sim`'s banner log in with. */
export const SIM_ACCOUNT = { name: 'admin', password: 'password' };
/** The port asked for is taken: exit 3, like any address that cannot be used. */
class PortInUseError extends CliError {
    kind = 'connection';
}
async function serve(ctx) {
    const portText = typeof ctx.flags.port === 'string' ? ctx.flags.port : '8080';
    const bind = String(ctx.opts.bind ?? '127.0.0.1');
    const seed = String(ctx.opts.seed ?? 'demo');
    const delayText = String(ctx.opts.jobDelay ?? '150');
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!Number.isInteger(port) || port > 65535)
        throw new UsageError(`--port must be a number from 0 to 65535, got '${portText.slice(0, 80)}'`);
    const jobDelayMs = /^\d+(\.\d+)?$/.test(delayText) ? Number(delayText) : NaN;
    // Timers hold at most 2^31-1 ms (24.8 days); a longer delay would fire at once.
    if (!Number.isFinite(jobDelayMs) || jobDelayMs > MAX_TIMER_MS)
        throw new UsageError(`--job-delay must be a number of milliseconds up to ${MAX_TIMER_MS}, got '${delayText.slice(0, 80)}'`);
    const { startSimulator } = await import('../sim/index.js');
    let sim;
    try {
        sim = await startSimulator({ port, host: bind, seed, jobDelayMs });
    }
    catch (e) {
        const err = e;
        if (err.code === 'EADDRINUSE')
            throw new PortInUseError(`cannot start the simulator: port ${port} is in use (try --port 0 or another port)`);
        throw new UsageError(`cannot start the simulator: ${err.message}`);
    }
    ctx.out(`ZStack simulator (seed ${seed}) listening on ${sim.url}\nLog in with: zstack-cli --port ${sim.port} LogInByAccount accountName=${SIM_ACCOUNT.name} password=${SIM_ACCOUNT.password}\nCtrl-C stops it.`);
    await new Promise((resolve) => {
        if (ctx.signal.aborted)
            resolve();
        ctx.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await sim.close();
    return 0;
}
export const simCommand = {
    name: 'sim',
    summary: 'serve a ZStack-compatible simulator (REST API v1) until Ctrl-C; log in as admin/password',
    help: 'The port is the global --port (default 8080; 0 = any free port).',
    where: 'oneshot',
    options: [
        { long: '--bind', key: 'bind', value: '<host>', description: 'address to listen on', default: '127.0.0.1' },
        { long: '--seed', key: 'seed', value: '<seed>', description: 'demo | empty | scale:N (N VMs, for benchmarks)', default: 'demo', choices: ['demo', 'empty', 'scale:'] },
        { long: '--job-delay', key: 'jobDelay', value: '<ms>', description: 'how long async jobs take', default: '150' },
    ],
    run: serve,
};
