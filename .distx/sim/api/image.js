// Image APIs: add (downloads during the job), delete/recover/expunge, update, state.
import { addImage, markImageReady } from '../model/images.js';
import { removeTagsOf } from '../model/tags.js';
import { Later } from './context.js';
import { invalidArgument, operationError } from './errors.js';
import { stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const IMG = 'ImageInventory';
const GiB = 1024 ** 3;
const add = (call) => {
    const bsUuids = call.list('backupStorageUuids') ?? [];
    if (bsUuids.length === 0)
        throw invalidArgument('field[backupStorageUuids] must contain at least one backup storage');
    for (const bs of bsUuids)
        call.must('BackupStorageInventory', bs);
    const url = call.need('url');
    const mediaType = call.str('mediaType') ?? 'RootVolumeTemplate';
    const size = (mediaType === 'ISO' ? 4 : call.store.ids.between(1, 40)) * GiB;
    const row = addImage(call.store, {
        uuid: call.newUuid(),
        name: call.need('name'),
        description: call.str('description') ?? null,
        url,
        mediaType,
        ...(call.str('format') ? { format: call.str('format') } : {}),
        ...(call.str('platform') ? { platform: call.str('platform') } : {}),
        guestOsType: call.str('guestOsType') ?? null,
        ...(call.str('architecture') ? { architecture: call.str('architecture') } : {}),
        system: call.bool('system') ?? false,
        virtio: call.bool('virtio') ?? true,
        size,
        status: 'Downloading',
        backupStorageUuids: bsUuids,
    });
    const uuid = String(row.uuid);
    applyCreationTags(call, uuid, IMG);
    return new Later(() => {
        call.must(IMG, uuid);
        markImageReady(call.store, uuid);
        return call.inventory(IMG, uuid);
    });
};
export const imageHandlers = {
    AddImage: add,
    DeleteImage: (call) => {
        const img = call.must(IMG, call.need('uuid'));
        if (img.status !== 'Deleted')
            call.store.update(IMG, String(img.uuid), { status: 'Deleted' });
        return {};
    },
    RecoverImage: (call) => {
        const img = call.must(IMG, call.need('imageUuid'));
        if (img.status !== 'Deleted')
            throw operationError(`image[uuid:${String(img.uuid)}] is not deleted (status: ${String(img.status)})`);
        call.store.update(IMG, String(img.uuid), { status: 'Ready' });
        return call.inventory(IMG, String(img.uuid));
    },
    ExpungeImage: (call) => {
        const img = call.must(IMG, call.need('imageUuid'));
        if (img.status !== 'Deleted')
            throw operationError(`image[uuid:${String(img.uuid)}] must be deleted before it is expunged (status: ${String(img.status)})`);
        call.store.removeWhere('ImageBackupStorageRefInventory', 'imageUuid', img.uuid);
        call.store.remove(IMG, String(img.uuid));
        removeTagsOf(call.store, String(img.uuid));
        return {};
    },
    UpdateImage: updater(IMG, ['name', 'description', 'guestOsType', 'mediaType', 'format', 'system', 'platform', 'architecture', 'virtio']),
    ChangeImageState: stateChanger(IMG),
    SyncImageSize: (call) => call.inventory(IMG, call.must(IMG, call.need('uuid')).uuid),
};
