// Instance offerings (CPU/memory) and disk offerings (size) as rows.
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

export function addInstanceOffering(
  store: Store,
  o: { uuid?: string; name: string; description?: string | null; cpuNum: number; memorySize: number; reservedMemorySize?: number; allocatorStrategy?: string | null; sortKey?: number; type?: string },
): Row {
  return store.insert('InstanceOfferingInventory', {
    uuid: o.uuid ?? store.ids.uuid(),
    name: o.name,
    description: o.description ?? null,
    cpuNum: o.cpuNum,
    cpuSpeed: 0,
    memorySize: o.memorySize,
    reservedMemorySize: o.reservedMemorySize ?? 0,
    type: o.type ?? 'UserVm',
    allocatorStrategy: o.allocatorStrategy ?? 'LeastVmPreferredHostAllocatorStrategy',
    sortKey: o.sortKey ?? 0,
    state: 'Enabled',
  });
}

export function addDiskOffering(
  store: Store,
  o: { uuid?: string; name: string; description?: string | null; diskSize: number; sortKey?: number; allocatorStrategy?: string | null; type?: string },
): Row {
  return store.insert('DiskOfferingInventory', {
    uuid: o.uuid ?? store.ids.uuid(),
    name: o.name,
    description: o.description ?? null,
    diskSize: o.diskSize,
    sortKey: o.sortKey ?? 0,
    state: 'Enabled',
    type: o.type ?? 'zstack',
    allocatorStrategy: o.allocatorStrategy ?? 'DefaultPrimaryStorageAllocationStrategy',
  });
}
