// Public option types for the renderers.

export type OutputFormat = 'json' | 'table' | 'yaml' | 'csv' | 'value';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'table', 'yaml', 'csv', 'value'];

export interface RenderOptions {
  format: OutputFormat;
  /** Columns to show, as dotted paths (`uuid`, `vmNics.ip`, `vmNics.0.mac`). Empty/absent = default. */
  columns?: string[];
  /** ANSI colours on/off. Colours come from a private chalk instance; terminal detection is the caller's job. */
  color: boolean;
  /** Terminal width in columns, for `table`. Absent = unlimited (no column dropping, no truncation). */
  width?: number;
  /** The output is a terminal: `csv` escapes control characters (the other human formats always do). */
  terminal?: boolean;
}
