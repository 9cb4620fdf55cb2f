// "Did you mean" ranking for names (APIs, params, fields): fuzzy subsequence match plus edit distance.
import fuzzysort from 'fuzzysort';

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** Fuzzy matches (subsequence, fuzzysort's ranking), best first. */
export function fuzzyMatch(query: string, candidates: readonly string[], limit = 50): string[] {
  if (!query) return candidates.slice(0, limit);
  return fuzzysort.go(query, candidates as string[], { limit, threshold: 0.2 }).map((r) => r.target);
}

/**
 * The closest names to a mistyped one: small edit distance first, then fuzzy subsequence matches.
 * Returns at most `limit` distinct names.
 */
export function closestNames(query: string, candidates: readonly string[], limit = 3): string[] {
  if (!query) return [];
  const q = query.toLowerCase();
  const budget = Math.max(2, Math.floor(query.length / 3));
  const byDistance = candidates
    .map((c) => {
      const lc = c.toLowerCase();
      // A prefix or containment is a strong hint even when the distance is large.
      const bonus = lc.startsWith(q) || q.startsWith(lc) ? -1 : 0;
      return { c, d: editDistance(query, c) + bonus };
    })
    .filter((x) => x.d <= budget)
    .sort((x, y) => x.d - y.d || x.c.length - y.c.length);
  const out: string[] = [];
  for (const x of byDistance) if (out.length < limit && !out.includes(x.c)) out.push(x.c);
  if (out.length < limit) {
    for (const c of fuzzyMatch(query, candidates, limit * 2)) {
      if (out.length >= limit) break;
      if (!out.includes(c)) out.push(c);
    }
  }
  return out;
}
