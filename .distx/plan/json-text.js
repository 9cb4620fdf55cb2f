// JSON text for request bodies, writing Java longs beyond 2^53 exactly (JSON.stringify cannot).
import { randomBytes } from 'node:crypto';
/** An integer kept as its decimal digits because a JS number would round it. */
export class ExactLong {
    digits;
    constructor(digits) {
        this.digits = digits;
    }
}
/** Like JSON.stringify(value, null, indent), but ExactLong values are written as bare numbers. */
export function toJsonText(value, indent) {
    const marks = [];
    // A per-call nonce so that no user string can look like a placeholder; drawn at the first
    // ExactLong (before it no placeholder exists), so most bodies never load node:crypto.
    let nonce;
    const text = JSON.stringify(value, (_key, v) => {
        if (v instanceof ExactLong) {
            nonce ??= randomBytes(6).toString('hex');
            marks.push(v.digits);
            return `\u0000${nonce}:${marks.length - 1}\u0000`;
        }
        return v;
    }, indent);
    if (marks.length === 0)
        return text;
    const placeholder = new RegExp(`"\\\\u0000${nonce}:(\\d+)\\\\u0000"`, 'g');
    return text.replace(placeholder, (_m, i) => marks[Number(i)]);
}
