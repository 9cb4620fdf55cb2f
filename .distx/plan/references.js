import { capReports, quoted } from '../parse/echo.js';
import { splitList } from '../parse/parser.js';
import { isUuidName, resourceLabel, resourceOfField, resourceOfParam } from '../schema/resources.js';
import { serverSplit } from './conditions.js';
import { planError } from './errors.js';
/** Most `@name` references one line may hold (each is a name to send; a list of 10^5 is a mistake). */
export const MAX_REFERENCES = 1000;
/** Longest name looked up: ZStack keeps names in VARCHAR(255) columns. */
export const MAX_NAME_LENGTH = 255;
function inventoryHasNames(reg, r) {
    return !r || (reg.inventory(r.inventory)?.fields.some((f) => f.name === 'name') ?? false);
}
/** The slot of an arg, or undefined when its value is not uuids (then `@` means nothing there). */
function slotOf(reg, api, arg) {
    if (api.query) {
        // A condition (limit=, fields=... name no uuid field): `=`/`!=` take one uuid, `?=`/`!?=` a list;
        // other operators compare text.
        const inv = reg.inventoryOf(api);
        if (!inv || !arg.op || !['=', '!=', '?=', '!?='].includes(arg.op))
            return undefined;
        const r = reg.resolvePath(inv, arg.key, false);
        if (!r.ok || !r.field || !isUuidName(r.field.name))
            return undefined;
        return { resource: resourceOfField(reg, r.inventory, r.field.name), list: arg.op === '?=' || arg.op === '!?=', label: arg.key };
    }
    const p = reg.param(api, arg.key);
    if (!p || arg.op !== '=' || !isUuidName(p.name))
        return undefined;
    if (p.type === 'list')
        return arg.value.trimStart().startsWith('[') ? undefined : { resource: resourceOfParam(reg, p), list: true, label: p.name };
    return p.type === 'string' ? { resource: resourceOfParam(reg, p), list: false, label: p.name } : undefined;
}
/** Finds the `@name` references of a command line of `api`. Values without `@` cost nothing. */
export function findReferences(reg, api, cmd) {
    const found = { references: [], errors: [], rewrites: [] };
    cmd.args.forEach((arg, index) => {
        if (!arg.value.includes('@'))
            return;
        const slot = slotOf(reg, api, arg);
        if (!slot)
            return;
        // `?=` values with an escaped comma are refused by the planner: leave them to it.
        if (slot.list && arg.op !== '=' && arg.literalCommas.length)
            return;
        const items = slot.list ? splitList(arg) : [arg.value];
        if (!items.some((i) => i.startsWith('@')))
            return;
        const named = inventoryHasNames(reg, slot.resource);
        const pieces = items.map((item) => piece(item, slot, named, arg, found));
        found.rewrites.push({ arg: index, pieces });
    });
    if (found.references.length > MAX_REFERENCES) {
        found.errors = [planError(`${found.references.length} @name references in one line; at most ${MAX_REFERENCES}`, 'give uuids, or split the line')];
    }
    found.errors = capReports(found.errors, (n) => planError(`${n} more problems not shown`, 'fix the ones above first'));
    return found;
}
function piece(item, slot, hasNames, arg, found) {
    if (!item.startsWith('@'))
        return { text: item };
    if (item.startsWith('@@'))
        return { text: item.slice(1) };
    const name = item.slice(1);
    if (name === '') {
        found.errors.push(planError(`'@' in ${slot.label} needs a name after it`, `e.g. ${slot.label}=@web-01; @@ is a literal @`, arg.valueSpan));
        return { text: item };
    }
    if (name.length > MAX_NAME_LENGTH) {
        found.errors.push(planError(`cannot look up ${quoted(item)}: names are at most ${MAX_NAME_LENGTH} characters`, 'give its uuid', arg.valueSpan));
        return { text: item };
    }
    if (!slot.resource) {
        found.errors.push(planError(`cannot look up ${quoted(item)}: what ${slot.label} refers to is not known`, 'give its uuid; @@ is a literal @', arg.valueSpan));
        return { text: item };
    }
    if (!hasNames) {
        found.errors.push(planError(`cannot look up ${quoted(item)}: ${resourceLabel(slot.resource)}s have no names`, 'give its uuid; @@ is a literal @', arg.valueSpan));
        return { text: item };
    }
    // The server splits `q=name?=<names>` at the first operator it finds: a name holding one cannot be sent.
    const split = serverSplit(`name?=${name}`);
    if (!split || split[1] !== '?=' || split[2] !== name) {
        found.errors.push(planError(`cannot look up ${quoted(item)}: the server would split the name at its operator`, 'give its uuid', arg.valueSpan));
        return { text: item };
    }
    const ref = { name, written: item, resource: slot.resource };
    found.references.push(ref);
    return { ref };
}
/**
 * The command with every reference replaced by its uuid (`uuidOf`) and `@@x` written `@x`; commas
 * inside a kept item stay escaped (no list separators).
 */
export function substituteReferences(cmd, found, uuidOf) {
    if (!found.rewrites.length)
        return cmd;
    const args = [...cmd.args];
    for (const rw of found.rewrites) {
        const texts = rw.pieces.map((p) => ('ref' in p ? uuidOf(p.ref) : p.text));
        let value = '';
        const literalCommas = [];
        texts.forEach((t, i) => {
            if (i > 0)
                value += ',';
            for (let k = 0; k < t.length; k++)
                if (t[k] === ',')
                    literalCommas.push(value.length + k);
            value += t;
        });
        args[rw.arg] = { ...args[rw.arg], value, literalCommas };
    }
    return { ...cmd, args };
}
