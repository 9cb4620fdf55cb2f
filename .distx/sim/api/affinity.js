// Affinity group APIs: create, delete (with usages), update, state, add/remove VMs.
import { addAffinityGroup, addVmToGroup } from '../model/affinity.js';
import { operationError } from './errors.js';
import { deleter, stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const AG = 'AffinityGroupInventory';
export const affinityHandlers = {
    CreateAffinityGroup: (call) => {
        const zoneUuid = call.str('zoneUuid');
        if (zoneUuid)
            call.must('ZoneInventory', zoneUuid);
        const row = addAffinityGroup(call.store, {
            uuid: call.newUuid(),
            name: call.need('name'),
            description: call.str('description') ?? null,
            policy: call.str('policy') ?? 'antiSoft',
            type: call.str('type') ?? 'host',
            zoneUuid: zoneUuid ?? null,
        });
        applyCreationTags(call, String(row.uuid), AG);
        return call.inventory(AG, String(row.uuid));
    },
    DeleteAffinityGroup: deleter(AG, { cascade: [{ inventory: 'AffinityGroupUsageInventory', field: 'affinityGroupUuid' }] }),
    UpdateAffinityGroup: updater(AG, ['name', 'description']),
    ChangeAffinityGroupState: stateChanger(AG),
    AddVmToAffinityGroup: (call) => {
        const group = call.must(AG, call.need('affinityGroupUuid'));
        const vm = call.must('VmInstanceInventory', call.need('uuid'));
        addVmToGroup(call.store, String(group.uuid), String(vm.uuid));
        return call.inventory(AG, String(group.uuid));
    },
    RemoveVmFromAffinityGroup: (call) => {
        const group = call.must(AG, call.need('affinityGroupUuid'));
        const vmUuid = call.need('uuid');
        const usages = call.store.find('AffinityGroupUsageInventory', 'affinityGroupUuid', group.uuid).filter((u) => u.resourceUuid === vmUuid);
        if (usages.length === 0)
            throw operationError(`vm[uuid:${vmUuid}] is not in affinity group[uuid:${String(group.uuid)}]`);
        for (const u of usages)
            call.store.remove('AffinityGroupUsageInventory', String(u.uuid));
        return call.inventory(AG, String(group.uuid));
    },
};
