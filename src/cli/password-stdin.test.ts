import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors/cli-error.js';
import { MAX_PASSWORD_LINE, stdinPasswordReader } from './password-stdin.js';

function input(...chunks: (string | Buffer)[]): PassThrough {
  const s = new PassThrough();
  for (const c of chunks) s.write(c);
  s.end();
  return s;
}

describe('stdinPasswordReader', () => {
  it('gives one line per login, newline (and CR) stripped, other spaces kept, across chunk and UTF-8 boundaries', async () => {
    const euro = Buffer.from('€');
    const read = stdinPasswordReader(input('pa', 'ss 1\r\n', euro.subarray(0, 1), euro.subarray(1), ' x\n', 'last'));
    expect(await read('')).toBe('pass 1');
    expect(await read('')).toBe('€ x');
    expect(await read('')).toBe('last');
    await expect(read('')).rejects.toThrow('stdin ended before the password line');
  });

  it('refuses a terminal, an empty line and a line longer than any password', async () => {
    const tty = Object.assign(input('pw\n'), { isTTY: true });
    await expect(stdinPasswordReader(tty)('')).rejects.toThrow(/stdin is a terminal/);
    await expect(stdinPasswordReader(input('\n'))('')).rejects.toThrow('the password line on stdin is empty');
    await expect(stdinPasswordReader(input('x'.repeat(MAX_PASSWORD_LINE + 1)))('')).rejects.toThrow(UsageError);
  });
});
