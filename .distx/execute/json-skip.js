// Reads past one JSON value fed in chunks, checking it as JSON.parse would but building and keeping
// nothing: how the answer's `schema` map is passed over. That map names the class of every nested
// inventory (four entries per VM: ~30 MB and 400k keys in a 100k-VM answer), and parsing it only to
// drop it took ~0.7 s and ~180 MB at that size.
//
// A byte-level state machine over the JSON grammar (RFC 8259): strings (escapes, no raw control
// characters), numbers, the three literals, objects and arrays nested up to MAX_SKIP_DEPTH. UTF-8 is
// not checked, as JSON.parse of the decoded text would not (a bad byte decodes to U+FFFD).
/** Deepest nesting passed over; JSON.parse has no such bound, but no server nests a schema map this deep. */
export const MAX_SKIP_DEPTH = 10_000;
var J;
(function (J) {
    J[J["Value"] = 0] = "Value";
    /** After `[`: a value or `]`. */
    J[J["ValueOrEnd"] = 1] = "ValueOrEnd";
    /** After `{`: a key or `}`. */
    J[J["KeyOrEnd"] = 2] = "KeyOrEnd";
    /** After `,` in an object. */
    J[J["Key"] = 3] = "Key";
    J[J["Colon"] = 4] = "Colon";
    /** After a value inside a container. */
    J[J["CommaOrEnd"] = 5] = "CommaOrEnd";
    J[J["Str"] = 6] = "Str";
    /** After a backslash in a string. */
    J[J["Escape"] = 7] = "Escape";
    /** Inside `\uXXXX`. */
    J[J["Hex"] = 8] = "Hex";
    /** After `-`: the integer part's first digit. */
    J[J["Minus"] = 9] = "Minus";
    /** After a leading `0`. */
    J[J["Zero"] = 10] = "Zero";
    J[J["Int"] = 11] = "Int";
    /** After `.`: a digit. */
    J[J["Dot"] = 12] = "Dot";
    J[J["Frac"] = 13] = "Frac";
    /** After `e`: a sign or digit. */
    J[J["E"] = 14] = "E";
    /** After the exponent's sign: a digit. */
    J[J["ESign"] = 15] = "ESign";
    J[J["Exp"] = 16] = "Exp";
    /** Inside true, false or null. */
    J[J["Word"] = 17] = "Word";
    J[J["Done"] = 18] = "Done";
})(J || (J = {}));
const OBJECT = 1;
const ARRAY = 2;
/** JSON's blank space: space, new line, carriage return, tab. */
export function isWs(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
}
function isHex(c) {
    return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
/** Escapes allowed after a backslash: " \ / b f n r t u. */
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74, 0x75]);
export class JsonSkipper {
    state = J.Value;
    stack = [];
    /** The string being read is an object's key. */
    key = false;
    /** Hex digits still due in `\uXXXX`. */
    hex = 0;
    /** The literal being read and how much of it is matched. */
    word = '';
    wordAt = 0;
    /** The value has been read whole. */
    get done() {
        return this.state === J.Done;
    }
    /**
     * Reads `buf` from `from`: the index just past the value (a number ends at the byte after it, which
     * is not read), or -1 when the chunk ends first. Throws SyntaxError where the text is not JSON.
     */
    feed(buf, from) {
        const len = buf.length;
        let i = from;
        while (i < len) {
            const c = buf[i];
            switch (this.state) {
                case J.Str: {
                    // Most bytes are string content: a tight loop to its end or an escape.
                    let j = i;
                    let d = c;
                    while (d !== 0x22 && d !== 0x5c && d >= 0x20) {
                        if (++j === len)
                            return -1;
                        d = buf[j];
                    }
                    if (d < 0x20)
                        this.fail('a control character inside a string', j);
                    i = j + 1;
                    if (d === 0x5c)
                        this.state = J.Escape;
                    else if (this.key) {
                        this.key = false;
                        this.state = J.Colon;
                    }
                    else if (this.valueEnded())
                        return i;
                    continue;
                }
                case J.Escape:
                    if (!ESCAPES.has(c))
                        this.fail('a bad escape in a string', i);
                    if (c === 0x75) {
                        this.hex = 4;
                        this.state = J.Hex;
                    }
                    else
                        this.state = J.Str;
                    break;
                case J.Hex:
                    if (!isHex(c))
                        this.fail('a bad \\u escape in a string', i);
                    if (--this.hex === 0)
                        this.state = J.Str;
                    break;
                case J.Value:
                case J.ValueOrEnd:
                    if (isWs(c))
                        break;
                    if (c === 0x5d && this.state === J.ValueOrEnd) {
                        this.stack.pop();
                        if (this.valueEnded())
                            return i + 1;
                        break;
                    }
                    this.begin(c, i);
                    break;
                case J.KeyOrEnd:
                case J.Key:
                    if (isWs(c))
                        break;
                    if (c === 0x22) {
                        this.key = true;
                        this.state = J.Str;
                    }
                    else if (c === 0x7d && this.state === J.KeyOrEnd) {
                        this.stack.pop();
                        if (this.valueEnded())
                            return i + 1;
                    }
                    else
                        this.fail('expected a member name', i);
                    break;
                case J.Colon:
                    if (isWs(c))
                        break;
                    if (c !== 0x3a)
                        this.fail("expected ':'", i);
                    this.state = J.Value;
                    break;
                case J.CommaOrEnd: {
                    if (isWs(c))
                        break;
                    const top = this.stack[this.stack.length - 1];
                    if (c === 0x2c)
                        this.state = top === OBJECT ? J.Key : J.Value;
                    else if ((c === 0x7d && top === OBJECT) || (c === 0x5d && top === ARRAY)) {
                        this.stack.pop();
                        if (this.valueEnded())
                            return i + 1;
                    }
                    else
                        this.fail(top === OBJECT ? "expected ',' or '}'" : "expected ',' or ']'", i);
                    break;
                }
                case J.Minus:
                    if (c === 0x30)
                        this.state = J.Zero;
                    else if (isDigit(c))
                        this.state = J.Int;
                    else
                        this.fail('a bad number', i);
                    break;
                case J.Zero:
                case J.Int:
                case J.Frac:
                case J.Exp:
                    if (isDigit(c) && this.state !== J.Zero)
                        break;
                    if (c === 0x2e && this.state !== J.Frac && this.state !== J.Exp)
                        this.state = J.Dot;
                    else if ((c === 0x65 || c === 0x45) && this.state !== J.Exp)
                        this.state = J.E;
                    else if (this.valueEnded())
                        return i;
                    else
                        continue; // the byte after the number is read in the container's state
                    break;
                case J.Dot:
                    if (!isDigit(c))
                        this.fail('a bad number', i);
                    this.state = J.Frac;
                    break;
                case J.E:
                    if (c === 0x2b || c === 0x2d)
                        this.state = J.ESign;
                    else if (isDigit(c))
                        this.state = J.Exp;
                    else
                        this.fail('a bad number', i);
                    break;
                case J.ESign:
                    if (!isDigit(c))
                        this.fail('a bad number', i);
                    this.state = J.Exp;
                    break;
                case J.Word:
                    if (c !== this.word.charCodeAt(this.wordAt))
                        this.fail('unexpected character', i);
                    if (++this.wordAt === this.word.length && this.valueEnded())
                        return i + 1;
                    break;
                case J.Done:
                    return i;
            }
            i++;
        }
        return -1;
    }
    /** Starts the value whose first byte is `c`. */
    begin(c, at) {
        if (c === 0x7b || c === 0x5b) {
            if (this.stack.length >= MAX_SKIP_DEPTH)
                this.fail(`nested more than ${MAX_SKIP_DEPTH} levels deep`, at);
            this.stack.push(c === 0x7b ? OBJECT : ARRAY);
            this.state = c === 0x7b ? J.KeyOrEnd : J.ValueOrEnd;
        }
        else if (c === 0x22)
            this.state = J.Str;
        else if (c === 0x2d)
            this.state = J.Minus;
        else if (c === 0x30)
            this.state = J.Zero;
        else if (isDigit(c))
            this.state = J.Int;
        else if (c === 0x74 || c === 0x66 || c === 0x6e) {
            this.word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
            this.wordAt = 1;
            this.state = J.Word;
        }
        else
            this.fail('unexpected character', at);
    }
    /** A value inside the skipped one (or the skipped one itself) has ended: true when that was the last. */
    valueEnded() {
        this.state = this.stack.length === 0 ? J.Done : J.CommaOrEnd;
        return this.state === J.Done;
    }
    fail(what, at) {
        throw new SyntaxError(`${what} (byte ${at} of a chunk)`);
    }
}
