import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, NotTextScript, runScriptText, textLines, type ByteSource } from './script-text.js';

async function lines(input: ByteSource): Promise<string[]> {
  const out: string[] = [];
  for await (const l of textLines(input, 'test.zs')) out.push(l);
  return out;
}

async function refusal(input: ByteSource): Promise<string> {
  try {
    await lines(input);
  } catch (e) {
    if (e instanceof NotTextScript) return e.message;
    throw e;
  }
  throw new Error('not refused');
}

/** `bytes` cut into chunks at the given points (any cut, even inside a UTF-8 sequence). */
function chunked(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(from, c));
    from = c;
  }
  return out;
}

/** A stream of `count` chunks of `size` bytes of `x` (no newline), counting how many were read. */
function endless(size: number, count: number): { source: ByteSource; pulled: () => number } {
  let pulled = 0;
  const chunk = Buffer.alloc(size, 0x78);
  return {
    source: (async function* () {
      for (let i = 0; i < count; i++) {
        pulled++;
        yield chunk;
      }
    })(),
    pulled: () => pulled,
  };
}

describe('textLines', () => {
  it('gives the lines of any text, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[\n\0]/g, ''))), fc.array(fc.nat(), { maxLength: 6 }), async (ls, cuts) => {
        const text = ls.map((l) => `${l}\n`).join('');
        const bytes = Buffer.from(text, 'utf8');
        expect(await lines(chunked(bytes, cuts))).toEqual(ls);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a last line without a newline, and drops a byte-order mark', async () => {
    expect(await lines([Buffer.from('\ufeffQueryZone\nQueryHost')])).toEqual(['QueryZone', 'QueryHost']);
  });

  it('refuses a NUL byte, naming the file and line', async () => {
    expect(await refusal([Buffer.from('QueryZone\nQuery\0Host\n')])).toBe('test.zs:2: not a text script: it holds a NUL byte');
  });

  it('refuses bytes that are not UTF-8, wherever the chunks are cut', async () => {
    const bad = Buffer.concat([Buffer.from('QueryZone\nQueryHost\nQueryVm name=é'), Buffer.from([0xc3]), Buffer.from('\n')]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 6 }), async (cuts) => {
        expect(await refusal(chunked(bad, cuts))).toBe('test.zs:3: not a text script: it is not UTF-8');
      }),
      { numRuns: 200 },
    );
    for (const seq of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      expect(await refusal([Buffer.from([0x41, ...seq, 0x0a])])).toMatch(/:1: not a text script: it is not UTF-8$/);
    }
  });

  it('refuses a line over 1 MB after reading little more than 1 MB of it', async () => {
    const e = endless(64 * 1024, 10_000); // 640 MB if it were all read
    expect(await refusal(e.source)).toBe('test.zs:1: not a text script: the line is longer than 1 MB');
    expect(e.pulled()).toBeLessThanOrEqual(MAX_LINE_BYTES / (64 * 1024) + 1);
    expect(await lines([Buffer.alloc(MAX_LINE_BYTES, 0x78), Buffer.from('\nQueryZone\n')])).toHaveLength(2);
  });

  it('escapes control characters in the file name', async () => {
    const it = textLines([Buffer.from('\0')], 'evil\u001b[2J.zs');
    await expect(it.next()).rejects.toThrow('evil\\e[2J.zs:1: not a text script');
  });
});

describe('runScriptText', () => {
  function harness() {
    const ran: string[] = [];
    const errors: string[] = [];
    const opts = {
      source: 'test.zs',
      stopOnError: false,
      runLine: async (line: string) => {
        ran.push(line);
        return 0;
      },
      reportError: (t: string) => errors.push(t),
    };
    return { ran, errors, opts };
  }
  const bad = () => [Buffer.from('QueryZone\nQueryHost\n'), Buffer.from([0xff, 0x0a])];

  it('runs nothing of a file that is not text (checked whole first)', async () => {
    const h = harness();
    expect(await runScriptText(bad(), h.opts, bad)).toBe(2);
    expect(h.ran).toEqual([]);
    expect(h.errors).toEqual(['Error: test.zs:3: not a text script: it is not UTF-8']);
  });

  it('stops stdin at the first bad line, exit 2', async () => {
    const h = harness();
    expect(await runScriptText(bad(), h.opts)).toBe(2);
    expect(h.ran).toEqual(['QueryZone', 'QueryHost']);
    expect(h.errors).toHaveLength(1);
  });

  it('runs a text file from its second reading', async () => {
    const h = harness();
    const text = () => [Buffer.from('QueryZone\r\n# note\nQueryHost')];
    expect(await runScriptText(text(), h.opts, text)).toBe(0);
    expect(h.ran).toEqual(['QueryZone', 'QueryHost']);
  });
});
