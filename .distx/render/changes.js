// One frame of `watch` on a terminal: the lines clipped to the screen, and what changed since the
// previous frame shown in reverse video (as `watch -d` does). Pure: text in, text out.
import { codePointWidth, sanitizeCell } from './width.js';
const REVERSE = '\x1b[7m';
const NORMAL = '\x1b[27m';
/** At most `width` columns of a line (characters, not bytes; wide ones count two). */
export function clipColumns(line, width) {
    const out = [];
    let w = 0;
    for (const ch of line) {
        const cw = codePointWidth(ch.codePointAt(0));
        if (w + cw > width)
            break;
        w += cw;
        out.push(ch);
    }
    return out;
}
/**
 * The lines of `next` fitted to `rows` x `width`, with each character that differs from the same
 * place in `prev` highlighted. Control characters are made harmless first.
 */
export function highlightChanges(prev, next, width, rows) {
    const shown = next.slice(0, Math.max(0, rows));
    return shown.map((line, i) => {
        const now = clipColumns(sanitizeCell(line), width);
        if (!prev)
            return now.join('');
        const before = clipColumns(sanitizeCell(prev[i] ?? ''), width);
        let out = '';
        let on = false;
        for (let j = 0; j < now.length; j++) {
            const changed = before[j] !== now[j];
            if (changed !== on) {
                out += changed ? REVERSE : NORMAL;
                on = changed;
            }
            out += now[j];
        }
        return on ? out + NORMAL : out;
    });
}
