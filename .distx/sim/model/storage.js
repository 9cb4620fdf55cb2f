// Primary storage (local, NFS) and backup storage (image store, sftp) rows and their cluster/zone attachments.
import { operationError } from '../api/errors.js';
const TiB = 1024 ** 4;
export function addPrimaryStorage(store, p) {
    const total = (p.capacityTiB ?? 10) * TiB;
    const uuid = p.uuid ?? store.ids.uuid();
    return store.insert('PrimaryStorageInventory', {
        uuid,
        zoneUuid: p.zoneUuid,
        name: p.name,
        url: p.url,
        description: p.description ?? null,
        totalCapacity: total,
        availableCapacity: total,
        totalPhysicalCapacity: total,
        availablePhysicalCapacity: total,
        systemUsedCapacity: 0,
        type: p.type,
        state: 'Enabled',
        status: 'Connected',
        mountPath: p.type === 'NFS' ? `/opt/zstack/nfsprimarystorage/prim-${uuid}` : p.url,
    });
}
export function attachPrimaryStorageToCluster(store, primaryStorageUuid, clusterUuid) {
    if (store.find('PrimaryStorageClusterRefInventory', 'primaryStorageUuid', primaryStorageUuid).some((r) => r.clusterUuid === clusterUuid)) {
        throw operationError(`primary storage[uuid:${primaryStorageUuid}] has already been attached to cluster[uuid:${clusterUuid}]`);
    }
    store.insert('PrimaryStorageClusterRefInventory', { id: store.nextSeq('PrimaryStorageClusterRef'), clusterUuid, primaryStorageUuid });
}
export function addBackupStorage(store, b) {
    const total = (b.capacityTiB ?? 20) * TiB;
    return store.insert(b.type === 'ImageStoreBackupStorage' ? 'ImageStoreBackupStorageInventory' : 'SftpBackupStorageInventory', {
        uuid: b.uuid ?? store.ids.uuid(),
        name: b.name,
        url: b.url,
        description: b.description ?? null,
        totalCapacity: total,
        availableCapacity: total,
        type: b.type,
        state: 'Enabled',
        status: b.status ?? 'Connected',
        hostname: b.hostname,
        username: b.username ?? 'root',
        sshPort: b.sshPort ?? 22,
    });
}
export function attachBackupStorageToZone(store, backupStorageUuid, zoneUuid) {
    if (store.find('BackupStorageZoneRefInventory', 'backupStorageUuid', backupStorageUuid).some((r) => r.zoneUuid === zoneUuid)) {
        throw operationError(`backup storage[uuid:${backupStorageUuid}] has already been attached to zone[uuid:${zoneUuid}]`);
    }
    store.insert('BackupStorageZoneRefInventory', { id: store.nextSeq('BackupStorageZoneRef'), backupStorageUuid, zoneUuid });
}
