// Volume APIs: create/delete/recover/expunge data volumes, attach/detach, resize, state/update, snapshots.
import { addSnapshot, addVolume, nextDeviceId, removeSnapshot, removeSnapshotsOf, revertToSnapshot } from '../model/volumes.js';
import { removeTagsOf } from '../model/tags.js';
import { invalidArgument, notFound, operationError } from './errors.js';
import { stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
import { checkVmState } from './vm-states.js';
const VOL = 'VolumeInventory';
function volumeOf(call, param = 'uuid', type) {
    const v = call.must(VOL, call.need(param));
    if (type && v.type !== type)
        throw invalidArgument(`volume[uuid:${String(v.uuid)}] is a ${String(v.type)} volume, ${call.api.name} needs a ${type} volume`);
    return v;
}
function notDeleted(v) {
    if (v.status === 'Deleted')
        throw operationError(`volume[uuid:${String(v.uuid)}] is deleted; recover it first`);
}
/** A new data volume named by the call's name/description/resourceUuid, with the call's tags; answers its inventory. */
export function newDataVolume(call, v) {
    const row = addVolume(call.store, {
        uuid: call.newUuid(),
        name: call.need('name'),
        description: call.str('description') ?? null,
        type: 'Data',
        size: v.size,
        primaryStorageUuid: v.primaryStorageUuid ?? null,
        diskOfferingUuid: v.diskOfferingUuid ?? null,
        ...(v.rootImageUuid ? { rootImageUuid: v.rootImageUuid } : {}),
    });
    applyCreationTags(call, String(row.uuid), VOL);
    return call.inventory(VOL, String(row.uuid));
}
const create = (call) => {
    let size = call.num('diskSize') ?? 0;
    const offeringUuid = call.str('diskOfferingUuid');
    if (offeringUuid) {
        const o = call.must('DiskOfferingInventory', offeringUuid);
        if (o.state !== 'Enabled')
            throw operationError(`disk offering[uuid:${offeringUuid}] is ${String(o.state)}`);
        size = Number(o.diskSize);
    }
    if (!(size > 0))
        throw invalidArgument('either diskOfferingUuid or a positive diskSize must be given');
    const ps = call.str('primaryStorageUuid');
    if (ps)
        call.must('PrimaryStorageInventory', ps);
    return newDataVolume(call, { size, primaryStorageUuid: ps, diskOfferingUuid: offeringUuid });
};
const attach = (call) => {
    const vol = volumeOf(call, 'volumeUuid', 'Data');
    notDeleted(vol);
    if (vol.state !== 'Enabled')
        throw operationError(`volume[uuid:${String(vol.uuid)}] is ${String(vol.state)}`);
    const vm = call.must('VmInstanceInventory', call.need('vmInstanceUuid'));
    if (vol.vmInstanceUuid)
        throw operationError(`volume[uuid:${String(vol.uuid)}] is already attached to vm[uuid:${String(vol.vmInstanceUuid)}]`);
    checkVmState(vm, call.api.name);
    const patch = { vmInstanceUuid: vm.uuid, deviceId: nextDeviceId(call.store, String(vm.uuid)), lastAttachDate: call.now() };
    if (vol.status === 'NotInstantiated') {
        const root = call.store.get(VOL, String(vm.rootVolumeUuid));
        patch.status = 'Ready';
        patch.primaryStorageUuid = root?.primaryStorageUuid ?? null;
        patch.installPath = `/zstack_ps/dataVolumes/vol-${String(vol.uuid)}/${String(vol.uuid)}.qcow2`;
    }
    call.store.update(VOL, String(vol.uuid), patch);
    return call.inventory(VOL, String(vol.uuid));
};
const detach = (call) => {
    const vol = volumeOf(call, 'uuid', 'Data');
    const attachedTo = vol.vmInstanceUuid;
    if (typeof attachedTo !== 'string')
        throw operationError(`volume[uuid:${String(vol.uuid)}] is not attached to any vm`);
    const vmUuid = call.str('vmUuid');
    if (vmUuid && vmUuid !== attachedTo)
        throw invalidArgument(`volume[uuid:${String(vol.uuid)}] is not attached to vm[uuid:${vmUuid}]`);
    const vm = call.store.get('VmInstanceInventory', attachedTo);
    if (!vm)
        throw notFound('VmInstanceVO', attachedTo);
    checkVmState(vm, call.api.name);
    call.store.update(VOL, String(vol.uuid), { vmInstanceUuid: null, deviceId: null, lastVmInstanceUuid: attachedTo, lastDetachDate: call.now() });
    return call.inventory(VOL, String(vol.uuid));
};
function resize(type) {
    return (call) => {
        const vol = volumeOf(call, 'uuid', type);
        notDeleted(vol);
        const size = call.num('size') ?? 0;
        if (size < Number(vol.size))
            throw invalidArgument(`the new size[${size}] of volume[uuid:${String(vol.uuid)}] is smaller than the current size[${String(vol.size)}]; shrinking is not supported`);
        call.store.update(VOL, String(vol.uuid), { size });
        return call.inventory(VOL, String(vol.uuid));
    };
}
const remove = (call) => {
    const vol = volumeOf(call, 'uuid', 'Data');
    if (vol.status === 'Deleted')
        return {};
    const patch = { status: 'Deleted' };
    if (vol.vmInstanceUuid)
        Object.assign(patch, { vmInstanceUuid: null, deviceId: null, lastVmInstanceUuid: vol.vmInstanceUuid, lastDetachDate: call.now() });
    call.store.update(VOL, String(vol.uuid), patch);
    return {};
};
const recover = (call) => {
    const vol = volumeOf(call, 'uuid', 'Data');
    if (vol.status !== 'Deleted')
        throw operationError(`volume[uuid:${String(vol.uuid)}] is not deleted (status: ${String(vol.status)})`);
    call.store.update(VOL, String(vol.uuid), { status: vol.primaryStorageUuid ? 'Ready' : 'NotInstantiated' });
    return call.inventory(VOL, String(vol.uuid));
};
const expunge = (call) => {
    const vol = volumeOf(call, 'uuid', 'Data');
    if (vol.status !== 'Deleted')
        throw operationError(`volume[uuid:${String(vol.uuid)}] must be deleted before it is expunged (status: ${String(vol.status)})`);
    removeSnapshotsOf(call.store, String(vol.uuid));
    call.store.remove(VOL, String(vol.uuid));
    removeTagsOf(call.store, String(vol.uuid));
    return {};
};
const snapshot = (call) => {
    const vol = volumeOf(call, 'volumeUuid');
    notDeleted(vol);
    if (vol.status !== 'Ready')
        throw operationError(`volume[uuid:${String(vol.uuid)}] is not instantiated; attach it to a vm first`);
    const row = addSnapshot(call.store, vol, { name: call.need('name'), description: call.str('description') ?? null });
    applyCreationTags(call, String(row.uuid), 'VolumeSnapshotInventory');
    return call.inventory('VolumeSnapshotInventory', String(row.uuid));
};
export const volumeHandlers = {
    CreateDataVolume: create,
    AttachDataVolumeToVm: attach,
    DetachDataVolumeFromVm: detach,
    ResizeDataVolume: resize('Data'),
    ResizeRootVolume: resize('Root'),
    DeleteDataVolume: remove,
    RecoverDataVolume: recover,
    ExpungeDataVolume: expunge,
    CreateVolumeSnapshot: snapshot,
    UpdateVolume: updater(VOL, ['name', 'description']),
    ChangeVolumeState: stateChanger(VOL),
    UpdateVolumeSnapshot: updater('VolumeSnapshotInventory', ['name', 'description']),
    DeleteVolumeSnapshot: (call) => {
        removeSnapshot(call.store, call.must('VolumeSnapshotInventory', call.need('uuid')));
        return {};
    },
    RevertVolumeFromSnapshot: (call) => {
        const snap = call.must('VolumeSnapshotInventory', call.need('uuid'));
        const vol = call.must(VOL, String(snap.volumeUuid));
        const vm = typeof vol.vmInstanceUuid === 'string' ? call.store.get('VmInstanceInventory', vol.vmInstanceUuid) : undefined;
        if (vm && vm.state !== 'Stopped')
            throw operationError(`unable to revert volume[uuid:${String(vol.uuid)}] to snapshot[uuid:${String(snap.uuid)}]: its vm[uuid:${String(vm.uuid)}] is ${String(vm.state)}, it must be Stopped`);
        revertToSnapshot(call.store, snap);
        return {};
    },
    GetDataVolumeAttachableVm: (call) => {
        const vol = volumeOf(call, 'volumeUuid', 'Data');
        const zone = vol.primaryStorageUuid ? call.store.get('PrimaryStorageInventory', String(vol.primaryStorageUuid))?.zoneUuid : undefined;
        const vms = call.store
            .all('VmInstanceInventory')
            .filter((vm) => (vm.state === 'Running' || vm.state === 'Stopped') && (zone === undefined || vm.zoneUuid === zone) && vm.uuid !== vol.vmInstanceUuid);
        return { inventories: vms.map((vm) => call.render('VmInstanceInventory', vm)) };
    },
};
