// 3. Job completion → client return. The simulator and the real executor (execute() with the undici
// transport) run in this process, so both sides read the same clock: the simulator's log callback
// fires the moment a job finishes on the server (its result becomes pollable and its webhook is
// sent); the lag is execute()'s resolution time minus that moment. One fresh simulator per job
// duration, a different stopped VM per run, polling and webhook alternated.
import { summarize } from './stats.mjs';

export const JOB_DELAYS_MS = [10, 150, 500, 1200, 2500];
/** What-if: the polling lag with the young-job cap set here instead. */
export const WHAT_IF_CAP_MS = 50;

/** When the executor's polls happen after the 202 (ignoring round trips): at once, then its waits. */
export function pollSchedule(backoff, nextPollWait, untilMs) {
  const at = [0];
  let wait = backoff.initialMs;
  while (at[at.length - 1] < untilMs) {
    at.push(at[at.length - 1] + wait);
    wait = nextPollWait(wait, at[at.length - 1]);
  }
  return at;
}

export async function benchJobs(ctx) {
  const { dist, runsPerMode = 3 } = ctx;
  const { startSimulator } = await import(`${dist}/sim/index.js`);
  const { loadRegistry } = await import(`${dist}/schema/registry.js`);
  const { parseLine } = await import(`${dist}/parse/parser.js`);
  const { planCommand } = await import(`${dist}/plan/planner.js`);
  const { execute, systemClock, randomJobUuid, POLL_BACKOFF, nextPollWait } = await import(`${dist}/execute/executor.js`);
  const { createUndiciTransport } = await import(`${dist}/execute/transport.js`);
  const { startWebhookReceiver } = await import(`${dist}/execute/webhook.js`);
  const registry = loadRegistry();

  const plan = (line) => {
    const parsed = parseLine(line);
    if (!parsed.command) throw new Error(`cannot parse ${line}`);
    const p = planCommand(registry, parsed.command);
    if (!p.ok) throw new Error(`cannot plan ${line}: ${JSON.stringify(p.errors)}`);
    return p.request;
  };

  const transport = createUndiciTransport();
  const receiver = await startWebhookReceiver();
  const rows = [];
  try {
    for (const delay of JOB_DELAYS_MS) {
      const finishedAt = new Map();
      const sim = await startSimulator({
        port: 0,
        seed: 'demo',
        jobDelayMs: delay,
        log: (line) => {
          const m = /^job ([0-9a-f]{32}) /.exec(line);
          if (m) finishedAt.set(m[1], performance.now());
        },
      });
      try {
        let session;
        const sessions = {
          current: () => session,
          loggedIn: (account, uuid) => {
            session = { uuid, account };
          },
          forget: () => {
            session = undefined;
          },
        };
        const ctxFor = (webhook) => ({
          endpoint: { scheme: 'http', host: '127.0.0.1', port: sim.port },
          transport,
          session: sessions,
          clock: systemClock,
          newJobUuid: randomJobUuid,
          options: { timeoutMs: 30_000, ...(webhook ? { webhook: receiver } : {}) },
        });
        await execute(plan('LogInByAccount accountName=admin password=password'), ctxFor(false));
        const stopped = await execute(plan('QueryVmInstance state=Stopped fields=uuid'), ctxFor(false));
        const vms = stopped.value.inventories.map((r) => r.uuid);
        if (vms.length < 3 * runsPerMode + 1) throw new Error(`need ${3 * runsPerMode + 1} stopped VMs, the demo seed has ${vms.length}`);
        // One untimed start first, so connections and code paths are warm.
        await execute(plan(`StartVmInstance uuid=${vms.pop()}`), ctxFor(false));
        // Polling, webhook, and polling again with the young-job cap at WHAT_IF_CAP_MS (the
        // exported POLL_BACKOFF is read on every call; it is restored right after).
        const modes = ['polling', 'webhook', 'polling-cap'];
        for (let i = 0; i < modes.length * runsPerMode && vms.length; i++) {
          const mode = modes[i % modes.length];
          const savedCap = POLL_BACKOFF.youngCapMs;
          if (mode === 'polling-cap') POLL_BACKOFF.youngCapMs = WHAT_IF_CAP_MS;
          const t0 = performance.now();
          const r = await execute(plan(`StartVmInstance uuid=${vms.pop()}`), ctxFor(mode === 'webhook')).finally(() => {
            POLL_BACKOFF.youngCapMs = savedCap;
          });
          const t1 = performance.now();
          const done = finishedAt.get(r.jobUuid);
          if (r.kind !== 'done' || done === undefined) throw new Error(`job ${r.jobUuid}: no finish time seen`);
          rows.push({ delayMs: delay, mode, lagMs: t1 - done, totalMs: t1 - t0 });
        }
      } finally {
        await sim.close();
      }
    }
  } finally {
    await transport.close();
    await receiver.close();
  }

  const by = (mode, delay) => rows.filter((r) => r.mode === mode && (delay === undefined || r.delayMs === delay)).map((r) => r.lagMs);
  const perDelay = JOB_DELAYS_MS.map((d) => {
    const sched = pollSchedule(POLL_BACKOFF, nextPollWait, d);
    // The worst lag for a job of about this length: the poll interval in effect when it ends.
    const worst = sched[sched.length - 1] - sched[sched.length - 2];
    return { delayMs: d, polling: summarize(by('polling', d)), webhook: summarize(by('webhook', d)), pollingCapped: summarize(by('polling-cap', d)), pollIntervalMs: worst };
  });
  return {
    backoff: POLL_BACKOFF,
    perDelay,
    polling: summarize(by('polling')),
    webhook: summarize(by('webhook')),
    whatIfCapMs: WHAT_IF_CAP_MS,
    pollingCapped: summarize(by('polling-cap')),
    runs: rows,
    method:
      'simulator + execute() in this process (same clock): lag = when execute() resolved − when the simulator logged the job finished; ' +
      `job durations ${JOB_DELAYS_MS.join(', ')} ms, ${runsPerMode} runs per mode each; polling, webhook and capped polling alternate`,
  };
}
