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
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function lex(line: string): LexResult {
  const tokens: Token[] = [];
  const escapedCommas: number[][] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && isSpace(line[i]!)) i++;
    if (i >= n) break;
    if (line[i] === '#') return { tokens, escapedCommas, comment: { start: i, end: n } };
    const start = i;
    let text = '';
    const offsets: number[] = [];
    const literal: boolean[] = [];
    const commas: number[] = [];
    let unterminated: '"' | "'" | undefined;
    const push = (c: string, at: number, lit: boolean): void => {
      text += c;
      offsets.push(at);
      literal.push(lit);
    };
    while (i < n && !isSpace(line[i]!)) {
      const c = line[i]!;
      if (c === "'") {
        const close = line.indexOf("'", i + 1);
        const end = close === -1 ? n : close;
        for (let k = i + 1; k < end; k++) push(line[k]!, k, true);
        if (close === -1) unterminated = "'";
        i = close === -1 ? n : close + 1;
      } else if (c === '"') {
        let k = i + 1;
        let closed = false;
        while (k < n) {
          const d = line[k]!;
          if (d === '"') {
            closed = true;
            break;
          }
          if (d === '\\' && k + 1 < n) {
            const e = line[k + 1]!;
            if (e === '"' || e === '\\') {
              push(e, k, true);
              k += 2;
              continue;
            }
            if (e === ',') {
              commas.push(text.length);
              push(',', k, true);
              k += 2;
              continue;
            }
          }
          push(d, k, true);
          k++;
        }
        if (!closed) unterminated = '"';
        i = closed ? k + 1 : n;
      } else if (c === '\\' && i + 1 < n) {
        const e = line[i + 1]!;
        if (e === ',') commas.push(text.length);
        push(e, i, true);
        i += 2;
      } else {
        push(c, i, false);
        i++;
      }
    }
    const token: Token = { raw: line.slice(start, i), text, span: { start, end: i }, offsets, literal };
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
