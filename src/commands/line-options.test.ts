import { describe, expect, it } from 'vitest';
import { parseLine, parseWords } from '../parse/parser.js';
import { lineChoices } from './line-options.js';
import { ALL_SYNTAX, flagsOf, LINE_OPTIONS, LINE_SYNTAX } from './options.js';

describe('--yes (-y)', () => {
  it('is a line option: on a shell line, before or after the params, long or short', () => {
    expect(LINE_OPTIONS.map((o) => o.long)).toContain('--yes');
    for (const line of ['DestroyVmInstance uuid=x --yes', 'DestroyVmInstance -y uuid=x']) {
      const parsed = parseLine(line, LINE_SYNTAX);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.command?.args.map((a) => a.key)).toEqual(['uuid']);
      expect(lineChoices(flagsOf(parsed.options)).run.yes).toBe(true);
    }
    expect(lineChoices(flagsOf(parseLine('DestroyVmInstance uuid=x', LINE_SYNTAX).options)).run.yes).toBeUndefined();
  });

  it('given when zstack-cli starts, it is the default of every line (one-shot, -f scripts, the shell)', () => {
    const started = flagsOf(parseWords(['-f', 'script.zs', '--yes'], ALL_SYNTAX).options);
    const line = flagsOf(parseLine('DeleteImage uuid=x', LINE_SYNTAX).options);
    expect(lineChoices({ ...started, ...line }).run.yes).toBe(true);
  });
});
