// A script's bytes -> its lines, refusing what is not a text script: a NUL byte, bytes that are not
// UTF-8, or a line over 1 MB, each reported as one line naming the file and the line. Streaming with
// bounded memory (one line of at most 1 MB plus one read chunk). A file is checked whole before its
// first line runs; stdin, which cannot be read twice, is checked line by line before each one runs.
import { isUtf8 } from 'node:buffer';
import { EXIT_CODES, UsageError } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { escapeControls } from '../parse/echo.js';
import { runScript } from './script.js';
/** Longest script line accepted, in bytes. */
export const MAX_LINE_BYTES = 1 << 20;
/** Why a script is refused (exit 2). */
export class NotTextScript extends UsageError {
}
function refuse(source, lineNo, why) {
    return new NotTextScript(`${escapeControls(source)}:${lineNo}: not a text script: ${why}`);
}
function decodeLine(bytes, source, lineNo) {
    if (bytes.includes(0))
        throw refuse(source, lineNo, 'it holds a NUL byte');
    if (!isUtf8(bytes))
        throw refuse(source, lineNo, 'it is not UTF-8');
    const text = bytes.toString('utf8');
    // A byte-order mark some editors write first.
    return lineNo === 1 && text.startsWith('\ufeff') ? text.slice(1) : text;
}
/** The lines of `input` (without their `\n`), or a NotTextScript thrown at the first bad line. */
export async function* textLines(input, source) {
    let parts = [];
    let held = 0;
    let lineNo = 1;
    for await (const chunk of input) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        let from = 0;
        while (from < buf.length) {
            const nl = buf.indexOf(0x0a, from);
            const end = nl === -1 ? buf.length : nl;
            if (held + (end - from) > MAX_LINE_BYTES)
                throw refuse(source, lineNo, 'the line is longer than 1 MB');
            if (end > from) {
                parts.push(buf.subarray(from, end));
                held += end - from;
            }
            if (nl === -1)
                break;
            const line = parts.length === 1 ? parts[0] : Buffer.concat(parts, held);
            parts = [];
            held = 0;
            yield decodeLine(line, source, lineNo);
            lineNo++;
            from = nl + 1;
        }
    }
    if (held > 0)
        yield decodeLine(parts.length === 1 ? parts[0] : Buffer.concat(parts, held), source, lineNo);
}
/**
 * Runs a script given as bytes. With `reopen` (a file), the whole text is checked first and nothing
 * runs when it is refused; without it (stdin), lines run until the first bad one. A refusal is exit 2.
 */
export async function runScriptText(input, opts, reopen) {
    try {
        if (reopen) {
            for await (const _line of textLines(input, opts.source)) {
                // Only checking: every line is decoded and dropped.
            }
            input = reopen();
        }
        return await runScript(textLines(input, opts.source), opts);
    }
    catch (e) {
        if (!(e instanceof NotTextScript))
            throw e;
        opts.reportError(renderError(e));
        return EXIT_CODES.usage;
    }
}
