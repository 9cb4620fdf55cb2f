export function addInstanceOffering(store, o) {
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
export function addDiskOffering(store, o) {
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
