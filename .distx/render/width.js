// Terminal display width of text: East-Asian Wide/Fullwidth characters (CJK, Hangul, fullwidth forms,
// most emoji) take 2 columns, combining marks and zero-width characters take 0, everything else 1.
// East-Asian "Ambiguous" characters (e.g. box drawing, `…`) are counted as 1, as most terminals do.
// Also: cell sanitising (control characters would break a table line) and truncation with `…`.
// Sorted, non-overlapping [first, last] code point ranges of width 2.
const WIDE = [
    0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
    0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1,
    0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea,
    0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
    0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
    0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x303e,
    0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf, 0xa960, 0xa97f, 0xac00, 0xd7a3,
    0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe4,
    0x17000, 0x18cff, 0x1aff0, 0x1b2ff, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e,
    0x1f191, 0x1f19a, 0x1f200, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251,
    0x1f260, 0x1f265, 0x1f300, 0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393,
    0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e,
    0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567,
    0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5,
    0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d7, 0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec,
    0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945,
    0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fa88, 0x1fa90, 0x1fabd, 0x1fabf, 0x1fac5,
    0x1face, 0x1fadb, 0x1fae0, 0x1fae8, 0x1faf0, 0x1faf8, 0x20000, 0x2fffd, 0x30000, 0x3fffd,
];
function inWide(cp) {
    let lo = 0;
    let hi = WIDE.length / 2 - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < WIDE[mid * 2])
            hi = mid - 1;
        else if (cp > WIDE[mid * 2 + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]/u;
/** Columns one code point takes on a terminal (0, 1 or 2). */
export function codePointWidth(cp) {
    if (cp < 0x300)
        return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
    if (inWide(cp))
        return 2;
    if (ZERO_WIDTH.test(String.fromCodePoint(cp)))
        return 0;
    return 1;
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Display width of a string on a terminal (no ANSI escapes expected). */
export function displayWidth(s) {
    if (PRINTABLE_ASCII.test(s))
        return s.length;
    let w = 0;
    for (const ch of s)
        w += codePointWidth(ch.codePointAt(0));
    return w;
}
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
const UNSAFE_G = /\r\n|[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
/**
 * Makes text safe for one table cell: line breaks become `⏎`, tabs a space, and other control
 * characters (notably ESC, which could inject terminal sequences) `?`.
 */
export function sanitizeCell(s) {
    if (!UNSAFE.test(s))
        return s;
    return s.replace(UNSAFE_G, (c) => (c === '\t' ? ' ' : c === '\r\n' || c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' ? '⏎' : '?'));
}
/** Cuts `s` (already sanitised) to at most `max` columns, ending with `…` when something was cut. */
export function truncate(s, max, width = displayWidth(s)) {
    if (width <= max)
        return s;
    if (max <= 0)
        return '';
    if (max === 1)
        return '…';
    const limit = max - 1;
    if (PRINTABLE_ASCII.test(s))
        return s.slice(0, limit) + '…';
    let w = 0;
    let out = '';
    for (const ch of s) {
        const cw = codePointWidth(ch.codePointAt(0));
        if (w + cw > limit)
            break;
        w += cw;
        out += ch;
    }
    return out + '…';
}
/** `s` followed by spaces up to `width` columns (`sw` is its display width). */
export function padEnd(s, sw, width) {
    return sw >= width ? s : s + ' '.repeat(width - sw);
}
/** Spaces up to `width` columns followed by `s`. */
export function padStart(s, sw, width) {
    return sw >= width ? s : ' '.repeat(width - sw) + s;
}
