// JSON text -> values with exact integers: an integer literal beyond ±(2^53 - 1) becomes a bigint
// (ZStack longs such as byte counters can exceed it), everything else is what JSON.parse gives.
// JSON.parse does the work whenever the text holds no run of 16 or more digits; only then does the
// small parser below walk the text, so ordinary answers cost nothing extra. The renderers print
// bigints verbatim in every format.
/** A run this long may be an integer beyond 2^53 (2^53 itself has 16 digits). */
const LONG_DIGITS = /[0-9]{16}/;
/** Deepest nesting the exact parser follows (JSON.parse handles the common case). */
const MAX_DEPTH = 2000;
/** Parses JSON like JSON.parse, keeping integers beyond 2^53 exact as bigints. Throws SyntaxError. */
export function parseJsonExact(text) {
    if (!LONG_DIGITS.test(text))
        return JSON.parse(text);
    return new ExactParser(text).document();
}
/** The number a JSON integer or float literal stands for; a bigint for integers outside the safe range. */
export function exactNumber(literal) {
    const n = Number(literal);
    if (Number.isSafeInteger(n) || !INTEGER.test(literal))
        return n;
    return BigInt(literal);
}
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const WS = /[ \t\n\r]*/y;
class ExactParser {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    document() {
        this.ws();
        const v = this.value(0);
        this.ws();
        if (this.i !== this.s.length)
            this.fail('unexpected text after the JSON value');
        return v;
    }
    fail(what) {
        throw new SyntaxError(`${what} at position ${this.i}`);
    }
    ws() {
        WS.lastIndex = this.i;
        WS.test(this.s);
        this.i = WS.lastIndex;
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            this.fail('JSON nested too deeply');
        const c = this.s.charCodeAt(this.i);
        if (c === 0x22)
            return this.string();
        if (c === 0x7b)
            return this.object(depth);
        if (c === 0x5b)
            return this.array(depth);
        if (c === 0x2d || (c >= 0x30 && c <= 0x39))
            return this.number();
        for (const [word, v] of WORDS) {
            if (this.s.startsWith(word, this.i)) {
                this.i += word.length;
                return v;
            }
        }
        return this.fail('unexpected character');
    }
    number() {
        NUMBER.lastIndex = this.i;
        const m = NUMBER.exec(this.s);
        if (!m)
            this.fail('bad number');
        this.i = NUMBER.lastIndex;
        return exactNumber(m[0]);
    }
    string() {
        const start = this.i;
        let j = start + 1;
        for (;;) {
            j = this.s.indexOf('"', j);
            if (j < 0) {
                this.i = this.s.length;
                this.fail('unterminated string');
            }
            let k = j - 1;
            while (this.s.charCodeAt(k) === 0x5c)
                k--;
            if ((j - 1 - k) % 2 === 0)
                break;
            j++;
        }
        this.i = j + 1;
        // JSON.parse checks the escapes and control characters of the one string.
        return JSON.parse(this.s.slice(start, j + 1));
    }
    /** The items of `[...]` or `{...}` (the opening character at `i`), read by `item` until `close`. */
    items(close, item) {
        this.i++;
        this.ws();
        if (this.s.charCodeAt(this.i) === close) {
            this.i++;
            return;
        }
        for (;;) {
            this.ws();
            item();
            this.ws();
            const c = this.s.charCodeAt(this.i++);
            if (c === close)
                return;
            if (c !== 0x2c) {
                this.i--;
                this.fail(`expected ',' or '${String.fromCharCode(close)}'`);
            }
        }
    }
    array(depth) {
        const out = [];
        this.items(0x5d, () => out.push(this.value(depth + 1)));
        return out;
    }
    object(depth) {
        const out = {};
        this.items(0x7d, () => {
            if (this.s.charCodeAt(this.i) !== 0x22)
                this.fail('expected a key');
            const key = this.string();
            this.ws();
            if (this.s.charCodeAt(this.i++) !== 0x3a) {
                this.i--;
                this.fail("expected ':'");
            }
            this.ws();
            const v = this.value(depth + 1);
            // Like JSON.parse: a `__proto__` key is an own property, not the prototype.
            Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true });
        });
        return out;
    }
}
const WORDS = [
    ['true', true],
    ['false', false],
    ['null', null],
];
