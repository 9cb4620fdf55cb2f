// Ctrl-R reverse incremental history search, bash-like: `(reverse-i-search)`query': match`.
// Works on a small editor interface (readline's line, cursor, prompt), so it is testable alone.
export class ReverseSearch {
    active = false;
    query = '';
    lastQuery = '';
    index = -1;
    failed = false;
    saved = { line: '', cursor: 0, prompt: '' };
    start(ed) {
        this.active = true;
        this.query = '';
        this.index = -1;
        this.failed = false;
        this.saved = { line: ed.line, cursor: ed.cursor, prompt: ed.getPrompt() };
        this.show(ed);
    }
    key(ed, s, key) {
        if (key.ctrl && key.name === 'r') {
            if (!this.query && this.lastQuery)
                this.query = this.lastQuery;
            this.find(ed, this.index + 1, true);
            return 'consumed';
        }
        if ((key.ctrl && key.name === 'g') || key.name === 'escape') {
            this.cancel(ed);
            return 'consumed';
        }
        if (key.ctrl && key.name === 'c') {
            this.cancel(ed);
            return 'pass';
        }
        if (key.name === 'backspace' && !key.ctrl && !key.meta) {
            this.query = this.query.slice(0, -1);
            this.index = -1;
            this.find(ed, 0, false);
            return 'consumed';
        }
        const printable = typeof s === 'string' && s.length > 0 && !key.ctrl && !key.meta && !/[\x00-\x1f\x7f]/.test(s) && key.name !== 'tab';
        if (printable && key.name !== 'return' && key.name !== 'enter') {
            this.query += s;
            this.find(ed, Math.max(0, this.index), false);
            return 'consumed';
        }
        // Any other key (Enter, arrows, Tab, Ctrl-A/E...) keeps the match in the line and then acts on it.
        this.finish(ed, ed.line, ed.cursor);
        return 'pass';
    }
    /** Finds the first history entry at or after `from` containing the query. */
    find(ed, from, skipSame) {
        const h = ed.history;
        const shown = this.index >= 0 ? h[this.index] : undefined;
        for (let i = from; i < h.length; i++) {
            const entry = h[i];
            if (!entry.includes(this.query))
                continue;
            if (skipSame && entry === shown)
                continue;
            this.index = i;
            this.failed = false;
            ed.line = entry;
            ed.cursor = Math.max(0, entry.indexOf(this.query));
            this.show(ed);
            return;
        }
        this.failed = this.query !== '' || from > 0;
        this.show(ed);
    }
    show(ed) {
        ed.setPrompt(`(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `);
        ed.refresh();
    }
    cancel(ed) {
        this.finish(ed, this.saved.line, this.saved.cursor);
    }
    finish(ed, line, cursor) {
        this.active = false;
        if (this.query)
            this.lastQuery = this.query;
        ed.setPrompt(this.saved.prompt);
        ed.line = line;
        ed.cursor = Math.min(cursor, line.length);
        ed.refresh();
    }
}
