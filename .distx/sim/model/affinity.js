// Affinity groups and their usages (which VMs are in which group).
import { operationError } from '../api/errors.js';
export function addAffinityGroup(store, g) {
    return store.insert('AffinityGroupInventory', {
        uuid: g.uuid ?? store.ids.uuid(),
        name: g.name,
        description: g.description ?? null,
        policy: g.policy ?? 'antiSoft',
        version: '1.0',
        type: g.type ?? 'host',
        appliance: 'CUSTOMER',
        zoneUuid: g.zoneUuid ?? null,
        state: 'Enabled',
    });
}
export function addVmToGroup(store, affinityGroupUuid, vmUuid) {
    if (store.find('AffinityGroupUsageInventory', 'resourceUuid', vmUuid).some((u) => u.affinityGroupUuid === affinityGroupUuid)) {
        throw operationError(`vm[uuid:${vmUuid}] is already in affinity group[uuid:${affinityGroupUuid}]`);
    }
    return store.insert('AffinityGroupUsageInventory', { uuid: store.ids.uuid(), affinityGroupUuid, resourceUuid: vmUuid, resourceType: 'VmInstanceVO' });
}
