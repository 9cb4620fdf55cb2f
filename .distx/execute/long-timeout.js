// Timers for any delay. Node's setTimeout takes at most 2^31-1 ms (24.8 days): beyond that it fires
// after 1 ms with a warning, so `--timeout 600h` would time out at once. Longer delays are chained.
/** The longest delay one Node timer takes. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** Calls `fn` once after `ms` (clamped to at least 1 ms); returns the function that cancels it. */
export function setLongTimeout(fn, ms, maxStepMs = MAX_TIMER_MS) {
    let left = Math.max(1, ms);
    let timer;
    const arm = () => {
        const step = Math.min(left, maxStepMs);
        left -= step;
        timer = setTimeout(left > 0 ? arm : fn, step);
    };
    if (Number.isFinite(left))
        arm();
    return () => clearTimeout(timer);
}
/** An AbortSignal that aborts after `ms`, and the function that stops it early. */
export function deadlineSignal(ms) {
    const ctl = new AbortController();
    const clear = setLongTimeout(() => ctl.abort(), ms);
    return { signal: ctl.signal, clear };
}
