// VIPs and the services on them: EIPs (one VIP, one nic) and port forwarding rules (VIP ports to a nic's ports).
// A nic qualifies when its VM is in the VIP's zone and the nic is on another L3 network than the VIP.
import { addVip, releaseVip, removeVip, useVip } from '../model/vips.js';
import { addEip, addPortForwardingRule } from '../model/network-services.js';
import { invalidArgument, operationError } from './errors.js';
import { stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const VIP = 'VipInventory';
const EIP = 'EipInventory';
const PF = 'PortForwardingRuleInventory';
const NIC = 'VmNicInventory';
/** Nics a service on this VIP may use: VMs not destroyed, in the VIP's zone, nic on another L3 than the VIP. */
function candidateNics(call, vip) {
    const zone = call.store.get('L3NetworkInventory', String(vip.l3NetworkUuid))?.zoneUuid;
    return call.store
        .all(NIC)
        .filter((n) => n.l3NetworkUuid !== vip.l3NetworkUuid && call.store.get('L3NetworkInventory', String(n.l3NetworkUuid))?.zoneUuid === zone)
        .filter((n) => {
        const vm = call.store.get('VmInstanceInventory', String(n.vmInstanceUuid));
        return !!vm && ['Running', 'Stopped', 'Paused'].includes(String(vm.state));
    })
        .filter((n) => call.env.access.mayUse(call.accountUuid, String(n.uuid), NIC));
}
function checkNic(call, vip, nicUuid) {
    const nic = call.must(NIC, nicUuid);
    if (!candidateNics(call, vip).some((n) => n.uuid === nic.uuid)) {
        throw operationError(`nic[uuid:${nicUuid}] cannot use vip[uuid:${String(vip.uuid)}]: its vm must be in the vip's zone, not destroyed, and the nic on another l3 network than the vip`);
    }
    return nic;
}
function attachEip(call, eip, nicUuid) {
    const vip = call.must(VIP, String(eip.vipUuid));
    const nic = checkNic(call, vip, nicUuid);
    const holder = call.store.find(EIP, 'vmNicUuid', nic.uuid)[0];
    if (holder)
        throw operationError(`nic[uuid:${nicUuid}] already has eip[uuid:${String(holder.uuid)}]`);
    call.store.update(EIP, String(eip.uuid), { vmNicUuid: nic.uuid, guestIp: nic.ip });
}
/** VIP ports `start`-`end` of a protocol must not overlap another rule's on the same VIP. */
function checkPorts(call, vipUuid, protocol, start, end, except) {
    for (const r of call.store.find(PF, 'vipUuid', vipUuid)) {
        if (r.uuid === except || r.protocolType !== protocol)
            continue;
        if (start <= Number(r.vipPortEnd) && Number(r.vipPortStart) <= end) {
            throw operationError(`vip ports ${start}-${end}/${protocol} overlap port forwarding rule[uuid:${String(r.uuid)}] (${String(r.vipPortStart)}-${String(r.vipPortEnd)})`);
        }
    }
}
function portRange(start, end) {
    if (start < 1 || end > 65535 || start > end)
        throw invalidArgument(`port range ${start}-${end} must be within 1-65535 with start <= end`);
    return [start, end];
}
/** Detaches an EIP or a port forwarding rule (`uuid`) from its nic; answers its inventory. */
function nicDetacher(inventory, what) {
    return (call) => {
        const row = call.must(inventory, call.need('uuid'));
        if (!row.vmNicUuid)
            throw operationError(`${what}[uuid:${String(row.uuid)}] is not attached to any nic`);
        call.store.update(inventory, String(row.uuid), { vmNicUuid: null, guestIp: null });
        return call.inventory(inventory, String(row.uuid));
    };
}
export const vipHandlers = {
    CreateVip: (call) => {
        const l3 = call.must('L3NetworkInventory', call.need('l3NetworkUuid'));
        if (l3.state !== 'Enabled')
            throw operationError(`l3Network[uuid:${String(l3.uuid)}] is ${String(l3.state)}`);
        const row = addVip(call.store, {
            uuid: call.newUuid(),
            l3NetworkUuid: String(l3.uuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            ...(call.str('requiredIp') ? { requiredIp: call.str('requiredIp') } : {}),
            ...(call.str('ipRangeUuid') ? { ipRangeUuid: call.str('ipRangeUuid') } : {}),
        });
        applyCreationTags(call, String(row.uuid), VIP);
        return call.inventory(VIP, String(row.uuid));
    },
    UpdateVip: updater(VIP, ['name', 'description']),
    ChangeVipState: stateChanger(VIP),
    DeleteVip: (call) => {
        const vip = call.must(VIP, call.need('uuid'));
        const users = [EIP, PF, 'LoadBalancerInventory'].flatMap((t) => call.store.find(t, 'vipUuid', vip.uuid));
        if (users.length > 0)
            throw operationError(`vip[uuid:${String(vip.uuid)}] is still used by ${String(vip.useFor)} (${users.length}); delete those first (the simulator does not cascade deletes)`);
        removeVip(call.store, vip);
        return {};
    },
    CreateEip: (call) => {
        const vip = call.must(VIP, call.need('vipUuid'));
        if (call.store.find(EIP, 'vipUuid', vip.uuid).length > 0)
            throw operationError(`vip[uuid:${String(vip.uuid)}] already has an eip`);
        useVip(call.store, vip, 'Eip');
        const row = addEip(call.store, { uuid: call.newUuid(), name: call.need('name'), description: call.str('description') ?? null, vip });
        applyCreationTags(call, String(row.uuid), EIP);
        const nic = call.str('vmNicUuid');
        if (nic)
            attachEip(call, row, nic);
        return call.inventory(EIP, String(row.uuid));
    },
    AttachEip: (call) => {
        const eip = call.must(EIP, call.need('eipUuid'));
        if (eip.vmNicUuid)
            throw operationError(`eip[uuid:${String(eip.uuid)}] is already attached to nic[uuid:${String(eip.vmNicUuid)}]`);
        attachEip(call, eip, call.need('vmNicUuid'));
        return call.inventory(EIP, String(eip.uuid));
    },
    DetachEip: nicDetacher(EIP, 'eip'),
    UpdateEip: updater(EIP, ['name', 'description']),
    ChangeEipState: stateChanger(EIP),
    DeleteEip: (call) => {
        const eip = call.must(EIP, call.need('uuid'));
        call.store.remove(EIP, String(eip.uuid));
        releaseVip(call.store, String(eip.vipUuid), 'Eip', false);
        return {};
    },
    GetEipAttachableVmNics: (call) => {
        const eipUuid = call.str('eipUuid');
        const vipUuid = eipUuid ? String(call.must(EIP, eipUuid).vipUuid) : call.str('vipUuid');
        if (!vipUuid)
            throw invalidArgument('either eipUuid or vipUuid must be given');
        const vip = call.must(VIP, vipUuid);
        const vmName = call.str('vmName');
        const vmUuid = call.str('vmUuid');
        const nics = candidateNics(call, vip)
            .filter((n) => call.store.find(EIP, 'vmNicUuid', n.uuid).length === 0)
            .filter((n) => !vmUuid || n.vmInstanceUuid === vmUuid)
            .filter((n) => !vmName || call.store.get('VmInstanceInventory', String(n.vmInstanceUuid))?.name === vmName);
        const start = call.num('start') ?? 0;
        const limit = call.num('limit') ?? 1000;
        const page = nics.slice(start, start + limit);
        return { inventories: page.map((n) => call.render(NIC, n)), start, more: start + limit < nics.length };
    },
    GetVmNicAttachableEips: (call) => {
        const nic = call.must(NIC, call.need('vmNicUuid'));
        const eips = call.store
            .all(EIP)
            .filter((e) => !e.vmNicUuid && call.env.access.mayUse(call.accountUuid, String(e.uuid), EIP))
            .filter((e) => {
            const vip = call.store.get(VIP, String(e.vipUuid));
            return !!vip && candidateNics(call, vip).some((n) => n.uuid === nic.uuid);
        });
        return { inventories: eips.map((e) => call.render(EIP, e)) };
    },
    CreatePortForwardingRule: (call) => {
        const vip = call.must(VIP, call.need('vipUuid'));
        const protocol = call.need('protocolType');
        const vipStartGiven = call.num('vipPortStart') ?? 0;
        const [vipStart, vipEnd] = portRange(vipStartGiven, call.num('vipPortEnd') ?? vipStartGiven);
        // The private ports default to the VIP's.
        const privStartGiven = call.num('privatePortStart') ?? vipStart;
        const [privStart, privEnd] = portRange(privStartGiven, call.num('privatePortEnd') ?? privStartGiven + (vipEnd - vipStart));
        if (privEnd - privStart !== vipEnd - vipStart)
            throw invalidArgument(`the vip port range ${vipStart}-${vipEnd} and the private port range ${privStart}-${privEnd} must be the same length`);
        checkPorts(call, String(vip.uuid), protocol, vipStart, vipEnd);
        const cidr = call.str('allowedCidr');
        if (cidr !== undefined && !/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/.test(cidr))
            throw invalidArgument(`allowedCidr[${cidr}] is not an IPv4 CIDR`);
        useVip(call.store, vip, 'PortForwarding');
        const row = addPortForwardingRule(call.store, {
            uuid: call.newUuid(),
            name: call.need('name'),
            description: call.str('description') ?? null,
            vip,
            vipPorts: [vipStart, vipEnd],
            privatePorts: [privStart, privEnd],
            protocolType: protocol,
            allowedCidr: cidr ?? null,
        });
        applyCreationTags(call, String(row.uuid), PF);
        const nic = call.str('vmNicUuid');
        if (nic)
            call.store.update(PF, String(row.uuid), { vmNicUuid: nic, guestIp: checkNic(call, vip, nic).ip });
        return call.inventory(PF, String(row.uuid));
    },
    AttachPortForwardingRule: (call) => {
        const rule = call.must(PF, call.need('ruleUuid'));
        if (rule.vmNicUuid)
            throw operationError(`port forwarding rule[uuid:${String(rule.uuid)}] is already attached to nic[uuid:${String(rule.vmNicUuid)}]`);
        const nic = checkNic(call, call.must(VIP, String(rule.vipUuid)), call.need('vmNicUuid'));
        call.store.update(PF, String(rule.uuid), { vmNicUuid: nic.uuid, guestIp: nic.ip });
        return call.inventory(PF, String(rule.uuid));
    },
    DetachPortForwardingRule: nicDetacher(PF, 'port forwarding rule'),
    UpdatePortForwardingRule: updater(PF, ['name', 'description']),
    ChangePortForwardingRuleState: stateChanger(PF),
    DeletePortForwardingRule: (call) => {
        const rule = call.must(PF, call.need('uuid'));
        call.store.remove(PF, String(rule.uuid));
        releaseVip(call.store, String(rule.vipUuid), 'PortForwarding', call.store.find(PF, 'vipUuid', rule.vipUuid).length > 0);
        return {};
    },
    GetPortForwardingAttachableVmNics: (call) => {
        const rule = call.must(PF, call.need('ruleUuid'));
        const vip = call.must(VIP, String(rule.vipUuid));
        return { inventories: candidateNics(call, vip).filter((n) => call.store.find(EIP, 'vmNicUuid', n.uuid).length === 0).map((n) => call.render(NIC, n)) };
    },
};
