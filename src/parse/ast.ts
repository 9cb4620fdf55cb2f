// Syntax tree of one command line: `ApiName key<op>value ...`, with source spans for every part.

/** The ten comparison operators of ZStack's query language (manual 3.9); `=null`/`!=null` mean is/not null. */
export const OPERATORS = ['=', '!=', '>', '<', '>=', '<=', '?=', '!?=', '~=', '!~='] as const;
export type Operator = (typeof OPERATORS)[number];

/** Half-open character range [start, end) in the source line. */
export interface Span {
  start: number;
  end: number;
}

export interface Token {
  /** The token as typed, quotes and escapes included. */
  raw: string;
  /** The token after quote and escape removal. */
  text: string;
  span: Span;
  /** For each character of `text`, its offset in the line (for sub-spans). */
  offsets: number[];
  /** For each character of `text`, whether it came from inside quotes or an escape (not syntax). */
  literal: boolean[];
  /** Set when the line ended inside a quote. */
  unterminated?: '"' | "'";
}

export interface ArgNode {
  span: Span;
  key: string;
  keySpan: Span;
  /** Absent when the token has no operator (a bare word, or a key being typed). */
  op?: Operator;
  opSpan?: Span;
  value: string;
  valueSpan: Span;
  /** Some part of the value was quoted or escaped: `name="null"` is the string null, not "is null". */
  valueQuoted: boolean;
  /** Indexes in `value` of commas written as `\,`: never list separators. */
  literalCommas: number[];
}

export interface CommandNode {
  name: string;
  nameSpan: Span;
  args: ArgNode[];
  span: Span;
}

/** One option word, with its value when it takes one. */
export interface OptionNode {
  /** The option's long name, e.g. `--output` (also when written `-o`). */
  name: string;
  /** As written: `-o`, `--output`. */
  written: string;
  value?: string;
  /** The option and its value word. */
  span: Span;
}

export interface Diagnostic {
  span: Span;
  message: string;
  hint?: string;
}

export interface ParseResult {
  /** Absent for an empty or comment-only line. */
  command?: CommandNode;
  tokens: Token[];
  diagnostics: Diagnostic[];
  /** Option words anywhere on the line (`-o json`, `--dry-run`); only when parsed with an option syntax. */
  options: OptionNode[];
}
