// A yes/no question on the terminal with enquirer's Confirm (y, n or Enter for the default no;
// Ctrl-C and Esc cancel). Standalone it reads the process's terminal; inside the shell, node:readline
// owns stdin, so the shell forwards each key to a KeyFeed: a stand-in TTY stream enquirer reads from.
import { PassThrough } from 'node:stream';
/**
 * Asks `message` (y/N). Resolves true or false, or undefined when cancelled (Ctrl-C, Esc, or the
 * signal aborting). `shown` is called once the question is drawn and reads keys. enquirer is loaded
 * only when a question is asked.
 */
export async function askConfirm(message, io, signal, shown) {
    if (signal?.aborted)
        return undefined;
    const { default: enquirer } = await import('enquirer');
    const Confirm = enquirer.Confirm;
    const prompt = new Confirm({
        name: 'confirm',
        message,
        initial: false,
        stdin: io.stdin,
        stdout: io.stdout,
        styles: { enabled: io.color },
        format: (v) => (v ? 'yes' : 'no'),
    });
    // Cancelling is only safe once the prompt runs (drawn, listening): an abort before waits for that.
    let started = false;
    const cancel = () => void prompt.cancel().catch(() => undefined);
    const onAbort = () => {
        if (started)
            cancel();
    };
    prompt.once('run', () => {
        started = true;
        if (signal?.aborted)
            cancel();
        else
            shown?.();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        return await prompt.run();
    }
    catch {
        return undefined;
    }
    finally {
        signal?.removeEventListener('abort', onAbort);
    }
}
/**
 * A stand-in terminal input: the shell passes each key it receives while a question is open, and
 * enquirer reads them as if typed on a TTY in raw mode. Nothing here touches the real terminal.
 */
export class KeyFeed {
    stream;
    constructor() {
        const stream = new PassThrough({ encoding: 'utf8' });
        stream.isTTY = true;
        stream.isRaw = true;
        stream.setRawMode = (mode) => {
            stream.isRaw = mode;
            return stream;
        };
        this.stream = stream;
    }
    /** One key as node:readline reported it: its escape sequence when it has one, else its text. */
    key(s, key) {
        const seq = key?.sequence ?? s;
        if (seq && !this.stream.writableEnded)
            this.stream.write(seq);
    }
    close() {
        this.stream.end();
    }
}
