// One-line rendering of usage errors (parse diagnostics, plan errors) for stderr.
import type { Diagnostic } from '../parse/ast.js';
import type { PlanError } from '../plan/errors.js';

/** `Error: <message> (<hint>)` on one line, like the executor's errors. */
export function usageLine(e: PlanError | Diagnostic): string {
  return `Error: ${e.message}${e.hint ? ` (${e.hint})` : ''}`;
}
