import { describe, expect, it } from 'vitest';
import { SecretInput, secretPrompt } from './secret-input.js';

describe('SecretInput', () => {
  it('collects printable keys, edits with Backspace and Ctrl-U, gives the value on Enter', () => {
    const s = new SecretInput();
    for (const ch of 'pa55') expect(s.key(ch, { name: ch })).toEqual({ state: 'typing' });
    s.key(undefined, { name: 'backspace' });
    s.key('\x1b[A', { name: 'up' }); // an arrow is not text
    s.key('\x01', { name: 'a', ctrl: true });
    expect(s.key('\r', { name: 'return' })).toEqual({ state: 'done', value: 'pa5' });
    const t = new SecretInput();
    t.key('x', { name: 'x' });
    t.key(undefined, { name: 'u', ctrl: true });
    t.key('密', {});
    expect(t.key('\r', { name: 'enter' })).toEqual({ state: 'done', value: '密' });
  });

  it('Ctrl-C and Ctrl-D cancel', () => {
    expect(new SecretInput().key(undefined, { name: 'c', ctrl: true })).toEqual({ state: 'cancelled' });
    expect(new SecretInput().key(undefined, { name: 'd', ctrl: true })).toEqual({ state: 'cancelled' });
  });

  it('the prompt ends with one space', () => {
    expect(secretPrompt('Password for admin:')).toBe('Password for admin: ');
    expect(secretPrompt('Password for admin: ')).toBe('Password for admin: ');
  });
});
