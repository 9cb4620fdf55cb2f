import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { askConfirm, KeyFeed } from './confirm-prompt.js';
import { KEY, startHarness, type Harness } from './harness.js';

const registry = loadRegistry();
const PROMPT = 'admin@10.0.0.1 >>> ';

/** Asks once through a KeyFeed, typing `keys` one by one once the question is drawn. */
async function answer(keys: string[], signal?: AbortSignal): Promise<{ result: boolean | undefined; drawn: string }> {
  const out = new PassThrough();
  let drawn = '';
  out.on('data', (d: Buffer) => (drawn += d.toString()));
  const feed = new KeyFeed();
  const asked = askConfirm('Destroy VM instance web-02 (Running, 10.0.0.12)?', { stdin: feed.stream, stdout: Object.assign(out, { columns: 100 }), color: false }, signal);
  while (!drawn.includes('(y/N)')) await new Promise((r) => setTimeout(r, 5));
  for (const k of keys) feed.key(k, { sequence: k });
  const result = await asked;
  feed.close();
  return { result, drawn };
}

describe('askConfirm', () => {
  it('y is yes; n and Enter (the default) are no; the question is drawn without colour when told', async () => {
    const yes = await answer(['y']);
    expect(yes.result).toBe(true);
    expect(yes.drawn).toContain('Destroy VM instance web-02 (Running, 10.0.0.12)? (y/N)');
    expect(yes.drawn).not.toMatch(/\u001b\[3\dm/);
    expect((await answer(['n'])).result).toBe(false);
    expect((await answer([KEY.enter])).result).toBe(false);
  });

  it('other keys answer nothing; Ctrl-C and Esc cancel (undefined)', async () => {
    expect((await answer(['x', KEY.up, 'y'])).result).toBe(true);
    expect((await answer([KEY.ctrlC])).result).toBeUndefined();
    expect((await answer(['\u001b'])).result).toBeUndefined();
  });

  it('an aborted signal cancels the question', async () => {
    const ctl = new AbortController();
    const out = new PassThrough();
    const asked = askConfirm('Go?', { stdin: new KeyFeed().stream, stdout: out, color: false }, ctl.signal);
    ctl.abort();
    expect(await asked).toBeUndefined();
    ctl.abort();
    expect(await askConfirm('Go?', { stdin: new KeyFeed().stream, stdout: out, color: false }, ctl.signal)).toBeUndefined();
  });
});

describe('the shell hands its keys to the question', () => {
  let h: Harness | undefined;
  afterEach(() => {
    h?.dispose();
    h = undefined;
  });

  function shell(answers: (boolean | undefined)[], ran: string[]): Harness {
    return startHarness({
      registry,
      prompt: () => PROMPT,
      runLine: async (line, signal, tty) => {
        ran.push(line);
        if (line.startsWith('Destroy')) answers.push(await tty.confirm!(`Destroy ${line.slice(8)}?`));
        if (signal.aborted) answers.push(undefined);
      },
    });
  }

  it('y and n answer it, Ctrl-C cancels it without aborting the command, and the prompt comes back clean', async () => {
    const answers: (boolean | undefined)[] = [];
    const ran: string[] = [];
    h = shell(answers, ran);
    await h.waitForCursorRow(PROMPT);
    h.send('Destroy web-02');
    h.send(KEY.enter);
    await h.waitFor(/Destroy web-02\? \(y\/N\)/);
    h.send('y');
    await h.waitForCursorRow(PROMPT);
    h.send('Destroy web-03');
    h.send(KEY.enter);
    await h.waitFor(/Destroy web-03\? \(y\/N\)/);
    h.send('n');
    await h.waitForCursorRow(PROMPT);
    h.send('Destroy web-04');
    h.send(KEY.enter);
    await h.waitFor(/Destroy web-04\? \(y\/N\)/);
    h.send(KEY.ctrlC);
    await h.waitForCursorRow(PROMPT);
    expect(answers).toEqual([true, false, undefined]);
    expect(ran).toEqual(['Destroy web-02', 'Destroy web-03', 'Destroy web-04']);
    expect(h.repl.rl.line).toBe('');
  });

  it('a line pasted behind the command does not answer its question: it runs after, and asks again', async () => {
    const answers: (boolean | undefined)[] = [];
    const ran: string[] = [];
    h = shell(answers, ran);
    await h.waitForCursorRow(PROMPT);
    h.send(`Destroy a${KEY.enter}y${KEY.enter}`);
    await h.waitFor(/Destroy a\? \(y\/N\)/);
    await new Promise((r) => setTimeout(r, 50));
    expect(answers).toEqual([]);
    h.send('n');
    // The pasted `y` line runs after the answer (it is no command here), and nothing else is asked.
    await h.waitFor(() => ran.length === 2);
    expect(answers).toEqual([false]);
    expect(ran).toEqual(['Destroy a', 'y']);
  });
});
