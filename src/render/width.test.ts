import { describe, expect, it } from 'vitest';
import { displayWidth, sanitizeCell, truncate } from './width.js';

describe('displayWidth', () => {
  it('counts ASCII as 1, CJK/fullwidth/emoji as 2, combining marks as 0', () => {
    expect(displayWidth('Test-VM')).toBe(7);
    expect(displayWidth('数据库服务器')).toBe(12);
    expect(displayWidth('云主机-01')).toBe(9);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('…│─')).toBe(3);
  });
});

describe('truncate', () => {
  it('cuts to the width with an ellipsis and leaves short text alone', () => {
    expect(truncate('abcdefghij', 10)).toBe('abcdefghij');
    expect(truncate('abcdefghij', 6)).toBe('abcde…');
    expect(truncate('abc', 1)).toBe('…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('never splits a wide character across the limit', () => {
    expect(truncate('数据库服务器', 5)).toBe('数据…');
    expect(truncate('数据库服务器', 6)).toBe('数据…');
    expect(displayWidth(truncate('数据库服务器', 6))).toBe(5);
    expect(truncate('a😀b😀c', 4)).toBe('a😀…');
  });
});

describe('sanitizeCell', () => {
  it('keeps a cell on one line and drops terminal escapes', () => {
    expect(sanitizeCell('a\nb\r\nc\td')).toBe('a⏎b⏎c d');
    expect(sanitizeCell('\x1b[31mred')).toBe('?[31mred');
    expect(sanitizeCell('plain')).toBe('plain');
  });
});
