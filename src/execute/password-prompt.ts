// Hidden password prompt (enquirer, imported lazily); the CLI injects it where LogInByAccount lacks a password.
import { InterruptedError } from './errors.js';

/** Asks for a secret; rejects with `InterruptedError` on Ctrl-C / Esc. */
export type PasswordPrompt = (message: string) => Promise<string>;

export interface PasswordPromptStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** A prompt on the given terminal streams (the CLI passes process.stdin/stderr). */
export function createPasswordPrompt(streams: PasswordPromptStreams): PasswordPrompt {
  return async (message) => {
    const { default: enquirer } = await import('enquirer');
    try {
      const answer = await enquirer.prompt<{ password: string }>({
        type: 'password',
        name: 'password',
        message,
        stdin: streams.stdin,
        stdout: streams.stdout,
      });
      return answer.password;
    } catch {
      // enquirer rejects (with an empty value) when the user cancels.
      throw new InterruptedError();
    }
  };
}
