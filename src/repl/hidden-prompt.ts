// The one-shot hidden prompt: asks for a password on the process's terminal with the same look and
// keys as the shell (`Password for admin: `, nothing echoed, Ctrl-C cancels). Raw mode is restored
// whatever happens.
import { emitKeypressEvents } from 'node:readline';
import type { KeyInfo } from './search.js';
import { SecretInput, secretPrompt } from './secret-input.js';

export interface HiddenPromptStreams {
  stdin: NodeJS.ReadStream;
  /** Where the prompt is written (stderr, so stdout stays the command's output). */
  output: { write(s: string): unknown };
}

/** Resolves the typed value, or undefined when cancelled (Ctrl-C, Ctrl-D, end of input). */
export function readHidden(streams: HiddenPromptStreams, message: string): Promise<string | undefined> {
  const { stdin, output } = streams;
  emitKeypressEvents(stdin);
  const wasRaw = stdin.isRaw === true;
  // No echo before the prompt shows: keys typed as soon as it appears must not reach the screen.
  if (stdin.isTTY) stdin.setRawMode(true);
  output.write(secretPrompt(message));
  stdin.resume();
  const input = new SecretInput();
  return new Promise((resolve) => {
    const finish = (value: string | undefined, echo: string): void => {
      stdin.off('keypress', onKey);
      stdin.off('end', onEnd);
      if (stdin.isTTY) stdin.setRawMode(wasRaw);
      stdin.pause();
      output.write(echo);
      resolve(value);
    };
    const onKey = (s: string | undefined, key: KeyInfo | undefined): void => {
      const step = input.key(s, key);
      if (step.state === 'done') finish(step.value, '\n');
      else if (step.state === 'cancelled') finish(undefined, '^C\n');
    };
    const onEnd = (): void => finish(undefined, '\n');
    stdin.on('keypress', onKey);
    stdin.on('end', onEnd);
  });
}
