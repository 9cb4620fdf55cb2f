// Names what a call will hit, for the question asked before it is sent: each resource the call names
// by uuid (the VM of DestroyVmInstance; the volume and the VM of DetachDataVolumeFromVm) is looked up
// read-only and shown by name, state and address: `Destroy VM instance web-02 (Running, 10.0.0.12)?`.
// A lookup that fails leaves the uuid; one the server does not know says `(not found)`.
import { CliError } from '../errors/cli-error.js';
import { clip } from '../parse/echo.js';
import { convertValue } from '../plan/values.js';
import { resourceOfParam } from '../schema/resources.js';
/** Resources of one param named at most (`and 12 more` for the rest). */
export const MAX_NAMED = 5;
/** Params described at most. */
const MAX_PARAMS = 3;
/** Params that carry uuids but name nothing the call hits. */
const NOT_TARGETS = new Set(['resourceUuid', 'tagUuids', 'systemTags', 'userTags']);
/** The resources a command names by uuid, in the API's param order. */
export function targetsOf(registry, api, cmd) {
    const out = [];
    for (const p of api.params) {
        if (out.length === MAX_PARAMS)
            break;
        if (NOT_TARGETS.has(p.name) || (p.type !== 'string' && p.type !== 'list'))
            continue;
        const arg = cmd.args.find((a) => a.key === p.name) ?? cmd.args.find((a) => a.key.toLowerCase() === p.name.toLowerCase());
        if (!arg)
            continue;
        const ref = resourceOfParam(registry, p);
        if (!ref)
            continue;
        const v = convertValue(p, arg);
        const items = !v.ok ? [] : Array.isArray(v.value) ? v.value : [v.value];
        const uuids = items.filter((u) => typeof u === 'string' && u !== '');
        if (uuids.length)
            out.push({ param: p, ref, uuids });
    }
    return out;
}
/** `DestroyVmInstance` -> `Destroy VM instance`; `L3NetworkInventory` -> `L3 network`. */
export function humanName(camel) {
    const words = camel.replace(/Inventory$/, '').match(/[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z0-9]+/g) ?? [camel];
    return words
        .map((w, i) => {
        if (/^(vm|vms|iso|ip|nic|scsi|lun|ecs|cdp|gc|ldap|sso|vip|eip)$/i.test(w))
            return w.toUpperCase().replace(/S$/, 's');
        if (i === 0 || /[A-Z].*[A-Z0-9]|[0-9]/.test(w))
            return w;
        return w.toLowerCase();
    })
        .join(' ');
}
const field = (row, key) => {
    const v = row[key];
    return typeof v === 'string' && v !== '' ? v : undefined;
};
/** The address a row is reached at: a VM's NIC IP (its default network's first), a host's, a VIP's. */
function addressOf(row) {
    const nics = Array.isArray(row.vmNics) ? row.vmNics.filter((n) => typeof n === 'object' && n !== null) : [];
    const nic = nics.find((n) => n.l3NetworkUuid === row.defaultL3NetworkUuid && field(n, 'ip')) ?? nics.find((n) => field(n, 'ip'));
    if (nic)
        return field(nic, 'ip');
    return field(row, 'managementIp') ?? field(row, 'ip') ?? field(row, 'vipIp') ?? field(row, 'hostname');
}
/** `web-02 (Running, 10.0.0.12)`: name (or uuid), state, status when it says more, address. */
export function describeRow(row, uuid) {
    const state = field(row, 'state');
    const status = field(row, 'status');
    const details = [state, status !== state ? status : undefined, addressOf(row)].filter((d) => d !== undefined).map((d) => clip(d, 40));
    const name = clip(field(row, 'name') ?? uuid, 64);
    return details.length ? `${name} (${details.join(', ')})` : name;
}
/** The named items of one target: rows found by the lookup, else the uuids. */
function describeTarget(t, rows) {
    const byUuid = new Map();
    for (const r of rows ?? []) {
        if (typeof r === 'object' && r !== null && typeof r.uuid === 'string')
            byUuid.set(r.uuid, r);
    }
    const named = t.uuids.slice(0, MAX_NAMED).map((u) => {
        const row = byUuid.get(u);
        if (row)
            return describeRow(row, u);
        return rows ? `${clip(u, 64)} (not found)` : clip(u, 64);
    });
    const more = t.uuids.length - named.length;
    return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
/** Lookup failures that must stop the call rather than leave a uuid: Ctrl-C, no or an expired session. */
function mustStop(e) {
    return e instanceof CliError && ['interrupted', 'not-logged-in', 'session-expired', 'auth-failed'].includes(e.kind);
}
/**
 * The question for a call: `Destroy VM instance web-02 (Running, 10.0.0.12)?`, or with several
 * targets `Detach data volume from VM: volume data-1 (Ready); VM instance web-02 (Running)?`.
 */
export async function confirmQuestion(registry, api, cmd, lookup, signal) {
    const targets = targetsOf(registry, api, cmd);
    const rows = await Promise.all(targets.map((t) => lookup(t.ref, t.uuids.slice(0, MAX_NAMED), signal).catch((e) => {
        if (mustStop(e) || signal?.aborted)
            throw e;
        return undefined;
    })));
    const title = humanName(api.name);
    if (targets.length === 0)
        return `${title}?`;
    if (targets.length === 1)
        return `${title} ${describeTarget(targets[0], rows[0])}?`;
    const parts = targets.map((t, i) => `${humanName(t.ref.inventory)} ${describeTarget(t, rows[i])}`);
    return `${title}: ${parts.join('; ')}?`;
}
