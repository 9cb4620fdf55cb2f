// Query replies are streamed: written in chunks as rows are written (never one string of the whole reply), each chunk
// only once the socket has taken the one before when it said it was full (backpressure), and not at all once the client
// has gone; put together, the chunks are the reply.
import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RowCache } from '../query/row-cache.js';
import { RowText } from '../query/text.js';
import { world } from '../query/testing.js';
import { CHUNK, sendQueryAnswer } from './stream.js';

/** A response that takes chunks until told it is full, then waits for `drain()`; `gone()` closes it. */
class SlowResponse extends EventEmitter {
  chunks: Buffer[] = [];
  ended = false;
  destroyed = false;
  /** Chunks it takes before it says it is full. */
  room = Infinity;

  writeHead(): this {
    return this;
  }

  write(chunk: Buffer, done?: () => void): boolean {
    this.chunks.push(Buffer.from(chunk));
    setImmediate(() => done?.());
    return this.chunks.length < this.room;
  }

  end(chunk: Buffer | string): void {
    this.chunks.push(Buffer.from(chunk));
    this.ended = true;
  }

  drain(more: number): void {
    this.room = this.chunks.length + more;
    this.emit('drain');
  }

  gone(): void {
    this.destroyed = true;
    this.emit('close');
  }
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

/** Starts sending a reply of `rows` zones to a response that takes `room` chunks; resolves once it has settled. */
async function sending(rows: number, room: number): Promise<{ res: SlowResponse; sent: Promise<void> }> {
  const w = world();
  for (let n = 1; n <= rows; n++) w.store.insert('ZoneInventory', { uuid: `zone-${n}`, name: `zone ${'z'.repeat(200)} ${n}`, description: 'd'.repeat(300) });
  const { table } = w.store.scope('ZoneInventory');
  const text = new RowText(w.store, w.renderer, w.schema, new Map(), new RowCache(w.store));
  const answer = { inventory: 'ZoneInventory', scope: w.store.scope('ZoneInventory'), ids: [...table.ids()], countOnly: false };
  const res = new SlowResponse();
  res.room = room;
  const sent = sendQueryAnswer(res as unknown as ServerResponse, answer, text);
  await settle();
  return { res, sent };
}

describe('sendQueryAnswer', () => {
  it('writes the reply in chunks as rows are written, waiting for the socket to drain when it is full', async () => {
    const { res, sent } = await sending(12000, 2);
    // Two chunks taken, the socket full: nothing more until it drains.
    expect(res.chunks).toHaveLength(2);
    expect(res.ended).toBe(false);
    res.drain(1);
    await settle();
    expect(res.chunks).toHaveLength(3);
    res.drain(Infinity);
    await sent;
    expect(res.ended).toBe(true);
    expect(res.chunks.length).toBeGreaterThan(5);
    for (const c of res.chunks) expect(c.length).toBeLessThanOrEqual(CHUNK);
    const body = JSON.parse(Buffer.concat(res.chunks).toString('utf8')) as { inventories: { uuid: string }[]; schema: Record<string, string> };
    expect(body.inventories).toHaveLength(12000);
    expect(body.inventories[11999]!.uuid).toBe('zone-12000');
    expect(body.schema['inventories[11999]']).toBe('org.zstack.header.zone.ZoneInventory');
  });

  it('stops writing once the client has gone', async () => {
    const { res, sent } = await sending(12000, 1);
    res.gone();
    await sent;
    expect(res.chunks).toHaveLength(1);
    expect(res.ended).toBe(false);
  });
});
