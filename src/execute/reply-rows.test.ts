import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from './errors.js';
import { ReplyBody } from './reply-body.js';
import { ReplyRows } from './reply-rows.js';
import { readableSource } from './transport.js';

/** A ReplyRows over `text` written in pieces of `size` bytes. */
function rowsOf(text: string, size: number): ReplyRows {
  const s = new PassThrough();
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) s.write(bytes.subarray(at, at + size));
  s.end();
  return new ReplyRows(new ReplyBody(readableSource(s, 'h:1'), { address: 'h:1', timeoutMs: 10_000 }));
}

async function all(r: ReplyRows): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const batch of r.batches()) out.push(...batch);
  return out;
}

describe('ReplyRows', () => {
  const rows = Array.from({ length: 500 }, (_, i) => ({ uuid: `u${i}`, nics: [{ ip: `10.0.0.${i % 250}` }] }));
  const answer = `{"inventories":${JSON.stringify(rows)},"schema":{"inventories[0]":"org.zstack.X"},"total":500}`;

  it('hands out every row, the last ones too, and the members after them, at any chunk size', async () => {
    for (const size of [1, 13, 1000, 65536]) {
      const r = rowsOf(answer, size);
      expect(await r.open()).toEqual({ list: true });
      expect(await all(r), `chunks of ${size}`).toEqual(rows);
      expect(r.count).toBe(500);
      expect(r.head).toEqual({ total: 500 });
    }
  });

  it('a count answer is a whole value', async () => {
    expect(await rowsOf('{"total":42,"schema":{}}', 5).open()).toEqual({ list: false, value: { total: 42 } });
  });

  it('an answer cut short or broken anywhere is a ProtocolError, after the rows before it', async () => {
    for (const bad of [answer.slice(0, -1), answer.slice(0, answer.length / 2), answer.replace('"u499"', '"u499" "x"'), answer.replace('"org.zstack.X"', 'org')]) {
      const r = rowsOf(bad, 4096);
      await r.open();
      const got: unknown[] = [];
      const failure = await (async () => {
        for await (const batch of r.batches()) got.push(...batch);
      })().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ProtocolError);
      expect(rows.slice(0, got.length)).toEqual(got);
    }
  });
});
