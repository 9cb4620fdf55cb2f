/** Display width: counts East Asian wide characters as two columns. */
export function textWidth(s) {
    let w = 0;
    for (const ch of s) {
        const cp = ch.codePointAt(0);
        w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd)) ? 2 : 1;
    }
    return w;
}
function pad(s, w) {
    return s + ' '.repeat(Math.max(0, w - textWidth(s)));
}
/** Row-major columns, each as wide as the widest item + 2 (the original's and readline's layout). */
export function columns(items, width) {
    if (items.length === 0)
        return [];
    const cell = Math.max(...items.map(textWidth)) + 2;
    const perRow = Math.max(1, Math.floor(Math.max(1, width) / cell));
    const rows = [];
    for (let i = 0; i < items.length; i += perRow) {
        rows.push(items
            .slice(i, i + perRow)
            .map((s, j, row) => (j === row.length - 1 ? s : pad(s, cell)))
            .join(''));
    }
    return rows;
}
/** Two columns, `value  description`, one per line; descriptions are clipped to the width. */
function described(items, width) {
    const shown = items.map((c) => c.display ?? c.value);
    const w = Math.min(Math.max(...shown.map(textWidth)) + 2, Math.max(8, Math.floor(width / 2)));
    return items.map((c, i) => {
        const d = c.description ?? '';
        const line = d ? `${pad(shown[i], w)}${d}` : shown[i];
        return clip(line, width);
    });
}
function clip(s, width) {
    if (textWidth(s) <= width)
        return s;
    let out = '';
    for (const ch of s) {
        if (textWidth(out + ch) > width - 1)
            break;
        out += ch;
    }
    return `${out}…`;
}
/** Lines (without a trailing newline) listing a completion's candidates under titles. */
export function formatListing(c, opts) {
    const width = Math.max(20, opts.width || 80);
    const max = opts.maxItems ?? 400;
    const all = c.candidates.slice(0, max);
    const by = (g) => all.filter((x) => x.group === g);
    const out = [];
    const block = (title, blocks) => {
        const nonEmpty = blocks.filter((b) => b.length);
        if (!nonEmpty.length)
            return;
        if (out.length)
            out.push('');
        if (title)
            out.push(title);
        nonEmpty.forEach((b, i) => {
            if (i)
                out.push('');
            out.push(...b);
        });
    };
    const names = (cs) => cs.map((x) => x.display ?? x.value);
    const params = (cs) => cs.map((x) => (x.required ? `${x.value}*` : x.value));
    block('[Built-ins:]', [described(by('builtin'), width)]);
    block('[APIs:]', [columns(names(by('api')), width)]);
    block('[Options:]', [described(by('option'), width)]);
    block('[Query Conditions:]', [columns(names(by('join')), width), columns(names(by('field')), width)]);
    const ops = by('operator');
    if (ops.length) {
        const key = ops[0].value.slice(0, ops[0].value.length - (ops[0].display ?? '').length);
        block(`[Operators for ${key}:]`, [described(ops, width)]);
    }
    const ps = by('param');
    block('[Parameters:]', [
        columns(params(by('queryParam')), width),
        columns(params(ps.filter((p) => p.required)), width),
        columns(params(ps.filter((p) => !p.required)), width),
    ]);
    const values = by('value');
    block('[Values:]', [values.some((v) => v.description) ? described(values, width) : columns(names(values), width)]);
    if (ps.some((p) => p.required))
        out.push('(* required)');
    if (c.candidates.length > all.length)
        out.push(`... ${c.candidates.length - all.length} more; type more letters to narrow`);
    return out;
}
