// Command history kept in a file (one line per command, oldest first, at most HISTORY_SIZE lines),
// through an injected port: in the CLI, the config files (0600, never through a link, written
// atomically under a lock). Shells running at the same time each append their lines to what is in
// the file (merged, not last-writer-wins). Every line is redacted (plan/secrets.ts) in memory and on disk.
import { redactLine } from '../plan/secrets.js';
export const HISTORY_SIZE = 1000;
/** The file's lines, oldest first, redacted, without blank lines or repeats in a row. */
function fileLines(text) {
    const out = [];
    for (const raw of (text ?? '').split('\n')) {
        const line = redactLine(raw.replace(/\r$/, ''));
        if (line.trim() === '' || out[out.length - 1] === line)
            continue;
        out.push(line);
    }
    return out;
}
/** Reads history, newest first (readline's order); [] when the file is missing or cannot be read. */
export function loadHistory(file, fs, size = HISTORY_SIZE) {
    let text;
    try {
        text = fs.read(file);
    }
    catch {
        // Reported by the first save, which fails the same way.
        return [];
    }
    return fileLines(text).slice(-size).reverse();
}
/** Appends one line (redacted) to the history file as it is now, keeping the last `size` lines. */
export function appendHistory(file, fs, line, size = HISTORY_SIZE) {
    const entry = redactLine(line);
    if (entry.trim() === '')
        return;
    fs.update(file, (text) => {
        const lines = fileLines(text);
        if (lines[lines.length - 1] !== entry)
            lines.push(entry);
        const next = `${lines.slice(-size).join('\n')}\n`;
        return next === text ? undefined : next;
    });
}
