import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chooseOutput, colorEnabled } from './output-choice.js';
import { page, pagerCommand } from './pager.js';

function fakeChild(failWith?: Error): { child: ChildProcess; received: Promise<string> } {
  const child = new EventEmitter() as ChildProcess;
  const stdin = new PassThrough();
  (child as unknown as { stdin: PassThrough }).stdin = stdin;
  let text = '';
  stdin.on('data', (d: Buffer) => (text += d.toString()));
  const received = new Promise<string>((resolve) => {
    stdin.on('finish', () => {
      if (failWith) child.emit('error', failWith);
      else child.emit('close', 0);
      resolve(text);
    });
  });
  return { child, received };
}

describe('page', () => {
  const long = Array.from({ length: 50 }, (_, i) => `row ${i}`).join('\n');

  it('writes short output directly', async () => {
    let out = '';
    await page('a\nb\n', { env: {}, rows: 24, write: (t) => (out += t), spawn: () => { throw new Error('no pager expected'); } });
    expect(out).toBe('a\nb\n');
  });

  it('sends long output to $PAGER with its args', async () => {
    const f = fakeChild();
    let spawned: string[] = [];
    let out = '';
    await page(long, { env: { PAGER: 'more -s' }, rows: 24, write: (t) => (out += t), spawn: (c, a) => ((spawned = [c, ...a]), f.child) });
    expect(spawned).toEqual(['more', '-s']);
    expect(await f.received).toBe(long);
    expect(out).toBe('');
  });

  it('falls back to writing when the pager cannot start', async () => {
    const f = fakeChild(new Error('ENOENT'));
    let out = '';
    await page(long, { env: { PAGER: 'nopager' }, rows: 24, write: (t) => (out += t), spawn: () => f.child });
    expect(out).toBe(long);
  });

  it('treats PAGER=cat or empty as no pager and defaults to less -FRX', () => {
    expect(pagerCommand({ PAGER: 'cat' })).toBeUndefined();
    expect(pagerCommand({ PAGER: '' })).toBeUndefined();
    expect(pagerCommand({})).toEqual({ cmd: 'less', args: ['-FRX'], env: { LESS: 'FRX' } });
  });
});

describe('output choice', () => {
  it('uses json in pipes and a table for queries on a terminal', () => {
    expect(chooseOutput(undefined, true, false, {})).toEqual({ format: 'json', color: false, pager: false });
    expect(chooseOutput(undefined, true, true, {})).toEqual({ format: 'table', color: true, pager: true });
    expect(chooseOutput(undefined, false, true, {}).format).toBe('json');
    expect(chooseOutput('csv', true, true, {}).format).toBe('csv');
  });

  it('honours NO_COLOR and FORCE_COLOR', () => {
    expect(colorEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: '0' }, true)).toBe(false);
  });
});
