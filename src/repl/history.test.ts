import { describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_SIZE, loadHistory, type HistoryFs } from './history.js';

class MemFs implements HistoryFs {
  files = new Map<string, string>();
  writes = 0;
  read(p: string): string | undefined {
    return this.files.get(p);
  }
  update(p: string, edit: (text: string | undefined) => string | undefined): void {
    const next = edit(this.files.get(p));
    if (next === undefined) return;
    this.writes++;
    this.files.set(p, next);
  }
}

describe('history file', () => {
  it('loads newest first, at most size lines, redacted, dropping blanks and repeats in a row', () => {
    const fs = new MemFs();
    fs.files.set('/h', 'a\r\n\nb\nb\nLogInByAccount password=x\nc\n');
    expect(loadHistory('/h', fs, 3)).toEqual(['c', 'LogInByAccount password=***', 'b']);
    expect(loadHistory('/missing', fs)).toEqual([]);
    fs.files.set('/r', 'a\na\nb\na\n');
    expect(loadHistory('/r', fs)).toEqual(['a', 'b', 'a']);
    const unreadable: HistoryFs = {
      read: () => {
        throw new Error('a link');
      },
      update: () => undefined,
    };
    expect(loadHistory('/h', unreadable)).toEqual([]);
  });

  it('appends to what is in the file now (lines of other shells kept), redacted, capped at size', () => {
    const fs = new MemFs();
    appendHistory('/h', fs, 'QueryZone', 3);
    fs.files.set('/h', `${fs.files.get('/h')}QueryHost\n`);
    appendHistory('/h', fs, 'LogInByAccount accountName=a password=pw', 3);
    expect(fs.files.get('/h')).toBe('QueryZone\nQueryHost\nLogInByAccount accountName=a password=***\n');
    appendHistory('/h', fs, 'QueryCluster', 3);
    expect(fs.files.get('/h')).toBe('QueryHost\nLogInByAccount accountName=a password=***\nQueryCluster\n');
  });

  it('redacts lines an older version left in the file, and skips a repeat of the last line', () => {
    const fs = new MemFs();
    fs.files.set('/h', 'AddKVMHost password=pw\nQueryZone\n');
    appendHistory('/h', fs, 'QueryHost');
    expect(fs.files.get('/h')).toBe('AddKVMHost password=***\nQueryZone\nQueryHost\n');
    const writes = fs.writes;
    appendHistory('/h', fs, 'QueryHost');
    appendHistory('/h', fs, '   ');
    expect(fs.writes).toBe(writes);
  });

  it('keeps the last 1000 lines by default, when loading and when appending', () => {
    expect(HISTORY_SIZE).toBe(1000);
    const fs = new MemFs();
    fs.files.set('/h', Array.from({ length: 1002 }, (_, i) => `Q${i}`).join('\n'));
    const loaded = loadHistory('/h', fs);
    expect(loaded).toHaveLength(1000);
    expect([loaded[0], loaded[999]]).toEqual(['Q1001', 'Q2']);
    appendHistory('/h', fs, 'Last');
    const lines = fs.files.get('/h')!.split('\n');
    expect(lines).toHaveLength(1001);
    expect([lines[0], lines[998], lines[999], lines[1000]]).toEqual(['Q3', 'Q1001', 'Last', '']);
  });

  it('drops lines of blanks only, takes off a CR at the end of a line only, and rewrites a file it normalises', () => {
    const fs = new MemFs();
    fs.files.set('/h', ' \t \na\rb\r\nc\r\r\n');
    expect(loadHistory('/h', fs)).toEqual(['c\r', 'a\rb']);
    fs.files.set('/h', 'QueryZone\r\n');
    appendHistory('/h', fs, 'QueryZone');
    expect(fs.files.get('/h')).toBe('QueryZone\n');
    fs.files.set('/h', 'QueryZone');
    appendHistory('/h', fs, 'QueryZone');
    expect(fs.files.get('/h')).toBe('QueryZone\n');
  });

  it('skips a line that is the last one once redacted, and writes a new file with a final newline', () => {
    const fs = new MemFs();
    appendHistory('/h', fs, 'LogInByAccount password=a');
    expect(fs.files.get('/h')).toBe('LogInByAccount password=***\n');
    appendHistory('/h', fs, 'LogInByAccount password=bb');
    expect(fs.files.get('/h')).toBe('LogInByAccount password=***\n');
    expect(fs.writes).toBe(1);
  });
});
