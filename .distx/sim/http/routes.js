function split(path) {
    return path.split('/').filter((s) => s.length > 0);
}
export class Router {
    /** Templates by segment count, for a cheap first cut. */
    bySize = new Map();
    /** `serves` leaves out the APIs this node does not support. */
    constructor(registry, serves = () => true) {
        for (const name of registry.apiNames()) {
            const api = registry.api(name);
            if (!serves(api))
                continue;
            for (const [i, path] of [api.path, ...(api.optionalPaths ?? [])].entries()) {
                const parts = split(path);
                const segs = parts.map((p) => (/^\{.+\}$/.test(p) ? null : p));
                const vars = parts.map((p) => (/^\{.+\}$/.test(p) ? p.slice(1, -1) : null));
                const t = { api, segs, vars, literals: segs.filter((s) => s !== null).length, main: i === 0 };
                const list = this.bySize.get(segs.length) ?? [];
                list.push(t);
                this.bySize.set(segs.length, list);
            }
        }
    }
    /** `path` is below `/zstack/v1`, already percent-decoded per segment by the caller. */
    match(method, segments) {
        const hits = [];
        for (const t of this.bySize.get(segments.length) ?? []) {
            if (t.segs.every((s, i) => s === null || s === segments[i]))
                hits.push(t);
        }
        if (hits.length === 0)
            return { kind: 'notFound' };
        const same = hits.filter((t) => t.api.method === method);
        if (same.length === 0)
            return { kind: 'wrongMethod', allowed: [...new Set(hits.map((t) => t.api.method))] };
        const best = Math.max(...same.map((t) => t.literals));
        const chosen = same.filter((t) => t.literals === best).sort((a, b) => Number(b.main) - Number(a.main));
        const seen = new Set();
        const candidates = [];
        for (const t of chosen) {
            if (seen.has(t.api.name))
                continue;
            seen.add(t.api.name);
            const pathParams = {};
            t.vars.forEach((v, i) => {
                if (v)
                    pathParams[v] = segments[i];
            });
            candidates.push({ api: t.api, pathParams });
        }
        return { kind: 'ok', candidates };
    }
}
