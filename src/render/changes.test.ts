import { describe, expect, it } from 'vitest';
import { clipColumns, highlightChanges } from './changes.js';

describe('highlightChanges', () => {
  it('marks the characters that differ from the previous frame', () => {
    expect(highlightChanges(['state Running'], ['state Stopped'], 80, 10)).toEqual(['state \x1b[7mStopped\x1b[27m']);
    expect(highlightChanges(['abc'], ['abd'], 80, 10)).toEqual(['ab\x1b[7md\x1b[27m']);
    expect(highlightChanges(['same'], ['same'], 80, 10)).toEqual(['same']);
    // A new line is all new; the first frame has nothing highlighted.
    expect(highlightChanges(['a'], ['a', 'b'], 80, 10)).toEqual(['a', '\x1b[7mb\x1b[27m']);
    expect(highlightChanges(undefined, ['a', 'b'], 80, 10)).toEqual(['a', 'b']);
  });

  it('fits the screen: rows cut, lines clipped by columns (wide characters count two), controls harmless', () => {
    expect(highlightChanges(undefined, ['1', '2', '3'], 80, 2)).toEqual(['1', '2']);
    expect(highlightChanges(undefined, ['abcdef'], 3, 5)).toEqual(['abc']);
    expect(clipColumns('云主机', 5)).toEqual(['云', '主']);
    expect(highlightChanges(undefined, ['a\x1b[2Jb'], 80, 5)).toEqual(['a?[2Jb']);
  });

  it('a line the previous frame had not is all new, whatever it says', () => {
    expect(highlightChanges(['state'], ['state', 'Stopped'], 80, 10)).toEqual(['state', '\x1b[7mStopped\x1b[27m']);
  });
});
