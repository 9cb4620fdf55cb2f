// Stage 1 of completion: line + cursor -> what kind of word may go at the cursor and which span it
// replaces. Syntax only (lexer + parser spans); the registry is consulted in stage 2. Never throws.
import type { Operator, Token } from '../parse/ast.js';
import { OPERATORS } from '../parse/ast.js';
import { lex } from '../parse/lexer.js';
import { parseArg } from '../parse/parser.js';
import type { Analysis } from './types.js';

const KEY_CHAR = /[A-Za-z0-9_.]/;
const OPS_LONGEST_FIRST: Operator[] = [...OPERATORS].sort((a, b) => b.length - a.length);

/** Where a key (the part before any operator) ends in a token's text. */
function keyEnd(t: Token): number {
  let k = 0;
  while (k < t.text.length && !t.literal[k] && KEY_CHAR.test(t.text[k]!)) k++;
  return k;
}

/** The longest operator starting at text index k, written unquoted. */
function operatorAt(t: Token, k: number): Operator | undefined {
  return OPS_LONGEST_FIRST.find((o) => t.text.startsWith(o, k) && [...o].every((_, j) => !t.literal[k + j]));
}

/** Keys given on the whole line, except the word being edited (the one touching the cursor). */
function givenKeys(line: string, cursor: number): string[] {
  const out: string[] = [];
  const tokens = lex(line).tokens;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.span.start <= cursor && cursor <= t.span.end) continue;
    const { arg } = parseArg(t);
    if (arg.op && arg.key) out.push(arg.key);
  }
  return out;
}

export function analyze(line: string, cursor: number): Analysis {
  const at = Number.isFinite(cursor) ? Math.max(0, Math.min(line.length, Math.trunc(cursor))) : line.length;
  const none: Analysis = { kind: 'none', replaceFrom: at, replaceTo: at };
  const left = lex(line.slice(0, at));
  if (left.comment) return none;
  const last = left.tokens[left.tokens.length - 1];
  const partial = last && last.span.end === at ? last : undefined;
  const index = partial ? left.tokens.length - 1 : left.tokens.length;

  if (index === 0) {
    return { kind: 'api', prefix: partial?.text ?? '', replaceFrom: partial?.span.start ?? at, replaceTo: at };
  }
  const api = left.tokens[0]!.text;
  const given = givenKeys(line, at);
  if (!partial) return { kind: 'key', api, prefix: '', given, replaceFrom: at, replaceTo: at };

  const t = partial;
  const k = keyEnd(t);
  const key = t.text.slice(0, k);
  if (k === t.text.length) return { kind: 'key', api, prefix: key, given, replaceFrom: t.span.start, replaceTo: at };
  if (key === '') return none;

  const op = operatorAt(t, k);
  if (!op) {
    const rest = t.text.slice(k);
    const literal = t.literal.slice(k).some(Boolean);
    if (!literal && OPERATORS.some((o) => o.startsWith(rest))) {
      return { kind: 'operator', api, key, opPrefix: rest, given, replaceFrom: t.span.start, replaceTo: at };
    }
    return none;
  }
  const vStart = k + op.length;
  // Operator characters are never quoted, so the raw line offset right after the operator is exact.
  const valueFrom = t.offsets[vStart - 1]! + 1;
  const value = t.text.slice(vStart);
  // Split at unquoted, unescaped commas for list values; the last item is what is being typed.
  const head: string[] = [];
  let itemStart = vStart;
  for (let i = vStart; i < t.text.length; i++) {
    if (t.text[i] === ',' && !t.literal[i]) {
      head.push(t.text.slice(itemStart, i));
      itemStart = i + 1;
    }
  }
  const itemFrom = itemStart === vStart ? valueFrom : t.offsets[itemStart - 1]! + 1;
  return {
    kind: 'value',
    api,
    key,
    op,
    prefix: value,
    given,
    replaceFrom: valueFrom,
    replaceTo: at,
    item: { prefix: t.text.slice(itemStart), head, replaceFrom: itemFrom },
  };
}
