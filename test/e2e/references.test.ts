// `@name` references in the real shell (`zstack-cli --sim`) in a pseudo-terminal: uuid=@ + Tab
// completes names, a line with @names runs on the named resources (and shows their uuids with
// --dry-run), a name that matches nothing is one error and the shell goes on.
import { afterEach, describe, expect, it } from 'vitest';
import { Fixture, KEY, runLine as run } from './pty.js';

const fx = new Fixture();
afterEach(() => fx.cleanup());

describe('@name references in the shell', () => {
  it('uuid=@db + Tab Tab lists VM names as @names; a unique prefix + Tab completes one', async () => {
    const { s, prompt } = await fx.simShell();
    s.send('StopVmInstance uuid=@db');
    await s.waitForCursorRow(`${prompt}StopVmInstance uuid=@db`);
    // All six db VMs share `@db-0`: the first Tab completes that much.
    s.send(KEY.tab);
    await s.waitForCursorRow(`${prompt}StopVmInstance uuid=@db-0`);
    const from = await s.mark();
    await s.doubleTab();
    const text = await s.waitFor(/@db-06/, { from });
    // Newest first, as live values are.
    const listed = text.split('\n').find((l) => l.includes('@db-06'))!.trim().split(/\s+/);
    expect([...listed].sort()).toEqual(['@db-01', '@db-02', '@db-03', '@db-04', '@db-05', '@db-06']);
    expect(text).not.toMatch(/@web-01/);
    await s.waitForCursorRow(`${prompt}StopVmInstance uuid=@db-0`);
    s.send('4');
    s.send(KEY.tab);
    // A whole value: completed with a space after it.
    await s.until(async () => (await s.cursorRow()) === `${prompt}StopVmInstance uuid=@db-04` && (await s.cursorX()) === prompt.length + 'StopVmInstance uuid=@db-04 '.length, 'completed @db-04');
  });

  it('runs a line with @names on the named resources; --dry-run shows the uuids', async () => {
    const { s, prompt } = await fx.simShell();
    const table = await run(s, prompt, 'QueryVmInstance name=web-03 fields=uuid,name -o value -c uuid');
    // The first line; the shell may add a note about the result under it.
    const uuid = table.trim().split('\n')[0]!;
    expect(uuid).toMatch(/^[0-9a-f]{32}$/);
    const dry = await run(s, prompt, 'RebootVmInstance uuid=@web-03 --dry-run');
    expect(dry).toContain(`/zstack/v1/vm-instances/${uuid}/actions`);
    const got = await run(s, prompt, 'QueryVmInstance uuid=@web-03 -o value -c name');
    expect(got.trim().split('\n')[0]).toBe('web-03');
  });

  it('a name that matches nothing is one error with the closest names, and the shell goes on', async () => {
    const { s, prompt } = await fx.simShell();
    const out = await run(s, prompt, 'StopVmInstance uuid=@web-3');
    expect(out).toMatch(/^Error: no VmInstance is named 'web-3' \(did you mean @web-\d\d/);
    expect(out.split('\n')).toHaveLength(1);
    const after = await run(s, prompt, 'QueryZone uuid=@zone-2 -o value -c name');
    expect(after.trim().split('\n')[0]).toBe('zone-2');
  });
});
