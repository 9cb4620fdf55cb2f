// Stage 2 for the CLI's own words: option names (`--ho` -> `--host`), option values (`-o ` ->
// formats, `-c ` -> result columns with dotted paths, `--profile ` -> profiles), and the words of a
// built-in (subcommands, arguments by kind, its options), fed by the command table through the
// context. Pure apart from the injected local values; never throws past the engine's guard.
import { quoteWord } from '../parse/lexer.js';
import { isPrimitiveType, type Registry } from '../schema/registry.js';
import type { InventoryDef } from '../schema/types.js';
import type { CompleteContext } from './candidates.js';
import { matchNames } from './match.js';
import { offeredApiNames } from './api-names.js';
import type { Analysis, BuiltinCompletion, Candidate, Completion, ValueItem } from './types.js';

type Complete = (line: string, cursor: number, ctx: CompleteContext) => Promise<Completion>;
type OptionLike = { long: string; short?: string; value?: string; takesValue?: boolean; description: string; choices?: readonly string[] };

/** Options whose names start with what was typed; `-x` also matches short names. */
export function optionCompletion(prefix: string, options: readonly OptionLike[]): Candidate[] {
  const short = /^-[^-]/.test(prefix);
  const out: Candidate[] = [];
  for (const o of options) {
    const names = short && o.short ? [o.short] : [o.long];
    for (const n of names) {
      if (!n.startsWith(prefix)) continue;
      out.push({ value: n, group: 'option', description: `${o.value ? `${o.value} ` : ''}${o.description}`, final: true });
    }
  }
  return out;
}

/** Columns a query's rows have: plain fields, and `list.` paths into nested inventories (`vmNics.ip`). */
export function columnChoices(reg: Registry, inv: InventoryDef, typed: string): { value: string; description: string }[] {
  const segs = typed.split('.');
  let cur: InventoryDef | undefined = inv;
  for (const seg of segs.slice(0, -1)) {
    const field: { name: string } | undefined = cur?.fields.find((f) => f.name === seg);
    const join: { inventory: string } | undefined = field && cur ? cur.joins.find((j) => j.name === seg) : undefined;
    cur = join ? reg.inventory(join.inventory) : undefined;
    if (!cur) return [];
  }
  const head = segs.slice(0, -1).map((s) => `${s}.`).join('');
  const target = cur!;
  const out: { value: string; description: string }[] = [];
  for (const f of target.fields) {
    if (isPrimitiveType(f.type)) out.push({ value: `${head}${f.name}`, description: f.type });
    else if (target.joins.some((j) => j.name === f.name)) out.push({ value: `${head}${f.name}.`, description: `${f.type} of rows` });
  }
  return out;
}

function choiceCandidates(typed: string, choices: readonly string[], final: boolean, describe?: (v: string) => string | undefined): Candidate[] {
  return matchNames(typed, [...choices]).map((v) => {
    const c: Candidate = { value: quoteWord(v), display: v, group: 'value', final };
    const d = describe?.(v);
    if (d) c.description = d;
    return c;
  });
}

function itemCandidates(typed: string, items: readonly ValueItem[]): Candidate[] {
  const lower = typed.toLowerCase();
  return items
    .filter((i) => i.value.toLowerCase().startsWith(lower))
    .map((i) => ({ value: quoteWord(i.value), display: i.value, group: 'value' as const, final: true, ...(i.label ? { description: i.label } : {}) }));
}

async function profileNames(ctx: CompleteContext): Promise<string[]> {
  try {
    return (await ctx.local?.profiles?.()) ?? [];
  } catch {
    return [];
  }
}

type OptionValueAnalysis = Extract<Analysis, { kind: 'optionValue' }>;

export async function optionValueCompletion(a: OptionValueAnalysis, ctx: CompleteContext): Promise<Completion> {
  const base: Completion = { replaceFrom: a.replaceFrom, replaceTo: a.replaceTo, candidates: [] };
  const spec = ctx.options?.find((o) => o.long === a.option);
  if (!spec) return base;
  if (spec.valueKind === 'columns') {
    const api = a.api ? ctx.registry.api(a.api) : undefined;
    const inv = api ? ctx.registry.inventoryOf(api) : undefined;
    if (!inv) return base;
    const taken = new Set(a.item.head);
    const cols = columnChoices(ctx.registry, inv, a.item.prefix).filter((c) => !taken.has(c.value));
    const byValue = new Map(cols.map((c) => [c.value, c.description]));
    const lastSeg = a.item.prefix.slice(a.item.prefix.lastIndexOf('.') + 1);
    const head = a.item.prefix.slice(0, a.item.prefix.length - lastSeg.length);
    const names = matchNames(lastSeg, cols.map((c) => c.value.slice(head.length)));
    return {
      ...base,
      replaceFrom: a.item.replaceFrom,
      candidates: names.map((n) => ({ value: `${head}${n}`, display: n, group: 'value', description: byValue.get(`${head}${n}`)!, final: !n.endsWith('.') })),
    };
  }
  if (spec.valueKind === 'profile') return { ...base, candidates: choiceCandidates(a.prefix, await profileNames(ctx), true) };
  if (spec.choices?.length) return { ...base, candidates: choiceCandidates(a.prefix, spec.choices, true) };
  return base;
}

type BuiltinAnalysis = Extract<Analysis, { kind: 'builtin' }>;

function findEntry(list: readonly BuiltinCompletion[] | undefined, word: string): BuiltinCompletion | undefined {
  return list?.find((b) => b.name === word || b.aliases?.includes(word));
}

/** The words of a built-in line: subcommand, then arguments and options (its own and the line's). */
export async function builtinCompletion(a: BuiltinAnalysis, ctx: CompleteContext, complete: Complete): Promise<Completion> {
  const base: Completion = { replaceFrom: a.replaceFrom, replaceTo: a.replaceTo, candidates: [] };
  let entry = findEntry(ctx.builtins, a.name);
  if (!entry) return base;
  let words = a.words;
  let starts = a.wordStarts;
  if (entry.subcommands?.length) {
    const sub = words.length ? findEntry(entry.subcommands, words[0]!) : undefined;
    if (!sub) {
      if (words.length) return base;
      const subs = entry.subcommands.filter((s) => !s.hidden);
      const names = matchNames(a.prefix, subs.map((s) => s.name));
      return { ...base, candidates: names.map((n) => ({ value: n, group: 'builtin', description: subs.find((s) => s.name === n)!.summary, final: true })) };
    }
    entry = sub;
    words = words.slice(1);
    starts = starts.slice(1);
  }
  const own: OptionLike[] = (entry.options ?? []).map((o) => ({ ...o, takesValue: o.value !== undefined }));
  const all: OptionLike[] = [...own, ...(ctx.options ?? [])];
  // Which of the words are arguments (not options or option values).
  let positional = 0;
  let firstArgAt = -1;
  let pendingValue: OptionLike | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (pendingValue) {
      pendingValue = undefined;
      continue;
    }
    const args = entry.args ?? [];
    const variadicCommand = args[Math.min(positional, args.length - 1)]?.kind === 'command' && positional >= args.length - 1;
    if (w.startsWith('-') && !(variadicCommand && firstArgAt >= 0)) {
      const o = all.find((x) => x.long === w || x.short === w);
      if (o?.takesValue ?? (o?.value !== undefined)) pendingValue = o;
      continue;
    }
    if (firstArgAt < 0) firstArgAt = i;
    positional++;
  }
  if (pendingValue) {
    if (pendingValue.choices?.length) return { ...base, candidates: choiceCandidates(a.prefix, pendingValue.choices, true) };
    const global = ctx.options?.find((o) => o.long === pendingValue!.long);
    if (global) {
      return optionValueCompletion({ kind: 'optionValue', option: global.long, prefix: a.prefix, item: { prefix: a.prefix, head: [], replaceFrom: a.replaceFrom }, replaceFrom: a.replaceFrom, replaceTo: a.replaceTo }, ctx);
    }
    return base;
  }
  const args = entry.args ?? [];
  const last = args[args.length - 1];
  const arg = positional < args.length ? args[positional] : last?.variadic ? last : undefined;
  if (arg?.kind === 'command' && firstArgAt >= 0 && positional >= args.length - 1) {
    // `watch -n 5 QueryVmInstance sta`: the rest is a command line of its own.
    const from = starts[firstArgAt]!;
    return shifted(await complete(a.text.slice(from), a.text.length - from, ctx), from);
  }
  if (a.prefix.startsWith('-') && !(arg?.kind === 'command' && firstArgAt >= 0)) {
    return { ...base, candidates: optionCompletion(a.prefix, all) };
  }
  if (!arg) return base;
  switch (arg.kind) {
    case 'api':
      return { ...base, candidates: matchNames(a.prefix, await offeredApiNames(ctx.registry, ctx.unsupportedApis)).map((n) => ({ value: n, group: 'api', final: true })) };
    case 'topic': {
      const names = (ctx.builtins ?? []).filter((b) => !b.hidden).map((b) => b.name);
      const bs = names.filter((n) => n.startsWith(a.prefix)).map((n): Candidate => ({ value: n, group: 'builtin', final: true }));
      const apis = matchNames(a.prefix, await offeredApiNames(ctx.registry, ctx.unsupportedApis));
      return { ...base, candidates: [...bs, ...apis.map((n): Candidate => ({ value: n, group: 'api', final: true }))] };
    }
    case 'profile':
      return { ...base, candidates: choiceCandidates(a.prefix, [...(await profileNames(ctx)), ...(arg.choices ?? [])], true) };
    case 'job':
      return { ...base, candidates: itemCandidates(a.prefix, ctx.local?.jobs?.() ?? []) };
    case 'result':
      return { ...base, candidates: itemCandidates(a.prefix, ctx.local?.results?.() ?? []) };
    case 'command':
      return shifted(await complete(a.prefix, a.prefix.length, ctx), a.replaceFrom);
    case 'choices':
      return { ...base, candidates: choiceCandidates(a.prefix, arg.choices ?? [], !arg.variadic) };
    default:
      return base;
  }
}

function shifted(c: Completion, by: number): Completion {
  return { ...c, replaceFrom: c.replaceFrom + by, replaceTo: c.replaceTo + by };
}
