// Filters names by what was typed: prefix matches (exact case first), or fuzzy matches when no name
// starts with the text. Prefix and fuzzy results are never mixed, so a unique prefix match stays unique.
import fuzzysort from 'fuzzysort';
export function matchNames(typed, names, fuzzyLimit = 100) {
    if (!typed)
        return [...names];
    const exactCase = names.filter((n) => n.startsWith(typed));
    const lower = typed.toLowerCase();
    const anyCase = names.filter((n) => !n.startsWith(typed) && n.toLowerCase().startsWith(lower));
    if (exactCase.length || anyCase.length)
        return [...exactCase, ...anyCase];
    // No name is a useful fuzzy match for text twice as long as it: skip the search (a pasted 1 MB word).
    if (!names.some((n) => typed.length <= 2 * n.length))
        return [];
    return fuzzysort.go(typed, names, { limit: fuzzyLimit, threshold: 0.3 }).map((r) => r.target);
}
