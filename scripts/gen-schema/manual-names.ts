// Maps names as the seed manual prints them (API, param, inventory and field names, with OCR slips
// such as `ChangeVmlImage`, `I3NetworkUuid`, `console Password`) onto the registry's names.
// The registry always wins: a manual name is only ever replaced by one of the given candidates.
import { closestNames, editDistance } from '../../src/schema/suggest.js';

/** Largest edit distance accepted as an OCR slip for a name of this length. */
function slipBudget(name: string): number {
  if (name.length >= 10) return 2;
  if (name.length >= 4) return 1;
  return 0;
}

/**
 * The candidate a printed name stands for: exact, then ignoring case and stray spaces, then the one
 * unambiguous candidate within a small edit distance. Undefined when none (or more than one) fits.
 */
export function resolveName(printed: string, candidates: readonly string[]): string | undefined {
  const name = printed.replace(/\s+/g, '');
  if (!name) return undefined;
  if (candidates.includes(name)) return name;
  const lower = name.toLowerCase();
  const sameLetters = candidates.filter((c) => c.toLowerCase() === lower);
  if (sameLetters.length === 1) return sameLetters[0];
  if (sameLetters.length > 1) return undefined;
  const budget = slipBudget(name);
  if (budget === 0) return undefined;
  const near = closestNames(name, candidates, 8)
    .map((c) => ({ c, d: editDistance(name, c) }))
    .filter((x) => x.d <= budget)
    .sort((a, b) => a.d - b.d);
  if (near.length === 0) return undefined;
  if (near.length > 1 && near[1]!.d === near[0]!.d) return undefined;
  return near[0]!.c;
}

/** A request path reduced to its shape: no `zstack/v1` prefix, no query string, `{}` for every placeholder. */
export function pathShape(path: string): string {
  return path
    .replace(/^\s*(GET|POST|PUT|DELETE)\s+/i, '')
    .replace(/^\/?(zstack\/)?v1(?=\/)/i, '')
    .replace(/\?.*$/, '')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '')
    .toLowerCase();
}
