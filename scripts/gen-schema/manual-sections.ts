// Splits the seed manual (ZStack 3.0 developer manual, Chinese, text extracted from PDF) into its
// structure: table-of-contents entries, the per-API sections of chapter 4, and inside a section the
// marked parts (`API请求`, `Body`, `参数列表`, `API返回`, `Java SDK`...) made of text lines, fenced code
// blocks and tab-separated table rows; tables are reassembled across page breaks.
import { joinCell } from './manual-text.js';

export type Block = { kind: 'text'; text: string } | { kind: 'code'; text: string } | { kind: 'row'; cells: string[] };

export interface Part {
  /** Marker that opened the part, whitespace removed (`Curl示例`, `JavaSDK`); '' before the first. */
  marker: string;
  blocks: Block[];
}

export interface TocEntry {
  section: string;
  title: string;
  /** The API name in parentheses as the table of contents prints it (OCR slips and all). */
  name: string;
}

export interface ApiSection {
  section: string;
  /** Heading text before the parenthesised name. */
  title: string;
  /** API name as the heading prints it. */
  name: string;
  /** 1-based line of the heading. */
  line: number;
  parts: Part[];
}

export interface Table {
  /** `''` for a table with no `#label` before it (params, the top of a response), else the label (`inventory`). */
  label: string;
  header: string[];
  rows: string[][];
}

/** Markers that open a part of an API section (compared with whitespace removed). */
export const MARKERS = new Set([
  'API请求',
  'URLs',
  'Headers',
  'Body',
  'Curl示例',
  '参数列表',
  '可查询字段',
  'API返回',
  '返回示例',
  'SDK示例',
  'JavaSDK',
  'PythonSDK',
]);

const TOC_LINE = /\.{4,}\s*\d+\s*$/;
/** `4.1.6 启动云主机(StartVmInstance)`; the extraction sometimes prints `>` for `(`. */
const API_HEADING = /^(4\.\d+\.\d+)\s+(.*?)\s*[(（>]\s*([A-Za-z][A-Za-z0-9 ]*?)\s*[)）]\s*$/;
/** A chapter or group heading that ends an API section: `4.2 云盘相关接口`, `5 网络`, `术语表`. */
const OTHER_HEADING = /^((4\.\d+|[5-9]|\d\d)\s+[^\d\s.][^\t]{0,30}|术语表)$/;

/** The table of contents' chapter-4 API entries, by section number. */
export function readToc(lines: readonly string[]): Map<string, TocEntry> {
  const out = new Map<string, TocEntry>();
  for (const line of lines) {
    if (!TOC_LINE.test(line)) continue;
    const m = line.replace(TOC_LINE, '').match(API_HEADING);
    if (m && !out.has(m[1]!)) out.set(m[1]!, { section: m[1]!, title: m[2]!.trim(), name: m[3]!.replace(/\s+/g, '') });
  }
  return out;
}

/** Every API section of chapter 4, in manual order, with its parts. */
export function readApiSections(lines: readonly string[]): ApiSection[] {
  const out: ApiSection[] = [];
  let cur: { head: RegExpMatchArray; line: number; body: string[] } | undefined;
  const close = (): void => {
    if (!cur) return;
    out.push({
      section: cur.head[1]!,
      title: cur.head[2]!.trim(),
      name: cur.head[3]!.replace(/\s+/g, ''),
      line: cur.line,
      parts: readParts(cur.body),
    });
    cur = undefined;
  };
  let inCode = false;
  lines.forEach((line, idx) => {
    if (/^\s*```/.test(line)) inCode = !inCode;
    if (!inCode && !line.includes('\t') && !TOC_LINE.test(line)) {
      const head = line.match(API_HEADING);
      if (head) {
        close();
        cur = { head, line: idx + 1, body: [] };
        return;
      }
      if (cur && OTHER_HEADING.test(line)) {
        close();
        return;
      }
    }
    cur?.body.push(line);
  });
  close();
  return out;
}

/** Splits a section body into marked parts of text, code and table-row blocks. */
export function readParts(body: readonly string[]): Part[] {
  const parts: Part[] = [{ marker: '', blocks: [] }];
  let code: string[] | undefined;
  for (const line of body) {
    const part = parts[parts.length - 1]!;
    if (/^\s*```/.test(line)) {
      if (code) {
        part.blocks.push({ kind: 'code', text: code.join('\n') });
        code = undefined;
      } else code = [];
      continue;
    }
    if (code) {
      code.push(line);
      continue;
    }
    const marker = line.replace(/\s+/g, '');
    if (MARKERS.has(marker)) {
      parts.push({ marker, blocks: [] });
      continue;
    }
    if (line.includes('\t')) part.blocks.push({ kind: 'row', cells: line.split('\t') });
    else if (line.trim() !== '') part.blocks.push({ kind: 'text', text: line });
  }
  if (code) parts[parts.length - 1]!.blocks.push({ kind: 'code', text: code.join('\n') });
  return parts;
}

/** The blocks of every part with one of these markers, in order. */
export function blocksOf(section: ApiSection, ...markers: string[]): Block[] {
  return section.parts.filter((p) => markers.includes(p.marker)).flatMap((p) => p.blocks);
}

function isHeader(cells: readonly string[]): boolean {
  const first = cells[0]?.trim();
  return (first === '名字' || first === '名称') && cells.length >= 3;
}

/**
 * Reassembles the tab-separated tables of some blocks. A header repeated after a page break
 * continues the current table; a row whose first cell is empty continues the previous row's cells;
 * a `#label` line names the next table.
 */
export function readTables(blocks: readonly Block[]): Table[] {
  const tables: Table[] = [];
  let label: string | undefined;
  let cur: Table | undefined;
  for (const b of blocks) {
    if (b.kind === 'text') {
      const m = b.text.trim().match(/^#\s*([A-Za-z_][\w.]*)\s*$/);
      if (m) label = m[1]!;
      continue;
    }
    if (b.kind !== 'row') continue;
    const cells = b.cells.map((c) => c.trim());
    if (isHeader(cells)) {
      if (label === undefined && cur && cur.header.join('\t') === cells.join('\t')) continue;
      cur = { label: label ?? '', header: cells, rows: [] };
      tables.push(cur);
      label = undefined;
      continue;
    }
    if (!cur) continue;
    const width = cur.header.length;
    const row = Array.from({ length: width }, (_, i) => cells[i] ?? '');
    if (cells.length > width) row[width - 1] = cells.slice(width - 1).join(' ');
    const prev = cur.rows[cur.rows.length - 1];
    if (row[0] === '' && prev) {
      for (let i = 0; i < width; i++) prev[i] = joinCell(prev[i]!, b.cells[i] ?? '');
      continue;
    }
    cur.rows.push(row);
  }
  return tables;
}
