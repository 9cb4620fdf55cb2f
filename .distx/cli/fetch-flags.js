/** Largest --page-size: pages are streamed, so this only bounds one request's work on the server. */
export const MAX_PAGE_SIZE = 100_000;
export function fetchFlags(f) {
    const out = {};
    if (f.raw && f.all)
        return '--raw prints one reply as it came; it does not go with --all';
    if (f.pageSize !== undefined) {
        if (!f.all)
            return '--page-size goes with --all';
        const n = Number(f.pageSize);
        if (!/^[0-9]+$/.test(f.pageSize.trim()) || n < 1 || n > MAX_PAGE_SIZE)
            return `--page-size must be a whole number from 1 to ${MAX_PAGE_SIZE.toLocaleString('en-US')}; got '${f.pageSize}'`;
        out.pageSize = n;
    }
    if (f.all)
        out.all = true;
    if (f.raw)
        out.raw = true;
    return out;
}
