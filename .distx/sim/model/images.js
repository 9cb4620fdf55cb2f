export function addImage(store, i) {
    const uuid = i.uuid ?? store.ids.uuid();
    const mediaType = i.mediaType ?? 'RootVolumeTemplate';
    const format = i.format ?? (mediaType === 'ISO' ? 'iso' : /\.raw$/.test(i.url) ? 'raw' : 'qcow2');
    const row = store.insert('ImageInventory', {
        uuid,
        name: i.name,
        description: i.description ?? null,
        state: 'Enabled',
        status: i.status ?? 'Ready',
        size: i.size,
        actualSize: Math.round(i.size * 0.4),
        md5Sum: 'not calculated',
        url: i.url,
        mediaType,
        guestOsType: i.guestOsType ?? null,
        type: 'zstack',
        platform: i.platform ?? 'Linux',
        architecture: i.architecture ?? 'x86_64',
        format,
        system: i.system ?? false,
        virtio: i.virtio ?? true,
    });
    for (const bs of i.backupStorageUuids) {
        store.insert('ImageBackupStorageRefInventory', {
            imageUuid: uuid,
            backupStorageUuid: bs,
            installPath: `zstore://${bs}/${uuid}`,
            status: i.status ?? 'Ready',
        });
    }
    return row;
}
/** An image that finished downloading or being created: it and its backup-storage refs are Ready. */
export function markImageReady(store, uuid) {
    store.update('ImageInventory', uuid, { status: 'Ready' });
    const refs = store.table('ImageBackupStorageRefInventory');
    for (const id of [...refs.lookup('imageUuid', uuid)])
        refs.update(id, { status: 'Ready', lastOpDate: store.now() });
}
