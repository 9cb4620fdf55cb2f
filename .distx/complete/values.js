export const systemTimers = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h),
};
export function cachedValueSource(opts) {
    const timers = opts.timers ?? systemTimers;
    const ttl = opts.ttlMs ?? 30_000;
    const timeout = opts.timeoutMs ?? 200;
    const retry = opts.retryMs ?? 5_000;
    const maxFetch = opts.maxFetchMs ?? 15_000;
    const cache = new Map();
    let generation = 0;
    const fresh = (e, now) => !!e && e.at <= now && (e.failed ? now - e.at < retry : e.rows !== undefined && now - e.at < ttl);
    function start(key, ref) {
        const entry = cache.get(key) ?? { at: -Infinity };
        if (entry.inflight)
            return entry.inflight;
        const gen = generation;
        const ctl = new AbortController();
        const guard = timers.setTimeout(() => ctl.abort(), maxFetch);
        const settle = (rows) => {
            timers.clearTimeout(guard);
            const cur = cache.get(key);
            if (gen !== generation || cur !== entry)
                return; // invalidated meanwhile
            delete entry.inflight;
            entry.at = timers.now();
            if (rows) {
                entry.rows = rows;
                entry.failed = false;
            }
            else {
                entry.failed = true;
            }
        };
        let p;
        try {
            p = Promise.resolve(opts.fetch(ref, ctl.signal));
        }
        catch {
            p = Promise.reject(new Error('fetch threw'));
        }
        entry.inflight = p.then((rows) => settle(Array.isArray(rows) ? rows.filter(isRow) : undefined), () => settle(undefined));
        cache.set(key, entry);
        return entry.inflight;
    }
    function waitAtMost(p, ms, signal) {
        return new Promise((resolve) => {
            let done = false;
            const finish = () => {
                if (done)
                    return;
                done = true;
                timers.clearTimeout(handle);
                signal?.removeEventListener('abort', finish);
                resolve();
            };
            const handle = timers.setTimeout(finish, ms);
            signal?.addEventListener('abort', finish, { once: true });
            if (signal?.aborted)
                finish();
            p.then(finish, finish);
        });
    }
    return {
        async values(req, signal) {
            try {
                const key = req.queryApi;
                if (!fresh(cache.get(key), timers.now())) {
                    await waitAtMost(start(key, { queryApi: req.queryApi, inventory: req.inventory }), timeout, signal);
                }
                return itemsOf(cache.get(key)?.rows ?? [], req);
            }
            catch {
                return [];
            }
        },
        invalidate(queryApi) {
            generation++;
            if (queryApi === undefined)
                cache.clear();
            else
                cache.delete(queryApi);
        },
    };
}
function isRow(r) {
    return !!r && typeof r === 'object' && typeof r.uuid === 'string';
}
function itemsOf(rows, req) {
    const lower = req.prefix.toLowerCase();
    const out = [];
    if (req.field === 'name') {
        const seen = new Set();
        for (const r of rows) {
            const n = r.name;
            if (typeof n !== 'string' || n === '' || seen.has(n) || !n.toLowerCase().startsWith(lower))
                continue;
            seen.add(n);
            out.push({ value: n });
        }
        return out;
    }
    for (const r of rows) {
        if (!r.uuid.toLowerCase().startsWith(lower))
            continue;
        out.push(typeof r.name === 'string' && r.name !== '' ? { value: r.uuid, label: r.name } : { value: r.uuid });
    }
    return out;
}
