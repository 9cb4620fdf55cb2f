// Images made from volumes and snapshots (root volume templates, data volume templates), the backup storage that can
// hold them, and the image's guest-agent (qga) setting: its bare `qemuga` system tag, as ZStack keeps it.
import { addImage, markImageReady } from '../model/images.js';
import { setTagValue, tagValue } from '../model/tags.js';
import { Later } from './context.js';
import { invalidArgument, operationError } from './errors.js';
import { applyCreationTags } from './tags.js';
const IMG = 'ImageInventory';
const VOL = 'VolumeInventory';
/** Usable backup storage attached to the zone of a volume's primary storage. */
function backupStoragesFor(call, volume) {
    const ps = typeof volume.primaryStorageUuid === 'string' ? call.store.get('PrimaryStorageInventory', volume.primaryStorageUuid) : undefined;
    if (!ps)
        throw operationError(`volume[uuid:${String(volume.uuid)}] is not instantiated on any primary storage`);
    return call.store
        .find('BackupStorageZoneRefInventory', 'zoneUuid', ps.zoneUuid)
        .map((r) => call.store.get('BackupStorageInventory', String(r.backupStorageUuid)))
        .filter((bs) => !!bs && bs.state === 'Enabled' && bs.status === 'Connected');
}
/** The backup storage the caller named (each must be usable for the volume), or the first usable one. */
function chooseBackupStorage(call, volume, required) {
    const usable = backupStoragesFor(call, volume);
    const named = call.list('backupStorageUuids') ?? [];
    if (named.length === 0) {
        if (required)
            throw invalidArgument('field[backupStorageUuids] must contain at least one backup storage');
        if (usable.length === 0)
            throw operationError(`no usable backup storage in the zone of volume[uuid:${String(volume.uuid)}]`);
        return [String(usable[0].uuid)];
    }
    for (const bs of named) {
        call.must('BackupStorageInventory', bs);
        if (!usable.some((u) => u.uuid === bs))
            throw operationError(`backup storage[uuid:${bs}] is not Enabled, Connected and attached to the zone of volume[uuid:${String(volume.uuid)}]`);
    }
    return named;
}
/** Registers the image as Creating now; the job's second half makes it Ready and answers `{inventory}` (+ extras). */
function createTemplate(call, source, mediaType, backupStorageUuids, extra = {}) {
    const row = addImage(call.store, {
        uuid: call.newUuid(),
        name: call.need('name'),
        description: call.str('description') ?? null,
        url: `volume://${String(source.uuid)}`,
        mediaType,
        ...(call.str('platform') ? { platform: call.str('platform') } : {}),
        guestOsType: call.str('guestOsType') ?? null,
        ...(call.str('architecture') ? { architecture: call.str('architecture') } : {}),
        system: call.bool('system') ?? false,
        virtio: call.bool('virtio') ?? true,
        size: Number(source.size ?? 0),
        status: 'Creating',
        backupStorageUuids,
    });
    const uuid = String(row.uuid);
    applyCreationTags(call, uuid, IMG);
    return new Later(() => {
        call.must(IMG, uuid);
        markImageReady(call.store, uuid);
        return { ...call.inventory(IMG, uuid), ...extra };
    });
}
export const imageTemplateHandlers = {
    GetCandidateBackupStorageForCreatingImage: (call) => {
        const volumeUuid = call.str('volumeUuid');
        const snapshotUuid = call.str('volumeSnapshotUuid');
        let volume;
        if (volumeUuid)
            volume = call.must(VOL, volumeUuid);
        else if (snapshotUuid)
            volume = call.must(VOL, String(call.must('VolumeSnapshotInventory', snapshotUuid).volumeUuid));
        else
            throw invalidArgument('either volumeUuid or volumeSnapshotUuid must be given');
        return { inventories: backupStoragesFor(call, volume).map((bs) => call.render('BackupStorageInventory', bs)) };
    },
    CreateRootVolumeTemplateFromRootVolume: (call) => {
        const vol = call.must(VOL, call.need('rootVolumeUuid'));
        if (vol.type !== 'Root')
            throw invalidArgument(`volume[uuid:${String(vol.uuid)}] is a ${String(vol.type)} volume, not a root volume`);
        const vm = typeof vol.vmInstanceUuid === 'string' ? call.store.get('VmInstanceInventory', vol.vmInstanceUuid) : undefined;
        if (vm && vm.state !== 'Stopped' && vm.state !== 'Running')
            throw operationError(`vm[uuid:${String(vm.uuid)}] is ${String(vm.state)}; it must be Running or Stopped`);
        return createTemplate(call, vol, 'RootVolumeTemplate', chooseBackupStorage(call, vol, false));
    },
    CreateRootVolumeTemplateFromVolumeSnapshot: (call) => {
        const snap = call.must('VolumeSnapshotInventory', call.need('snapshotUuid'));
        const vol = call.must(VOL, String(snap.volumeUuid));
        return createTemplate(call, vol, 'RootVolumeTemplate', chooseBackupStorage(call, vol, true), { failures: [] });
    },
    CreateDataVolumeTemplateFromVolume: (call) => {
        const vol = call.must(VOL, call.need('volumeUuid'));
        if (vol.status !== 'Ready')
            throw operationError(`volume[uuid:${String(vol.uuid)}] is ${String(vol.status)}; only an instantiated volume can become a template`);
        return createTemplate(call, vol, 'DataVolumeTemplate', chooseBackupStorage(call, vol, false));
    },
    GetImageQga: (call) => {
        const img = call.must(IMG, call.need('uuid'));
        return { enable: tagValue(call.store, String(img.uuid), 'qemuga') !== undefined };
    },
    SetImageQga: (call) => {
        const img = call.must(IMG, call.need('uuid'));
        setTagValue(call.store, String(img.uuid), 'ImageVO', 'qemuga', call.bool('enable') ? '' : undefined);
        return {};
    },
};
