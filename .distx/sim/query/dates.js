// ZStack's timestamp text (`Nov 14, 2017 10:20:57 PM`, UTC here) and parsing of date values in query conditions.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const cache = new Map();
/** The last date asked for: rows written one after another mostly hold the same few dates. */
let lastMs = NaN;
let lastText = '';
export function formatDate(ms) {
    if (ms === lastMs)
        return lastText;
    const text = dateText(ms);
    lastMs = ms;
    lastText = text;
    return text;
}
function dateText(ms) {
    const hit = cache.get(ms);
    if (hit !== undefined)
        return hit;
    const d = new Date(ms);
    const h24 = d.getUTCHours();
    const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
    const mm = String(d.getUTCMinutes()).padStart(2, '0');
    const ss = String(d.getUTCSeconds()).padStart(2, '0');
    const text = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${h12}:${mm}:${ss} ${h24 < 12 ? 'AM' : 'PM'}`;
    if (cache.size > 50_000)
        cache.clear();
    cache.set(ms, text);
    return text;
}
/**
 * A condition value for a Timestamp field: epoch milliseconds, `YYYY-MM-DD[ HH:MM[:SS]]`, or ZStack's own
 * `Mon D, YYYY H:MM:SS AM` (both read as UTC). Undefined when it is none of these.
 */
export function parseDate(text) {
    const t = text.trim();
    if (/^-?\d+$/.test(t))
        return Number(t);
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
    if (m)
        return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(t);
    if (m) {
        const month = MONTHS.indexOf(m[1]);
        if (month < 0)
            return undefined;
        const h = (+m[4] % 12) + (m[7] === 'PM' ? 12 : 0);
        return Date.UTC(+m[3], month, +m[2], h, +m[5], +m[6]);
    }
    return undefined;
}
