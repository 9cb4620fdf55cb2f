// Deterministic identifiers: a seeded PRNG that yields ZStack-style uuids (32 hex, v4 layout), MACs and numbers.
/** Folds a seed string into four 32-bit words (a small string hash run four times with different salts). */
function seedWords(seed) {
    const out = [];
    for (let salt = 0; salt < 4; salt++) {
        let h = (0x811c9dc5 ^ (salt * 0x9e3779b9)) >>> 0;
        for (let i = 0; i < seed.length; i++) {
            h ^= seed.charCodeAt(i);
            h = Math.imul(h, 0x01000193) >>> 0;
        }
        h ^= h >>> 15;
        h = Math.imul(h, 0x2c1b3c6d) >>> 0;
        out.push(h || 0x6d2b79f5);
    }
    return out;
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Character codes of the 16 hex digits. */
const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));
/** A small-state counter-mixed PRNG (sfc32 family); the same seed always gives the same sequence. */
export class IdSource {
    a;
    b;
    c;
    d;
    /** The 32 character codes of the uuid being made. */
    codes = new Array(32).fill(0);
    constructor(seed) {
        [this.a, this.b, this.c, this.d] = seedWords(seed);
        for (let i = 0; i < 12; i++)
            this.next32();
    }
    next32() {
        const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
        this.d = (this.d + 1) >>> 0;
        this.a = this.b ^ (this.b >>> 9);
        this.b = (this.c + (this.c << 3)) >>> 0;
        this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
        this.c = (this.c + t) >>> 0;
        return t;
    }
    /** Uniform integer in [0, n). */
    int(n) {
        return Math.floor((this.next32() / 0x100000000) * n);
    }
    /** Integer in [lo, hi]. */
    between(lo, hi) {
        return lo + this.int(hi - lo + 1);
    }
    pick(items) {
        if (items.length === 0)
            throw new Error('pick from an empty list');
        return items[this.int(items.length)];
    }
    /**
     * A v4-shaped uuid without dashes, as ZStack writes them. Made in one piece from character codes: a string joined
     * from 16 parts is a tree of 31 strings (~200 bytes instead of ~60, and slower to hash, compare and write) until
     * something flattens it, and a seeded 100k-VM cloud holds over half a million uuids.
     */
    uuid() {
        const codes = this.codes;
        for (let w = 0; w < 4; w++) {
            let x = this.next32();
            if (w === 1)
                x = (x & 0xffff0fff) | 0x00004000; // version 4
            if (w === 2)
                x = (x & 0x3fffffff) | 0x80000000; // variant 10xx
            for (let j = 0; j < 8; j++)
                codes[w * 8 + j] = HEX_CODES[(x >>> (28 - 4 * j)) & 15];
        }
        return String.fromCharCode.apply(null, codes);
    }
    /** A locally administered MAC in ZStack's `fa:` range. */
    mac() {
        const x = this.next32();
        const y = this.next32();
        return ['fa', HEX[x >>> 24], HEX[(x >>> 16) & 0xff], HEX[(x >>> 8) & 0xff], HEX[x & 0xff], HEX[y & 0xff]].join(':');
    }
}
