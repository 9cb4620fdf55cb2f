// The shipped bash and zsh completion scripts, in real interactive bash and zsh in a pty: they must
// complete exactly like the shell's Tab (API names, params, join paths, enums, comma lists, live
// uuids), with bash's `=`/`:` word splitting handled.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { BIN, childEnv, installed, KEY, ROOT, runOneShot, spawnShell, tempHome, type ScreenShell } from './pty.js';

let sim: Simulator;
let home: ReturnType<typeof tempHome>;
let env: Record<string, string>;
let shell: ScreenShell | undefined;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
  home = tempHome();
  // `zstack-cli` on PATH, as an installed CLI would be.
  const bin = join(home.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'zstack-cli'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'zstack-cli'), 0o755);
  env = childEnv(home.home, { PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, ZSTACK_PORT: String(sim.port), ZSTACK_HOST: '127.0.0.1' });
  const login = await runOneShot(['LogInByAccount', 'accountName=admin', 'password=password'], env);
  expect(login.code).toBe(0);
  // Names with word-break characters of bash (`:`, `=`) in them.
  const vms = sim.store.all('VmInstanceInventory');
  for (const [i, name] of ['ns:app-01', 'k=v-01'].entries()) {
    const r = await runOneShot(['UpdateVmInstance', `uuid=${String(vms[i]!.uuid)}`, `name=${name}`], env);
    expect(r.code, r.stderr).toBe(0);
    const q = await runOneShot(['QueryVmInstance', `name=${name}`, '-o', 'value', '-c', 'name'], env);
    expect(q.stdout.trim()).toBe(name);
  }
});

afterAll(async () => {
  await sim?.close();
  home?.remove();
});

afterEach(async () => {
  const s = shell;
  shell = undefined;
  if (!s) return;
  // bash and zsh have nothing to clean up: end them at once (a polite `exit` can take seconds under load).
  await s.dispose({ graceful: false });
});

/** Rows are read right-trimmed, so the prompt has no trailing space. */
const PROMPT = 'PS>';

async function open(kind: 'bash' | 'zsh'): Promise<ScreenShell> {
  const s =
    kind === 'bash'
      ? spawnShell({ command: 'bash', args: ['--norc', '--noprofile', '-i'], env: { ...env, PS1: PROMPT } })
      : spawnShell({ command: 'zsh', args: ['-f', '-i'], env: { ...env, PS1: PROMPT } });
  shell = s;
  await s.waitForCursorRow(new RegExp(`^${PROMPT}$`));
  const setup =
    kind === 'bash'
      ? `source ${ROOT}/completions/zstack-cli.bash`
      : `autoload -Uz compinit && compinit -u -D && source ${ROOT}/completions/_zstack-cli`;
  s.send(`${setup}\r`);
  await s.waitForCursorRow(new RegExp(`^${PROMPT}$`));
  return s;
}

const esc = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Types `text`, presses Tab, then types a marker `#` so a trailing space is visible, and waits until
 * the line reads `want` + `#` (`want` ends with a space when the word was completed whole).
 */
async function tab(s: ScreenShell, text: string, want: string): Promise<void> {
  s.send(text);
  await s.waitForCursorRow(new RegExp(`^${PROMPT}${esc(text)}$`));
  s.send(KEY.tab);
  await s.quiet(100);
  s.send('#');
  await s.waitForCursorRow(new RegExp(`^${PROMPT}${esc(want)}#$`));
  expect(await s.cursorRow(), `Tab after ${text}`).toBe(`${PROMPT}${want}#`);
}

/** Empties the line with Ctrl-U (line editing in both shells; no signal, so no race with a redraw). */
async function clear(s: ScreenShell): Promise<void> {
  s.send('\x15');
  await s.waitForCursorRow(new RegExp(`^${PROMPT}$`));
}

const running = (): string => String(sim.store.all('VmInstanceInventory').find((r) => r.state === 'Running')!.uuid);

for (const kind of ['bash', 'zsh'] as const) {
  const missing = !installed(kind) && !process.env.ZSTACK_CLI_REQUIRE_SHELLS;
  const title = missing ? `${kind} completion script (skipped: ${kind} is not installed; .ci/run installs it)` : `${kind} completion script`;
  describe.skipIf(missing)(title, () => {
    it('completes API names, fuzzily, with a space after', async () => {
      const s = await open(kind);
      await tab(s, 'zstack-cli StartVmIns', 'zstack-cli StartVmInstance ');
      await clear(s);
      await tab(s, 'zstack-cli qvmins', 'zstack-cli QueryVmInstance ');
    });

    it('completes params (no space after =), join paths to any depth, enums and comma lists', async () => {
      const s = await open(kind);
      await tab(s, 'zstack-cli StartVmInstance hostUu', 'zstack-cli StartVmInstance hostUuid=');
      await clear(s);
      await tab(s, 'zstack-cli QueryVmInstance zone.cluster.l2Network.l3Net', 'zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network.');
      await clear(s);
      await tab(s, 'zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network.nam', 'zstack-cli QueryVmInstance zone.cluster.l2Network.l3Network.name=');
      await clear(s);
      await tab(s, 'zstack-cli CreateVmInstance strategy=Insta', 'zstack-cli CreateVmInstance strategy=InstantStart ');
      await clear(s);
      // A completed list item is a whole word (a space follows, as in the shell's own Tab).
      await tab(s, 'zstack-cli QueryVmInstance fields=uuid,na', 'zstack-cli QueryVmInstance fields=uuid,name ');
    });

    it('completes an empty value after = without doubling the =, values after : and values holding =', async () => {
      const s = await open(kind);
      s.send('zstack-cli CreateVmInstance strategy=');
      await s.waitForCursorRow(new RegExp(`^${PROMPT}zstack-cli CreateVmInstance strategy=$`));
      s.send(KEY.tab);
      // bash lists on the second Tab; zsh on the first (a second would start its menu).
      if (kind === 'bash') {
        await s.quiet(150);
        s.send(KEY.tab);
      }
      await s.waitFor(/InstantStart/);
      s.send('#');
      await s.waitForCursorRow(new RegExp(`^${PROMPT}zstack-cli CreateVmInstance strategy=#$`));
      await clear(s);
      await tab(s, 'zstack-cli QueryVmInstance name=ns:ap', 'zstack-cli QueryVmInstance name=ns:app-01 ');
      await clear(s);
      await tab(s, 'zstack-cli QueryVmInstance name=k=v', 'zstack-cli QueryVmInstance name=k=v-01 ');
    });

    it('completes built-ins, their arguments, options and option values', async () => {
      const s = await open(kind);
      await tab(s, 'zstack-cli job w', 'zstack-cli job wait ');
      await clear(s);
      await tab(s, 'zstack-cli help StartVmIns', 'zstack-cli help StartVmInstance ');
      await clear(s);
      await tab(s, 'zstack-cli --ho', 'zstack-cli --host ');
      await clear(s);
      await tab(s, 'zstack-cli QueryVmInstance -o ya', 'zstack-cli QueryVmInstance -o yaml ');
      await clear(s);
      await tab(s, 'zstack-cli QueryVmInstance -c uuid,vmNics.ipV', 'zstack-cli QueryVmInstance -c uuid,vmNics.ipVersion ');
    });

    it('completes live uuids from the server after uuid=', async () => {
      const s = await open(kind);
      const vm = running();
      await tab(s, `zstack-cli StopVmInstance uuid=${vm.slice(0, 6)}`, `zstack-cli StopVmInstance uuid=${vm} `);
    });

    it('lists the candidates without breaking the line', async () => {
      const s = await open(kind);
      s.send('zstack-cli StartVmInstance ');
      await s.waitForCursorRow(/^PS>zstack-cli StartVmInstance$/);
      const from = await s.mark();
      s.send(KEY.tab);
      // bash lists on the second Tab; zsh lists on the first (a second would start its menu).
      if (kind === 'bash') {
        await s.quiet(150);
        s.send(KEY.tab);
      }
      if (kind === 'bash') {
        // bash prints the listing, then the prompt again below it.
        const text = await s.waitFor(/clusterUuid=/, { from });
        expect(text).toMatch(/hostUuid=/);
      } else {
        // zsh draws the listing below the line and keeps the cursor on it, with descriptions.
        const deadline = Date.now() + 10_000;
        let rows = (await s.screen()).join('\n');
        while (!/clusterUuid=\s+-- string, Cluster/.test(rows) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
          rows = (await s.screen()).join('\n');
        }
        expect(rows).toMatch(/uuid=\s+-- string, required, VmInstance/);
      }
      await s.waitForCursorRow(/^PS>zstack-cli StartVmInstance$/);
    });
  });
}
