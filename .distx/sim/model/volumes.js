export function addVolume(store, v) {
    const uuid = v.uuid ?? store.ids.uuid();
    const ps = v.primaryStorageUuid ?? null;
    return store.insert('VolumeInventory', {
        uuid,
        name: v.name,
        description: v.description ?? null,
        primaryStorageUuid: ps,
        vmInstanceUuid: v.vmInstanceUuid ?? null,
        diskOfferingUuid: v.diskOfferingUuid ?? null,
        rootImageUuid: v.rootImageUuid ?? null,
        // Joined, not a template: a template's string is a tree of its parts (kept as such in every row).
        installPath: ps ? ['/zstack_ps/', v.type === 'Root' ? 'rootVolumes' : 'dataVolumes', '/vol-', uuid, '/', uuid, '.qcow2'].join('') : null,
        type: v.type,
        format: 'qcow2',
        size: v.size,
        actualSize: ps ? Math.round(v.size * 0.2) : 0,
        deviceId: v.deviceId ?? null,
        state: 'Enabled',
        status: v.status ?? (ps ? 'Ready' : 'NotInstantiated'),
        isShareable: false,
        lastAttachDate: v.vmInstanceUuid ? store.now() : null,
        // Filled in by the store; named here so that they sit in the row itself, not in a second object beside it.
        createDate: undefined,
        lastOpDate: undefined,
    });
}
/** The lowest device id not used by the VM's volumes (root is 0). */
export function nextDeviceId(store, vmInstanceUuid) {
    const used = new Set(store.find('VolumeInventory', 'vmInstanceUuid', vmInstanceUuid).map((v) => v.deviceId));
    let n = 0;
    while (used.has(n))
        n++;
    return n;
}
const SNAP = 'VolumeSnapshotInventory';
const TREE = 'VolumeSnapshotTreeInventory';
/** Makes `treeUuid` the volume's current tree (the one its disk is on now). */
function setCurrentTree(store, volumeUuid, treeUuid) {
    for (const t of store.find(TREE, 'volumeUuid', volumeUuid)) {
        const current = t.uuid === treeUuid;
        if (t.current !== current)
            store.update(TREE, String(t.uuid), { current });
    }
}
/**
 * Takes a snapshot of a volume: a child of its latest snapshot (the one its disk is based on now), or the root of a
 * new tree when it has none.
 */
export function addSnapshot(store, volume, s) {
    const volumeUuid = String(volume.uuid);
    const previous = store.find(SNAP, 'volumeUuid', volumeUuid);
    const latest = previous.find((p) => p.latest === true);
    for (const p of previous)
        if (p.latest)
            store.update(SNAP, String(p.uuid), { latest: false });
    const uuid = store.ids.uuid();
    const treeUuid = latest ? String(latest.treeUuid) : store.ids.uuid();
    if (!latest)
        store.insert(TREE, { uuid: treeUuid, volumeUuid, current: true, status: 'Completed' });
    setCurrentTree(store, volumeUuid, treeUuid);
    return store.insert(SNAP, {
        uuid,
        name: s.name,
        description: s.description ?? null,
        type: 'Hypervisor',
        volumeUuid,
        treeUuid,
        parentUuid: latest ? latest.uuid : null,
        primaryStorageUuid: volume.primaryStorageUuid ?? null,
        primaryStorageInstallPath: `/zstack_ps/snapshots/${uuid}.qcow2`,
        volumeType: volume.type,
        format: volume.format,
        latest: true,
        size: Math.round(Number(volume.actualSize ?? 0) * 0.1),
        distance: latest ? Number(latest.distance ?? 0) + 1 : 0,
        state: 'Enabled',
        status: 'Ready',
    });
}
/** Reverts a volume to a snapshot: the disk is now based on it, so the next snapshot will be its child. */
export function revertToSnapshot(store, snapshot) {
    const volumeUuid = String(snapshot.volumeUuid);
    for (const p of store.find(SNAP, 'volumeUuid', volumeUuid)) {
        const latest = p.uuid === snapshot.uuid;
        if (p.latest !== latest)
            store.update(SNAP, String(p.uuid), { latest });
    }
    setCurrentTree(store, volumeUuid, String(snapshot.treeUuid));
}
/** Deletes a snapshot and its descendants (their disks depend on it), and its tree when nothing is left in it. */
export function removeSnapshot(store, snapshot) {
    const inTree = store.find(SNAP, 'treeUuid', snapshot.treeUuid);
    const doomed = new Set([snapshot.uuid]);
    let grew = true;
    while (grew) {
        grew = false;
        for (const s of inTree) {
            if (!doomed.has(s.uuid) && doomed.has(s.parentUuid)) {
                doomed.add(s.uuid);
                grew = true;
            }
        }
    }
    const hadLatest = inTree.some((s) => doomed.has(s.uuid) && s.latest === true);
    for (const s of inTree)
        if (doomed.has(s.uuid))
            store.remove(SNAP, String(s.uuid));
    const left = inTree.filter((s) => !doomed.has(s.uuid));
    if (left.length === 0)
        store.remove(TREE, String(snapshot.treeUuid));
    else if (hadLatest && typeof snapshot.parentUuid === 'string')
        store.update(SNAP, snapshot.parentUuid, { latest: true });
}
/** Removes every snapshot and snapshot tree of a volume (when the volume goes). */
export function removeSnapshotsOf(store, volumeUuid) {
    store.removeWhere(SNAP, 'volumeUuid', volumeUuid);
    store.removeWhere(TREE, 'volumeUuid', volumeUuid);
}
