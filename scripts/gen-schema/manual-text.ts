// Text cleanup for the seed manual (a PDF-to-text extraction): HTML fragments left in table cells,
// markdown emphasis, spaces the extraction put inside Chinese text or identifiers, and OCR slips
// (`I3Network` for `l3Network`). Owns nothing but turning raw manual text into readable plain text.

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK_SPACE = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, 'g');
const SPACE_BEFORE_CJK_PUNCT = /[ \t\u00a0]+(?=[，。、；：）！？」』】])/g;
const SPACE_AFTER_CJK_OPEN = /(?<=[（「『【])[ \t\u00a0]+/g;
const LIST_MARK = '\u0001';
const LIST_ITEM_BREAK = new RegExp(`(?<=[\\u4e00-\\u9fff]{2})[ \\t\\u00a0]+(?=[\\u4e00-\\u9fff]{2})`, 'g');
const ENDS_WITH_PUNCT = /[，。、；：:！？!?.,;）)]$/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** OCR slips in network names: a capital I where the manual means a lower-case l (`I3NetworkUuids`). */
export function fixOcrWords(s: string): string {
  return s.replace(/(?<![A-Za-z])I([23])(?=Network|网络)/g, 'l$1');
}

/** Collapses runs of whitespace and drops the spaces the extraction put between Chinese characters. */
export function tidySpaces(s: string): string {
  return s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(CJK_SPACE, '')
    .replace(SPACE_BEFORE_CJK_PUNCT, '')
    .replace(SPACE_AFTER_CJK_OPEN, '')
    .trim();
}

/** Removes markdown emphasis and inline-code marks (`**SystemTags**`, `` `uuid` ``). */
export function stripMarkdown(s: string): string {
  return s.replace(/\*\*(.*?)\*\*/g, '$1').replace(/`([^`]*)`/g, '$1');
}

/**
 * Plain text of one table cell or paragraph: HTML block tags become sentence breaks, other tags go,
 * entities are decoded, spaces tidied, OCR slips fixed.
 */
export function cleanText(raw: string): string {
  const pieces = decodeEntities(
    stripMarkdown(raw)
      .replace(/<\s*(ul|ol)\b[^<>]*>/gi, `\n${LIST_MARK}`)
      .replace(/<\s*(p|li|br|div)\b[^<>]*>/gi, '\n')
      .replace(/<\s*\/\s*(p|ul|ol|li|div)\s*>/gi, '\n')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ' '),
  )
    .split('\n')
    .map((p) => {
      // In a list the extraction lost the items' tags: a space between two Chinese words separates items.
      const text = p.startsWith(LIST_MARK) ? p.slice(1).replace(LIST_ITEM_BREAK, '；') : p;
      return fixOcrWords(tidySpaces(text));
    })
    .filter((p) => p !== '');
  let out = '';
  for (const p of pieces) {
    if (out === '') out = p;
    else out += ENDS_WITH_PUNCT.test(out) ? p : `。${p}`;
  }
  return out;
}

/**
 * Joins a table cell continued after a page break to its first half. The continuation often comes
 * wrapped in its own `<p>...</p>` that only marks the break, so that wrapper is dropped.
 */
export function joinCell(first: string, continuation: string): string {
  const cont = continuation.trim().replace(/^<p>([\s\S]*?)<\/p>/i, '$1');
  if (!cont) return first;
  if (!first.trim()) return cont;
  const head = first.trimEnd();
  // A break between two Chinese characters is mid-sentence; next to a Latin word it was a space.
  const glue = /[A-Za-z0-9]$/.test(head) || /^[A-Za-z0-9]/.test(cont) ? ' ' : '';
  return `${head}${glue}${cont}`;
}

/**
 * Rejoins identifiers the extraction split with a space (`cluster Uuid`, `startVm Instance`) when
 * the joined word is one of `known`.
 */
export function rejoinIdentifiers(s: string, known: ReadonlySet<string>): string {
  if (known.size === 0) return s;
  return s.replace(/\b([A-Za-z][A-Za-z0-9]*) (?=([A-Za-z0-9]+)\b)/g, (m, a: string, b: string) => (known.has(a + b) ? a : m));
}
