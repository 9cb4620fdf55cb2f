// The real shell (`zstack-cli --sim`) in a pseudo-terminal: start-up, API name completion, the
// double-Tab titled listings of query conditions and params, and live uuid completion.
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, KEY, re } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());


describe('start-up', () => {
  it('shows the banner and the admin@127.0.0.1:<port> prompt', async () => {
    const { s, prompt } = await fx.simShell();
    const text = (await s.lines()).join('\n');
    const port = /^admin@127\.0\.0\.1:(\d+) >>> $/.exec(prompt)![1];
    expect(text).toContain(`Embedded ZStack simulator on http://127.0.0.1:${port} (demo seed), logged in as admin.`);
    expect(await s.cursorX()).toBe(prompt.length);
  });
});

describe('API name completion', () => {
  it('QueryVmIns + Tab completes to "QueryVmInstance " with the cursor after the space', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('QueryVmIns');
    await s.waitForCursorRow(`${prompt}QueryVmIns`);
    s.send(KEY.tab);
    await s.waitForCursorRow(`${prompt}QueryVmInstance`);
    await s.until(async () => (await s.cursorX()) === prompt.length + 'QueryVmInstance '.length, 'had the cursor after "QueryVmInstance "');
    s.send('name=web-01');
    await s.waitForCursorRow(`${prompt}QueryVmInstance name=web-01`);
    expect(await s.cursorX()).toBe(`${prompt}QueryVmInstance name=web-01`.length);
  });

  it('a fuzzy name: qvmins + Tab becomes QueryVmInstance', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('qvmins');
    await s.waitForCursorRow(`${prompt}qvmins`);
    s.send(KEY.tab);
    await s.waitForCursorRow(new RegExp(`^${re(prompt)}QueryVmInstance$`));
    expect(await s.cursorX()).toBe(`${prompt}QueryVmInstance `.length);
  });
});

describe('double-Tab listings', () => {
  it('QueryVmInstance + Tab Tab lists [Query Conditions:] with join paths and [Parameters:]', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('QueryVmInstance ');
    await s.waitForCursorRow(`${prompt}QueryVmInstance`);
    const from = await s.mark();
    await s.doubleTab();
    const text = await s.waitFor(/\[Parameters:\][\s\S]*\n.*>>> QueryVmInstance/, { from });
    const lines = text.split('\n');
    const title = lines.indexOf('[Query Conditions:]');
    expect(title).toBeGreaterThanOrEqual(0);
    const conditions = lines.slice(title, lines.indexOf('[Parameters:]')).join('\n');
    expect(conditions).toMatch(/(^|\s)vmNics\.(\s|$)/m);
    expect(conditions).toMatch(/(^|\s)zone\.(\s|$)/m);
    expect(conditions).toMatch(/(^|\s)name=(\s|$)/m);
    expect(lines.slice(lines.indexOf('[Parameters:]')).join('\n')).toMatch(/(^|\s)limit=(\s|$)/m);
    // The line being edited is redrawn under the listing, cursor after the space.
    expect(await s.cursorRow()).toBe(`${prompt}QueryVmInstance`);
    expect(await s.cursorX()).toBe(prompt.length + 'QueryVmInstance '.length);
  });

  it('a deep join path lists the fields of the last inventory (L3Network)', async () => {
    const { s, prompt } = await fx.simShell();
    const line = 'QueryVmInstance zone.cluster.l2Network.l3Network.';
    s.send(line);
    await s.waitForCursorRow(`${prompt}${line}`);
    const from = await s.mark();
    await s.doubleTab();
    const text = await s.waitFor(/zone\.cluster\.l2Network\.l3Network\.name=/, { from });
    expect(text).toContain('[Query Conditions:]');
    // Fields of L3Network, not of VmInstance.
    expect(text).toMatch(/zone\.cluster\.l2Network\.l3Network\.(l2NetworkUuid|dnsDomain)=/);
    expect(text).not.toMatch(/zone\.cluster\.l2Network\.l3Network\.(cpuNum|memorySize)=/);
    await s.waitForCursorRow(`${prompt}${line}`);
  });
});

describe('param completion', () => {
  it('StartVmInstance + Tab Tab lists uuid= marked required', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('StartVmInstance ');
    await s.waitForCursorRow(`${prompt}StartVmInstance`);
    const from = await s.mark();
    await s.doubleTab();
    const text = await s.waitFor(/\(\* required\)/, { from });
    const lines = text.split('\n');
    const title = lines.indexOf('[Parameters:]');
    expect(title).toBeGreaterThanOrEqual(0);
    expect(lines[title + 1]).toMatch(/^uuid=\*(\s|$)/);
    expect(text).toMatch(/(^|\s)hostUuid=(\s|$)/m);
    expect(text).not.toMatch(/hostUuid=\*/);
  });

  it('uuid= + Tab Tab lists live VM uuids with names; a unique prefix + Tab completes one', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('StartVmInstance uuid=');
    await s.waitForCursorRow(`${prompt}StartVmInstance uuid=`);
    const from = await s.mark();
    await s.doubleTab();
    const text = await s.waitFor(/\b[0-9a-f]{32}\s+web-01\b/, { from });
    const pairs = [...text.matchAll(/\b([0-9a-f]{32})\s+([a-z]+-\d\d)\b/g)].map((m) => ({ uuid: m[1]!, name: m[2]! }));
    expect(pairs.map((p) => p.name)).toEqual(expect.arrayContaining(['web-01', 'db-01', 'app-01']));
    await s.waitForCursorRow(`${prompt}StartVmInstance uuid=`);

    const web01 = pairs.find((p) => p.name === 'web-01')!.uuid;
    const others = pairs.filter((p) => p.uuid !== web01).map((p) => p.uuid);
    let n = 1;
    while (others.some((u) => u.startsWith(web01.slice(0, n)))) n++;
    const prefix = web01.slice(0, n);
    s.send(prefix);
    await s.waitForCursorRow(`${prompt}StartVmInstance uuid=${prefix}`);
    s.send(KEY.tab);
    await s.waitForCursorRow(`${prompt}StartVmInstance uuid=${web01}`);
  });
});
