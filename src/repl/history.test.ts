import { describe, expect, it } from 'vitest';
import { appendHistory, loadHistory, type HistoryFs } from './history.js';

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
});
