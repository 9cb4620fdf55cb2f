// VMs with their nics (IPs from the L3s), root and data volumes; host/storage placement; and removal (expunge).
import { ApiError, Codes, invalidArgument, notFound, operationError } from '../api/errors.js';
import { allocateIp, releaseIp } from './network.js';
import { removeTagsOf } from './tags.js';
import { addVolume, removeSnapshotsOf } from './volumes.js';
function usable(row) {
    return !!row && row.state === 'Enabled' && row.status === 'Connected';
}
/** Picks a host (fewest VMs first) and a primary storage for a VM on the given L3s, honouring explicit choices. */
export function placeVm(store, want) {
    const l3s = want.l3NetworkUuids.map((u) => store.get('L3NetworkInventory', u) ?? throwIt(notFound('L3NetworkVO', u)));
    const zoneUuid = want.zoneUuid ?? String(l3s[0].zoneUuid);
    if (l3s.some((l) => l.zoneUuid !== zoneUuid))
        throw invalidArgument(`the l3 networks [${want.l3NetworkUuids.join(', ')}] are not all in zone[uuid:${zoneUuid}]`);
    let hosts;
    if (want.hostUuid) {
        const h = store.get('HostInventory', want.hostUuid) ?? throwIt(notFound('HostVO', want.hostUuid));
        if (!usable(h))
            throw operationError(`host[uuid:${want.hostUuid}] is not Enabled and Connected (state:${String(h.state)}, status:${String(h.status)})`);
        hosts = [h];
    }
    else {
        let clusters = want.clusterUuid ? [store.get('ClusterInventory', want.clusterUuid) ?? throwIt(notFound('ClusterVO', want.clusterUuid))] : store.find('ClusterInventory', 'zoneUuid', zoneUuid);
        clusters = clusters.filter((c) => c.state === 'Enabled');
        for (const l3 of l3s) {
            const refs = store.find('L2NetworkClusterRefInventory', 'l2NetworkUuid', l3.l2NetworkUuid);
            if (refs.length > 0)
                clusters = clusters.filter((c) => refs.some((r) => r.clusterUuid === c.uuid));
        }
        hosts = clusters.flatMap((c) => store.find('HostInventory', 'clusterUuid', c.uuid)).filter((h) => usable(h) && h.uuid !== want.excludeHostUuid);
    }
    if (hosts.length === 0)
        throw new ApiError(Codes.VM_CREATE, `no available host in zone[uuid:${zoneUuid}] for l3 networks [${want.l3NetworkUuids.join(', ')}]`);
    const vmTable = store.table('VmInstanceInventory');
    let host = hosts[0];
    for (const h of hosts)
        if (vmTable.lookup('hostUuid', h.uuid).size < vmTable.lookup('hostUuid', host.uuid).size)
            host = h;
    const clusterUuid = String(host.clusterUuid);
    let ps;
    if (want.primaryStorageUuid)
        ps = store.get('PrimaryStorageInventory', want.primaryStorageUuid) ?? throwIt(notFound('PrimaryStorageVO', want.primaryStorageUuid));
    else {
        const attached = store.find('PrimaryStorageClusterRefInventory', 'clusterUuid', clusterUuid).map((r) => store.get('PrimaryStorageInventory', String(r.primaryStorageUuid)));
        ps = attached.find(usable) ?? store.find('PrimaryStorageInventory', 'zoneUuid', zoneUuid).find(usable);
    }
    if (!ps)
        throw new ApiError(Codes.VM_CREATE, `no available primary storage for cluster[uuid:${clusterUuid}]`);
    return { zoneUuid: String(host.zoneUuid), clusterUuid, hostUuid: String(host.uuid), primaryStorageUuid: String(ps.uuid) };
}
function throwIt(e) {
    throw e;
}
/** Inserts a VM, its nics (allocating IPs first, all or nothing), root volume and data volumes. */
export function addVm(store, s) {
    const uuid = s.uuid ?? store.ids.uuid();
    const usedIps = [];
    for (const l3 of s.l3NetworkUuids) {
        const ip = allocateIp(store, l3, s.staticIps?.[l3]);
        if (!ip) {
            for (const u of usedIps)
                releaseIp(store, String(u.uuid));
            throw new ApiError(Codes.VM_CREATE, `no free IP left in l3Network[uuid:${l3}]`);
        }
        usedIps.push(ip);
    }
    const seq = store.nextSeq('vm');
    const rootVolumeUuid = store.ids.uuid();
    const vm = store.insert('VmInstanceInventory', {
        uuid,
        name: s.name,
        description: s.description ?? null,
        zoneUuid: s.placement.zoneUuid,
        clusterUuid: s.placement.clusterUuid,
        imageUuid: s.imageUuid,
        hostUuid: s.onHost ? s.placement.hostUuid : null,
        lastHostUuid: s.onHost ? null : s.placement.hostUuid,
        instanceOfferingUuid: s.instanceOfferingUuid ?? null,
        rootVolumeUuid,
        platform: s.platform ?? 'Linux',
        architecture: s.architecture ?? 'x86_64',
        defaultL3NetworkUuid: s.defaultL3NetworkUuid ?? s.l3NetworkUuids[0] ?? null,
        type: 'UserVm',
        hypervisorType: 'KVM',
        memorySize: s.memorySize,
        reservedMemorySize: 0,
        cpuNum: s.cpuNum,
        cpuSpeed: 0,
        allocatorStrategy: 'LastHostPreferredAllocatorStrategy',
        state: s.state,
        guestOsType: s.guestOsType ?? null,
        __seq: seq,
        // Filled in by the store; named here so that they sit in the row itself, not in a second object beside it.
        createDate: undefined,
        lastOpDate: undefined,
    });
    usedIps.forEach((ip, deviceId) => addNic(store, vm, ip, deviceId));
    addVolume(store, {
        uuid: rootVolumeUuid,
        // Joined, not templates: a template's string is a tree of its parts (kept as such in every row).
        name: ['ROOT-for-', s.name].join(''),
        description: ['Root volume for VM[uuid:', uuid, ']'].join(''),
        type: 'Root',
        size: s.rootDiskSize,
        primaryStorageUuid: s.placement.primaryStorageUuid,
        vmInstanceUuid: uuid,
        diskOfferingUuid: s.rootDiskOfferingUuid ?? null,
        rootImageUuid: s.imageUuid,
        deviceId: 0,
    });
    (s.dataDisks ?? []).forEach((d, i) => addVolume(store, {
        name: d.name ?? `DATA-for-${s.name}`,
        type: 'Data',
        size: d.size,
        primaryStorageUuid: s.placement.primaryStorageUuid,
        vmInstanceUuid: uuid,
        diskOfferingUuid: d.diskOfferingUuid ?? null,
        deviceId: i + 1,
    }));
    return vm;
}
/** Adds a nic to a VM on the L3 of an IP taken for it (`ip`, a UsedIp row), with the given device id. */
export function addNic(store, vm, ip, deviceId, mac) {
    const nicUuid = store.ids.uuid();
    const nic = store.insert('VmNicInventory', {
        uuid: nicUuid,
        vmInstanceUuid: vm.uuid,
        usedIpUuid: ip.uuid,
        l3NetworkUuid: ip.l3NetworkUuid,
        ip: ip.ip,
        mac: mac ?? store.ids.mac(),
        hypervisorType: 'KVM',
        netmask: ip.netmask,
        gateway: ip.gateway,
        ipVersion: 4,
        driverType: 'virtio',
        internalName: `vnic${String(vm.__seq ?? 0)}.${deviceId}`,
        deviceId,
        type: 'VNIC',
        state: 'enable',
        createDate: undefined,
        lastOpDate: undefined,
    });
    store.table('UsedIpInventory').update(store.table('UsedIpInventory').idOf(String(ip.uuid)), { vmNicUuid: nicUuid });
    return nic;
}
/** Removes a nic and frees its IPs; the services using it let go of it (EIPs and port forwarding rules are detached). */
export function removeNic(store, nicUuid) {
    for (const ip of store.find('UsedIpInventory', 'vmNicUuid', nicUuid))
        releaseIp(store, String(ip.uuid));
    for (const t of ['EipInventory', 'PortForwardingRuleInventory']) {
        for (const r of store.find(t, 'vmNicUuid', nicUuid))
            store.update(t, String(r.uuid), { vmNicUuid: null, guestIp: null });
    }
    store.removeWhere('VmNicSecurityGroupRefInventory', 'vmNicUuid', nicUuid);
    store.removeWhere('LoadBalancerListenerVmNicRefInventory', 'vmNicUuid', nicUuid);
    store.remove('VmNicInventory', nicUuid);
    removeTagsOf(store, nicUuid);
}
/** Removes a VM for good: nics and their IPs, root volume, cd-roms, group usages, tags; data volumes are detached. */
export function removeVm(store, uuid) {
    for (const nic of store.find('VmNicInventory', 'vmInstanceUuid', uuid))
        removeNic(store, String(nic.uuid));
    for (const vol of store.find('VolumeInventory', 'vmInstanceUuid', uuid)) {
        if (vol.type === 'Root') {
            removeSnapshotsOf(store, String(vol.uuid));
            store.remove('VolumeInventory', String(vol.uuid));
            removeTagsOf(store, String(vol.uuid));
        }
        else {
            store.update('VolumeInventory', String(vol.uuid), { vmInstanceUuid: null, deviceId: null, lastVmInstanceUuid: uuid, lastDetachDate: store.now() });
        }
    }
    store.removeWhere('VmCdRomInventory', 'vmInstanceUuid', uuid);
    store.removeWhere('AffinityGroupUsageInventory', 'resourceUuid', uuid);
    removeTagsOf(store, uuid);
    store.remove('VmInstanceInventory', uuid);
}
