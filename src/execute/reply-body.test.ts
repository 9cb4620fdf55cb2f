import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConnectionError, InterruptedError } from './errors.js';
import { ReplyBody } from './reply-body.js';
import { readableSource } from './transport.js';

const opts = { address: 'h:1', timeoutMs: 10_000 };

describe('ReplyBody', () => {
  it('hands chunks over in order, then null', async () => {
    const s = new PassThrough();
    const b = new ReplyBody(readableSource(s, 'h:1'), opts);
    s.write('ab');
    s.end('cd');
    const got: string[] = [];
    for (let c = await b.next(); c; c = await b.next()) got.push(c.toString());
    expect(got.join('')).toBe('abcd');
    expect(b.bytes).toBe(4);
  });

  it('reads ahead up to a bound, pauses the socket there and resumes once the consumer catches up', async () => {
    const s = new PassThrough();
    const b = new ReplyBody(readableSource(s, 'h:1'), { ...opts, readAhead: 10 });
    for (let i = 0; i < 4; i++) s.write(Buffer.alloc(4, 0x61 + i));
    await new Promise((r) => setImmediate(r));
    expect(s.isPaused()).toBe(true);
    await b.next();
    await b.next();
    await b.next();
    expect(s.isPaused()).toBe(false);
    s.end();
    expect((await b.next())?.toString()).toBe('dddd');
    expect(await b.next()).toBeNull();
  });

  it('ends with the typed error: a cut connection, the deadline, Ctrl-C', async () => {
    const cut = new PassThrough();
    const b1 = new ReplyBody(readableSource(cut, 'h:1'), opts);
    cut.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    await expect(b1.next()).rejects.toSatisfy((e) => e instanceof ConnectionError && e.reason === 'reset');

    const closed = new PassThrough();
    const b2 = new ReplyBody(readableSource(closed, 'h:1'), opts);
    closed.write('x');
    closed.destroy();
    const readAll = async (): Promise<unknown> => {
      for (;;) if ((await b2.next()) === null) return 'ended';
    };
    await expect(readAll()).rejects.toSatisfy((e) => e instanceof ConnectionError && e.reason === 'reset');

    const slow = new PassThrough();
    const b3 = new ReplyBody(readableSource(slow, 'h:1'), { ...opts, timeoutMs: 20 });
    await expect(b3.next()).rejects.toSatisfy((e) => e instanceof ConnectionError && e.reason === 'timeout');
    expect(slow.destroyed).toBe(true);

    const ctl = new AbortController();
    const s4 = new PassThrough();
    const b4 = new ReplyBody(readableSource(s4, 'h:1'), { ...opts, signal: ctl.signal });
    const pending = b4.next();
    ctl.abort();
    await expect(pending).rejects.toBeInstanceOf(InterruptedError);
  });
});
