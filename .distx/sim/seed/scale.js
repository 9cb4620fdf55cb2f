// The `scale:N` seed: one zone and cluster, N/500 hosts, one big L3 and N running or stopped VMs, built fast for benchmarks.
import { addImage } from '../model/images.js';
import { addCluster, addKvmHost, addZone } from '../model/infra.js';
import { addIpRange, addL2, addL3, attachL2ToCluster, longToIp, ipToLong } from '../model/network.js';
import { addDiskOffering, addInstanceOffering } from '../model/offerings.js';
import { addBackupStorage, addPrimaryStorage, attachBackupStorageToZone, attachPrimaryStorageToCluster } from '../model/storage.js';
import { addVm } from '../model/vms.js';
const GiB = 1024 ** 3;
export const MAX_SCALE = 2_000_000;
export function seedScale(store, clock, n) {
    const zone = addZone(store, { name: 'scale-zone' });
    const zoneUuid = String(zone.uuid);
    const cluster = addCluster(store, { zoneUuid, name: 'scale-cluster' });
    const clusterUuid = String(cluster.uuid);
    const hostCount = Math.max(2, Math.ceil(n / 500));
    const hosts = [];
    const first = ipToLong('10.1.0.1');
    for (let i = 0; i < hostCount; i++) {
        hosts.push(String(addKvmHost(store, { clusterUuid, zoneUuid, name: `scale-host-${i + 1}`, managementIp: longToIp(first + i), cpuNum: 128, memoryGiB: 2048 }).uuid));
    }
    const ps = addPrimaryStorage(store, { zoneUuid, name: 'scale-ps', url: '10.1.255.1:/nfs', type: 'NFS', capacityTiB: 1000 });
    attachPrimaryStorageToCluster(store, String(ps.uuid), clusterUuid);
    const bs = addBackupStorage(store, { name: 'scale-bs', url: '/zstack_bs', hostname: '10.1.255.2', type: 'ImageStoreBackupStorage' });
    attachBackupStorageToZone(store, String(bs.uuid), zoneUuid);
    const l2 = addL2(store, { zoneUuid, name: 'scale-l2', physicalInterface: 'eth0' });
    attachL2ToCluster(store, String(l2.uuid), clusterUuid);
    const l3 = addL3(store, { l2NetworkUuid: String(l2.uuid), zoneUuid, name: 'scale-l3' });
    const l3Uuid = String(l3.uuid);
    // 10.0.0.0/8 holds ~16M addresses: enough for MAX_SCALE VMs.
    addIpRange(store, { l3NetworkUuid: l3Uuid, name: 'scale-range', startIp: '10.0.0.2', endIp: '10.255.255.254', netmask: '255.0.0.0', gateway: '10.0.0.1' });
    const image = addImage(store, { name: 'scale-image', url: 'http://images.local/scale.qcow2', size: 2 * GiB, backupStorageUuids: [String(bs.uuid)] });
    const offering = addInstanceOffering(store, { name: 'scale-offering', cpuNum: 1, memorySize: GiB });
    addDiskOffering(store, { name: 'scale-disk', diskSize: 10 * GiB });
    clock.tick();
    const base = {
        imageUuid: String(image.uuid),
        instanceOfferingUuid: String(offering.uuid),
        cpuNum: 1,
        memorySize: GiB,
        l3NetworkUuids: [l3Uuid],
        rootDiskSize: 2 * GiB,
    };
    for (let i = 1; i <= n; i++) {
        const running = i % 10 !== 0;
        addVm(store, {
            ...base,
            name: `vm-${i}`,
            placement: { zoneUuid, clusterUuid, hostUuid: hosts[i % hostCount], primaryStorageUuid: String(ps.uuid) },
            onHost: running,
            state: running ? 'Running' : 'Stopped',
        });
        if (i % 1000 === 0)
            clock.tick(1000);
    }
}
