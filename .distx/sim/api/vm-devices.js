// What is plugged into a VM: ISOs in its cd-roms, nics on L3 networks (and their MACs), and its root disk's image
// (ChangeVmImage gives a new root volume from another image, ReimageVmInstance resets it to its image), with the
// candidate queries that go with them.
import { allocateIp } from '../model/network.js';
import { addNic, removeNic } from '../model/vms.js';
import { addVolume, removeSnapshotsOf } from '../model/volumes.js';
import { ApiError, invalidArgument, notFound, operationError } from './errors.js';
import { checkVmState } from './vm-states.js';
const VM = 'VmInstanceInventory';
const NIC = 'VmNicInventory';
const CDROM = 'VmCdRomInventory';
const IMG = 'ImageInventory';
/** ZStack gives a VM at most three cd-roms. */
const MAX_CDROMS = 3;
function vmOf(call, param = 'vmInstanceUuid') {
    const vm = call.must(VM, call.need(param));
    checkVmState(vm, call.api.name);
    return vm;
}
function usableImage(img) {
    return !!img && img.state === 'Enabled' && img.status === 'Ready';
}
/** Zones whose backup storage holds the image. */
function imageZones(call, imageUuid) {
    const zones = new Set();
    for (const ref of call.store.find('ImageBackupStorageRefInventory', 'imageUuid', imageUuid)) {
        for (const z of call.store.find('BackupStorageZoneRefInventory', 'backupStorageUuid', ref.backupStorageUuid))
            zones.add(z.zoneUuid);
    }
    return zones;
}
function isosOf(call, vmUuid) {
    return new Set(call.store.find(CDROM, 'vmInstanceUuid', vmUuid).map((c) => c.isoUuid).filter((u) => typeof u === 'string'));
}
const attachIso = (call) => {
    const vm = vmOf(call);
    const vmUuid = String(vm.uuid);
    const iso = call.must(IMG, call.need('isoUuid'));
    if (iso.mediaType !== 'ISO')
        throw invalidArgument(`image[uuid:${String(iso.uuid)}] is a ${String(iso.mediaType)}, not an ISO`);
    if (!usableImage(iso))
        throw operationError(`ISO[uuid:${String(iso.uuid)}] is not Enabled and Ready`);
    if (!imageZones(call, String(iso.uuid)).has(vm.zoneUuid))
        throw operationError(`ISO[uuid:${String(iso.uuid)}] is on no backup storage of the vm's zone[uuid:${String(vm.zoneUuid)}]`);
    const cdroms = call.store.find(CDROM, 'vmInstanceUuid', vmUuid);
    if (cdroms.some((c) => c.isoUuid === iso.uuid))
        throw operationError(`ISO[uuid:${String(iso.uuid)}] is already attached to vm[uuid:${vmUuid}]`);
    const free = cdroms.find((c) => typeof c.isoUuid !== 'string');
    const installPath = `zstore://${String(iso.uuid)}.iso`;
    if (free)
        call.store.update(CDROM, String(free.uuid), { isoUuid: iso.uuid, isoInstallPath: installPath });
    else {
        if (cdroms.length >= MAX_CDROMS)
            throw operationError(`vm[uuid:${vmUuid}] has no empty cd-rom left (at most ${MAX_CDROMS})`);
        const deviceId = cdroms.length;
        call.store.insert(CDROM, {
            uuid: call.store.ids.uuid(),
            vmInstanceUuid: vmUuid,
            deviceId,
            isoUuid: iso.uuid,
            isoInstallPath: installPath,
            name: `vm-${vmUuid}-cdRom-${deviceId}`,
            description: null,
        });
    }
    return call.inventory(VM, vmUuid);
};
const detachIso = (call) => {
    const vm = vmOf(call);
    const vmUuid = String(vm.uuid);
    const isoUuid = call.str('isoUuid');
    const holding = call.store.find(CDROM, 'vmInstanceUuid', vmUuid).filter((c) => typeof c.isoUuid === 'string' && (isoUuid === undefined || c.isoUuid === isoUuid));
    if (holding.length === 0)
        throw operationError(isoUuid ? `ISO[uuid:${isoUuid}] is not attached to vm[uuid:${vmUuid}]` : `vm[uuid:${vmUuid}] has no ISO attached`);
    for (const c of holding)
        call.store.update(CDROM, String(c.uuid), { isoUuid: null, isoInstallPath: null });
    return call.inventory(VM, vmUuid);
};
/** L3s a VM can have a nic on: enabled, in its zone, on an L2 attached to its cluster, not on it yet. */
function attachableL3s(call, vm) {
    const has = new Set(call.store.find(NIC, 'vmInstanceUuid', vm.uuid).map((n) => n.l3NetworkUuid));
    const l2s = new Set(call.store.find('L2NetworkClusterRefInventory', 'clusterUuid', vm.clusterUuid).map((r) => r.l2NetworkUuid));
    return call.store
        .find('L3NetworkInventory', 'zoneUuid', vm.zoneUuid)
        .filter((l3) => l3.state === 'Enabled' && !l3.system && l2s.has(l3.l2NetworkUuid) && !has.has(l3.uuid) && call.env.access.mayUse(call.accountUuid, String(l3.uuid), 'L3NetworkInventory'));
}
const attachL3 = (call) => {
    const vm = vmOf(call);
    const vmUuid = String(vm.uuid);
    const l3 = call.must('L3NetworkInventory', call.need('l3NetworkUuid'));
    if (!attachableL3s(call, vm).some((l) => l.uuid === l3.uuid)) {
        throw operationError(`l3Network[uuid:${String(l3.uuid)}] cannot be attached to vm[uuid:${vmUuid}]: it is disabled, already attached, or not reachable from the vm's cluster`);
    }
    const mac = call.str('customMac');
    if (mac !== undefined)
        checkMac(call, mac);
    const ip = allocateIp(call.store, String(l3.uuid), call.str('staticIp'));
    if (!ip)
        throw new ApiError('VM.1007', `no free IP left in l3Network[uuid:${String(l3.uuid)}]`);
    const used = new Set(call.store.find(NIC, 'vmInstanceUuid', vmUuid).map((n) => n.deviceId));
    let deviceId = 0;
    while (used.has(deviceId))
        deviceId++;
    addNic(call.store, vm, ip, deviceId, mac);
    return call.inventory(VM, vmUuid);
};
const detachL3 = (call) => {
    const nic = call.must(NIC, call.need('vmNicUuid'));
    const vm = call.store.get(VM, String(nic.vmInstanceUuid));
    if (!vm)
        throw notFound('VmInstanceVO', String(nic.vmInstanceUuid));
    checkVmState(vm, call.api.name);
    removeNic(call.store, String(nic.uuid));
    if (vm.defaultL3NetworkUuid === nic.l3NetworkUuid) {
        const next = call.store.find(NIC, 'vmInstanceUuid', vm.uuid)[0];
        call.store.update(VM, String(vm.uuid), { defaultL3NetworkUuid: next?.l3NetworkUuid ?? null });
    }
    return call.inventory(VM, String(vm.uuid));
};
function checkMac(call, mac) {
    if (!/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(mac))
        throw invalidArgument(`mac[${mac}] is not a valid MAC address (six lowercase hex pairs separated by ':')`);
    if (Number.parseInt(mac.slice(0, 2), 16) % 2 === 1)
        throw invalidArgument(`mac[${mac}] is a multicast address`);
    if (call.store.find(NIC, 'mac', mac).length > 0)
        throw operationError(`mac[${mac}] is already used by another nic`);
}
/** A new root volume for `vm` from `image` on the primary storage of the old one, which is deleted. */
function replaceRoot(call, vm, image) {
    const old = call.store.get('VolumeInventory', String(vm.rootVolumeUuid));
    const rootUuid = call.store.ids.uuid();
    addVolume(call.store, {
        uuid: rootUuid,
        name: `ROOT-for-${String(vm.name)}`,
        description: `Root volume for VM[uuid:${String(vm.uuid)}]`,
        type: 'Root',
        size: Math.max(Number(image.size ?? 0), Number(old?.size ?? 0)),
        primaryStorageUuid: old?.primaryStorageUuid ?? null,
        vmInstanceUuid: String(vm.uuid),
        rootImageUuid: String(image.uuid),
        deviceId: 0,
    });
    if (old) {
        removeSnapshotsOf(call.store, String(old.uuid));
        call.store.remove('VolumeInventory', String(old.uuid));
    }
    call.store.update(VM, String(vm.uuid), { rootVolumeUuid: rootUuid, imageUuid: image.uuid, platform: image.platform ?? vm.platform, guestOsType: image.guestOsType ?? null });
}
/** Images a stopped VM can switch its root disk to: usable root volume templates of its zone, its own left out. */
function imageCandidates(call, vm) {
    return call.store
        .find(IMG, 'mediaType', 'RootVolumeTemplate')
        .filter((img) => usableImage(img) && img.uuid !== vm.imageUuid && img.architecture === vm.architecture && imageZones(call, String(img.uuid)).has(vm.zoneUuid))
        .filter((img) => call.env.access.mayUse(call.accountUuid, String(img.uuid), IMG));
}
export const vmDeviceHandlers = {
    AttachIsoToVmInstance: attachIso,
    DetachIsoFromVmInstance: detachIso,
    GetCandidateIsoForAttachingVm: (call) => {
        const vm = call.must(VM, call.need('vmInstanceUuid'));
        const attached = isosOf(call, String(vm.uuid));
        const isos = call.store
            .find(IMG, 'mediaType', 'ISO')
            .filter((i) => usableImage(i) && !attached.has(i.uuid) && imageZones(call, String(i.uuid)).has(vm.zoneUuid) && call.env.access.mayUse(call.accountUuid, String(i.uuid), IMG));
        return { inventories: isos.map((i) => call.render(IMG, i)) };
    },
    GetCandidateVmForAttachingIso: (call) => {
        const iso = call.must(IMG, call.need('isoUuid'));
        if (iso.mediaType !== 'ISO')
            throw invalidArgument(`image[uuid:${String(iso.uuid)}] is not an ISO`);
        const zones = imageZones(call, String(iso.uuid));
        const vms = call.store
            .all(VM)
            .filter((vm) => (vm.state === 'Running' || vm.state === 'Stopped') && zones.has(vm.zoneUuid) && !isosOf(call, String(vm.uuid)).has(iso.uuid))
            .filter((vm) => call.env.access.mayUse(call.accountUuid, String(vm.uuid), VM));
        return { inventories: vms.map((vm) => call.render(VM, vm)) };
    },
    GetVmAttachableL3Network: (call) => {
        const vm = call.must(VM, call.need('vmInstanceUuid'));
        return { inventories: attachableL3s(call, vm).map((l) => call.render('L3NetworkInventory', l)) };
    },
    AttachL3NetworkToVm: attachL3,
    DetachL3NetworkFromVm: detachL3,
    UpdateVmNicMac: (call) => {
        const nic = call.must(NIC, call.need('vmNicUuid'));
        const vm = call.store.get(VM, String(nic.vmInstanceUuid));
        if (vm && vm.state !== 'Stopped')
            throw operationError(`the MAC of a nic can only be changed while its vm is Stopped; vm[uuid:${String(vm.uuid)}] is ${String(vm.state)}`);
        const mac = call.need('mac').toLowerCase();
        if (mac !== nic.mac)
            checkMac(call, mac);
        call.store.update(NIC, String(nic.uuid), { mac });
        return call.inventory(NIC, String(nic.uuid));
    },
    ChangeVmImage: (call) => {
        const vm = call.must(VM, call.need('vmInstanceUuid'));
        if (vm.state !== 'Stopped')
            throw operationError(`vm[uuid:${String(vm.uuid)}] must be Stopped to change its image, it is ${String(vm.state)}`);
        const image = call.must(IMG, call.need('imageUuid'));
        if (!imageCandidates(call, vm).some((i) => i.uuid === image.uuid)) {
            throw operationError(`image[uuid:${String(image.uuid)}] cannot be used: it must be an enabled, ready root volume template of the vm's architecture on backup storage of its zone, not its current image`);
        }
        replaceRoot(call, vm, image);
        return call.inventory(VM, String(vm.uuid));
    },
    GetImageCandidatesForVmToChange: (call) => {
        const vm = call.must(VM, call.need('vmInstanceUuid'));
        return { inventories: imageCandidates(call, vm).map((i) => call.render(IMG, i)) };
    },
    ReimageVmInstance: (call) => {
        const vm = call.must(VM, call.need('vmInstanceUuid'));
        if (vm.state !== 'Stopped')
            throw new ApiError('VM.1014', `unable to reimage vm[uuid:${String(vm.uuid)}]: it is ${String(vm.state)}, it must be Stopped`);
        const root = call.store.get('VolumeInventory', String(vm.rootVolumeUuid));
        const image = root?.rootImageUuid ? call.store.get(IMG, String(root.rootImageUuid)) : undefined;
        if (!image)
            throw notFound('ImageVO', String(root?.rootImageUuid ?? vm.imageUuid));
        if (image.mediaType === 'ISO')
            throw new ApiError('VM.1015', `unable to reimage vm[uuid:${String(vm.uuid)}]: it was created from an ISO`);
        if (root)
            call.store.update('VolumeInventory', String(root.uuid), { actualSize: Math.round(Number(image.actualSize ?? 0)) });
        return call.inventory(VM, String(vm.uuid));
    },
};
