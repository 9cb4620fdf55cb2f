// Affinity groups and their usages (which VMs are in which group).
import { operationError } from '../api/errors.js';
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

export function addAffinityGroup(store: Store, g: { uuid?: string; name: string; description?: string | null; policy?: string; type?: string; zoneUuid?: string | null }): Row {
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

export function addVmToGroup(store: Store, affinityGroupUuid: string, vmUuid: string): Row {
  if (store.find('AffinityGroupUsageInventory', 'resourceUuid', vmUuid).some((u) => u.affinityGroupUuid === affinityGroupUuid)) {
    throw operationError(`vm[uuid:${vmUuid}] is already in affinity group[uuid:${affinityGroupUuid}]`);
  }
  return store.insert('AffinityGroupUsageInventory', { uuid: store.ids.uuid(), affinityGroupUuid, resourceUuid: vmUuid, resourceType: 'VmInstanceVO' });
}
