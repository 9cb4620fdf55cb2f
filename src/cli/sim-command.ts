// --sim: starts an embedded simulator in-process on a free port, logs in as admin with a throwaway
// session file, and closes it at the end. (`zstack-cli sim`, serving until Ctrl-C, is commands/sim.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from './app.js';
import type { CliIO } from './io.js';
import { runCommandDetailed } from './runner.js';
import { loginCommand } from './login.js';
import { SIM_ACCOUNT } from '../commands/sim.js';


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
