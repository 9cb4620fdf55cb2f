const EVERY_MS = 100;
export function progressText(rows, expected) {
    const n = rows.toLocaleString('en-US');
    return expected === undefined ? `${n} rows` : `${n} / ${expected.toLocaleString('en-US')} rows`;
}
export function startProgress(err, now = Date.now) {
    // Quick results never show the line.
    let last = now();
    let shown = false;
    return {
        update(rows, expected) {
            const t = now();
            if (t - last < EVERY_MS)
                return;
            last = t;
            shown = true;
            err.write(`\r${progressText(rows, expected)}\x1b[K`);
        },
        done() {
            if (shown)
                err.write('\r\x1b[K');
            shown = false;
        },
    };
}
