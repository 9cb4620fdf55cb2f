import * as readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkReadlineInternals, ReadlineInternals } from './readline-internals.js';

function terminalInterface(): readline.Interface {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  return readline.createInterface({ input, output, terminal: true, completer: (l: string) => [[], l] });
}

describe('readline internals this shell relies on', () => {
  it(`all exist on Node ${process.version} (if this fails, a Node release changed them: see readline-internals.ts)`, () => {
    const rl = terminalInterface();
    try {
      rl.prompt(); // prevRows exists once a prompt was drawn, as in the shell
      expect(checkReadlineInternals(rl)).toEqual([]);
    } finally {
      rl.close();
    }
  });

  it('reports what is missing', () => {
    expect(checkReadlineInternals({} as readline.Interface).sort()).toEqual(
      ['_getDisplayPos', '_refreshLine', '_ttyWrite', 'clearLine', 'cursor', 'history', 'historyIndex', 'isCompletionEnabled', 'line', 'prevRows'].sort(),
    );
  });

  it('edits the line through them and routes keys through the interception', () => {
    const rl = terminalInterface();
    try {
      const r = new ReadlineInternals(rl);
      const seen: string[] = [];
      r.interceptKeys((s, k) => {
        seen.push(k?.name ?? s ?? '');
        r.originalKey(s, k);
      });
      r.typeKey('a', { name: 'a' });
      r.typeKey('b', { name: 'b' });
      expect(seen).toEqual(['a', 'b']);
      expect(r.line).toBe('ab');
      r.line = 'QueryVm';
      r.cursor = 7;
      r.withoutCompletion(() => r.typeKey('\t', { name: 'tab' }));
      expect(r.line).toBe('QueryVm\t');
      expect(r.lineRows()).toBeGreaterThanOrEqual(0);
    } finally {
      rl.close();
    }
  });
});
