// Typing a hidden value (a password): keys edit an invisible line; Enter gives it, Ctrl-C or Ctrl-D
// cancels. Nothing is echoed, not even a mask (its length stays secret). Used by the shell while a
// command asks, and by one-shot commands on their terminal, so both look the same.
import type { KeyInfo } from './search.js';

/** What a key did: still typing, done (with the value), or cancelled. */
export type SecretStep = { state: 'typing' } | { state: 'done'; value: string } | { state: 'cancelled' };

export class SecretInput {
  private text = '';

  key(s: string | undefined, key: KeyInfo | undefined): SecretStep {
    if (key?.ctrl && (key.name === 'c' || key.name === 'd')) return { state: 'cancelled' };
    if (key?.name === 'return' || key?.name === 'enter') return { state: 'done', value: this.text };
    if (key?.name === 'backspace') this.text = [...this.text].slice(0, -1).join('');
    else if (key?.ctrl && key.name === 'u') this.text = '';
    // eslint-disable-next-line no-control-regex
    else if (s && !key?.ctrl && !key?.meta && !/[\x00-\x1f\x7f]/.test(s)) this.text += s;
    return { state: 'typing' };
  }
}

/** The prompt both front ends show: `Password for admin: `. */
export function secretPrompt(message: string): string {
  return message.endsWith(' ') ? message : `${message} `;
}
