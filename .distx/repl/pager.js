// A minimal `more` for long output in the shell: a screenful, then `--More--`; space pages, enter (or
// down) adds a line, q (or Ctrl-C, Escape) quits. A line wider than the terminal counts as the rows
// it wraps to, so the first screen never scrolls its top away. Pure state over a write function.
import { displayWidth } from '../render/width.js';
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
/** Screen rows a line takes at `cols` columns (at least one). */
export function screenRows(line, cols) {
    const w = displayWidth(line.replace(ANSI, ''));
    return Math.max(1, Math.ceil(w / Math.max(1, cols)));
}
export class Pager {
    lines;
    write;
    rows;
    onDone;
    cols;
    pos = 0;
    active = false;
    constructor(lines, write, rows, onDone, cols = () => Number.MAX_SAFE_INTEGER) {
        this.lines = lines;
        this.write = write;
        this.rows = rows;
        this.onDone = onDone;
        this.cols = cols;
    }
    /** Prints the first page; returns false when everything fitted (no paging needed). */
    start() {
        const total = this.lines.reduce((n, l) => n + screenRows(l, this.cols()), 0);
        if (total <= this.rows()) {
            this.emit(this.lines.length);
            return false;
        }
        this.active = true;
        this.emitRows(this.rows() - 1);
        this.status();
        return true;
    }
    /** Prints whole lines filling at most `budget` screen rows (always at least one line). */
    emitRows(budget) {
        let used = 0;
        let n = 0;
        while (this.pos + n < this.lines.length) {
            const r = screenRows(this.lines[this.pos + n], this.cols());
            if (n > 0 && used + r > budget)
                break;
            used += r;
            n++;
        }
        this.emit(n);
    }
    key(s, key) {
        if (!this.active)
            return;
        const name = key.name ?? s;
        if (key.ctrl && name !== 'm' && name !== 'j') {
            if (name === 'c' || name === 'd')
                this.stop();
            return;
        }
        if (name === 'q' || name === 'escape')
            return this.stop();
        this.write('\r\x1b[K');
        if (name === 'space' || s === ' ' || name === 'f')
            this.emitRows(Math.max(1, this.rows() - 1));
        else if (name === 'return' || name === 'enter' || name === 'down' || name === 'j')
            this.emit(1);
        else if (name === 'b' || name === 'up') {
            /* no backwards paging: the terminal's scrollback has it */
        }
        if (this.pos >= this.lines.length)
            return this.stop(false);
        this.status();
    }
    emit(n) {
        const end = Math.min(this.lines.length, this.pos + n);
        for (; this.pos < end; this.pos++)
            this.write(`${this.lines[this.pos]}\n`);
    }
    status() {
        const pct = Math.floor((this.pos * 100) / this.lines.length);
        this.write(`--More-- (${pct}%) [space: page, enter: line, q: quit]`);
    }
    stop(clear = true) {
        if (clear)
            this.write('\r\x1b[K');
        this.active = false;
        this.onDone();
    }
}
