// Decides how a result is shown: format (json when piped, table for queries on a TTY), color
// (NO_COLOR / FORCE_COLOR / TTY), and whether a pager may be used (TTY only, never in pipes).
import { OUTPUT_FORMATS } from '../render/options.js';
export const FORMATS = OUTPUT_FORMATS;
export function isFormat(s) {
    return FORMATS.includes(s);
}
export function colorEnabled(env, isTTY) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    if (env.FORCE_COLOR !== undefined)
        return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
    return isTTY;
}
/** `explicit` is the -o value if given; `tabular` says whether the value is a list of rows. */
export function chooseOutput(explicit, tabular, isTTY, env) {
    const format = explicit ?? (isTTY && tabular ? 'table' : 'json');
    return { format, color: colorEnabled(env, isTTY), pager: isTTY };
}
