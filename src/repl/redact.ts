// Hides secret values (passwords, keys) in a command line before it is kept anywhere: `password=***`.
// Secrets are the params marked `secret` in the registry, plus any key that looks like one.
import { lex } from '../parse/lexer.js';
import { parseArg } from '../parse/parser.js';
import type { Registry } from '../schema/registry.js';

export const REDACTED = '***';

/** Key names treated as secret whatever the API (also for unknown APIs and half-typed lines). */
const SECRET_KEY = /pass(word|wd)|secret|token|credential|private_?key/i;

export function redactSecrets(line: string, registry: Registry): string {
  const tokens = lex(line).tokens;
  if (tokens.length === 0) return line;
  const api = registry.api(tokens[0]!.text);
  const cuts: { from: number; to: number }[] = [];
  tokens.forEach((t, i) => {
    const { arg } = parseArg(t);
    if (!arg.op || !arg.opSpan || !arg.key) return;
    const param = i > 0 && api ? registry.param(api, arg.key) : undefined;
    if (!param?.secret && !SECRET_KEY.test(arg.key)) return;
    const from = arg.opSpan.end;
    if (line.slice(from, t.span.end) === REDACTED) return;
    cuts.push({ from, to: t.span.end });
  });
  let out = line;
  for (const c of cuts.reverse()) out = out.slice(0, c.from) + REDACTED + out.slice(c.to);
  return out;
}
