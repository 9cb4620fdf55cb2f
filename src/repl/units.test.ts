import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../complete/testing.js';
import type { Completion } from '../complete/types.js';
import { loadRegistry } from '../schema/registry.js';
import { insertionFor, readlineCompleter } from './completer.js';
import { ReverseSearch, type SearchEditor } from './search.js';

const registry = loadRegistry();

function fakeEditor(history: string[], line = '', prompt = '> '): SearchEditor & { refreshes: number } {
  let p = prompt;
  return {
    line,
    cursor: line.length,
    history,
    refreshes: 0,
    getPrompt: () => p,
    setPrompt(v: string) {
      p = v;
    },
    refresh() {
      this.refreshes++;
    },
  };
}

describe('ReverseSearch', () => {
  const history = ['QueryHost', 'QueryZone name=z', 'QueryVmInstance name=a', 'QueryZone'];

  it('finds the newest match, then older ones on Ctrl-R, and shows the bash prompt', () => {
    const ed = fakeEditor(history);
    const s = new ReverseSearch();
    s.start(ed);
    expect(ed.getPrompt()).toBe("(reverse-i-search)`': ");
    for (const ch of 'Zone') s.key(ed, ch, { name: ch.toLowerCase() });
    expect(ed.line).toBe('QueryZone name=z');
    expect(ed.getPrompt()).toBe("(reverse-i-search)`Zone': ");
    expect(ed.cursor).toBe(5);
    s.key(ed, undefined, { ctrl: true, name: 'r' });
    expect(ed.line).toBe('QueryZone');
    s.key(ed, undefined, { ctrl: true, name: 'r' });
    expect(ed.getPrompt()).toBe("(failed reverse-i-search)`Zone': ");
    expect(ed.line).toBe('QueryZone');
  });

  it('Enter or another key keeps the match and passes the key on; Ctrl-G restores the line', () => {
    const ed = fakeEditor(history, 'typed', '>>> ');
    const s = new ReverseSearch();
    s.start(ed);
    s.key(ed, 'V', { name: 'v', shift: true } as never);
    expect(s.key(ed, '\r', { name: 'return' })).toBe('pass');
    expect(s.active).toBe(false);
    expect(ed.line).toBe('QueryVmInstance name=a');
    expect(ed.getPrompt()).toBe('>>> ');
    s.start(ed);
    s.key(ed, 'H', { name: 'h' });
    expect(s.key(ed, undefined, { ctrl: true, name: 'g' })).toBe('consumed');
    expect(ed.line).toBe('QueryVmInstance name=a');
  });

  it('Backspace widens the search again', () => {
    const ed = fakeEditor(history);
    const s = new ReverseSearch();
    s.start(ed);
    for (const ch of 'Vx') s.key(ed, ch, { name: ch });
    expect(ed.getPrompt()).toContain('failed');
    s.key(ed, undefined, { name: 'backspace' });
    expect(ed.getPrompt()).toBe("(reverse-i-search)`V': ");
    expect(ed.line).toBe('QueryVmInstance name=a');
  });
});

const comp = (values: string[], replaceFrom: number, extra: Partial<Completion['candidates'][number]> = {}): Completion => ({
  replaceFrom,
  replaceTo: 0,
  candidates: values.map((value) => ({ value, group: 'param', ...extra })),
});

describe('insertionFor', () => {
  it('inserts a unique candidate, with a space when it is a complete word', () => {
    expect(insertionFor(comp(['hostUuid='], 16), 'StartVmInstance ho', 18)).toBe('hostUuid=');
    expect(insertionFor(comp(['true'], 5, { final: true }), 'A v=t', 5)).toBe('true ');
    expect(insertionFor(comp(['true'], 4, { final: true }), 'A v=tr x', 6)).toBe('true');
    expect(insertionFor(comp(['true'], 4, { final: true }), 'A v=true x', 8)).toBeUndefined();
  });

  it('inserts a common prefix that extends the text, even in another case', () => {
    expect(insertionFor(comp(['cpuNum=', 'cpuSpeed='], 2), 'Q c', 3)).toBe('cpu');
    expect(insertionFor(comp(['QueryVmA', 'QueryVmB'], 0), 'queryv', 6)).toBe('QueryVm');
    expect(insertionFor(comp(['abc', 'xyz'], 0), 'b', 1)).toBeUndefined();
    expect(insertionFor(comp(['ab', 'ab1'], 0), 'ab', 2)).toBeUndefined();
  });

  it('takes an exact API name whole even when longer ones exist', () => {
    const c: Completion = { replaceFrom: 0, replaceTo: 10, candidates: ['QueryVmInstance', 'QueryVmInstancePci'].map((value) => ({ value, group: 'api', final: true })) };
    expect(insertionFor(c, 'QueryVmIns', 10)).toBe('QueryVmInstance ');
  });

  it('takes the best-ranked API for a fuzzy abbreviation that starts no candidate', () => {
    const c: Completion = { replaceFrom: 0, replaceTo: 6, candidates: ['QueryVmInstance', 'QuerySlbVmInstance'].map((value) => ({ value, group: 'api', final: true })) };
    expect(insertionFor(c, 'qvmins', 6)).toBe('QueryVmInstance ');
    // Params are not guessed: without a common prefix nothing is inserted.
    expect(insertionFor(comp(['hostUuid=', 'clusterUuid='], 2), 'A uu', 4)).toBeUndefined();
  });
});

describe('readlineCompleter', () => {
  const base = (complete: Parameters<typeof readlineCompleter>[0]['complete'], timers = new ManualTimers(), repeated = false) => {
    const listed: Completion[] = [];
    let line = '';
    const fn = readlineCompleter({
      complete,
      timers,
      timeoutMs: 300,
      current: () => ({ line, cursor: line.length }),
      repeatedTab: () => repeated,
      showListing: (c) => listed.push(c),
    });
    const ask = (text: string) =>
      new Promise<[string[], string]>((resolve) => {
        line = text;
        fn(text, (_e, r) => resolve(r));
      });
    return { ask, listed, timers };
  };

  it('answers [[insertion], typed]', async () => {
    const { ask } = base(async () => comp(['hostUuid='], 16));
    expect(await ask('StartVmInstance ho')).toEqual([['hostUuid='], 'ho']);
  });

  it('answers nothing after the time limit and uses the late answer next time', async () => {
    let resolveIt!: (c: Completion) => void;
    let calls = 0;
    const timers = new ManualTimers();
    const { ask } = base(
      () => {
        calls++;
        return new Promise<Completion>((r) => (resolveIt = r));
      },
      timers,
    );
    const first = ask('StartVmInstance ho');
    timers.advance(300);
    expect(await first).toEqual([[], '']);
    resolveIt(comp(['hostUuid='], 16));
    await new Promise((r) => setImmediate(r));
    expect(await ask('StartVmInstance ho')).toEqual([['hostUuid='], 'ho']);
    expect(calls).toBe(1);
  });

  it('lists on a repeated Tab when nothing can be inserted', async () => {
    const { ask, listed } = base(async () => comp(['abc=', 'xyz='], 2), new ManualTimers(), true);
    expect(await ask('Q ')).toEqual([[], '']);
    expect(listed).toHaveLength(1);
  });

  it('never throws, whatever the engine does', async () => {
    const { ask } = base(() => {
      throw new Error('bug');
    });
    expect(await ask('Q')).toEqual([[], '']);
    const { ask: ask2 } = base(() => Promise.reject(new Error('bug')));
    expect(await ask2('Q')).toEqual([[], '']);
  });
});

