import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chooseOutput, colorEnabled } from './output-choice.js';
import { directSink, page, pagerCommand, pagerSink } from './pager.js';

function fakeChild(failWith?: Error): { child: ChildProcess; received: Promise<string> } {
  const child = new EventEmitter() as ChildProcess;
  const stdin = new PassThrough();
  (child as unknown as { stdin: PassThrough }).stdin = stdin;
  let text = '';
  stdin.on('data', (d: Buffer) => (text += d.toString()));
  // Like a real child: 'spawn' once started, or 'error' when the command cannot run.
  setImmediate(() => (failWith ? child.emit('error', failWith) : child.emit('spawn')));
  const received = new Promise<string>((resolve) => {
    stdin.on('finish', () => {
      child.emit('close', 0);
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

describe('sinks', () => {
  it('streams into the pager once the output is longer than the screen, and says when it was quit', async () => {
    const child = new EventEmitter() as ChildProcess;
    const stdin = new PassThrough({ highWaterMark: 16 });
    (child as unknown as { stdin: PassThrough }).stdin = stdin;
    setImmediate(() => child.emit('spawn'));
    let got = '';
    stdin.on('data', (d: Buffer) => (got += d.toString()));
    let direct = '';
    const sink = pagerSink({ env: {}, rows: 3, spawn: () => child, out: { write: (t) => (direct += String(t)) } });
    await sink.write('a\n');
    expect(got).toBe('');
    await sink.write('b\nc\n');
    await sink.write('d\n');
    await new Promise((r) => setImmediate(r));
    expect(got).toBe('a\nb\nc\nd\n');
    expect(sink.closed).toBe(false);
    child.emit('close', 0);
    await new Promise((r) => setImmediate(r));
    expect(sink.closed).toBe(true);
    await sink.write('e\n');
    await sink.end();
    expect(direct).toBe('');
  });

  it('writes short output directly; a broken pipe closes the direct sink', async () => {
    let direct = '';
    const short = pagerSink({ env: {}, rows: 24, spawn: () => { throw new Error('no pager expected'); }, out: { write: (t) => (direct += String(t)) } });
    await short.write('one line\n');
    await short.end();
    expect(direct).toBe('one line\n');
    const out = new EventEmitter() as EventEmitter & { write(t: string): boolean };
    out.write = () => true;
    const sink = directSink(out);
    expect(sink.closed).toBe(false);
    out.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect(sink.closed).toBe(true);
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
