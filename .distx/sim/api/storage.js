// Primary and backup storage APIs, and their cluster/zone attachments.
import { addBackupStorage, addPrimaryStorage, attachBackupStorageToZone, attachPrimaryStorageToCluster } from '../model/storage.js';
import { Later } from './context.js';
import { invalidArgument } from './errors.js';
import { attacher, deleter, detacher, stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const PS = 'PrimaryStorageInventory';
const BS = 'BackupStorageInventory';
function addPs(type) {
    return (call) => {
        const zone = call.must('ZoneInventory', call.need('zoneUuid'));
        const url = call.need('url');
        if (type === 'NFS' && !/^[^:]+:\/.*/.test(url))
            throw invalidArgument(`the url[${url}] is not a valid NFS url, it must be in format of host:/path`);
        if (type === 'LocalStorage' && !url.startsWith('/'))
            throw invalidArgument(`the url[${url}] must be an absolute path`);
        const row = addPrimaryStorage(call.store, { uuid: call.newUuid(), zoneUuid: String(zone.uuid), name: call.need('name'), description: call.str('description') ?? null, url, type });
        applyCreationTags(call, String(row.uuid), PS);
        return call.inventory(PS, String(row.uuid));
    };
}
function addBs(type) {
    return (call) => {
        const row = addBackupStorage(call.store, {
            uuid: call.newUuid(),
            name: call.need('name'),
            description: call.str('description') ?? null,
            url: call.need('url'),
            hostname: call.need('hostname'),
            username: call.need('username'),
            sshPort: call.num('sshPort') ?? 22,
            type,
            status: 'Connecting',
        });
        const uuid = String(row.uuid);
        applyCreationTags(call, uuid, BS);
        return new Later(() => {
            call.must(BS, uuid);
            call.store.update(BS, uuid, { status: 'Connected' });
            return call.inventory(BS, uuid);
        });
    };
}
export const storageHandlers = {
    AddLocalPrimaryStorage: addPs('LocalStorage'),
    AddNfsPrimaryStorage: addPs('NFS'),
    UpdatePrimaryStorage: updater(PS, ['name', 'description', 'url']),
    ChangePrimaryStorageState: stateChanger(PS),
    ReconnectPrimaryStorage: (call) => call.inventory(PS, String(call.must(PS, call.need('uuid')).uuid)),
    DeletePrimaryStorage: deleter(PS, {
        blockers: [{ inventory: 'VolumeInventory', field: 'primaryStorageUuid' }],
        cascade: [{ inventory: 'PrimaryStorageClusterRefInventory', field: 'primaryStorageUuid' }],
    }),
    AttachPrimaryStorageToCluster: attacher({ inventory: PS, param: 'primaryStorageUuid' }, { inventory: 'ClusterInventory', param: 'clusterUuid' }, (ps, cluster, call) => attachPrimaryStorageToCluster(call.store, ps, cluster)),
    DetachPrimaryStorageFromCluster: detacher({ inventory: PS, param: 'primaryStorageUuid', key: 'primaryStorageUuid' }, { param: 'clusterUuid', key: 'clusterUuid' }, 'PrimaryStorageClusterRefInventory'),
    AddImageStoreBackupStorage: addBs('ImageStoreBackupStorage'),
    AddSftpBackupStorage: addBs('SftpBackupStorage'),
    UpdateBackupStorage: updater(BS, ['name', 'description']),
    ChangeBackupStorageState: stateChanger(BS),
    ReconnectBackupStorage: (call) => call.inventory(BS, String(call.must(BS, call.need('uuid')).uuid)),
    DeleteBackupStorage: deleter(BS, {
        blockers: [{ inventory: 'ImageBackupStorageRefInventory', field: 'backupStorageUuid' }],
        cascade: [{ inventory: 'BackupStorageZoneRefInventory', field: 'backupStorageUuid' }],
    }),
    AttachBackupStorageToZone: attacher({ inventory: BS, param: 'backupStorageUuid' }, { inventory: 'ZoneInventory', param: 'zoneUuid' }, (bs, zone, call) => attachBackupStorageToZone(call.store, bs, zone)),
    DetachBackupStorageFromZone: detacher({ inventory: BS, param: 'backupStorageUuid', key: 'backupStorageUuid' }, { param: 'zoneUuid', key: 'zoneUuid' }, 'BackupStorageZoneRefInventory'),
};
