// The simulator front ends: `zstack-cli sim` serves until Ctrl-C; --sim starts one in-process on a
// free port, logs in as admin with a throwaway session file, and closes it at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CODES } from '../execute/errors.js';
import type { App } from './app.js';
import type { CliIO } from './io.js';
import { runCommandDetailed } from './runner.js';
import { loginCommand } from './login.js';

export const SIM_ACCOUNT = { name: 'admin', password: 'password' } as const;

export interface EmbeddedSim {
  port: number;
  sessionDir: string;
  login(app: App): Promise<void>;
  close(): Promise<void>;
}

export async function startEmbeddedSim(): Promise<EmbeddedSim> {
  const { startSimulator } = await import('../sim/index.js');
  const sim = await startSimulator({ port: 0, seed: 'demo' });
  const sessionDir = mkdtempSync(join(tmpdir(), 'zstack-cli-sim-'));
  return {
    port: sim.port,
    sessionDir,
    async login(app) {
      const deps = { ...app.runnerDeps(async () => undefined), err: (t: string) => app.io.stderr.write(`${t}\n`) };
      const r = await runCommandDetailed(loginCommand(SIM_ACCOUNT.name, SIM_ACCOUNT.password), deps, {});
      if (r.code !== 0) throw new Error('could not log in to the embedded simulator');
      app.simBanner = `Embedded ZStack simulator on ${sim.url} (demo seed), logged in as ${SIM_ACCOUNT.name}. Tab completes, help lists APIs, exit leaves.`;
    },
    async close() {
      await sim.close();
      rmSync(sessionDir, { recursive: true, force: true });
    },
  };
}

/** `zstack-cli sim`: serve until the signal aborts (Ctrl-C). */
export async function runSimCommand(o: { port: string; bind: string; seed: string; jobDelay: string }, io: CliIO, signal: AbortSignal): Promise<number> {
  const port = Number(o.port);
  const jobDelayMs = Number(o.jobDelay);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr.write(`Error: --port must be a number from 0 to 65535, got '${o.port}'\n`);
    return EXIT_CODES.usage;
  }
  if (!Number.isFinite(jobDelayMs) || jobDelayMs < 0) {
    io.stderr.write(`Error: --job-delay must be a number of milliseconds, got '${o.jobDelay}'\n`);
    return EXIT_CODES.usage;
  }
  const { startSimulator } = await import('../sim/index.js');
  let sim;
  try {
    sim = await startSimulator({ port, host: o.bind, seed: o.seed, jobDelayMs });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EADDRINUSE' ? `port ${port} is in use (try --port 0 or another port)` : err.message;
    io.stderr.write(`Error: cannot start the simulator: ${why}\n`);
    return err.code === 'EADDRINUSE' ? EXIT_CODES.connection : EXIT_CODES.usage;
  }
  io.stdout.write(`ZStack simulator (seed ${o.seed}) listening on ${sim.url}\nLog in with: zstack-cli --port ${sim.port} LogInByAccount accountName=${SIM_ACCOUNT.name} password=${SIM_ACCOUNT.password}\nCtrl-C stops it.\n`);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await sim.close();
  return 0;
}
