// How text from the user (or a server) is echoed back in one-line messages: control characters are
// escaped so they can neither break the line nor drive the terminal (an ESC from a pasted line or a
// VM name must never reach it raw), and long tokens are clipped so that a 100k-character word gives
// a short message. Pure.
/** Characters at most `clip` echoes of a token (escapes count as what they print). */
export const ECHO_LIMIT = 80;
/**
 * C0 and C1 controls, DEL, and the Unicode line/paragraph separators: what a terminal may act on or
 * break a line at. Tab and newline are in it too: a one-line message holds neither.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_G = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };
/** The visible escape of one control character: `\n`, `\e`, `\x07`, `\x9b`, `\u2028`. */
function escapeOne(c) {
    const named = NAMED[c];
    if (named)
        return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
/** Whether `s` holds a character that `escapeControls` would change. */
export function hasControls(s) {
    return CONTROL.test(s);
}
/** `s` with every control character written as a visible escape (`\e`, `\n`, `\x07`...). */
export function escapeControls(s) {
    return CONTROL.test(s) ? s.replace(CONTROL_G, escapeOne) : s;
}
/**
 * `s` escaped and cut to at most `max` printed characters, ending with `…` when something was cut.
 * Reads no more of `s` than it prints, so its cost does not grow with the length of `s`.
 */
export function clip(s, max = ECHO_LIMIT) {
    let out = '';
    let i = 0;
    while (i < s.length) {
        const code = s.charCodeAt(i);
        // Keep a surrogate pair whole.
        const n = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length ? 2 : 1;
        const ch = s.slice(i, i + n);
        const shown = CONTROL.test(ch) ? escapeOne(ch) : ch;
        if (out.length + shown.length > max)
            return `${out}…`;
        out += shown;
        i += n;
    }
    return out;
}
/** A token quoted for a message: `'<clip(s)>'`. */
export function quoted(s, max = ECHO_LIMIT) {
    return `'${clip(s, max)}'`;
}
/** Most problems reported for one line; a line of 100k bad words gets this many and a count. */
export const MAX_REPORTS = 10;
/** The first MAX_REPORTS of `items`, then `more(n)` for the n left out. */
export function capReports(items, more) {
    if (items.length <= MAX_REPORTS)
        return items;
    return [...items.slice(0, MAX_REPORTS), more(items.length - MAX_REPORTS)];
}
