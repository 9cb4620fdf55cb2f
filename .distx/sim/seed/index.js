import { ADMIN_ACCOUNT_UUID } from '../model/accounts.js';
import { seedBase } from './base.js';
import { seedDemo } from './demo.js';
import { MAX_SCALE, seedScale } from './scale.js';
const USAGE = "use 'empty', 'demo' or 'scale:N', optionally followed by '+unsupported=Api1,Api2'";
export function parseSeed(text) {
    const [base = '', ...options] = text.split('+');
    const unsupportedApis = [];
    for (const o of options) {
        const m = /^unsupported=(.+)$/.exec(o);
        if (!m)
            throw new Error(`unknown seed option '${o}' in '${text}': ${USAGE}`);
        unsupportedApis.push(...m[1].split(',').filter((n) => n.length > 0));
    }
    if (base === 'empty' || base === 'demo')
        return { kind: base, base, unsupportedApis };
    const m = /^scale:(\d+)$/.exec(base);
    if (m) {
        const vms = Number(m[1]);
        if (vms > MAX_SCALE)
            throw new Error(`seed scale:${vms} is too big (at most ${MAX_SCALE} VMs)`);
        return { kind: 'scale', vms, base, unsupportedApis };
    }
    throw new Error(`unknown seed '${text}': ${USAGE}`);
}
/**
 * Bytes the row cache sets aside for a seed's rows (see RowCache): a reply of all of `scale:N`'s VMs keeps ~650 bytes
 * a VM; other seeds are small.
 */
export function cacheReserve(spec) {
    return spec.kind === 'scale' ? spec.vms * 1024 : 0;
}
/**
 * The inventories whose rows' reply text is made as part of seeding (kept in the row cache, so the first query of them
 * costs what a repeated one does): `scale:N`'s VMs, the rows it is made for. Other seeds are small: their rows are
 * rendered when first asked for.
 */
export function keptInventories(spec) {
    return spec.kind === 'scale' ? ['VmInstanceInventory'] : [];
}
/** Fills the store; its clock is left on the seed clock (the caller swaps in the real one). */
export function runSeed(store, spec, clock, access) {
    const base = seedBase(store);
    clock.tick();
    if (spec.kind === 'demo')
        access.as(ADMIN_ACCOUNT_UUID, () => seedDemo(store, clock, access));
    // The scale seed records no owners (all its rows are the admin's anyway): 100k VMs start faster without the refs.
    else if (spec.kind === 'scale')
        seedScale(store, clock, spec.vms);
    return base;
}
