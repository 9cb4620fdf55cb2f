// Splits a command line into shell-style words: whitespace separates, '...' is literal, "..." allows
// \" and \\ escapes, a backslash outside quotes escapes the next character, `\,` is a literal comma
// (never a list separator), and an unquoted `#` starting a word begins a comment. Never throws.
import type { Span, Token } from './ast.js';

export interface LexResult {
  tokens: Token[];
  /** Indexes (per token) of commas written as `\,`. */
  escapedCommas: number[][];
  /** Span of a trailing comment, if any. */
  comment?: Span;
  /** Where the line went on past `maxTokens` words (nothing from there on was read). */
  overflow?: Span;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Characters that end a run of plain text inside a word: space, quotes, backslash. */
const isSpecial = (c: number): boolean => isSpace(c) || c === 0x27 || c === 0x22 || c === 0x5c;

/** The text of one token as it is read: pieces joined at its end, an offset and a literal flag per character. */
class TextBuilder {
  readonly pieces: string[] = [];
  readonly offsets: number[] = [];
  readonly literal: boolean[] = [];
  length = 0;

  constructor(private readonly line: string) {}

  /** Line characters [from, to) taken as they are. */
  run(from: number, to: number, lit: boolean): void {
    if (to <= from) return;
    this.pieces.push(this.line.slice(from, to));
    for (let k = from; k < to; k++) {
      this.offsets.push(k);
      this.literal.push(lit);
    }
    this.length += to - from;
  }

  /** One escaped character of text, written at `at` in the line. */
  escaped(c: string, at: number): void {
    this.pieces.push(c);
    this.offsets.push(at);
    this.literal.push(true);
    this.length++;
  }

  text(): string {
    return this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
  }
}

/** Splits `line` into words; with `maxTokens`, stops reading after that many (see `overflow`). */
export function lex(line: string, maxTokens = Infinity): LexResult {
  const tokens: Token[] = [];
  const escapedCommas: number[][] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) break;
    if (line[i] === '#') return { tokens, escapedCommas, comment: { start: i, end: n } };
    if (tokens.length >= maxTokens) return { tokens, escapedCommas, overflow: { start: i, end: n } };
    const start = i;
    const b = new TextBuilder(line);
    const commas: number[] = [];
    let unterminated: '"' | "'" | undefined;
    while (i < n && !isSpace(line.charCodeAt(i))) {
      const c = line.charCodeAt(i);
      if (c === 0x27) {
        const close = line.indexOf("'", i + 1);
        const end = close === -1 ? n : close;
        b.run(i + 1, end, true);
        if (close === -1) unterminated = "'";
        i = close === -1 ? n : close + 1;
      } else if (c === 0x22) {
        let k = i + 1;
        let closed = false;
        let from = k;
        while (k < n) {
          const d = line.charCodeAt(k);
          if (d === 0x22) {
            closed = true;
            break;
          }
          if (d === 0x5c && k + 1 < n) {
            const e = line[k + 1]!;
            if (e === '"' || e === '\\' || e === ',') {
              b.run(from, k, true);
              if (e === ',') commas.push(b.length);
              b.escaped(e, k);
              k += 2;
              from = k;
              continue;
            }
          }
          k++;
        }
        b.run(from, k, true);
        if (!closed) unterminated = '"';
        i = closed ? k + 1 : n;
      } else if (c === 0x5c && i + 1 < n) {
        const e = line[i + 1]!;
        if (e === ',') commas.push(b.length);
        b.escaped(e, i);
        i += 2;
      } else {
        // A run of plain text (a lone backslash at the end of the line is plain text too).
        let k = i + 1;
        if (c !== 0x5c) while (k < n && !isSpecial(line.charCodeAt(k))) k++;
        b.run(i, k, false);
        i = k;
      }
    }
    const token: Token = { raw: line.slice(start, i), text: b.text(), span: { start, end: i }, offsets: b.offsets, literal: b.literal };
    if (unterminated) token.unterminated = unterminated;
    tokens.push(token);
    escapedCommas.push(commas);
  }
  return { tokens, escapedCommas };
}

/** Quotes a value so that `lex` gives it back unchanged as one word (used for history, curl, completion). */
export function quoteWord(value: string): string {
  if (value === '') return "''";
  if (/^[\w.,:/@%+=?~!<>-]+$/.test(value) && !value.startsWith('#')) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}
