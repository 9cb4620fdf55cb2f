import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../execute/executor.js';
import { JobTable, statusLine } from './shell-jobs.js';
import { backgroundLine, targetOf } from './background.js';

const done: ExecResult = { kind: 'done', status: 200, value: { inventory: { uuid: 'u' } }, bodyText: '{}' };

describe('JobTable', () => {
  it('numbers jobs, tracks their state and job uuid, announces each end once', async () => {
    let t = 1000;
    const jobs = new JobTable(() => t);
    let finish!: (r: ExecResult) => void;
    const a = jobs.start('StartVmInstance uuid=u', 'StartVmInstance', 'uuid=u', (_s, sent) => {
      sent('f'.repeat(32));
      return new Promise((r) => (finish = r));
    });
    const b = jobs.start('StopVmInstance uuid=v', 'StopVmInstance', 'uuid=v', async () => {
      throw 'Error VM.1010: the VM is Stopped\n  details: ...';
    });
    expect([a.n, b.n]).toEqual([1, 2]);
    await b.done;
    expect(jobs.running().map((j) => j.n)).toEqual([1]);
    t = 4100;
    expect(statusLine(a, t)).toBe(`[1] running  3.1s  StartVmInstance uuid=u  (job ${'f'.repeat(32)})`);
    expect(jobs.announcements()).toEqual(['[2] failed   0.0s  StopVmInstance uuid=v: Error VM.1010: the VM is Stopped']);
    expect(jobs.announcements()).toEqual([]);
    finish(done);
    await a.done;
    expect(a.state).toBe('done');
    expect(a.result).toBe(done);
    expect(jobs.announcements()).toEqual(['[1] done     3.1s  StartVmInstance uuid=u']);
  });

  it('stop aborts the signal the job runs with', async () => {
    const jobs = new JobTable();
    let seen: AbortSignal | undefined;
    const j = jobs.start('x', 'X', '', (signal) => {
      seen = signal;
      return new Promise((_r, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))));
    });
    j.stop();
    await j.done;
    expect(seen?.aborted).toBe(true);
    expect(j.state).toBe('failed');
    expect(j.errorText).toBe('Error: stopped');
  });
});

describe('background lines', () => {
  it('a final unquoted & marks one; a quoted or escaped & is a value', () => {
    expect(backgroundLine('StartVmInstance uuid=x &')).toBe('StartVmInstance uuid=x');
    expect(backgroundLine('StartVmInstance uuid=x   &  ')).toBe('StartVmInstance uuid=x');
    expect(backgroundLine("UpdateVmInstance uuid=x name='a &'")).toBeUndefined();
    expect(backgroundLine("UpdateVmInstance uuid=x description '&'")).toBeUndefined();
    expect(backgroundLine('UpdateVmInstance uuid=x description \\&')).toBeUndefined();
    expect(backgroundLine('QueryZone name=a&')).toBeUndefined();
    expect(backgroundLine('&')).toBeUndefined();
  });

  it('names the target by uuid (shortened), another uuid param, or name', () => {
    expect(targetOf([{ key: 'uuid', value: 'e93425eccf784d5381444cccc4a47e90' }])).toBe('uuid=e93425ec');
    expect(targetOf([{ key: 'name', value: 'web' }, { key: 'vmInstanceUuid', value: 'abc' }])).toBe('vmInstanceUuid=abc');
    expect(targetOf([{ key: 'name', value: 'web' }])).toBe('name=web');
    expect(targetOf([])).toBe('');
  });
});
