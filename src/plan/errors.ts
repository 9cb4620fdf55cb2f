// A usage error found while planning: one line naming the token, an optional hint, where it is.
import type { Span } from '../parse/ast.js';

export interface PlanError {
  message: string;
  hint?: string;
  span?: Span;
}

export function planError(message: string, hint?: string, span?: Span): PlanError {
  const e: PlanError = { message };
  if (hint) e.hint = hint;
  if (span) e.span = span;
  return e;
}

/** `did you mean a, b?` or undefined when there is nothing close. */
export function didYouMean(names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  return `did you mean ${names.join(', ')}?`;
}
