// `zstack-cli __complete -- "<line before cursor>"`: the shell's own completion engine for the bash
// and zsh scripts. Prints one candidate per line, `word<TAB>description`, where word is the whole
// shell word at the cursor after completion (the scripts cut what bash splits off at `=` and `:`).
// Live values (uuids, names) are fetched only when the cursor is at a value and a session exists.
import { complete } from '../complete/candidates.js';
import { cachedValueSource } from '../complete/values.js';
import { loadRegistry } from '../schema/registry.js';
import type { App } from './app.js';
import { fetchResourceRows } from './live-values.js';

/** Start of the shell word the cursor is in: after the last blank outside quotes. */
export function wordStart(line: string): number {
  let start = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '\\') {
      i++;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ' ' || c === '\t') {
      start = i + 1;
    }
  }
  return start;
}

/** The candidate lines for `line` (the text left of the cursor). */
export async function completionLines(line: string, openApp: () => Promise<App>): Promise<string[]> {
  const registry = loadRegistry();
  let app: App | undefined;
  const values = cachedValueSource({
    fetch: async (ref, signal) => {
      app ??= await openApp();
      if (!(await app.session.current())) return [];
      const a = app;
      return fetchResourceRows(registry, ref, (s) => a.execContext(s, 'completion', false), signal);
    },
  });
  try {
    const c = await complete(line, line.length, { registry, values });
    const ws = wordStart(line);
    const head = line.slice(ws, Math.max(ws, c.replaceFrom));
    return c.candidates.map((cand) => {
      const word = `${head}${cand.value}`;
      const desc = (cand.description ?? '').replace(/[\t\n]+/g, ' ');
      return desc ? `${word}\t${desc}` : word;
    });
  } finally {
    await app?.close();
  }
}
