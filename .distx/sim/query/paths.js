// Resolves a dotted condition path into join steps with usable keys (inferring keys the registry lacks) and a final field.
import { isPrimitiveType, TAG_FIELDS } from '../../schema/registry.js';
import { invalidArgument } from '../api/errors.js';
import { kindOf } from '../store/kinds.js';
import { valueKind } from './compare.js';
function lcFirst(s) {
    return s.charAt(0).toLowerCase() + s.slice(1);
}
/** Keys for a join whose metadata lacks them, or undefined. */
function inferKeys(registry, from, join) {
    const kind = kindOf(from.name);
    if (kind) {
        const parent = registry.inventory(kind.parent);
        const viaParent = parent && registry.join(parent, join.name);
        if (viaParent && viaParent.every((j) => j.foreignKey && j.targetKey)) {
            return viaParent.map((j, i) => ({
                from: i === 0 ? from.name : viaParent[i - 1].inventory,
                to: j.inventory,
                foreignKey: j.foreignKey,
                targetKey: j.targetKey,
            }));
        }
    }
    const target = registry.inventory(join.inventory);
    if (!target)
        return undefined;
    const backRef = `${lcFirst(from.name.replace(/Inventory$/, ''))}Uuid`;
    if (target.fields.some((f) => f.name === backRef))
        return [{ from: from.name, to: target.name, foreignKey: 'uuid', targetKey: backRef }];
    const fwdRef = `${join.name}Uuid`;
    if (from.fields.some((f) => f.name === fwdRef))
        return [{ from: from.name, to: target.name, foreignKey: fwdRef, targetKey: 'uuid' }];
    return undefined;
}
/** Expands a join (or alias) name on an inventory into steps with keys. */
export function joinSteps(registry, from, name) {
    const joins = registry.join(from, name);
    if (!joins)
        return undefined;
    const steps = [];
    let cur = from;
    for (const j of joins) {
        if (j.foreignKey && j.targetKey)
            steps.push({ from: cur.name, to: j.inventory, foreignKey: j.foreignKey, targetKey: j.targetKey });
        else {
            const inferred = inferKeys(registry, cur, j);
            if (!inferred)
                return undefined;
            steps.push(...inferred);
        }
        const next = registry.inventory(j.inventory);
        if (!next)
            return undefined;
        cur = next;
    }
    return steps;
}
export function resolvePath(registry, root, path) {
    const segs = path.split('.');
    const steps = [];
    let cur = root;
    for (let i = 0; i < segs.length; i++) {
        const seg = segs[i];
        if (i === segs.length - 1) {
            if (TAG_FIELDS.includes(seg)) {
                return { steps, inventory: cur.name, field: seg, kind: 'string', tag: seg === '__systemTag__' ? 'System' : 'Simple' };
            }
            const f = cur.fields.find((x) => x.name === seg);
            if (f && isPrimitiveType(f.type))
                return { steps, inventory: cur.name, field: seg, kind: valueKind(f.type) };
            if (!f && cur.queryable.includes(seg))
                return { steps, inventory: cur.name, field: seg, kind: 'string' };
            throw invalidArgument(f ? `field[${seg}] of ${cur.name} is not a primitive field and cannot be used in a condition` : `${cur.name} has no queryable field[${seg}] (condition path '${path}')`);
        }
        const hop = joinSteps(registry, cur, seg);
        if (!hop) {
            const known = registry.join(cur, seg);
            throw invalidArgument(known ? `the join[${seg}] of ${cur.name} has no key metadata; it cannot be queried in the simulator` : `${cur.name} has no join[${seg}] (condition path '${path}')`);
        }
        steps.push(...hop);
        const next = registry.inventory(hop[hop.length - 1].to);
        if (!next)
            throw invalidArgument(`join[${seg}] leads to an unknown inventory`);
        cur = next;
    }
    throw invalidArgument(`empty condition path`);
}
