// Small caches the text writers share: indentation strings by depth, and rendered object keys.
/** `'  '.repeat(depth)`, computed once per depth. */
export class Indents {
    cache = [''];
    of(depth) {
        let s = this.cache[depth];
        if (s === undefined) {
            s = '  '.repeat(depth);
            this.cache[depth] = s;
        }
        return s;
    }
}
/** Rendered keys (quoted, coloured, with their separator), kept for the first 10,000 distinct keys. */
export class KeyMemo {
    render;
    cache = new Map();
    constructor(render) {
        this.render = render;
    }
    of(key) {
        let s = this.cache.get(key);
        if (s === undefined) {
            s = this.render(key);
            if (this.cache.size < 10_000)
                this.cache.set(key, s);
        }
        return s;
    }
}
