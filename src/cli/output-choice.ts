// Decides how a result is shown: format (json when piped, table for queries on a TTY), color
// (NO_COLOR / FORCE_COLOR / TTY), and whether a pager may be used (TTY only, never in pipes).

import { OUTPUT_FORMATS, type OutputFormat } from '../render/options.js';

export type Format = OutputFormat;
export const FORMATS: readonly Format[] = OUTPUT_FORMATS;

export interface OutputChoice {
  format: Format;
  color: boolean;
  pager: boolean;
}

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export function colorEnabled(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

/** `explicit` is the -o value if given; `tabular` says whether the value is a list of rows. */
export function chooseOutput(
  explicit: Format | undefined,
  tabular: boolean,
  isTTY: boolean,
  env: Record<string, string | undefined>,
): OutputChoice {
  const format = explicit ?? (isTTY && tabular ? 'table' : 'json');
  return { format, color: colorEnabled(env, isTTY), pager: isTTY };
}
