// --sim: starts an embedded simulator in-process on a free port, logs in as admin with a throwaway
// session file, and closes it at the end. (`zstack-cli sim`, serving until Ctrl-C, is commands/sim.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommandDetailed } from './runner.js';
import { loginCommand } from './login.js';
import { SIM_ACCOUNT } from '../commands/sim.js';
export async function startEmbeddedSim() {
    const { startSimulator } = await import('../sim/index.js');
    const sim = await startSimulator({ port: 0, seed: 'demo' });
    const sessionDir = mkdtempSync(join(tmpdir(), 'zstack-cli-sim-'));
    return {
        port: sim.port,
        sessionDir,
        async login(app) {
            const deps = { ...app.runnerDeps(async () => undefined), err: (t) => app.io.stderr.write(`${t}\n`) };
            const r = await runCommandDetailed(loginCommand(SIM_ACCOUNT.name, SIM_ACCOUNT.password), deps, {});
            if (r.code !== 0)
                throw new Error('could not log in to the embedded simulator');
            app.simBanner = `Embedded ZStack simulator on ${sim.url} (demo seed), logged in as ${SIM_ACCOUNT.name}. Tab completes, help lists APIs, exit leaves.`;
        },
        async close() {
            await sim.close();
            rmSync(sessionDir, { recursive: true, force: true });
        },
    };
}
