// `-c` checked against an answer when the registry could not check it before sending (actions, and
// the queries with no known inventory): the rows' inventory is taken as the smallest registry
// inventory holding every field of the first row (the server leaves null fields out, so a row's own
// keys are not enough), and the columns are checked against it; when no inventory fits, a column
// counts as missing when no row has its first segment.
import { UsageError } from '../errors/cli-error.js';
import { didYouMean } from '../plan/errors.js';
import { columnProblem } from '../plan/columns.js';
import { closestNames } from '../schema/suggest.js';
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Said under -c problems found in an answer: exit 2, though the call was made. */
export const WENT_THROUGH = 'the call itself went through; -o json shows the fields its result has';
/** The smallest inventory whose fields include every key of `row`. */
export function inventoryOfRow(reg, row) {
    const keys = Object.keys(row);
    if (keys.length === 0)
        return undefined;
    let best;
    for (const name of reg.inventoryNames()) {
        const inv = reg.inventory(name);
        if (!inv || (best && inv.fields.length >= best.fields.length))
            continue;
        const fields = new Set(inv.fields.map((f) => f.name));
        if (keys.every((k) => fields.has(k)))
            best = inv;
    }
    return best;
}
/**
 * A usage error naming the columns no row of `what` can have (one problem each, with the closest
 * names, and under the last a line saying the call went through); undefined when all can be there.
 */
export function missingColumns(reg, rows, columns, what) {
    const records = rows.filter(isRecord);
    if (records.length === 0)
        return undefined;
    const inv = inventoryOfRow(reg, records[0]);
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const problems = [];
    for (const c of columns) {
        if (inv) {
            const p = columnProblem(reg, inv, c);
            if (p)
                problems.push({ message: `-c ${c}: no row of ${what} can have it: ${p.reason}`, hint: didYouMean(p.suggestions) });
        }
        else {
            const first = c.split('.')[0];
            if (!records.some((r) => Object.hasOwn(r, first) || Object.hasOwn(r, c))) {
                problems.push({ message: `-c ${c}: no row of ${what} has '${first}'`, hint: didYouMean(closestNames(first, keys)) });
            }
        }
    }
    if (problems.length === 0)
        return undefined;
    problems[problems.length - 1].details = [`  ${WENT_THROUGH}`];
    return UsageError.of(problems);
}
