// Conservative parsing of the JSON examples printed in the seed manual. Repairs only what the PDF
// extraction is known to break: strings wrapped with a trailing backslash, trailing commas, and junk
// (a stray page-break tail of closing braces) after the first complete value. Anything else: undefined.

/** Index just past the first complete JSON object/array starting at `start`, or -1 if it never closes. */
function endOfFirstValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/** Joins string literals the extraction wrapped as `...\` + newline + `...`. */
function unwrapContinuations(text: string): string {
  return text.replace(/\\\r?\n/g, '');
}

function removeTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const rest = text.slice(i + 1).match(/^\s*([}\]])/);
      if (rest) continue;
    }
    out += ch;
  }
  return out;
}

/** Tail text after the first value that may be dropped: only closing brackets, commas and the optional tag lists. */
const DROPPABLE_TAIL = /^[\s,}\]]*("(systemTags|userTags)"\s*:\s*\[\s*\]\s*[,}\]\s]*)*$/;

/**
 * Parses a manual JSON example. Returns undefined rather than guess when the text cannot be repaired
 * by the known, safe fixes.
 */
export function parseLenientJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    // fall through to repairs
  }
  const fixed = removeTrailingCommas(unwrapContinuations(trimmed));
  try {
    return JSON.parse(fixed);
  } catch {
    // fall through
  }
  const start = fixed.search(/[{[]/);
  if (start !== 0) return undefined;
  const end = endOfFirstValue(fixed, start);
  if (end < 0 || !DROPPABLE_TAIL.test(fixed.slice(end))) return undefined;
  try {
    return JSON.parse(fixed.slice(0, end));
  } catch {
    return undefined;
  }
}
