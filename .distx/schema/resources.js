/** Names that hold uuids: `uuid`, `uuids`, `hostUuid`, `l3NetworkUuids` (a list of uuids). */
export function isUuidName(name) {
    return name === 'uuid' || name === 'uuids' || /.Uuids?$/.test(name);
}
/** The resource listed by a query API, when it is one with an inventory. */
export function resourceOfQuery(reg, queryApi) {
    const api = reg.api(queryApi);
    return api?.query && api.inventory ? { queryApi: api.name, inventory: api.inventory } : undefined;
}
/** The resource whose uuids a param takes. */
export function resourceOfParam(reg, p) {
    return p.refersTo ? resourceOfQuery(reg, p.refersTo) : undefined;
}
/** The resource whose uuids a field of an inventory holds (`uuid`: the inventory's own). */
export function resourceOfField(reg, inv, field) {
    const q = inv.refersTo && Object.hasOwn(inv.refersTo, field) ? inv.refersTo[field] : undefined;
    return q ? resourceOfQuery(reg, q) : undefined;
}
/** A resource's name for messages: `VmInstance` for VmInstanceInventory. */
export function resourceLabel(ref) {
    return ref.inventory.replace(/Inventory$/, '');
}
