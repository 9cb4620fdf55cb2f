// Builds the help texts (src/schema/data/docs.json) from the seed manual: for every API section of
// chapter 4, its title, description, param descriptions, Java SDK example, request line and body
// example; inventory field descriptions from the response tables; and the common query params of
// section 3.9. Names always come from the registry; the manual only contributes text and examples.
import type { ApiDef, ApiDoc, DocsData, InventoryDef, RegistryData } from '../../src/schema/types.js';
import { readJavaAssignments } from './java-example.js';
import { parseLenientJson } from './lenient-json.js';
import { pathShape, resolveName } from './manual-names.js';
import { blocksOf, readApiSections, readParts, readTables, readToc, type ApiSection, type Block, type Table, type TocEntry } from './manual-sections.js';
import { cleanText, rejoinIdentifiers, stripMarkdown, tidySpaces } from './manual-text.js';

export interface SectionReport {
  section: string;
  /** The API name as the heading prints it. */
  printed: string;
  /** The registry API it documents, when matched. */
  api?: string;
  /** How the name was matched: as printed, via the table of contents or SDK class name, or as an OCR slip. */
  how?: 'exact' | 'toc' | 'sdk' | 'ocr';
  reason?: string;
}

export interface ManualReport {
  sections: SectionReport[];
  /** APIs whose description fell back to the title (the manual has no paragraph before `API请求`). */
  titleAsDescription: string[];
  /** `Api.name` entries (params, example keys) left out because the registry has no such param. */
  unknownParams: string[];
  /** `Api: printed -> registry` name repairs. */
  renamed: string[];
  /** Body examples left out, with why. */
  bodiesLeftOut: string[];
  /** Documented request lines that differ from the registry's method and paths. */
  requestMismatches: string[];
  /** Response tables that could not be tied to an inventory (`Api#label`). */
  unresolvedTables: string[];
  /** Every response table and the inventory it was tied to (`Api#label -> Inventory`, `?` when none). */
  tables: string[];
  /** Query params of section 3.9 that were documented. */
  queryParams: string[];
}

/** Params the client fills itself; never part of an example. */
const TRANSPORT_PARAMS = new Set(['sessionId', 'accessKeyId', 'accessKeySecret', 'requestIp', 'timeout', 'pollingInterval']);
/** Response table labels that never describe an inventory. */
const NON_INVENTORY_LABELS = new Set(['error', 'cause']);
const OPTIONAL_MARK = /[(（]\s*可\s*选\s*[)）]/g;

/** Docs for every API section of the manual's chapter 4 the registry knows. */
export function extractManualDocs(text: string, registry: RegistryData): DocsData {
  return extractManual(text, registry).docs;
}

/** Docs plus a report of what matched, what was repaired and what was left out. */
export function extractManual(text: string, registry: RegistryData): { docs: DocsData; report: ManualReport } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const ctx = new Context(registry);
  const report: ManualReport = {
    sections: [],
    titleAsDescription: [],
    unknownParams: [],
    renamed: [],
    bodiesLeftOut: [],
    requestMismatches: [],
    unresolvedTables: [],
    tables: [],
    queryParams: [],
  };
  const docs: DocsData = { apis: {}, fields: {} };
  const queryDocs = extractQueryParamDocs(lines, registry);
  report.queryParams = Object.keys(queryDocs);
  const toc = readToc(lines);

  for (const sec of readApiSections(lines)) {
    const match = matchApi(sec, toc.get(sec.section), ctx);
    report.sections.push({ section: sec.section, printed: sec.name, ...match });
    if (!match.api) continue;
    const api = ctx.api(match.api)!;
    if (docs.apis[api.name]) {
      report.sections[report.sections.length - 1]!.reason = `documented twice (also ${docs.apis[api.name]!.section})`;
      continue;
    }
    const doc = apiDoc(sec, toc.get(sec.section), api, ctx, queryDocs, report);
    docs.apis[api.name] = doc;
    collectFieldDocs(sec, api, ctx, docs.fields, report);
  }
  return { docs, report };
}

/** Registry lookups shared by the section readers. */
class Context {
  readonly apiNames: string[];
  private readonly apis = new Map<string, ApiDef>();
  readonly inventories = new Map<string, InventoryDef>();
  readonly inventoryNames: string[];

  constructor(readonly registry: RegistryData) {
    for (const a of registry.apis) this.apis.set(a.name.toLowerCase(), a);
    for (const i of registry.inventories) this.inventories.set(i.name, i);
    this.apiNames = registry.apis.map((a) => a.name);
    this.inventoryNames = registry.inventories.map((i) => i.name);
  }

  api(name: string): ApiDef | undefined {
    return this.apis.get(name.toLowerCase());
  }

  /** Every name a user may give the API, plus `conditions` for queries. */
  paramNames(api: ApiDef): string[] {
    const names = api.params.map((p) => p.name);
    if (api.query) names.push(...this.registry.queryParams.map((p) => p.name), 'conditions');
    return [...new Set(names)];
  }
}

// ---------------------------------------------------------------------------------------------
// API names

function sdkClassName(sec: ApiSection): string | undefined {
  const code = blocksOf(sec, 'JavaSDK')
    .filter((b) => b.kind === 'code')
    .map((b) => b.text)
    .join('\n');
  return code.match(/\b([A-Za-z]\w*)Action\s*(?:\\\s*)?action\s*=/)?.[1];
}

function requestLine(sec: ApiSection): string | undefined {
  for (const b of blocksOf(sec, 'URLs')) {
    if (b.kind !== 'code') continue;
    for (const line of b.text.split('\n')) {
      // Mostly `PUT zstack/v1/...`; a few print `DELETE/v1/...`.
      const m = line.trim().match(/^(GET|POST|PUT|DELETE)\s*\/?((?:zstack\/)?v1\/\S+)/);
      if (m) return `${m[1]} ${m[2]!.startsWith('zstack/') ? m[2] : `zstack/${m[2]}`}`;
    }
  }
  return undefined;
}

/** True when the documented request line fits the API's method and one of its paths. */
function requestFits(request: string | undefined, api: ApiDef): boolean {
  if (!request) return false;
  const [method] = request.split(/\s+/);
  if (method !== api.method) return false;
  const shape = pathShape(request);
  return [api.path, ...(api.optionalPaths ?? [])].some((p) => pathShape(p) === shape);
}

function matchApi(sec: ApiSection, toc: TocEntry | undefined, ctx: Context): Omit<SectionReport, 'section' | 'printed'> {
  const sdk = sdkClassName(sec);
  const exact: [string | undefined, SectionReport['how']][] = [
    [sec.name, 'exact'],
    [toc?.name, 'toc'],
    [sdk, 'sdk'],
  ];
  for (const [name, how] of exact) {
    const api = name ? ctx.api(name) : undefined;
    if (api) return { api: api.name, how };
  }
  const request = requestLine(sec);
  for (const name of [sec.name, toc?.name, sdk]) {
    if (!name) continue;
    const guess = resolveName(name, ctx.apiNames);
    const api = guess ? ctx.api(guess) : undefined;
    if (api && requestFits(request, api)) return { api: api.name, how: 'ocr' };
  }
  const near = resolveName(sec.name, ctx.apiNames);
  return {
    reason: near
      ? `closest registry API ${near} does not fit the documented request ${request ?? '(none)'}`
      : 'no registry API by this name (nor a close one)',
  };
}

// ---------------------------------------------------------------------------------------------
// One API

function apiDoc(
  sec: ApiSection,
  toc: TocEntry | undefined,
  api: ApiDef,
  ctx: Context,
  queryDocs: Record<string, string>,
  report: ManualReport,
): ApiDoc {
  const paramNames = ctx.paramNames(api);
  const known = new Set([...paramNames, api.wrapper, api.name].filter(Boolean));
  const title = tidySpaces(toc?.title || sec.title);
  let description = describe(blocksOf(sec, ''), known);
  if (!description) {
    description = `${title}。`;
    report.titleAsDescription.push(api.name);
  }
  const doc: ApiDoc = { section: sec.section, title, description, params: {} };

  const rename = (printed: string, what: string): string | undefined => {
    const name = resolveName(printed.replace(OPTIONAL_MARK, ''), paramNames);
    if (!name) report.unknownParams.push(`${api.name}.${printed.replace(OPTIONAL_MARK, '').replace(/\s+/g, '')} (${what})`);
    else if (name !== printed.replace(OPTIONAL_MARK, '').replace(/\s+/g, '')) report.renamed.push(`${api.name}: ${printed.trim()} -> ${name}`);
    return name;
  };

  // Param table (the one with a 位置 column; a few sections lack the 参数列表 marker before it),
  // then the notes after it (attached to the param they name in bold).
  const paramBlocks = blocksOf(sec, 'Curl示例', '参数列表');
  const table = readTables(paramBlocks).find((t) => t.label === '' && t.header.includes('位置'));
  for (const row of table?.rows ?? []) {
    const name = rename(row[0]!, 'param table');
    if (!name) continue;
    const text = cleanText(rejoinIdentifiers(row[3] ?? '', known));
    if (text && !doc.params[name]) doc.params[name] = text;
  }
  attachNotes(paramBlocks, doc.params, paramNames);
  if (api.query) {
    for (const name of paramNames) if (!doc.params[name] && queryDocs[name]) doc.params[name] = queryDocs[name];
  }

  const request = requestLine(sec);
  if (request) {
    doc.request = fixPlaceholders(request, paramNames);
    if (!requestFits(doc.request, api)) report.requestMismatches.push(`${api.name}: ${doc.request} (registry: ${api.method} ${api.path})`);
  }

  const body = readBody(sec, api, paramNames, report);
  if (body !== undefined) doc.body = body;

  const example: Record<string, unknown> = {};
  const code = blocksOf(sec, 'JavaSDK')
    .filter((b) => b.kind === 'code')
    .map((b) => b.text)
    .join('\n');
  for (const { name: printed, value } of readJavaAssignments(code)) {
    if (TRANSPORT_PARAMS.has(printed)) continue;
    const name = rename(printed, 'Java SDK example');
    if (name && !(name in example)) example[name] = value;
  }
  if (Object.keys(example).length > 0) doc.example = example;
  return doc;
}

/** The description paragraphs before `API请求`; a small table among them becomes `name: text (type)` lines. */
function describe(blocks: Block[], known: ReadonlySet<string>): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'text') {
      const t = cleanText(rejoinIdentifiers(b.text, known));
      if (t) out.push(t);
    } else if (b.kind === 'row') {
      const cells = b.cells.map((c) => cleanText(c)).filter(Boolean);
      if (cells.length === 0 || cells[0] === '名称' || cells[0] === '名字') continue;
      const [head, ...rest] = cells;
      out.push(rest.length ? `${head}: ${rest[0]}${rest.length > 1 ? ` (${rest.slice(1).join(', ')})` : ''}` : head!);
    }
  }
  return out.join('\n');
}

/**
 * Notes printed after a param table (`注:` with bullets such as the system tags CreateVmInstance
 * accepts) are appended to the param they name in bold most often. Long wrapped examples are dropped.
 */
function attachNotes(blocks: Block[], params: Record<string, string>, paramNames: string[]): void {
  const firstRow = blocks.findIndex((b) => b.kind === 'row');
  if (firstRow < 0) return;
  const after = blocks.slice(firstRow).filter((b) => b.kind !== 'row');
  const lines: string[] = [];
  const mentions = new Map<string, number>();
  after.forEach((b, i) => {
    if (b.kind !== 'text') return;
    for (const m of b.text.matchAll(/\*\*([A-Za-z]\w*)\*\*/g)) {
      const name = paramNames.find((p) => p.toLowerCase() === m[1]!.toLowerCase());
      if (name) mentions.set(name, (mentions.get(name) ?? 0) + 1);
    }
    const bullet = b.text.match(/^(\s*)-\s+(.*)$/);
    if (!bullet) return;
    // A bullet whose text runs on (wrapped base64, a key split over lines) would be shown cut off.
    const next = after[i + 1];
    const runsOn = next !== undefined && (next.kind === 'code' || (next.kind === 'text' && !/^\s*-\s/.test(next.text)));
    const t = cleanText(bullet[2]!);
    if (!t || runsOn || (t.match(/`/g)?.length ?? 0) % 2 === 1) return;
    lines.push(`${bullet[1] ? '  ' : ''}- ${t}`);
  });
  if (lines.length === 0) return;
  const target = [...mentions.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!target) return;
  const note = `注：\n${lines.join('\n')}`;
  params[target] = params[target] ? `${params[target]}\n${note}` : note;
}

/** The request line with its `{placeholders}` named as the registry names the params. */
function fixPlaceholders(request: string, paramNames: string[]): string {
  return request.replace(/\{([^}]*)\}/g, (m, inner: string) => {
    const name = resolveName(inner, paramNames);
    return name ? `{${name}}` : m;
  });
}

/**
 * The Body example, parsed, keyed as the registry expects: the wrapper object under the API's
 * wrapper key (the manual often prints `params` where the server reads `updateImage`), params named
 * as the registry names them. Left out when the 5.2 API takes no body or the JSON is beyond repair.
 */
function readBody(sec: ApiSection, api: ApiDef, paramNames: string[], report: ManualReport): unknown {
  const code = blocksOf(sec, 'Body').filter((b) => b.kind === 'code');
  if (code.length === 0) return undefined;
  if (!api.wrapper) {
    report.bodiesLeftOut.push(`${api.name} (takes no body in 5.2)`);
    return undefined;
  }
  const parsed = parseLenientJson(code.map((b) => b.text).join('\n'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    report.bodiesLeftOut.push(`${api.name} (unparseable JSON)`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const isWrapper = key !== 'systemTags' && key !== 'userTags' && value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!isWrapper) {
      out[key] = value;
      continue;
    }
    if (key !== api.wrapper) report.renamed.push(`${api.name}: body wrapper ${key} -> ${api.wrapper}`);
    const inner: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const name = resolveName(k, paramNames) ?? k;
      if (name !== k) report.renamed.push(`${api.name}: body ${k} -> ${name}`);
      inner[name] = v;
    }
    out[api.wrapper] = inner;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inventory field descriptions

/** `详情参考 vmNics` and the like: a pointer to another table, not a description. */
const CROSS_REF = /^详情参考\s*#?(\w+)$/;

function collectFieldDocs(sec: ApiSection, api: ApiDef, ctx: Context, fields: Record<string, string>, report: ManualReport): void {
  const tables = readTables(blocksOf(sec, 'API返回', '返回示例'));
  if (tables.length === 0) return;
  const inventoryOf = new Map<string, string>();
  const typeOf = (t: string): string | undefined => {
    const name = /Inventory$/i.test(t.replace(/\s+/g, '')) ? resolveName(t, ctx.inventoryNames) : undefined;
    return name && ctx.inventories.has(name) ? name : undefined;
  };

  // The response's top table names each result field and (for a single inventory) its type.
  for (const t of tables.filter((x) => x.label === '')) {
    for (const row of t.rows) {
      const field = row[0]!.replace(/\s+/g, '');
      const inv = typeOf(row[1] ?? '') ?? ((field === 'inventories' || field === 'inventory') && api.inventory ? api.inventory : undefined);
      if (inv) inventoryOf.set(field, inv);
    }
  }
  // Nested tables: through the parent inventory's join of that name, else a field typed as an
  // inventory; a table nothing points to is guessed (one at a time, so its children can follow).
  const nested = (): boolean => {
    let changed = false;
    for (const t of tables) {
      if (t.label === '' || inventoryOf.has(t.label)) continue;
      for (const parent of tables) {
        const parentInv = parent.label === '' ? undefined : inventoryOf.get(parent.label);
        const row = parent.rows.find((r) => r[0]!.replace(/\s+/g, '') === t.label);
        if (!row) continue;
        const join = parentInv ? ctx.inventories.get(parentInv)?.joins.find((j) => j.name === t.label) : undefined;
        const inv = typeOf(row[1] ?? '') ?? join?.inventory;
        if (inv && ctx.inventories.has(inv)) {
          inventoryOf.set(t.label, inv);
          changed = true;
          break;
        }
      }
    }
    return changed;
  };
  const guessed = new Set<string>();
  for (;;) {
    while (nested());
    const next = tables.find((t) => t.label !== '' && !NON_INVENTORY_LABELS.has(t.label) && !inventoryOf.has(t.label) && !guessed.has(t.label));
    if (!next) break;
    guessed.add(next.label);
    const inv = guessInventory(next, api, ctx);
    if (inv) inventoryOf.set(next.label, inv);
  }
  for (const t of tables) {
    if (t.label !== '' && !NON_INVENTORY_LABELS.has(t.label)) {
      const inv = inventoryOf.get(t.label);
      report.tables.push(`${api.name}#${t.label} -> ${inv ?? '?'}`);
    }
  }
  for (const t of tables) {
    if (t.label === '' || NON_INVENTORY_LABELS.has(t.label)) continue;
    const inv = inventoryOf.get(t.label);
    if (!inv) {
      report.unresolvedTables.push(`${api.name}#${t.label}`);
      continue;
    }
    const def = ctx.inventories.get(inv)!;
    const names = def.fields.map((f) => f.name);
    for (const row of t.rows) {
      const field = resolveName(row[0]!, names);
      if (!field) continue;
      let text = cleanText(row[2] ?? '');
      const ref = text.match(CROSS_REF);
      if (ref) {
        const target = inventoryOf.get(ref[1]!);
        text = target ? `详情参考 ${target}` : '';
      }
      const key = `${inv}.${field}`;
      if (text && !fields[key]) fields[key] = text;
    }
  }
}

/** How many of a table's rows may be missing from an inventory that still counts as covering it (OCR slips, 3.0-only fields). */
function allowedMisses(rows: number): number {
  return Math.max(1, Math.floor(rows * 0.15));
}

function misses(rows: readonly string[], inv: InventoryDef): number {
  const names = new Set(inv.fields.map((f) => f.name));
  return rows.filter((r) => !names.has(r)).length;
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, '');
}

/**
 * The inventory a response table describes when no parent says so: first one named after the
 * table's label (`#hosts` -> HostInventory) or, for `#inventories`, after a word of the API name
 * (GetVmMigrationCandidateHosts -> HostInventory), provided it covers the rows; else the one
 * inventory whose fields fit the rows best. Undefined when unsure.
 */
function guessInventory(t: Table, api: ApiDef, ctx: Context): string | undefined {
  const rows = t.rows.map((r) => r[0]!.replace(/\s+/g, '')).filter(Boolean);
  if (rows.length < 3) return undefined;
  const hints: string[] = [];
  if (!/^inventor(y|ies)$/.test(t.label)) hints.push(t.label);
  else {
    const words = api.name.match(/[A-Z][a-z0-9]*|[0-9]+/g) ?? [];
    for (let end = words.length; end > 1; end--) {
      for (let start = 1; start < end; start++) hints.push(words.slice(start, end).join(''));
    }
  }
  for (const hint of hints) {
    const s = singular(hint);
    const name = `${s[0]!.toUpperCase()}${s.slice(1)}Inventory`;
    const inv = ctx.inventories.get(name);
    if (inv && misses(rows, inv) <= allowedMisses(rows.length)) return name;
  }
  let best: { name: string; score: number } | undefined;
  let tie = false;
  for (const inv of ctx.inventories.values()) {
    const miss = misses(rows, inv);
    if (miss > allowedMisses(rows.length)) continue;
    const hits = rows.length - miss;
    const score = hits / (inv.fields.length + miss);
    if (!best || score > best.score) {
      best = { name: inv.name, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie && best.score >= 0.5 ? best.name : undefined;
}

// ---------------------------------------------------------------------------------------------
// Section 3.9: the params every query API takes

/** Manual names of the common query params that the registry calls differently. */
const QUERY_PARAM_ALIASES: Record<string, string[]> = { q: ['conditions'], sort: ['sortBy', 'sortDirection'] };

/** The lines of a numbered section (`3.9 查询API`) of the body, not its table-of-contents entry. */
function sectionLines(lines: readonly string[], number: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(`${number} `) && !/\.{4,}\s*\d+\s*$/.test(l));
  if (start < 0) return [];
  const depth = number.split('.').length;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const m = lines[end]!.match(/^(\d+(?:\.\d+)*)\s+\S/);
    if (m && !lines[end]!.includes('\t') && m[1]!.split('.').length <= depth && m[1] !== number) break;
  }
  return lines.slice(start + 1, end);
}

/**
 * Descriptions of the query params of section 3.9, keyed by registry names (`q` -> `conditions`,
 * `sort` -> `sortBy` and `sortDirection`). Cross references (`见 查询条件`) are filled in from the
 * subsection they point to.
 */
export function extractQueryParamDocs(lines: readonly string[], registry: RegistryData): Record<string, string> {
  const region = sectionLines(lines, '3.9');
  if (region.length === 0) return {};
  const parts = readParts(region);
  const blocks = parts.flatMap((p) => p.blocks);
  const table = readTables(blocks).find((t) => t.header.length >= 4);
  if (!table) return {};
  const registryNames = [...registry.queryParams.map((p) => p.name), 'conditions'];
  const out: Record<string, string> = {};
  for (const row of table.rows) {
    const printed = row[0]!.replace(OPTIONAL_MARK, '').replace(/\s+/g, '');
    const names = QUERY_PARAM_ALIASES[printed] ?? [resolveName(printed, registryNames)].filter((n): n is string => !!n);
    const withRefs = (row[3] ?? '').replace(/见\s*([^\s。，,.]+)\s*[。.]?/g, (m, ref: string) => {
      const filled = crossReference(region, ref, printed);
      return filled ? `${filled.replace(/[。.]$/, '')}。` : m;
    });
    const text = cleanText(withRefs);
    for (const name of names) if (text && registryNames.includes(name)) out[name] = text;
  }
  return out;
}

/**
 * What a `见 <subsection>` reference in section 3.9 stands for: the subsection's line about the
 * param, or for the query conditions the notes and the operators it lists.
 */
function crossReference(region: readonly string[], title: string, param: string): string | undefined {
  const start = region.findIndex((l) => l.trim() === title);
  if (start < 0) return undefined;
  const body: string[] = [];
  for (let i = start + 1; i < region.length; i++) {
    const l = region[i]!;
    if (l.trim() && !l.includes('\t') && /^[\u4e00-\u9fff]{2,10}$/.test(l.trim())) break;
    body.push(l);
  }
  const mention = body.find((l) => new RegExp(`^\\s*-\\s*\\*\\*${param}\\*\\*`).test(l));
  if (mention) return cleanText(mention.replace(/^\s*-\s*/, ''));
  const operators: string[] = [];
  for (const l of body) {
    const m = stripMarkdown(l).match(/^[-\s]*\d+\s*\.\s*([!?~=<>]+|is null|not null)\s*[:：]\s*(.*)$/);
    if (!m) continue;
    const what = m[2]!.split(/[，,。:：]|例如/)[0]!.trim();
    operators.push(what ? `${m[1]}（${what}）` : m[1]!);
  }
  if (operators.length === 0) return undefined;
  const notes = body
    .filter((l) => /^\s*-\s*[^\d\s]/.test(l) && !/例如/.test(l))
    .map((l) => cleanText(l.replace(/^\s*-\s*/, '')))
    .filter(Boolean);
  return [`${title}：${operators.join('、')}`, ...notes].join('。').replace(/。。/g, '。');
}
