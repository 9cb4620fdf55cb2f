// Test helpers for the planner: a line planned against the real registry, or its errors.
import { parseLine } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { planCommand } from './planner.js';
import type { PlannedRequest } from './request.js';

export const registry = loadRegistry();

/** The request a line plans to; throws with the errors when it does not plan. */
export function planLine(line: string): PlannedRequest {
  const r = planCommand(registry, parseLine(line).command!);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.request;
}

/** The errors of a line (`message | hint` with `hints`), or [] when it plans. */
export function planErrors(line: string, hints = false): string[] {
  const r = planCommand(registry, parseLine(line).command!);
  return r.ok ? [] : r.errors.map((e) => (hints && e.hint ? `${e.message} | ${e.hint}` : e.message));
}
