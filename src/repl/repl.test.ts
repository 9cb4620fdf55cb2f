import { afterEach, describe, expect, it } from 'vitest';
import { FakeValueSource, ManualTimers } from '../complete/testing.js';
import { loadRegistry } from '../schema/registry.js';
import { KEY, startHarness, type Harness } from './harness.js';
import type { HistoryFs } from './history.js';
import { ConfigFileError } from '../config/errors.js';
import type { ReplDeps } from './repl.js';

const registry = loadRegistry();
const PROMPT = 'admin@10.0.0.1 >>> ';

class MemFs implements HistoryFs {
  files = new Map<string, string>();
  /** Set to make every save fail as the config files would (e.g. the file is a link). */
  failure: Error | undefined;
  read(p: string): string | undefined {
    return this.files.get(p);
  }
  update(p: string, edit: (text: string | undefined) => string | undefined): void {
    if (this.failure) throw this.failure;
    const next = edit(this.files.get(p));
    if (next !== undefined) this.files.set(p, next);
  }
}

interface Ran {
  line: string;
  signal: AbortSignal;
}

let h: Harness | undefined;
afterEach(() => {
  h?.dispose();
  h = undefined;
});

function shell(over: Partial<Omit<ReplDeps, 'input' | 'output' | 'terminal'>> = {}) {
  const ran: Ran[] = [];
  const fs = new MemFs();
  const exits: number[] = [];
  h = startHarness({
    registry,
    prompt: () => PROMPT,
    runLine: async (line, signal) => {
      ran.push({ line, signal });
    },
    historyFile: '/home/admin/.zstack-cli/history',
    fs,
    onExit: () => exits.push(1),
    ...over,
  });
  return { h, ran, fs, exits };
}

/** Types a line and waits until runLine saw it. */
async function run(hh: Harness, ran: Ran[], line: string): Promise<void> {
  const before = ran.length;
  hh.send(line);
  hh.send(KEY.enter);
  const start = Date.now();
  while (ran.length === before) {
    if (Date.now() - start > 3000) throw new Error(`runLine never saw ${line}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await hh.waitForCursorRow(PROMPT);
}

describe('completion in the shell', () => {
  it('Tab completes QueryVmIns to "QueryVmInstance " with the cursor after the space', async () => {
    const { h } = shell();
    await h.waitFor(/admin@10\.0\.0\.1 >>>/);
    h.send('QueryVmIns');
    h.send(KEY.tab);
    await h.waitFor((r) => r.some((l) => l.startsWith(`${PROMPT}QueryVmInstance`)));
    expect(await h.cursorX()).toBe(PROMPT.length + 'QueryVmInstance '.length);
    h.send('limit=1');
    await h.waitFor((r) => r.includes(`${PROMPT}QueryVmInstance limit=1`));
  });

  it('a fuzzy name with one match is replaced: qvminstance -> QueryVmInstance', async () => {
    const { h } = shell();
    h.send('queryvminstancepci');
    h.send(KEY.tab);
    await h.waitFor((r) => r.some((l) => l.startsWith(`${PROMPT}QueryVmInstancePciDeviceSpecRef`)));
    expect(await h.cursorRow()).toBe(`${PROMPT}QueryVmInstancePciDeviceSpecRef`);
    expect(await h.cursorX()).toBe(`${PROMPT}QueryVmInstancePciDeviceSpecRef `.length);
  });

  it('double Tab prints the titled listing and redraws the line', async () => {
    const { h } = shell();
    h.send('QueryVmInstance ');
    h.send(KEY.tab);
    h.send(KEY.tab);
    const rows = await h.waitFor(/\[Parameters:\]/);
    const title = rows.indexOf('[Query Conditions:]');
    expect(title).toBeGreaterThanOrEqual(0);
    expect(rows.slice(title).join('\n')).toMatch(/vmNics\.[\s\S]*cpuNum=[\s\S]*\[Parameters:\][\s\S]*limit=/);
    expect(await h.cursorRow()).toBe(`${PROMPT}QueryVmInstance`);
  });

  it('completes live values from the value source', async () => {
    const values = new FakeValueSource({ QueryVmInstance: [{ uuid: 'f00d1234', name: 'web-1' }] });
    const { h } = shell({ values });
    h.send('StartVmInstance uuid=f');
    h.send(KEY.tab);
    await h.waitFor((r) => r.some((l) => l.startsWith(`${PROMPT}StartVmInstance uuid=f00d1234`)));
    expect(values.requests[0]).toMatchObject({ queryApi: 'QueryVmInstance', prefix: 'f' });
  });

  it('a completer that never answers does not freeze the shell', async () => {
    const timers = new ManualTimers();
    const { h } = shell({ timers, complete: () => new Promise(() => {}) });
    h.send('Query');
    h.send(KEY.tab);
    h.send('Zone');
    await new Promise((r) => setTimeout(r, 20));
    timers.advance(300);
    await h.waitFor((r) => r.includes(`${PROMPT}QueryZone`));
    // The keys typed while the completer hung went on the line, after the word Tab was pressed on.
    expect(await h.cursorRow()).toBe(`${PROMPT}QueryZone`);
  });

  it('a completer that throws does not end the shell', async () => {
    const { h, ran } = shell({
      complete: () => {
        throw new Error('engine bug');
      },
    });
    h.send('Query');
    h.send(KEY.tab);
    h.send('Zone');
    await run(h, ran, '');
    expect(ran.map((r) => r.line)).toEqual(['QueryZone']);
  });
});

describe('history', () => {
  it('Up recalls the previous line', async () => {
    const { h, ran } = shell();
    await run(h, ran, 'QueryZone');
    await run(h, ran, 'QueryHost limit=2');
    h.send(KEY.up);
    await h.waitForCursorRow(`${PROMPT}QueryHost limit=2`);
    h.send(KEY.up);
    await h.waitForCursorRow(`${PROMPT}QueryZone`);
    h.send(KEY.down);
    await h.waitForCursorRow(`${PROMPT}QueryHost limit=2`);
    expect(await h.cursorX()).toBe(`${PROMPT}QueryHost limit=2`.length);
    await run(h, ran, '');
    expect(ran.map((r) => r.line)).toEqual(['QueryZone', 'QueryHost limit=2', 'QueryHost limit=2']);
  });

  it('Ctrl-R finds an older line and Enter runs it', async () => {
    const { h, ran } = shell();
    await run(h, ran, 'QueryVmInstance name=web-1');
    await run(h, ran, 'QueryZone');
    await run(h, ran, 'QueryHost');
    h.send(KEY.ctrlR);
    h.send('VmI');
    await h.waitFor((r) => r.includes("(reverse-i-search)`VmI': QueryVmInstance name=web-1"));
    h.send(KEY.enter);
    await h.waitFor(() => ran.length === 4);
    expect(ran[3]!.line).toBe('QueryVmInstance name=web-1');
  });

  it('redacts passwords in the history file and in Up recall, but runs the real line', async () => {
    const { h, ran, fs } = shell();
    await run(h, ran, 'LogInByAccount accountName=admin password=s3cret!');
    expect(ran[0]!.line).toBe('LogInByAccount accountName=admin password=s3cret!');
    expect(fs.files.get('/home/admin/.zstack-cli/history')).toBe('LogInByAccount accountName=admin password=***\n');
    h.send(KEY.up);
    await h.waitForCursorRow(`${PROMPT}LogInByAccount accountName=admin password=***`);
    expect(h.repl.rl.line).toBe('LogInByAccount accountName=admin password=***');
  });

  it('loads history from the file, redacting it, and keeps no repeats in a row', async () => {
    const fs = new MemFs();
    fs.files.set('/h', 'QueryZone\nAddKVMHost username=root password=pw\n');
    const { h, ran } = shell({ fs, historyFile: '/h' });
    h.send(KEY.up);
    await h.waitForCursorRow(`${PROMPT}AddKVMHost username=root password=***`);
    h.send(KEY.ctrlC);
    await run(h, ran, 'QueryZone');
    await run(h, ran, 'QueryZone');
    expect(fs.files.get('/h')).toBe('QueryZone\nAddKVMHost username=root password=***\nQueryZone\n');
  });

  it('a line typed with a leading space is not remembered', async () => {
    const { h, ran, fs } = shell();
    await run(h, ran, 'QueryZone');
    await run(h, ran, ' QueryHost');
    expect(fs.files.get('/home/admin/.zstack-cli/history')).toBe('QueryZone\n');
  });

  it('merges with lines another shell added meanwhile instead of overwriting them', async () => {
    const { h, ran, fs } = shell({ historyFile: '/h' });
    await run(h, ran, 'QueryZone');
    fs.files.set('/h', `${fs.files.get('/h')}QueryHost # from another shell\n`);
    await run(h, ran, 'QueryCluster');
    expect(fs.files.get('/h')).toBe('QueryZone\nQueryHost # from another shell\nQueryCluster\n');
  });

  it('a history that cannot be saved is one warning; the shell goes on', async () => {
    const { h, ran, fs } = shell();
    fs.failure = new ConfigFileError('/home/admin/.zstack-cli/history', 'is a symbolic link, and zstack-cli never writes through links', 'replace it with a regular file');
    await run(h, ran, 'QueryZone');
    await run(h, ran, 'QueryHost');
    const warning = 'warning: history is not saved (/home/admin/.zstack-cli/history: is a symbolic link';
    await h.waitForCursorRow(PROMPT);
    expect((await h.screen()).filter((r) => r.startsWith(warning))).toHaveLength(1);
    // What to do comes with it (the screen is 100 columns wide: the line wraps).
    expect((await h.screen()).join('')).toContain('links; replace it with a regular file)');
    expect(ran.map((r) => r.line)).toEqual(['QueryZone', 'QueryHost']);
  });
});

describe('keys', () => {
  it('Ctrl-C clears the line like bash and shows a fresh prompt', async () => {
    const { h, ran } = shell();
    h.send('QueryZo');
    h.send(KEY.ctrlC);
    await h.waitFor((r) => r.includes(`${PROMPT}QueryZo^C`));
    await h.waitForCursorRow(PROMPT);
    expect(h.repl.rl.line).toBe('');
    await run(h, ran, 'QueryHost');
    expect(ran.map((r) => r.line)).toEqual(['QueryHost']);
  });

  it('a command can ask for a hidden password: never echoed, never replayed at the prompt', async () => {
    const got: (string | undefined)[] = [];
    const { h, ran } = shell({
      runLine: async (line, _signal, tty) => {
        ran.push({ line, signal: _signal });
        got.push(await tty.readSecret!('Password: '));
      },
    });
    h.send('LogInByAccount accountName=admin');
    h.send(KEY.enter);
    await h.waitFor((r) => r.some((l) => l.startsWith('Password:')));
    h.send('s3cr');
    h.send(KEY.backspace);
    h.send('et');
    h.send(KEY.enter);
    await h.waitForCursorRow(PROMPT);
    expect(got).toEqual(['s3cet']);
    const screen = (await h.screen()).join("\n");
    expect(screen).not.toMatch(/s3c/);
    expect(screen).toMatch(/^Password:$/m); // nothing typed shows
    expect(h.repl.rl.line).toBe('');
    // Ctrl-C cancels the question.
    h.send('LogInByAccount accountName=admin');
    h.send(KEY.enter);
    await h.waitFor((r) => r.filter((l) => l.startsWith('Password:')).length === 2);
    h.send(KEY.ctrlC);
    await h.waitForCursorRow(PROMPT);
    expect(got).toEqual(['s3cet', undefined]);
  });

  it('Ctrl-C while a command runs aborts it and the shell goes on', async () => {
    let aborted = false;
    const ran: string[] = [];
    const { h } = shell({
      runLine: (line, signal) => {
        ran.push(line);
        if (line !== 'QueryVmInstance') return Promise.resolve();
        return new Promise<void>((_res, rej) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            rej(new Error('aborted'));
          }),
        );
      },
    });
    h.send('QueryVmInstance');
    h.send(KEY.enter);
    await h.waitFor(() => ran.length === 1);
    h.send(KEY.ctrlC);
    await h.waitForCursorRow(PROMPT);
    expect(await h.screen()).toContain(`${PROMPT}QueryVmInstance`);
    expect(await h.screen()).toContain('^C');
    expect(aborted).toBe(true);
    expect((await h.screen()).join('\n')).not.toMatch(/error:/);
    h.send('QueryZone');
    h.send(KEY.enter);
    await h.waitFor(() => ran.length === 2);
    expect(ran[1]).toBe('QueryZone');
  });

  it('Ctrl-D on an empty line ends the shell', async () => {
    const { h, exits } = shell();
    h.send(KEY.ctrlD);
    await h.repl.done;
    expect(exits).toEqual([1]);
  });
});

describe('lines', () => {
  it('pasted lines run one after another, in order', async () => {
    const log: string[] = [];
    let release: (() => void)[] = [];
    const { h } = shell({
      runLine: (line) => {
        log.push(`start ${line}`);
        return new Promise<void>((r) =>
          release.push(() => {
            log.push(`end ${line}`);
            r();
          }),
        );
      },
    });
    h.send('QueryZone\rQueryHost\rQueryCluster\r');
    for (let i = 0; i < 3; i++) {
      await h.waitFor(() => release.length === 1);
      const r = release[0]!;
      release = [];
      r();
    }
    await h.waitFor(() => log.length === 6);
    expect(log).toEqual(['start QueryZone', 'end QueryZone', 'start QueryHost', 'end QueryHost', 'start QueryCluster', 'end QueryCluster']);
    const rows = await h.waitFor((r) => r.includes(`${PROMPT}QueryCluster`));
    expect(rows.filter((l) => l.startsWith(PROMPT + 'Query'))).toEqual([`${PROMPT}QueryZone`, `${PROMPT}QueryHost`, `${PROMPT}QueryCluster`]);
  });

  it('a command that throws prints one line and the shell goes on', async () => {
    const { h, ran } = shell({
      runLine: async (line, signal) => {
        ran.push({ line, signal });
        if (line === 'Boom') throw new Error('kaput\nstack line');
      },
    });
    await run(h, ran, 'Boom');
    const rows = await h.screen();
    expect(rows).toContain('Error: kaput');
    expect(rows.join('\n')).not.toContain('stack line');
    await run(h, ran, 'QueryZone');
    expect(ran.map((r) => r.line)).toEqual(['Boom', 'QueryZone']);
  });
});

describe('the terminal a command gets', () => {
  it('exit ends the shell after the command and calls onExit once', async () => {
    const { h, exits, ran } = shell({
      runLine: async (line, signal, tty) => {
        ran.push({ line, signal });
        tty.exit();
      },
    });
    h.send('bye');
    h.send(KEY.enter);
    await h.repl.done;
    expect(exits).toEqual([1]);
    expect(ran.map((r) => r.line)).toEqual(['bye']);
  });

  it('page shows a screenful and --More--; space pages, q quits back to the prompt', async () => {
    const text = Array.from({ length: 100 }, (_, i) => `row ${i + 1}`).join('\n');
    let paged = 0;
    const { h } = shell({
      runLine: async (_line, _signal, tty) => {
        await tty.page(text);
        paged++;
      },
    });
    h.send('long');
    h.send(KEY.enter);
    await h.waitFor((r) => r.some((l) => l.startsWith('--More-- (29%)')));
    expect(paged).toBe(0);
    h.send(' ');
    await h.waitFor((r) => r.some((l) => l.startsWith('--More-- (58%)')));
    h.send('q');
    await h.waitForCursorRow(PROMPT);
    expect(paged).toBe(1);
    expect((await h.screen()).join('\n')).not.toContain('--More--');
  });

  it('page prints short text at once', async () => {
    const { h } = shell({ runLine: async (_l, _s, tty) => tty.page('just one line\n') });
    h.send('short');
    h.send(KEY.enter);
    const rows = await h.waitFor((r) => r.includes('just one line'));
    await h.waitForCursorRow(PROMPT);
    expect(rows.join('\n')).not.toContain('--More--');
  });

  it('reports the terminal size and offers hidden input only on a terminal', async () => {
    let seen: { w: number; h: number; secret: boolean } | undefined;
    const { h } = shell({
      runLine: async (_l, _s, tty) => {
        seen = { w: tty.width(), h: tty.height(), secret: tty.readSecret !== undefined };
      },
    });
    h.send('size');
    h.send(KEY.enter);
    await h.waitForCursorRow(PROMPT);
    await h.waitFor(() => seen !== undefined);
    expect(seen).toEqual({ w: 100, h: 30, secret: true });
  });
});

describe('without a terminal', () => {
  it('runs piped lines in order, then ends at end of input', async () => {
    const { PassThrough } = await import('node:stream');
    const { startRepl } = await import('./repl.js');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d: Buffer) => (text += d.toString()));
    const log: string[] = [];
    let exited = 0;
    const repl = startRepl({
      input,
      output,
      terminal: false,
      registry,
      prompt: () => '> ',
      runLine: async (line) => {
        log.push(`start ${line}`);
        await new Promise((r) => setTimeout(r, 1));
        log.push(`end ${line}`);
      },
      onExit: () => exited++,
    });
    input.end('QueryZone\nQueryHost\n');
    await repl.done;
    expect(log).toEqual(['start QueryZone', 'end QueryZone', 'start QueryHost', 'end QueryHost']);
    expect(text).toContain('> ');
    expect(exited).toBe(1);
  });
});
