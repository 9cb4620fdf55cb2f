// The real shell (`zstack-cli --sim`) in a pseudo-terminal: running queries and async actions,
// usage errors that leave the shell running, pasted lines, help, last, exit and Ctrl-D.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, KEY, runLine as run, SIM_PROMPT } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

describe('running commands', () => {
  it('a query prints a table with the matching VM', async () => {
    const { s, prompt } = await fx.simShell();
    const out = await run(s, prompt, 'QueryVmInstance name=web-01');
    expect(out).toMatch(/│ uuid +│ name +│ state/);
    expect(out).toMatch(/│ [0-9a-f]{32} │ web-01 │/);
    expect(out).not.toMatch(/web-02/);
  });

  it('async StartVmInstance and StopVmInstance wait for the job and print the VM', async () => {
    const { s, prompt } = await fx.simShell();
    const table = await run(s, prompt, 'QueryVmInstance name=web-01');
    const [, uuid, state] = /│ ([0-9a-f]{32}) │ web-01 │ (\w+) /.exec(table)!;
    expect(uuid).toBeDefined();
    // Start a stopped VM first so both calls change something; the demo seed has web-01 stopped.
    const first = state === 'Running' ? 'Stop' : 'Start';
    const second = first === 'Start' ? 'Stop' : 'Start';
    const a = await run(s, prompt, `${first}VmInstance uuid=${uuid}`);
    expect(a).toContain(`"uuid": "${uuid}"`);
    expect(a).toMatch(first === 'Start' ? /"state": "Running"/ : /"state": "Stopped"/);
    const b = await run(s, prompt, `${second}VmInstance uuid=${uuid}`);
    expect(b).toContain(`"uuid": "${uuid}"`);
    expect(b).toMatch(second === 'Start' ? /"state": "Running"/ : /"state": "Stopped"/);
    const after = await run(s, prompt, 'QueryVmInstance name=web-01');
    expect(after).toMatch(new RegExp(`│ ${uuid} │ web-01 │ ${state} `));
  });

  it('sends through undici, the keep-alive client for the long-lived shell', async () => {
    const h = fx.home();
    const log = join(h.home, 'undici-imports.log');
    const watch = new URL('../integration/undici-watch.mjs', import.meta.url).href;
    const s = fx.shell(['--sim'], h.env({ NODE_OPTIONS: `--import=${watch}`, UNDICI_WATCH_FILE: log }));
    const prompt = `${await s.waitForCursorRow(SIM_PROMPT)} `;
    expect(await run(s, prompt, 'QueryVmInstance name=web-01')).toMatch(/│ [0-9a-f]{32} │ web-01 │/);
    expect(readFileSync(log, 'utf8')).toContain('undici');
  });

  it('a misspelt API prints one Error line with did-you-mean and the shell goes on', async () => {
    const { s, prompt } = await fx.simShell();
    const out = await run(s, prompt, 'StartVmInstanec uuid=1');
    const errors = out.split('\n').filter((l) => l.startsWith('Error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/did you mean StartVmInstance\b/);
    expect(await run(s, prompt, 'QueryZone')).toContain('zone-1');
  });

  it('an unterminated quote prints one Error line and the shell goes on', async () => {
    const { s, prompt } = await fx.simShell();
    const out = await run(s, prompt, 'QueryZone name="zone-1');
    const errors = out.split('\n').filter((l) => l.startsWith('Error:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/quote/);
    expect(out).not.toContain('zone-1');
    expect(await run(s, prompt, 'QueryZone name="zone-1"')).toMatch(/│ zone-1 │/);
  });

  it('pasted lines (one chunk) run in order', async () => {
    const { s, prompt } = await fx.simShell();
    const from = await s.mark();
    s.send('QueryZone\rQueryCluster\r');
    const text = await s.waitFor(/cluster-2a[\s\S]*\n.*>>>\s*$/, { from });
    const lines = text.split('\n');
    const zoneCmd = lines.findIndex((l) => l === `${prompt}QueryZone`);
    const clusterCmd = lines.findIndex((l) => l === `${prompt}QueryCluster`);
    expect(zoneCmd).toBeGreaterThanOrEqual(0);
    expect(clusterCmd).toBeGreaterThan(zoneCmd);
    const zones = lines.slice(zoneCmd, clusterCmd).join('\n');
    expect(zones).toMatch(/│ zone-1 │/);
    expect(zones).toMatch(/│ zone-2 │/);
    expect(lines.slice(clusterCmd).join('\n')).toMatch(/│ cluster-1a │[\s\S]*│ cluster-2a │/);
    await s.waitForCursorRow(prompt);
  });
});

describe('built-ins', () => {
  it('help is paged: built-ins first, --More-- keeps the top on screen, space reaches the APIs by verb', async () => {
    const { s, prompt } = await fx.simShell();
    const from = await s.mark();
    s.send('help');
    s.send(KEY.enter);
    const first = await s.waitFor((t) => t.includes('--More--'), { from });
    expect(first).toMatch(/^Built-ins:$/m);
    expect(first).toMatch(/^ +job wait <job> +wait for an async job/m);
    expect(first).not.toMatch(/\bQuery \(\d+\)/);
    let text = first;
    for (let i = 0; i < 20 && !text.split('\n').slice(1).includes(prompt.trimEnd()); i++) {
      s.send(' ');
      text = await s.waitFor((t) => t !== text, { from });
    }
    await s.waitForCursorRow(prompt);
    const all = await s.waitFor(() => true, { from });
    expect(all).toMatch(/\bQuery \(\d+\)/);
    expect(all).toMatch(/\bStart \(\d+\)/);
  });

  it('help StartVmInstance shows the params, the Chinese title and an example', async () => {
    const { s, prompt } = await fx.simShell();
    const out = await run(s, prompt, 'help StartVmInstance');
    expect(out).toMatch(/^StartVmInstance - 启动云主机$/m);
    expect(out).toMatch(/^Parameters:$/m);
    expect(out).toMatch(/^ +uuid +string, required/m);
    expect(out).toMatch(/^ +hostUuid +string, optional/m);
    expect(out).toMatch(/^Example:\n +StartVmInstance uuid=[0-9a-f]{32}$/m);
  });

  it('every result gets a number: last [N] shows it again, results lists them, $N.field and $_ use it, save writes it', async () => {
    const { s, prompt } = await fx.simShell();
    expect(await run(s, prompt, 'last')).toMatch(/no result yet/);
    const zones = await run(s, prompt, 'QueryZone fields=name,uuid');
    expect(zones).toMatch(/│ zone-1 │/);
    expect(zones).toMatch(/^\(result 1, 2 rows; \$1\.<field> uses it\)$/m);
    const table = zones.slice(0, zones.lastIndexOf('\n(result'));
    await run(s, prompt, 'help StartVmInstance');
    expect(await run(s, prompt, 'last')).toBe(table);
    const vm = await run(s, prompt, 'QueryVmInstance name=web-01 fields=uuid,name');
    expect(vm).toMatch(/^\(result 2, 1 row; /m);
    const byLast = await run(s, prompt, 'QueryVmInstance uuid=$_.uuid fields=name');
    expect(byLast).toMatch(/│ web-01 │/);
    expect(byLast).toMatch(/^\(result 3, 1 row; /m);
    expect(await run(s, prompt, 'last 1')).toBe(table);
    const list = await run(s, prompt, 'results');
    expect(list).toMatch(/^#\s+API\s+time\s+rows$/m);
    expect(list).toMatch(/^1\s+QueryZone\s+\d\d:\d\d:\d\d\s+\d+s ago\s+2$/m);
    expect(list).toMatch(/^2\s+QueryVmInstance\s+.*\s1$/m);
    expect(list).toMatch(/^3\s+QueryVmInstance\s+.*\s1$/m);
    // One zone uuid into a single param, both into a list param.
    const one = await run(s, prompt, 'QueryZone uuid=$1.uuid');
    expect(one).toMatch(/^Error: uuid takes one value, and \$1\.uuid has 2 \(pick one row: \$1\.0\.uuid, or filter the query\)$/m);
    const both = await run(s, prompt, 'QueryZone uuid?=$1.uuid fields=name');
    expect(both).toMatch(/│ zone-1 │/);
    expect(both).toMatch(/│ zone-2 │/);
    const first = await run(s, prompt, 'QueryZone uuid=$1.0.uuid fields=name');
    expect(first).toMatch(/│ zone-1 │/);
    expect(first).not.toMatch(/zone-2/);
    expect(await run(s, prompt, 'QueryZone uuid=$9.uuid')).toMatch(/^Error: no result 9 \(results lists them/m);
    const file = join(fx.home().home, 'zones.json');
    expect(await run(s, prompt, `save 1 ${file}`)).toMatch(/^Saved result 1 \(QueryZone, 2 rows\) to .* as json\.$/m);
    expect(readFileSync(file, 'utf8')).toContain('zone-1');
  });

  it('exit ends the shell with exit code 0', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('exit');
    await s.waitForCursorRow(`${prompt}exit`);
    s.send(KEY.enter);
    expect((await s.waitExit()).exitCode).toBe(0);
  });

  it('Ctrl-D on an empty line ends the shell with exit code 0', async () => {
    const { s } = await fx.simShell();
    s.send(KEY.ctrlD);
    expect((await s.waitExit()).exitCode).toBe(0);
  });

  it('Ctrl-D with text on the line does not end the shell', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('QueryZone');
    await s.waitForCursorRow(`${prompt}QueryZone`);
    s.send(KEY.ctrlD);
    await s.quiet();
    expect(await s.cursorRow()).toBe(`${prompt}QueryZone`);
    s.send(KEY.enter);
    await s.waitFor(/│ zone-1 │/);
  });
});
