// `$N.field` and `$_.field` in a shell line: the values of a field of an earlier result (numbered by
// the shell's result history), written into the line before it is parsed. Unquoted `$` only; quotes
// and `\$` keep a dollar literal. Values are escaped so each stays one value (`\,` for commas inside
// one), several values become a comma list. Pure: the values come from an injected lookup.
import type { Span } from './ast.js';
import { lex } from './lexer.js';

/** A reference: which result (`last` for `$_`) and the dotted path into its rows. */
export interface ResultRef {
  result: number | 'last';
  path: string[];
  /** As written, e.g. `$3.vmNics.ip`. */
  text: string;
}

/** The values a reference stands for, or why it has none. */
export type RefLookup = (ref: ResultRef) => { values: string[] } | { error: string; hint?: string };

/** Where a reference was written into the expanded line, and how many values it gave. */
export interface Expansion {
  ref: ResultRef;
  /** Span of the written values in the expanded line. */
  span: Span;
  count: number;
}

export type ExpandResult = { ok: true; line: string; expansions: Expansion[] } | { ok: false; message: string; hint?: string };

const REF = /^\$(\d{1,9}|_)((?:\.[A-Za-z0-9_]+)*)(?![A-Za-z0-9_$])/;

/** Escapes a value for an unquoted word: blanks, quotes, backslash, comma (`\,`), `#` and `$`. */
export function escapeValue(v: string): string {
  return v.replace(/[\s'"\\,#$]/g, (c) => `\\${c}`);
}

/** True when the line has an unquoted `$N`/`$_` (nothing to look up otherwise). */
export function hasRefs(line: string): boolean {
  return scan(line).length > 0;
}

/** Unquoted references in the line: [start, end) and the parsed reference (the lexer says what is quoted). */
function scan(line: string): { start: number; end: number; ref: ResultRef }[] {
  const out: { start: number; end: number; ref: ResultRef }[] = [];
  for (const t of lex(line).tokens) {
    for (let i = t.text.indexOf('$'); i !== -1; i = t.text.indexOf('$', i + 1)) {
      if (t.literal[i]) continue;
      const m = REF.exec(t.text.slice(i, i + 200));
      // Every character of a reference is written as is (no quote or escape inside it).
      if (!m || t.literal.slice(i, i + m[0].length).some(Boolean)) continue;
      const result = m[1] === '_' ? ('last' as const) : Number(m[1]);
      out.push({ start: t.offsets[i]!, end: t.offsets[i + m[0].length - 1]! + 1, ref: { result, path: m[2] ? m[2].slice(1).split('.') : [], text: m[0] } });
      i += m[0].length - 1;
    }
  }
  return out;
}

/** Writes the values of every reference into the line. */
export function expandRefs(line: string, lookup: RefLookup): ExpandResult {
  const found = scan(line);
  if (found.length === 0) return { ok: true, line, expansions: [] };
  let out = '';
  let from = 0;
  const expansions: Expansion[] = [];
  for (const f of found) {
    if (f.ref.path.length === 0) return { ok: false, message: `${f.ref.text} needs a field`, hint: `e.g. ${f.ref.text}.uuid` };
    const got = lookup(f.ref);
    if ('error' in got) return { ok: false, message: got.error, ...(got.hint ? { hint: got.hint } : {}) };
    out += line.slice(from, f.start);
    const text = got.values.map(escapeValue).join(',');
    expansions.push({ ref: f.ref, span: { start: out.length, end: out.length + text.length }, count: got.values.length });
    out += text;
    from = f.end;
  }
  out += line.slice(from);
  return { ok: true, line: out, expansions };
}
