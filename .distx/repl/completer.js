// Adapts the completion engine to node:readline's callback completer contract: answers within a time
// limit, never throws, remembers the last answer (a double Tab asks twice), decides what to insert,
// and on a repeated Tab with nothing to insert hands the candidates to the shell's titled listing.
import { fuzzyPick } from '../complete/index.js';
function commonPrefix(values) {
    if (values.length === 0)
        return '';
    let p = values[0];
    for (const v of values) {
        let i = 0;
        while (i < p.length && i < v.length && p[i] === v[i])
            i++;
        p = p.slice(0, i);
    }
    return p;
}
/**
 * The text that should replace `line[c.replaceFrom, cursor)`, or undefined when Tab cannot add
 * anything: a unique candidate (plus a space when it is a complete word), an API name that all other
 * candidates extend (plus a space), or the candidates' common prefix when it extends what was typed
 * (case-insensitively).
 */
export function insertionFor(c, line, cursor) {
    const typed = line.slice(c.replaceFrom, cursor);
    const cands = c.candidates;
    if (cands.length === 0)
        return undefined;
    if (cands.length === 1) {
        const only = cands[0];
        const space = only.final && line[cursor] !== ' ' ? ' ' : '';
        const text = only.value + space;
        return text === typed ? undefined : text;
    }
    // A fuzzy API name (`qvmins`) that starts no candidate: the best-ranked one (the listing on a
    // second Tab shows the others).
    const picked = fuzzyPick(c, typed);
    if (picked)
        return picked.value + (line[cursor] !== ' ' ? ' ' : '');
    const p = commonPrefix(cands.map((x) => x.value));
    // An API name that is a prefix of longer ones (QueryVmInstance, QueryVmInstancePci...) is taken whole:
    // the exact API is what is almost always meant; one more letter reaches the longer names.
    const exact = cands.find((x) => x.value === p && x.group === 'api' && x.final);
    if (exact && p.toLowerCase().startsWith(typed.toLowerCase())) {
        const text = p + (line[cursor] !== ' ' ? ' ' : '');
        return text === typed ? undefined : text;
    }
    if (p.length < typed.length || p === typed)
        return undefined;
    return p.toLowerCase().startsWith(typed.toLowerCase()) ? p : undefined;
}
export function readlineCompleter(o) {
    const timeoutMs = o.timeoutMs ?? 300;
    const memoMs = o.memoMs ?? 2000;
    let memo;
    let inflight;
    const lookup = (line, cursor) => {
        const key = `${cursor}\u0000${line}`;
        const now = o.timers.now();
        if (memo && memo.key === key && now - memo.at < memoMs)
            return Promise.resolve(memo.value);
        inflight?.abort();
        const ctl = new AbortController();
        inflight = ctl;
        return new Promise((resolve) => {
            let done = false;
            const timer = o.timers.setTimeout(() => {
                if (done)
                    return;
                done = true;
                resolve(undefined);
            }, timeoutMs);
            let p;
            try {
                p = o.complete(line, cursor, ctl.signal);
            }
            catch (e) {
                p = Promise.reject(e);
            }
            p.then((value) => {
                if (ctl.signal.aborted)
                    return;
                memo = { key, at: o.timers.now(), value };
                if (done)
                    return;
                done = true;
                o.timers.clearTimeout(timer);
                resolve(value);
            }, () => {
                if (done)
                    return;
                done = true;
                o.timers.clearTimeout(timer);
                resolve(undefined);
            });
        });
    };
    return (text, cb) => {
        let answered = false;
        const answer = (cands, sub) => {
            if (answered)
                return;
            answered = true;
            cb(null, [cands, sub]);
        };
        try {
            const cur = o.current();
            const { line, cursor } = cur.line.slice(0, cur.cursor) === text ? cur : { line: text, cursor: text.length };
            const repeated = o.repeatedTab();
            lookup(line, cursor).then((c) => {
                try {
                    if (!c || c.candidates.length === 0 || c.replaceFrom > cursor)
                        return answer([], '');
                    const sub = line.slice(c.replaceFrom, cursor);
                    const ins = insertionFor(c, line, cursor);
                    if (ins !== undefined)
                        return answer([ins], sub);
                    if (repeated)
                        o.showListing(c);
                    answer([], sub);
                }
                catch {
                    answer([], '');
                }
            }, () => answer([], ''));
        }
        catch {
            answer([], '');
        }
    };
}
