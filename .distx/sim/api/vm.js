// VM lifecycle APIs: create, start/stop/reboot/pause/resume, destroy/recover/expunge, migrate, clone, offering/update, console.
import { addVmToGroup } from '../model/affinity.js';
import { addVm, placeVm, removeVm } from '../model/vms.js';
import { Later } from './context.js';
import { ApiError, asApiError, Codes, invalidArgument, msgName, notFound, operationError } from './errors.js';
import { applyCreationTags } from './tags.js';
import { checkVmState, stateRefusal } from './vm-states.js';
const VM = 'VmInstanceInventory';
function vmOf(call, param = 'uuid') {
    const vm = call.must(VM, call.need(param));
    checkVmState(vm, call.api.name);
    return vm;
}
function l3sOf(call, vmUuid) {
    return call.store.find('VmNicInventory', 'vmInstanceUuid', vmUuid).map((n) => String(n.l3NetworkUuid));
}
/**
 * Puts the VM in the transitional state `during` now; when the job ends, checks nothing else moved it meanwhile and
 * applies `done`. The job answers the VM inventory, or `{}` when `empty` (destroy, expunge).
 */
function transition(call, vm, during, done, empty = false) {
    const uuid = String(vm.uuid);
    call.store.update(VM, uuid, { state: during });
    return new Later(() => {
        const cur = call.store.get(VM, uuid);
        if (!cur)
            throw operationError(`vm[uuid:${uuid}] was deleted while ${call.api.name} was running`);
        if (cur.state !== during)
            throw operationError(`vm[uuid:${uuid}] changed to state[${String(cur.state)}] while ${call.api.name} was running`);
        const patch = done(cur);
        if (patch === 'remove')
            removeVm(call.store, uuid);
        else
            call.store.update(VM, uuid, patch);
        return empty ? {} : call.inventory(VM, uuid);
    });
}
function unchanged(call, uuid) {
    return new Later(() => call.inventory(VM, uuid));
}
function usableHost(row) {
    return !!row && row.state === 'Enabled' && row.status === 'Connected';
}
const start = (call) => {
    const vm = vmOf(call);
    const uuid = String(vm.uuid);
    if (vm.state === 'Running')
        return unchanged(call, uuid);
    const hostUuid = call.str('hostUuid');
    const clusterUuid = call.str('clusterUuid');
    const last = typeof vm.lastHostUuid === 'string' ? call.store.get('HostInventory', vm.lastHostUuid) : undefined;
    const target = hostUuid || clusterUuid || !usableHost(last)
        ? placeVm(call.store, {
            l3NetworkUuids: l3sOf(call, uuid),
            zoneUuid: String(vm.zoneUuid),
            ...(clusterUuid ? { clusterUuid } : {}),
            ...(hostUuid ? { hostUuid } : {}),
        })
        : { hostUuid: String(last.uuid), clusterUuid: String(last.clusterUuid), zoneUuid: String(last.zoneUuid) };
    return transition(call, vm, 'Starting', () => ({
        state: 'Running',
        hostUuid: target.hostUuid,
        lastHostUuid: target.hostUuid,
        clusterUuid: target.clusterUuid,
        zoneUuid: target.zoneUuid,
    }));
};
const stop = (call) => {
    const vm = vmOf(call);
    if (vm.state === 'Stopped')
        return unchanged(call, String(vm.uuid));
    return transition(call, vm, 'Stopping', (cur) => ({ state: 'Stopped', hostUuid: null, lastHostUuid: cur.hostUuid ?? cur.lastHostUuid }));
};
const destroy = (call) => {
    const vm = vmOf(call);
    return transition(call, vm, 'Destroying', (cur) => ({ state: 'Destroyed', hostUuid: null, lastHostUuid: cur.hostUuid ?? cur.lastHostUuid }), true);
};
const migrate = (call) => {
    const vm = vmOf(call, 'vmInstanceUuid');
    const current = vm.hostUuid;
    const wanted = call.str('hostUuid');
    let target;
    if (wanted) {
        target = call.store.get('HostInventory', wanted);
        if (!target)
            throw notFound('HostVO', wanted);
        if (wanted === current)
            throw invalidArgument(`the vm[uuid:${String(vm.uuid)}] is already on host[uuid:${wanted}]`);
        if (!usableHost(target))
            throw new ApiError(Codes.VM_MIGRATE, `host[uuid:${wanted}] is not Enabled and Connected`);
    }
    else {
        const table = call.store.table(VM);
        const candidates = call.store.find('HostInventory', 'clusterUuid', vm.clusterUuid).filter((h) => usableHost(h) && h.uuid !== current);
        for (const h of candidates)
            if (!target || table.lookup('hostUuid', h.uuid).size < table.lookup('hostUuid', target.uuid).size)
                target = h;
        if (!target)
            throw new ApiError(Codes.VM_MIGRATE, `no candidate host to migrate vm[uuid:${String(vm.uuid)}] to in cluster[uuid:${String(vm.clusterUuid)}]`);
    }
    const to = target;
    const after = vm.state === 'Paused' ? 'Paused' : 'Running';
    return transition(call, vm, 'Migrating', () => ({
        state: after,
        hostUuid: to.uuid,
        lastHostUuid: current ?? null,
        clusterUuid: to.clusterUuid,
        zoneUuid: to.zoneUuid,
    }));
};
/** `staticIp::<l3Uuid>::<ip>` system tags, as l3 -> ip. */
function staticIps(tags) {
    const out = {};
    for (const t of tags) {
        const m = /^staticIp::([0-9a-f]{32})::(.+)$/.exec(t);
        if (m)
            out[m[1]] = m[2];
    }
    return out;
}
function affinityGroups(tags) {
    return tags.flatMap((t) => {
        const m = /^affinityGroupUuid::([0-9a-f]{32})$/.exec(t);
        return m ? [m[1]] : [];
    });
}
function finalState(strategy) {
    return strategy === 'InstantStart' ? 'Running' : strategy === 'CreateStopped' ? 'Stopped' : 'Created';
}
const create = (call) => {
    const image = call.must('ImageInventory', call.need('imageUuid'));
    if (image.status !== 'Ready')
        throw operationError(`image[uuid:${String(image.uuid)}] is not Ready, its status is ${String(image.status)}`);
    if (image.state !== 'Enabled')
        throw operationError(`image[uuid:${String(image.uuid)}] is ${String(image.state)}`);
    if (image.mediaType !== 'RootVolumeTemplate' && image.mediaType !== 'ISO') {
        throw invalidArgument(`image[uuid:${String(image.uuid)}] of mediaType[${String(image.mediaType)}] cannot create a VM`);
    }
    let cpuNum = call.num('cpuNum');
    let memorySize = call.num('memorySize');
    const offeringUuid = call.str('instanceOfferingUuid');
    if (offeringUuid) {
        const o = call.must('InstanceOfferingInventory', offeringUuid);
        if (o.state !== 'Enabled')
            throw operationError(`instance offering[uuid:${offeringUuid}] is ${String(o.state)}`);
        cpuNum = Number(o.cpuNum);
        memorySize = Number(o.memorySize);
    }
    if (cpuNum === undefined || memorySize === undefined)
        throw invalidArgument('either instanceOfferingUuid or both cpuNum and memorySize must be given');
    const l3s = call.list('l3NetworkUuids') ?? [];
    if (l3s.length === 0)
        throw invalidArgument(`field[l3NetworkUuids] of message[${msgName(call.api.name)}] must contain at least one l3 network`);
    for (const l3 of l3s) {
        const row = call.must('L3NetworkInventory', l3);
        if (row.state !== 'Enabled')
            throw operationError(`l3Network[uuid:${l3}] is ${String(row.state)}`);
    }
    const defaultL3 = call.str('defaultL3NetworkUuid') ?? l3s[0];
    if (!l3s.includes(defaultL3))
        throw invalidArgument(`defaultL3NetworkUuid[${defaultL3}] is not in l3NetworkUuids`);
    let rootDiskSize = Math.max(Number(image.size ?? 0), call.num('rootDiskSize') ?? 0);
    const rootOfferingUuid = call.str('rootDiskOfferingUuid');
    if (rootOfferingUuid)
        rootDiskSize = Number(call.must('DiskOfferingInventory', rootOfferingUuid).diskSize);
    else if (image.mediaType === 'ISO' && call.num('rootDiskSize') === undefined)
        throw invalidArgument('rootDiskOfferingUuid or rootDiskSize is required when the image is an ISO');
    const dataDisks = [];
    for (const u of call.list('dataDiskOfferingUuids') ?? [])
        dataDisks.push({ size: Number(call.must('DiskOfferingInventory', u).diskSize), diskOfferingUuid: u });
    for (const s of call.list('dataDiskSizes') ?? []) {
        const size = Number(s);
        if (!Number.isFinite(size) || size <= 0)
            throw invalidArgument(`dataDiskSizes contains an invalid size[${s}]`);
        dataDisks.push({ size });
    }
    const groups = affinityGroups(call.systemTags);
    for (const g of groups)
        call.must('AffinityGroupInventory', g);
    const strategy = call.str('strategy') ?? 'InstantStart';
    const primaryStorageUuid = call.str('primaryStorageUuidForRootVolume');
    const placement = placeVm(call.store, {
        l3NetworkUuids: l3s,
        ...(call.str('zoneUuid') ? { zoneUuid: call.str('zoneUuid') } : {}),
        ...(call.str('clusterUuid') ? { clusterUuid: call.str('clusterUuid') } : {}),
        ...(call.str('hostUuid') ? { hostUuid: call.str('hostUuid') } : {}),
        ...(primaryStorageUuid ? { primaryStorageUuid } : {}),
    });
    const during = strategy === 'InstantStart' ? 'Starting' : 'Created';
    const vm = addVm(call.store, {
        uuid: call.newUuid(),
        name: call.need('name'),
        description: call.str('description') ?? null,
        imageUuid: String(image.uuid),
        instanceOfferingUuid: offeringUuid ?? null,
        cpuNum,
        memorySize,
        l3NetworkUuids: l3s,
        defaultL3NetworkUuid: defaultL3,
        placement,
        onHost: strategy === 'InstantStart',
        state: during,
        rootDiskSize,
        rootDiskOfferingUuid: rootOfferingUuid ?? null,
        dataDisks,
        platform: call.str('platform') ?? String(image.platform ?? 'Linux'),
        guestOsType: call.str('guestOsType') ?? image.guestOsType ?? null,
        architecture: call.str('architecture') ?? String(image.architecture ?? 'x86_64'),
        staticIps: staticIps(call.systemTags),
    });
    const uuid = String(vm.uuid);
    applyCreationTags(call, uuid, VM);
    for (const g of groups)
        addVmToGroup(call.store, g, uuid);
    return transition(call, vm, during, () => ({ state: finalState(strategy) }));
};
const clone = (call) => {
    const src = call.must(VM, call.need('vmInstanceUuid'));
    const allowed = ['Running', 'Stopped', 'Paused'];
    if (!allowed.includes(String(src.state)))
        throw stateRefusal(call.api.name, String(src.state), allowed);
    const names = call.list('names') ?? [];
    if (names.length === 0)
        throw invalidArgument('field[names] must contain at least one name');
    const strategy = call.str('strategy') ?? 'InstantStart';
    const srcUuid = String(src.uuid);
    return new Later(() => {
        const source = call.must(VM, srcUuid);
        const l3s = l3sOf(call, srcUuid);
        const root = call.store.get('VolumeInventory', String(source.rootVolumeUuid));
        const inventories = names.map((name) => {
            try {
                const placement = placeVm(call.store, {
                    l3NetworkUuids: l3s,
                    zoneUuid: String(source.zoneUuid),
                    ...(call.str('clusterUuid') ? { clusterUuid: call.str('clusterUuid') } : {}),
                    ...(call.str('hostUuid') ? { hostUuid: call.str('hostUuid') } : {}),
                });
                const vm = addVm(call.store, {
                    name,
                    description: source.description ?? null,
                    imageUuid: String(source.imageUuid),
                    instanceOfferingUuid: source.instanceOfferingUuid ?? null,
                    cpuNum: Number(source.cpuNum),
                    memorySize: Number(source.memorySize),
                    l3NetworkUuids: l3s,
                    defaultL3NetworkUuid: String(source.defaultL3NetworkUuid),
                    placement,
                    onHost: strategy === 'InstantStart',
                    state: finalState(strategy),
                    rootDiskSize: Number(root?.size ?? 0),
                    platform: String(source.platform),
                    guestOsType: source.guestOsType ?? null,
                    architecture: String(source.architecture),
                });
                return call.typed({ inventory: call.render(VM, vm) }, 'CloneVmInstanceInventory');
            }
            catch (e) {
                return call.typed({ error: call.typed(asApiError(e).toJSON(), 'ErrorCode') }, 'CloneVmInstanceInventory');
            }
        });
        const result = { numberOfClonedVm: inventories.filter((i) => 'inventory' in i).length, inventories };
        return { result: call.typed(result, 'CloneVmInstanceResults') };
    });
};
const changeOffering = (call) => {
    const vm = vmOf(call, 'vmInstanceUuid');
    const offering = call.must('InstanceOfferingInventory', call.need('instanceOfferingUuid'));
    if (offering.state !== 'Enabled')
        throw operationError(`instance offering[uuid:${String(offering.uuid)}] is ${String(offering.state)}`);
    call.store.update(VM, String(vm.uuid), { instanceOfferingUuid: offering.uuid, cpuNum: offering.cpuNum, memorySize: offering.memorySize });
    return call.inventory(VM, String(vm.uuid));
};
const update = (call) => {
    const vm = vmOf(call);
    const uuid = String(vm.uuid);
    const patch = {};
    for (const f of ['name', 'description', 'state', 'platform', 'guestOsType'])
        if (call.str(f) !== undefined)
            patch[f] = call.str(f);
    for (const f of ['cpuNum', 'memorySize', 'reservedMemorySize'])
        if (call.num(f) !== undefined)
            patch[f] = call.num(f);
    const l3 = call.str('defaultL3NetworkUuid');
    if (l3 !== undefined) {
        if (!l3sOf(call, uuid).includes(l3))
            throw invalidArgument(`the vm[uuid:${uuid}] has no nic on l3Network[uuid:${l3}]`);
        patch.defaultL3NetworkUuid = l3;
    }
    call.store.update(VM, uuid, patch);
    return call.inventory(VM, uuid);
};
export const vmHandlers = {
    CreateVmInstance: create,
    StartVmInstance: start,
    StopVmInstance: stop,
    RebootVmInstance: (call) => transition(call, vmOf(call), 'Rebooting', () => ({ state: 'Running' })),
    PauseVmInstance: (call) => transition(call, vmOf(call), 'Pausing', () => ({ state: 'Paused' })),
    ResumeVmInstance: (call) => transition(call, vmOf(call), 'Resuming', () => ({ state: 'Running' })),
    DestroyVmInstance: destroy,
    RecoverVmInstance: (call) => {
        const vm = vmOf(call);
        call.store.update(VM, String(vm.uuid), { state: 'Stopped' });
        return call.inventory(VM, String(vm.uuid));
    },
    ExpungeVmInstance: (call) => transition(call, vmOf(call), 'Expunging', () => 'remove', true),
    MigrateVm: migrate,
    CloneVmInstance: clone,
    ChangeInstanceOffering: changeOffering,
    UpdateVmInstance: update,
    GetVmConsoleAddress: (call) => {
        const vm = vmOf(call);
        const host = typeof vm.hostUuid === 'string' ? call.store.get('HostInventory', vm.hostUuid) : undefined;
        const seq = call.store.table(VM).idOf(String(vm.uuid)) ?? 0;
        return { hostIp: host?.managementIp ?? null, port: 5900 + (seq % 100), protocol: 'vnc' };
    },
    GetVmMigrationCandidateHosts: (call) => {
        const vm = vmOf(call, 'vmInstanceUuid');
        const hosts = call.store.find('HostInventory', 'clusterUuid', vm.clusterUuid).filter((h) => usableHost(h) && h.uuid !== vm.hostUuid);
        return { inventories: hosts.map((h) => call.render('HostInventory', h)) };
    },
    GetVmAttachableDataVolume: (call) => {
        const vm = call.must(VM, call.need('vmInstanceUuid'));
        const vols = call.store
            .find('VolumeInventory', 'vmInstanceUuid', null)
            .filter((v) => v.type === 'Data' && v.state === 'Enabled' && (v.status === 'Ready' || v.status === 'NotInstantiated'))
            .filter((v) => !v.primaryStorageUuid || call.store.get('PrimaryStorageInventory', String(v.primaryStorageUuid))?.zoneUuid === vm.zoneUuid);
        return { inventories: vols.map((v) => call.render('VolumeInventory', v)) };
    },
};
