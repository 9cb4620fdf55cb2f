// The one-shot hidden prompt: asks for a password on the process's terminal with the same look and
// keys as the shell (`Password for admin: `, nothing echoed, Ctrl-C cancels). Raw mode is restored
// whatever happens.
import { emitKeypressEvents } from 'node:readline';
import { SecretInput, secretPrompt } from './secret-input.js';
/** Resolves the typed value, or undefined when cancelled (Ctrl-C, Ctrl-D, end of input). */
export function readHidden(streams, message) {
    const { stdin, output } = streams;
    emitKeypressEvents(stdin);
    const wasRaw = stdin.isRaw === true;
    // No echo before the prompt shows: keys typed as soon as it appears must not reach the screen.
    if (stdin.isTTY)
        stdin.setRawMode(true);
    output.write(secretPrompt(message));
    stdin.resume();
    const input = new SecretInput();
    return new Promise((resolve) => {
        const finish = (value, echo) => {
            stdin.off('keypress', onKey);
            stdin.off('end', onEnd);
            if (stdin.isTTY)
                stdin.setRawMode(wasRaw);
            stdin.pause();
            output.write(echo);
            resolve(value);
        };
        const onKey = (s, key) => {
            const step = input.key(s, key);
            if (step.state === 'done')
                finish(step.value, '\n');
            else if (step.state === 'cancelled')
                finish(undefined, '^C\n');
        };
        const onEnd = () => finish(undefined, '\n');
        stdin.on('keypress', onKey);
        stdin.on('end', onEnd);
    });
}
