const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Characters that end a run of plain text inside a word: space, quotes, backslash. */
const isSpecial = (c) => isSpace(c) || c === 0x27 || c === 0x22 || c === 0x5c;
/** The text of one token as it is read: pieces joined at its end, an offset and a literal flag per character. */
class TextBuilder {
    line;
    pieces = [];
    offsets = [];
    literal = [];
    length = 0;
    constructor(line) {
        this.line = line;
    }
    /** Line characters [from, to) taken as they are. */
    run(from, to, lit) {
        if (to <= from)
            return;
        this.pieces.push(this.line.slice(from, to));
        for (let k = from; k < to; k++) {
            this.offsets.push(k);
            this.literal.push(lit);
        }
        this.length += to - from;
    }
    /** One escaped character of text, written at `at` in the line. */
    escaped(c, at) {
        this.pieces.push(c);
        this.offsets.push(at);
        this.literal.push(true);
        this.length++;
    }
    text() {
        return this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
    }
}
/** Splits `line` into words; with `maxTokens`, stops reading after that many (see `overflow`). */
export function lex(line, maxTokens = Infinity) {
    const tokens = [];
    const escapedCommas = [];
    let i = 0;
    const n = line.length;
    while (i < n) {
        while (i < n && isSpace(line.charCodeAt(i)))
            i++;
        if (i >= n)
            break;
        if (line[i] === '#')
            return { tokens, escapedCommas, comment: { start: i, end: n } };
        if (tokens.length >= maxTokens)
            return { tokens, escapedCommas, overflow: { start: i, end: n } };
        const start = i;
        const b = new TextBuilder(line);
        const commas = [];
        let unterminated;
        while (i < n && !isSpace(line.charCodeAt(i))) {
            const c = line.charCodeAt(i);
            if (c === 0x27) {
                const close = line.indexOf("'", i + 1);
                const end = close === -1 ? n : close;
                b.run(i + 1, end, true);
                if (close === -1)
                    unterminated = "'";
                i = close === -1 ? n : close + 1;
            }
            else if (c === 0x22) {
                let k = i + 1;
                let closed = false;
                let from = k;
                while (k < n) {
                    const d = line.charCodeAt(k);
                    if (d === 0x22) {
                        closed = true;
                        break;
                    }
                    if (d === 0x5c && k + 1 < n) {
                        const e = line[k + 1];
                        if (e === '"' || e === '\\' || e === ',') {
                            b.run(from, k, true);
                            if (e === ',')
                                commas.push(b.length);
                            b.escaped(e, k);
                            k += 2;
                            from = k;
                            continue;
                        }
                    }
                    k++;
                }
                b.run(from, k, true);
                if (!closed)
                    unterminated = '"';
                i = closed ? k + 1 : n;
            }
            else if (c === 0x5c && i + 1 < n) {
                const e = line[i + 1];
                if (e === ',')
                    commas.push(b.length);
                b.escaped(e, i);
                i += 2;
            }
            else {
                // A run of plain text (a lone backslash at the end of the line is plain text too).
                let k = i + 1;
                if (c !== 0x5c)
                    while (k < n && !isSpecial(line.charCodeAt(k)))
                        k++;
                b.run(i, k, false);
                i = k;
            }
        }
        const token = { raw: line.slice(start, i), text: b.text(), span: { start, end: i }, offsets: b.offsets, literal: b.literal };
        if (unterminated)
            token.unterminated = unterminated;
        tokens.push(token);
        escapedCommas.push(commas);
    }
    return { tokens, escapedCommas };
}
/** Quotes a value so that `lex` gives it back unchanged as one word (used for history, curl, completion). */
export function quoteWord(value) {
    if (value === '')
        return "''";
    if (/^[\w.,:/@%+=?~!<>-]+$/.test(value) && !value.startsWith('#'))
        return value;
    if (!value.includes("'"))
        return `'${value}'`;
    return `"${value.replace(/(["\\])/g, '\\$1')}"`;
}
