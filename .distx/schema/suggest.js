// "Did you mean" ranking for names (APIs, params, fields): fuzzy subsequence match plus edit distance.
// The work is bounded by the candidates, never by the query: a 1 MB unknown name costs no more than a
// short one (a name cannot be close to a query much longer than itself, so it is not even compared).
import fuzzysort from 'fuzzysort';
/**
 * Damerau-Levenshtein (optimal string alignment) distance, case-insensitive. With `max`, stops as soon
 * as the distance is known to exceed it and returns `max + 1`.
 */
export function editDistance(a, b, max = Infinity, work) {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    if (Math.abs(s.length - t.length) > max)
        return max + 1;
    const rows = s.length + 1;
    const cols = t.length + 1;
    const d = new Array(rows * cols).fill(0);
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        let rowMin = d[i * cols];
        for (let j = 1; j < cols; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
                v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
            }
            d[i * cols + j] = v;
            if (v < rowMin)
                rowMin = v;
        }
        if (work)
            work.cells += cols - 1;
        // A transposition reaches back two rows, so stop only when two rows in a row are over the bound.
        if (rowMin > max && i > 1 && minOfRow(d, i - 1, cols) > max)
            return max + 1;
    }
    const v = d[rows * cols - 1];
    return v > max ? max + 1 : v;
}
function minOfRow(d, i, cols) {
    let m = Infinity;
    for (let j = 0; j < cols; j++)
        m = Math.min(m, d[i * cols + j]);
    return m;
}
function longest(names) {
    let n = 0;
    for (const c of names)
        if (c.length > n)
            n = c.length;
    return n;
}
/**
 * Fuzzy matches (subsequence, fuzzysort's ranking), best first. A query more than twice as long as
 * every candidate matches none of them usefully and is not searched.
 */
export function fuzzyMatch(query, candidates, limit = 50, work) {
    if (!query)
        return candidates.slice(0, limit);
    if (query.length > 2 * longest(candidates))
        return [];
    if (work)
        work.fuzzyChars += candidates.length * query.length;
    return fuzzysort.go(query, candidates, { limit, threshold: 0.2 }).map((r) => r.target);
}
/**
 * The closest names to a mistyped one: small edit distance first, then fuzzy subsequence matches.
 * Returns at most `limit` distinct names.
 */
export function closestNames(query, candidates, limit = 3, work) {
    if (!query)
        return [];
    const q = query.toLowerCase();
    const budget = Math.max(2, Math.floor(query.length / 3));
    const byDistance = [];
    for (const c of candidates) {
        // The distance is at least the difference in length: skip names that cannot be within budget
        // (the prefix bonus below is worth 1), so no query is compared with a much shorter name.
        if (Math.abs(c.length - query.length) > budget + 1)
            continue;
        const lc = c.toLowerCase();
        // A prefix or containment is a strong hint even when the distance is large.
        const bonus = lc.startsWith(q) || q.startsWith(lc) ? -1 : 0;
        const d = editDistance(query, c, budget - bonus, work) + bonus;
        if (d <= budget)
            byDistance.push({ c, d });
    }
    byDistance.sort((x, y) => x.d - y.d || x.c.length - y.c.length);
    const out = [];
    for (const x of byDistance)
        if (out.length < limit && !out.includes(x.c))
            out.push(x.c);
    if (out.length < limit) {
        for (const c of fuzzyMatch(query, candidates, limit * 2, work)) {
            if (out.length >= limit)
                break;
            if (!out.includes(c))
                out.push(c);
        }
    }
    return out;
}
