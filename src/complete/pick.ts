// Which candidate a single Tab takes when the typed text starts none of them: for API names matched
// fuzzily (`qvmins`), the best-ranked one (QueryVmInstance). Shared by every adapter (REPL, bash, zsh).
import type { Candidate, Completion } from './types.js';

/** The candidate to take whole, or undefined when the usual common-prefix rule applies. */
export function fuzzyPick(c: Completion, typed: string): Candidate | undefined {
  const first = c.candidates[0];
  if (!first || first.group !== 'api' || typed === '') return undefined;
  const lower = typed.toLowerCase();
  return c.candidates.some((x) => x.value.toLowerCase().startsWith(lower)) ? undefined : first;
}
