// VM settings ZStack keeps as system tags on the VM (ssh key, console password, hostname, boot order, HA level, qga,
// RDP, monitor number) or on its nics (QoS), the guest password, static IPs, and the VM's capabilities.
import { allocateIp, ipToLong, releaseIp } from '../model/network.js';
import { setTagValue, tagValue } from '../model/tags.js';
import { ApiError, invalidArgument } from './errors.js';
import { checkVmState } from './vm-states.js';
const VM = 'VmInstanceInventory';
const NIC = 'VmNicInventory';
const VM_VO = 'VmInstanceVO';
const BOOT_DEVICES = ['CdRom', 'HardDisk', 'Network'];
/** RFC 1123 host names, as ZStack checks them (labels of letters, digits and '-', dots between). */
const HOSTNAME = /^(?=.{1,255}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
function vm(call, param = 'uuid') {
    const row = call.must(VM, call.need(param));
    checkVmState(row, call.api.name);
    return row;
}
/** A setter of a `name::value` VM tag; answers the VM inventory or `{}` as the API's result class does. */
function tagSetter(name, value, answer) {
    return (call) => {
        const uuid = String(vm(call).uuid);
        setTagValue(call.store, uuid, VM_VO, name, value(call));
        return answer === 'vm' ? call.inventory(VM, uuid) : {};
    };
}
function tagRemover(name) {
    return (call) => {
        setTagValue(call.store, String(vm(call).uuid), VM_VO, name, undefined);
        return {};
    };
}
/** A getter answering `{<key>: value}`, or `{}` when the tag is not set (the SDK then reads null). */
function tagGetter(name, key) {
    return (call) => {
        const v = tagValue(call.store, String(vm(call).uuid), name);
        return v === undefined ? {} : { [key]: v };
    };
}
function boolTag(call, name, fallback) {
    const v = tagValue(call.store, String(vm(call).uuid), name);
    return v === undefined ? fallback : v === 'true';
}
/** NIC QoS kept on the nic row; -1 means not limited, as ZStack answers. */
function nicQos(nic) {
    const out = typeof nic.__qosOut === 'number' ? nic.__qosOut : -1;
    const inb = typeof nic.__qosIn === 'number' ? nic.__qosIn : -1;
    return { outboundBandwidth: out, inboundBandwidth: inb, outboundBandwidthUpthreshold: out, inboundBandwidthUpthreshold: inb };
}
const setStaticIp = (call) => {
    const row = vm(call, 'vmInstanceUuid');
    const vmUuid = String(row.uuid);
    const l3 = call.need('l3NetworkUuid');
    call.must('L3NetworkInventory', l3);
    const nic = call.store.find(NIC, 'vmInstanceUuid', vmUuid).find((n) => n.l3NetworkUuid === l3);
    if (!nic)
        throw invalidArgument(`the vm[uuid:${vmUuid}] has no nic on l3Network[uuid:${l3}]`);
    const ip = call.str('ip');
    if (ip !== undefined) {
        if (ipToLong(ip) === undefined)
            throw invalidArgument(`ip[${ip}] is not a valid IPv4 address`);
        if (ip !== nic.ip) {
            const taken = allocateIp(call.store, l3, ip);
            for (const old of call.store.find('UsedIpInventory', 'vmNicUuid', nic.uuid))
                releaseIp(call.store, String(old.uuid));
            call.store.update('UsedIpInventory', String(taken.uuid), { vmNicUuid: nic.uuid });
            call.store.update(NIC, String(nic.uuid), { ip, usedIpUuid: taken.uuid, netmask: taken.netmask, gateway: taken.gateway });
        }
        setTagValue(call.store, vmUuid, VM_VO, `staticIp::${l3}`, ip);
    }
    return {};
};
export const vmSettingHandlers = {
    SetVmSshKey: tagSetter('sshkey', (call) => call.need('SshKey'), 'vm'),
    GetVmSshKey: tagGetter('sshkey', 'sshKey'),
    DeleteVmSshKey: tagRemover('sshkey'),
    ChangeVmPassword: (call) => {
        const row = vm(call);
        if (row.state !== 'Running') {
            throw new ApiError('VM.1011', `the vm[uuid:${String(row.uuid)}] is ${String(row.state)}: the guest password is changed through the guest agent of a running vm`);
        }
        if (!/^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/.test(call.need('account')))
            throw invalidArgument(`account[${call.need('account')}] is not a valid guest user name`);
        return {};
    },
    SetVmConsolePassword: tagSetter('consolePassword', (call) => call.need('consolePassword'), 'vm'),
    GetVmConsolePassword: tagGetter('consolePassword', 'password'),
    DeleteVmConsolePassword: tagRemover('consolePassword'),
    SetVmHostname: tagSetter('hostname', (call) => {
        const h = call.need('hostname');
        if (!HOSTNAME.test(h))
            throw invalidArgument(`hostname[${h}] is not a valid host name (RFC 1123)`);
        return h;
    }, 'empty'),
    GetVmHostname: tagGetter('hostname', 'hostname'),
    DeleteVmHostname: tagRemover('hostname'),
    GetVmBootOrder: (call) => {
        const uuid = String(vm(call).uuid);
        const order = tagValue(call.store, uuid, 'bootOrder');
        if (order !== undefined)
            return { orders: order.split(',') };
        const iso = call.store.find('VmCdRomInventory', 'vmInstanceUuid', uuid).some((c) => typeof c.isoUuid === 'string');
        return { orders: iso ? ['CdRom', 'HardDisk'] : ['HardDisk'] };
    },
    SetVmBootOrder: tagSetter('bootOrder', (call) => {
        const order = call.list('bootOrder') ?? [];
        const bad = order.filter((d) => !BOOT_DEVICES.includes(d));
        if (bad.length > 0)
            throw invalidArgument(`bootOrder contains invalid device(s) [${bad.join(', ')}]; valid devices are [${BOOT_DEVICES.join(', ')}]`);
        if (new Set(order).size !== order.length)
            throw invalidArgument(`bootOrder[${order.join(', ')}] names a device twice`);
        return order.join(',');
    }, 'vm'),
    SetVmStaticIp: setStaticIp,
    DeleteVmStaticIp: (call) => {
        const uuid = String(vm(call, 'vmInstanceUuid').uuid);
        setTagValue(call.store, uuid, VM_VO, `staticIp::${call.need('l3NetworkUuid')}`, undefined);
        return {};
    },
    GetVmCapabilities: (call) => {
        const row = vm(call);
        const root = call.store.get('VolumeInventory', String(row.rootVolumeUuid));
        const ps = root?.primaryStorageUuid ? call.store.get('PrimaryStorageInventory', String(root.primaryStorageUuid)) : undefined;
        const iso = call.store.get('ImageInventory', String(row.imageUuid))?.mediaType === 'ISO';
        return { capabilities: { LiveMigration: ps?.type !== 'LocalStorage', VolumeMigration: true, Reimage: !iso, MemorySnapshot: true } };
    },
    SetVmInstanceHaLevel: tagSetter('ha', (call) => call.need('level'), 'empty'),
    GetVmInstanceHaLevel: tagGetter('ha', 'level'),
    DeleteVmInstanceHaLevel: tagRemover('ha'),
    // qga is the bare `qemuga` tag: there when enabled.
    GetVmQga: (call) => ({ enable: tagValue(call.store, String(vm(call).uuid), 'qemuga') !== undefined }),
    SetVmQga: (call) => {
        setTagValue(call.store, String(vm(call).uuid), VM_VO, 'qemuga', call.bool('enable') ? '' : undefined);
        return {};
    },
    GetVmRDP: (call) => ({ enable: boolTag(call, 'RDPEnable', false) }),
    SetVmRDP: tagSetter('RDPEnable', (call) => String(call.bool('enable') ?? false), 'empty'),
    GetVmMonitorNumber: (call) => ({ monitorNumber: Number(tagValue(call.store, String(vm(call).uuid), 'VDIMonitorNumber') ?? 1) }),
    SetVmMonitorNumber: tagSetter('VDIMonitorNumber', (call) => {
        const n = call.num('monitorNumber') ?? 0;
        if (n < 1 || n > 4)
            throw invalidArgument(`monitorNumber[${n}] must be between 1 and 4`);
        return String(n);
    }, 'empty'),
    SetNicQos: (call) => {
        const nic = call.must(NIC, call.need('uuid'));
        const patch = {};
        if (call.num('outboundBandwidth') !== undefined)
            patch.__qosOut = call.num('outboundBandwidth');
        if (call.num('inboundBandwidth') !== undefined)
            patch.__qosIn = call.num('inboundBandwidth');
        if (Object.keys(patch).length === 0)
            throw invalidArgument('at least one of outboundBandwidth and inboundBandwidth must be given');
        call.store.update(NIC, String(nic.uuid), patch);
        return {};
    },
    GetNicQos: (call) => nicQos(call.must(NIC, call.need('uuid'))),
    DeleteNicQos: (call) => {
        const nic = call.must(NIC, call.need('uuid'));
        call.store.update(NIC, String(nic.uuid), { [call.need('direction') === 'in' ? '__qosIn' : '__qosOut']: undefined });
        return {};
    },
};
