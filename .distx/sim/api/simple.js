// Table-driven handlers shared by many resources: update fields, change state by stateEvent, delete (refusing while in use), detach refs.
import { removeTagsOf } from '../model/tags.js';
import { voOfInventory } from '../store/kinds.js';
import { operationError } from './errors.js';
const STATE_EVENTS = {
    enable: 'Enabled',
    disable: 'Disabled',
    maintain: 'Maintenance',
    preMaintain: 'PreMaintenance',
    deleting: 'Deleting',
};
/** Copies the listed params that were given onto the row; answers its inventory. */
export function updater(inventory, fields, uuidParam = 'uuid') {
    return (call) => {
        const uuid = call.need(uuidParam);
        call.must(inventory, uuid);
        const patch = {};
        for (const f of fields)
            if (call.params[f] !== undefined && call.params[f] !== null)
                patch[f] = call.params[f];
        call.store.update(inventory, uuid, patch);
        return call.inventory(inventory, uuid);
    };
}
export function stateChanger(inventory, uuidParam = 'uuid') {
    return (call) => {
        const uuid = call.need(uuidParam);
        call.must(inventory, uuid);
        const event = call.need('stateEvent');
        call.store.update(inventory, uuid, { state: STATE_EVENTS[event] ?? event });
        return call.inventory(inventory, uuid);
    };
}
export function deleter(inventory, spec = {}) {
    return (call) => {
        const uuid = call.need(spec.uuidParam ?? 'uuid');
        call.must(inventory, uuid);
        for (const b of spec.blockers ?? []) {
            const n = call.store.find(b.inventory, b.field, uuid).length;
            if (n > 0)
                throw operationError(`${voOfInventory(inventory)}[uuid:${uuid}] is still used by ${n} ${voOfInventory(b.inventory)}(s); delete them first (the simulator does not cascade deletes)`);
        }
        for (const c of spec.cascade ?? [])
            call.store.removeWhere(c.inventory, c.field, uuid);
        call.store.remove(inventory, uuid);
        removeTagsOf(call.store, uuid);
        return {};
    };
}
/** Attach: checks both ends exist, runs `link`, answers the owner's inventory. */
export function attacher(owner, other, link) {
    return (call) => {
        const ownerUuid = call.need(owner.param);
        const otherUuid = call.need(other.param);
        call.must(owner.inventory, ownerUuid);
        call.must(other.inventory, otherUuid);
        link(ownerUuid, otherUuid, call);
        return call.inventory(owner.inventory, ownerUuid);
    };
}
/** Detach: removes the ref row joining owner and other; answers the owner's inventory. */
export function detacher(owner, other, refInventory) {
    return (call) => {
        const ownerUuid = call.need(owner.param);
        const otherUuid = call.need(other.param);
        call.must(owner.inventory, ownerUuid);
        const table = call.store.table(refInventory);
        const ids = [...table.lookup(owner.key, ownerUuid)].filter((id) => table.get(id)[other.key] === otherUuid);
        if (ids.length === 0)
            throw operationError(`${voOfInventory(owner.inventory)}[uuid:${ownerUuid}] is not attached to [uuid:${otherUuid}]`);
        for (const id of ids)
            table.remove(id);
        return call.inventory(owner.inventory, ownerUuid);
    };
}
