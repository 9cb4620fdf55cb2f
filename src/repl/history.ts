// Command history kept in a file (one line per command, oldest first, mode 0600), through injected fs
// functions. Every line is redacted before it is stored in memory or on disk.
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';

export interface HistoryFs {
  /** Returns the file's text; throws when it does not exist. */
  readFile(path: string): string;
  /** Writes the whole file, creating it with `mode`. */
  writeFile(path: string, data: string, mode: number): void;
  chmod(path: string, mode: number): void;
  /** Creates a directory and its parents (mode 0700); no error when it exists. */
  mkdirp(path: string): void;
}

export const nodeHistoryFs: HistoryFs = {
  readFile: (p) => nodeFs.readFileSync(p, 'utf8'),
  writeFile: (p, data, mode) => nodeFs.writeFileSync(p, data, { mode }),
  chmod: (p, mode) => nodeFs.chmodSync(p, mode),
  mkdirp: (p) => void nodeFs.mkdirSync(p, { recursive: true, mode: 0o700 }),
};

export const HISTORY_SIZE = 1000;

/** Reads history, newest first (readline's order), redacted, without repeats in a row. */
export function loadHistory(file: string, fs: HistoryFs, redact: (line: string) => string, size = HISTORY_SIZE): string[] {
  let text: string;
  try {
    text = fs.readFile(file);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = redact(raw.replace(/\r$/, ''));
    if (line.trim() === '' || out[out.length - 1] === line) continue;
    out.push(line);
  }
  return out.slice(-size).reverse();
}

/** Writes history (newest first, as readline keeps it) to the file, oldest line first, mode 0600. */
export function saveHistory(file: string, fs: HistoryFs, history: readonly string[]): void {
  fs.mkdirp(dirname(file));
  fs.writeFile(file, history.length ? `${[...history].reverse().join('\n')}\n` : '', 0o600);
  fs.chmod(file, 0o600);
}
