export function addZone(store, z) {
    return store.insert('ZoneInventory', {
        uuid: z.uuid ?? store.ids.uuid(),
        name: z.name,
        description: z.description ?? null,
        state: 'Enabled',
        type: 'zstack',
        isDefault: z.isDefault ?? false,
    });
}
export function addCluster(store, c) {
    return store.insert('ClusterInventory', {
        uuid: c.uuid ?? store.ids.uuid(),
        name: c.name,
        description: c.description ?? null,
        state: 'Enabled',
        hypervisorType: c.hypervisorType ?? 'KVM',
        zoneUuid: c.zoneUuid,
        type: c.type ?? 'zstack',
        architecture: c.architecture ?? 'x86_64',
    });
}
const GiB = 1024 ** 3;
export function addKvmHost(store, h) {
    const cpuNum = h.cpuNum ?? 32;
    const memory = (h.memoryGiB ?? 256) * GiB;
    return store.insert('KVMHostInventory', {
        uuid: h.uuid ?? store.ids.uuid(),
        zoneUuid: h.zoneUuid,
        name: h.name,
        clusterUuid: h.clusterUuid,
        description: h.description ?? null,
        managementIp: h.managementIp,
        hypervisorType: 'KVM',
        state: 'Enabled',
        status: h.status ?? 'Connected',
        totalCpuCapacity: cpuNum * 4,
        availableCpuCapacity: cpuNum * 4,
        cpuSockets: 2,
        totalMemoryCapacity: memory,
        availableMemoryCapacity: memory,
        cpuNum,
        architecture: 'x86_64',
        username: h.username ?? 'root',
        sshPort: h.sshPort ?? 22,
        osDistribution: 'centos',
        osRelease: 'Core',
        osVersion: '7.6.1810',
    });
}
