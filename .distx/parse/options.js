// Option words on a command line (`-o json`, `--dry-run`, `--timeout=90s`): which tokens are options
// and which is an option's value, from an injected option syntax (the CLI's option table), so that
// the shell and one-shot mode read the same options anywhere on a line. Pure; never throws.
import { closestNames } from '../schema/suggest.js';
import { quoted } from './echo.js';
/** True for a word that reads as an option: an unquoted `-` then a letter, or `--` then a letter. */
export function looksLikeOption(t) {
    return t.literal[0] === false && /^(-[A-Za-z]|--[A-Za-z])/.test(t.text);
}
/** The option a written name (`--output`, `-o`) stands for. */
export function findOption(syntax, name) {
    return syntax.options.find((o) => o.long === name || o.short === name);
}
function allNames(syntax) {
    return syntax.options.flatMap((o) => (o.short ? [o.long, o.short] : [o.long]));
}
/** Separates option tokens (and their values) from the command's own words. */
export function splitOptions(tokens, syntax) {
    const options = [];
    const rest = [];
    const diagnostics = [];
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (!looksLikeOption(t)) {
            rest.push(i);
            continue;
        }
        const eq = t.text.startsWith('--') ? t.text.indexOf('=') : -1;
        // `-ojson`: a short option glued to its value.
        const glued = !t.text.startsWith('--') && t.text.length > 2 ? t.text.slice(2) : undefined;
        const written = eq > 0 ? t.text.slice(0, eq) : glued !== undefined ? t.text.slice(0, 2) : t.text;
        const spec = findOption(syntax, written);
        if (!spec) {
            const same = allNames(syntax).filter((n) => n.startsWith('--') === written.startsWith('--'));
            const starts = same.filter((n) => n.startsWith(written));
            const near = [...new Set([...starts, ...closestNames(written.slice(0, 200), same, 3)])].slice(0, 3);
            // Its value, if it was meant to take one, is not reported again as a stray word.
            const next = tokens[i + 1];
            if (eq < 0 && next && !looksLikeOption(next) && !next.text.includes('=') && i > 0)
                i++;
            diagnostics.push({
                span: t.span,
                message: `unknown option ${quoted(written)}`,
                hint: near.length ? `did you mean ${near.join(', ')}?` : 'help lists the options',
            });
            continue;
        }
        const node = { name: spec.long, written, span: t.span };
        if (spec.takesValue) {
            if (eq > 0)
                node.value = t.text.slice(eq + 1);
            else if (glued !== undefined)
                node.value = glued;
            else if (i + 1 < tokens.length) {
                const v = tokens[++i];
                node.value = v.text;
                node.span = { start: t.span.start, end: v.span.end };
            }
            else {
                diagnostics.push({ span: t.span, message: `option ${written} needs a value`, hint: `write ${written} <value>` });
                continue;
            }
        }
        else if (eq > 0 || glued !== undefined) {
            diagnostics.push({ span: t.span, message: `option ${written} takes no value`, hint: `write ${written} alone` });
            continue;
        }
        options.push(node);
    }
    return { options, rest, diagnostics };
}
/**
 * Index of the first word that is neither an option nor an option's value (the command's name), or
 * -1. Unknown options count as flags here; the full parse reports them.
 */
export function commandWordIndex(tokens, syntax) {
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (!looksLikeOption(t))
            return i;
        const long = t.text.startsWith('--');
        const name = long ? t.text.split('=', 1)[0] : t.text.slice(0, 2);
        const inline = long ? t.text.includes('=') : t.text.length > 2;
        if (findOption(syntax, name)?.takesValue && !inline)
            i++;
    }
    return -1;
}
/** Argv words as tokens (nothing quoted: the user's shell removed the quotes). */
export function wordTokens(words) {
    return words.map((w) => ({ text: w, literal: [...w].map(() => false) }));
}
