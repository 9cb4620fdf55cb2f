import { invalidArgument, operationError } from './errors.js';
import { checkVmState } from './vm-states.js';
const L3 = 'L3NetworkInventory';
function usable(row) {
    return !!row && row.state === 'Enabled' && row.status === 'Connected';
}
/** Enabled clusters that reach every given L3 (through an attached L2), narrowed to a zone or cluster when given. */
function clustersFor(call, l3Uuids, zoneUuid, clusterUuid) {
    const l3s = l3Uuids.map((u) => call.must(L3, u));
    if (l3s.length === 0)
        throw invalidArgument('field[l3NetworkUuids] must contain at least one l3 network');
    const zone = zoneUuid ?? String(l3s[0].zoneUuid);
    if (l3s.some((l) => l.zoneUuid !== zone))
        throw invalidArgument(`the l3 networks [${l3Uuids.join(', ')}] are not all in zone[uuid:${zone}]`);
    let clusters = clusterUuid ? [call.must('ClusterInventory', clusterUuid)] : call.store.find('ClusterInventory', 'zoneUuid', zone);
    clusters = clusters.filter((c) => c.state === 'Enabled' && c.zoneUuid === zone);
    for (const l3 of l3s) {
        const reach = new Set(call.store.find('L2NetworkClusterRefInventory', 'l2NetworkUuid', l3.l2NetworkUuid).map((r) => r.clusterUuid));
        clusters = clusters.filter((c) => reach.has(c.uuid));
    }
    return clusters;
}
function checkImage(call, zoneUuid) {
    const image = call.must('ImageInventory', call.need('imageUuid'));
    if (image.state !== 'Enabled' || image.status !== 'Ready')
        throw operationError(`image[uuid:${String(image.uuid)}] is not Enabled and Ready`);
    const bs = call.store.find('ImageBackupStorageRefInventory', 'imageUuid', image.uuid).map((r) => r.backupStorageUuid);
    const zones = new Set(bs.flatMap((b) => call.store.find('BackupStorageZoneRefInventory', 'backupStorageUuid', b).map((z) => z.zoneUuid)));
    if (!zones.has(zoneUuid))
        throw operationError(`image[uuid:${String(image.uuid)}] is on no backup storage attached to zone[uuid:${String(zoneUuid)}]`);
    return image;
}
/** Hosts of the clusters that can take `cpuNum` cores and `memorySize` bytes more. */
function hostsIn(call, clusters, cpuNum = 0, memorySize = 0) {
    return clusters
        .flatMap((c) => call.store.find('HostInventory', 'clusterUuid', c.uuid))
        .filter((h) => usable(h) && Number(h.availableCpuCapacity ?? 0) >= cpuNum && Number(h.availableMemoryCapacity ?? 0) >= memorySize);
}
function primaryStoragesOf(call, clusters) {
    const seen = new Set();
    const out = [];
    for (const c of clusters) {
        for (const ref of call.store.find('PrimaryStorageClusterRefInventory', 'clusterUuid', c.uuid)) {
            const ps = call.store.get('PrimaryStorageInventory', String(ref.primaryStorageUuid));
            if (usable(ps) && !seen.has(ps.uuid)) {
                seen.add(ps.uuid);
                out.push(ps);
            }
        }
    }
    return out;
}
function creationClusters(call) {
    const l3s = call.list('l3NetworkUuids') ?? [];
    const clusters = clustersFor(call, l3s, call.str('zoneUuid'), call.str('clusterUuid'));
    checkImage(call, call.store.get(L3, l3s[0])?.zoneUuid);
    return clusters;
}
const renderAll = (call, inventory, rows) => rows.map((r) => call.render(inventory, r));
export const vmCandidateHandlers = {
    GetCandidateZonesClustersHostsForCreatingVm: (call) => {
        let cpuNum = call.num('cpuNum') ?? 0;
        let memorySize = call.num('memorySize') ?? 0;
        const offering = call.str('instanceOfferingUuid');
        if (offering) {
            const o = call.must('InstanceOfferingInventory', offering);
            cpuNum = Number(o.cpuNum);
            memorySize = Number(o.memorySize);
        }
        const hosts = hostsIn(call, creationClusters(call), cpuNum, memorySize);
        const clusterUuids = new Set(hosts.map((h) => h.clusterUuid));
        const clusters = [...clusterUuids].map((u) => call.must('ClusterInventory', String(u)));
        const zones = [...new Set(clusters.map((c) => c.zoneUuid))].map((u) => call.must('ZoneInventory', String(u)));
        return { zones: renderAll(call, 'ZoneInventory', zones), clusters: renderAll(call, 'ClusterInventory', clusters), hosts: renderAll(call, 'HostInventory', hosts) };
    },
    GetCandidatePrimaryStoragesForCreatingVm: (call) => {
        const storages = renderAll(call, 'PrimaryStorageInventory', primaryStoragesOf(call, creationClusters(call)));
        const data = {};
        for (const offering of call.list('dataDiskOfferingUuids') ?? []) {
            call.must('DiskOfferingInventory', offering);
            data[offering] = storages;
        }
        return { rootVolumePrimaryStorages: storages, dataVolumePrimaryStorages: data };
    },
    GetVmStartingCandidateClustersHosts: (call) => {
        const vm = call.must('VmInstanceInventory', call.need('uuid'));
        checkVmState(vm, call.api.name);
        const l3s = call.store.find('VmNicInventory', 'vmInstanceUuid', vm.uuid).map((n) => String(n.l3NetworkUuid));
        const root = call.store.get('VolumeInventory', String(vm.rootVolumeUuid));
        let clusters = l3s.length > 0 ? clustersFor(call, l3s, String(vm.zoneUuid)) : call.store.find('ClusterInventory', 'zoneUuid', vm.zoneUuid).filter((c) => c.state === 'Enabled');
        if (root?.primaryStorageUuid) {
            const reach = new Set(call.store.find('PrimaryStorageClusterRefInventory', 'primaryStorageUuid', root.primaryStorageUuid).map((r) => r.clusterUuid));
            clusters = clusters.filter((c) => reach.has(c.uuid));
        }
        const hosts = hostsIn(call, clusters, Number(vm.cpuNum ?? 0), Number(vm.memorySize ?? 0));
        const withHosts = clusters.filter((c) => hosts.some((h) => h.clusterUuid === c.uuid));
        return { hosts: renderAll(call, 'HostInventory', hosts), clusters: renderAll(call, 'ClusterInventory', withHosts) };
    },
    GetInterdependentL3NetworksImages: (call) => {
        const zone = call.must('ZoneInventory', call.need('zoneUuid'));
        const bsInZone = new Set(call.store.find('BackupStorageZoneRefInventory', 'zoneUuid', zone.uuid).map((r) => r.backupStorageUuid));
        const l3s = call.list('l3NetworkUuids');
        if (call.str('imageUuid')) {
            // The L3 networks a VM of this image can use in the zone.
            checkImage(call, zone.uuid);
            const l3Rows = call.store.find(L3, 'zoneUuid', zone.uuid).filter((l) => l.state === 'Enabled' && !l.system && call.env.access.mayUse(call.accountUuid, String(l.uuid), L3));
            const reachable = l3Rows.filter((l) => call.store.find('L2NetworkClusterRefInventory', 'l2NetworkUuid', l.l2NetworkUuid).length > 0);
            return { inventories: renderAll(call, L3, reachable) };
        }
        if (!l3s || l3s.length === 0)
            throw invalidArgument('either imageUuid or l3NetworkUuids must be given');
        // The images a VM on these L3 networks can use: on backup storage of the zone.
        clustersFor(call, l3s, String(zone.uuid));
        const images = call.store
            .all('ImageInventory')
            .filter((i) => i.state === 'Enabled' && i.status === 'Ready' && i.mediaType !== 'DataVolumeTemplate')
            .filter((i) => call.store.find('ImageBackupStorageRefInventory', 'imageUuid', i.uuid).some((r) => bsInZone.has(r.backupStorageUuid)))
            .filter((i) => call.env.access.mayUse(call.accountUuid, String(i.uuid), 'ImageInventory'));
        return { inventories: renderAll(call, 'ImageInventory', images) };
    },
};
