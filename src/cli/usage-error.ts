// One-line rendering of usage errors (parse diagnostics, plan errors) for stderr.
import type { Diagnostic } from '../parse/ast.js';
import type { PlanError } from '../plan/errors.js';

/** `error: <message> (<hint>)` on one line. */
export function usageLine(e: PlanError | Diagnostic): string {
  return `error: ${e.message}${e.hint ? ` (${e.hint})` : ''}`;
}
