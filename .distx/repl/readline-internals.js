const METHODS = ['_ttyWrite', '_refreshLine', '_getDisplayPos', 'clearLine'];
const FIELDS = { line: 'string', cursor: 'number', history: 'object', historyIndex: 'number', prevRows: 'number', isCompletionEnabled: 'boolean' };
/** Names of the internals missing or of another type on `rl` (empty when all is as expected). */
export function checkReadlineInternals(rl) {
    const r = rl;
    const bad = [];
    for (const m of METHODS)
        if (typeof r[m] !== 'function')
            bad.push(m);
    for (const [f, type] of Object.entries(FIELDS))
        if (typeof r[f] !== type)
            bad.push(f);
    return bad;
}
/** Typed access to the internals of one interface. */
export class ReadlineInternals {
    rl;
    p;
    originalTtyWrite;
    constructor(rl) {
        this.rl = rl;
        this.p = rl;
        this.originalTtyWrite = this.p._ttyWrite.bind(rl);
    }
    get line() {
        return this.p.line;
    }
    set line(v) {
        this.p.line = v;
    }
    get cursor() {
        return this.p.cursor;
    }
    set cursor(v) {
        this.p.cursor = v;
    }
    get history() {
        return this.p.history;
    }
    resetHistoryIndex() {
        this.p.historyIndex = -1;
    }
    /** Routes every key through `handler`; `original` is readline's own handling. */
    interceptKeys(handler) {
        this.p._ttyWrite = handler;
    }
    /** readline's own key handling (bypassing the interception). */
    originalKey(s, key) {
        this.originalTtyWrite(s, key);
    }
    /** A key as if typed (through the interception). */
    typeKey(s, key) {
        this.p._ttyWrite(s, key);
    }
    refresh() {
        this.p._refreshLine();
    }
    /** After printing below the prompt: draw the prompt afresh underneath. */
    redrawBelow() {
        this.p.prevRows = 0;
        this.p._refreshLine();
    }
    /** Rows the prompt plus the current line take. */
    lineRows() {
        return this.p._getDisplayPos(this.rl.getPrompt() + this.p.line).rows;
    }
    clearLine() {
        this.p.clearLine();
    }
    /** Runs `body` with Tab completion off (a replayed Tab is inserted, like a pasted one). */
    withoutCompletion(body) {
        const saved = this.p.isCompletionEnabled;
        this.p.isCompletionEnabled = false;
        try {
            body();
        }
        finally {
            this.p.isCompletionEnabled = saved;
        }
    }
}
