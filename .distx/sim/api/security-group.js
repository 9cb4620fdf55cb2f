// Security groups: the group (created with ZStack's default rules), its ingress/egress rules with priorities, the L3
// networks it is attached to, and the VM nics in it (a nic can join only through an L3 the group is attached to).
import { addNicToSecurityGroup, addSecurityGroup, addSecurityGroupRule, attachSecurityGroupToL3 } from '../model/network-services.js';
import { invalidArgument, operationError } from './errors.js';
import { stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const SG = 'SecurityGroupInventory';
const RULE = 'SecurityGroupRuleInventory';
const L3_REF = 'SecurityGroupL3NetworkRefInventory';
const NIC_REF = 'VmNicSecurityGroupRefInventory';
const NIC = 'VmNicInventory';
const PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'ALL'];
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** `10.0.0.1`, `10.0.0.2-10.0.0.20`, `10.1.1.0/24`, comma-separated. */
function checkIpRange(text, field) {
    const v4 = '(?:\\d{1,3}\\.){3}\\d{1,3}';
    const one = new RegExp(`^${v4}(?:/\\d{1,2}|-${v4})?$`);
    for (const part of text.split(','))
        if (!one.test(part.trim()))
            throw invalidArgument(`${field}[${text}] is not a list of IPv4 addresses, ranges (a-b) or CIDRs`);
}
/** `22`, `1000-2000`, comma-separated, each within 1-65535. */
function checkPortRange(text) {
    for (const part of text.split(',')) {
        const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part.trim());
        const lo = Number(m?.[1]);
        const hi = Number(m?.[2] ?? m?.[1]);
        if (!m || lo < 1 || hi > 65535 || lo > hi)
            throw invalidArgument(`dstPortRange[${text}] is not a list of ports or port ranges within 1-65535`);
    }
}
function nextPriority(call, sgUuid, type) {
    const rules = call.store.find(RULE, 'securityGroupUuid', sgUuid).filter((r) => r.type === type && Number(r.priority) > 0);
    return rules.reduce((max, r) => Math.max(max, Number(r.priority)), 0) + 1;
}
/** Checks one rule of an AddSecurityGroupRule call and adds it at `priority`. */
function addRule(call, sg, ao, priority) {
    const type = String(ao.type ?? '');
    if (type !== 'Ingress' && type !== 'Egress')
        throw invalidArgument(`rule type[${type}] must be Ingress or Egress`);
    const protocol = String(ao.protocol ?? 'ALL');
    if (!PROTOCOLS.includes(protocol))
        throw invalidArgument(`rule protocol[${protocol}] must be one of [${PROTOCOLS.join(', ')}]`);
    const action = String(ao.action ?? 'ACCEPT');
    if (action !== 'ACCEPT' && action !== 'DROP')
        throw invalidArgument(`rule action[${action}] must be ACCEPT or DROP`);
    const text = (f) => (typeof ao[f] === 'string' ? ao[f] : null);
    for (const f of ['srcIpRange', 'dstIpRange'])
        if (text(f) !== null)
            checkIpRange(text(f), f);
    if (text('dstPortRange') !== null) {
        if (protocol !== 'TCP' && protocol !== 'UDP')
            throw invalidArgument(`dstPortRange needs protocol TCP or UDP, not ${protocol}`);
        checkPortRange(text('dstPortRange'));
    }
    const remote = text('remoteSecurityGroupUuid');
    if (remote)
        call.must(SG, remote);
    return addSecurityGroupRule(call.store, String(sg.uuid), {
        type,
        protocol,
        priority,
        ipVersion: Number(ao.ipVersion ?? sg.ipVersion ?? 4),
        state: String(ao.state ?? 'Enabled'),
        description: text('description'),
        srcIpRange: text('srcIpRange'),
        dstIpRange: text('dstIpRange'),
        dstPortRange: text('dstPortRange'),
        action,
        remoteSecurityGroupUuid: remote,
    });
}
function nicsIn(call, sgUuid) {
    return new Set(call.store.find(NIC_REF, 'securityGroupUuid', sgUuid).map((r) => r.vmNicUuid));
}
function joinNic(call, sg, nic, priority) {
    const attached = new Set(call.store.find(L3_REF, 'securityGroupUuid', sg.uuid).map((r) => r.l3NetworkUuid));
    if (!attached.has(nic.l3NetworkUuid)) {
        throw operationError(`security group[uuid:${String(sg.uuid)}] is not attached to the l3Network[uuid:${String(nic.l3NetworkUuid)}] of nic[uuid:${String(nic.uuid)}]`);
    }
    return addNicToSecurityGroup(call.store, String(sg.uuid), nic, priority);
}
const sgInventory = (call, uuid) => call.inventory(SG, String(uuid));
export const securityGroupHandlers = {
    CreateSecurityGroup: (call) => {
        const row = addSecurityGroup(call.store, { uuid: call.newUuid(), name: call.need('name'), description: call.str('description') ?? null, ipVersion: call.num('ipVersion') ?? 4 });
        applyCreationTags(call, String(row.uuid), SG);
        return sgInventory(call, row.uuid);
    },
    UpdateSecurityGroup: updater(SG, ['name', 'description']),
    ChangeSecurityGroupState: stateChanger(SG),
    DeleteSecurityGroup: (call) => {
        const sg = call.must(SG, call.need('uuid'));
        const usedAsRemote = call.store.find(RULE, 'remoteSecurityGroupUuid', sg.uuid).filter((r) => r.securityGroupUuid !== sg.uuid);
        if (usedAsRemote.length > 0)
            throw operationError(`security group[uuid:${String(sg.uuid)}] is the remote group of ${usedAsRemote.length} rule(s) of other groups; delete those rules first`);
        for (const t of [RULE, L3_REF, NIC_REF])
            call.store.removeWhere(t, 'securityGroupUuid', sg.uuid);
        call.store.remove(SG, String(sg.uuid));
        return {};
    },
    AddSecurityGroupRule: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        const rules = call.params.rules;
        if (!Array.isArray(rules) || rules.length === 0 || !rules.every(isRecord))
            throw invalidArgument('field[rules] must be a non-empty list of rule objects ({"type":"Ingress","protocol":"TCP",...})');
        const remotes = call.list('remoteSecurityGroupUuids');
        const expanded = remotes && remotes.length > 0 ? rules.flatMap((r) => remotes.map((remote) => ({ ...r, remoteSecurityGroupUuid: remote }))) : rules;
        const at = call.num('priority') ?? -1;
        for (const ao of expanded) {
            const type = String(ao.type);
            addRule(call, sg, ao, at > 0 ? at : nextPriority(call, String(sg.uuid), type));
        }
        return sgInventory(call, sg.uuid);
    },
    DeleteSecurityGroupRule: (call) => {
        const uuids = call.list('ruleUuids') ?? [];
        const rules = uuids.map((u) => call.must(RULE, u));
        const groups = new Set(rules.map((r) => r.securityGroupUuid));
        for (const r of rules)
            call.store.remove(RULE, String(r.uuid));
        const first = [...groups][0];
        return first === undefined ? {} : sgInventory(call, first);
    },
    ChangeSecurityGroupRule: (call) => {
        const rule = call.must(RULE, call.need('uuid'));
        const patch = {};
        for (const f of ['description', 'action', 'state', 'protocol', 'srcIpRange', 'dstIpRange', 'dstPortRange', 'remoteSecurityGroupUuid']) {
            if (call.str(f) !== undefined)
                patch[f] = call.str(f);
        }
        if (call.num('priority') !== undefined)
            patch.priority = call.num('priority');
        for (const f of ['srcIpRange', 'dstIpRange'])
            if (typeof patch[f] === 'string')
                checkIpRange(String(patch[f]), f);
        if (typeof patch.dstPortRange === 'string')
            checkPortRange(patch.dstPortRange);
        if (typeof patch.remoteSecurityGroupUuid === 'string')
            call.must(SG, patch.remoteSecurityGroupUuid);
        call.store.update(RULE, String(rule.uuid), patch);
        return call.inventory(RULE, String(rule.uuid));
    },
    ChangeSecurityGroupRuleState: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        for (const u of call.list('ruleUuids') ?? []) {
            const rule = call.must(RULE, u);
            if (rule.securityGroupUuid !== sg.uuid)
                throw invalidArgument(`rule[uuid:${u}] is not a rule of security group[uuid:${String(sg.uuid)}]`);
            call.store.update(RULE, u, { state: call.need('state') });
        }
        return sgInventory(call, sg.uuid);
    },
    AttachSecurityGroupToL3Network: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        const l3 = call.must('L3NetworkInventory', call.need('l3NetworkUuid'));
        if (call.store.find(L3_REF, 'securityGroupUuid', sg.uuid).some((r) => r.l3NetworkUuid === l3.uuid)) {
            throw operationError(`security group[uuid:${String(sg.uuid)}] is already attached to l3Network[uuid:${String(l3.uuid)}]`);
        }
        attachSecurityGroupToL3(call.store, String(sg.uuid), String(l3.uuid));
        return sgInventory(call, sg.uuid);
    },
    DetachSecurityGroupFromL3Network: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        const l3 = call.need('l3NetworkUuid');
        const refs = call.store.find(L3_REF, 'securityGroupUuid', sg.uuid).filter((r) => r.l3NetworkUuid === l3);
        if (refs.length === 0)
            throw operationError(`security group[uuid:${String(sg.uuid)}] is not attached to l3Network[uuid:${l3}]`);
        for (const r of refs)
            call.store.remove(L3_REF, String(r.uuid));
        // The group's nics on that L3 leave it too.
        for (const ref of call.store.find(NIC_REF, 'securityGroupUuid', sg.uuid)) {
            if (call.store.get(NIC, String(ref.vmNicUuid))?.l3NetworkUuid === l3)
                call.store.remove(NIC_REF, String(ref.uuid));
        }
        return sgInventory(call, sg.uuid);
    },
    AddVmNicToSecurityGroup: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        const members = nicsIn(call, String(sg.uuid));
        for (const u of call.list('vmNicUuids') ?? []) {
            const nic = call.must(NIC, u);
            if (!members.has(nic.uuid))
                joinNic(call, sg, nic);
        }
        return {};
    },
    DeleteVmNicFromSecurityGroup: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        const wanted = new Set(call.list('vmNicUuids') ?? []);
        const refs = call.store.find(NIC_REF, 'securityGroupUuid', sg.uuid).filter((r) => wanted.has(String(r.vmNicUuid)));
        if (refs.length === 0)
            throw operationError(`none of the nics [${[...wanted].join(', ')}] is in security group[uuid:${String(sg.uuid)}]`);
        for (const r of refs)
            call.store.remove(NIC_REF, String(r.uuid));
        return {};
    },
    SetVmNicSecurityGroup: (call) => {
        const nic = call.must(NIC, call.need('vmNicUuid'));
        const refs = call.params.refs ?? [];
        if (!refs.every((r) => isRecord(r) && typeof r.securityGroupUuid === 'string'))
            throw invalidArgument('field[refs] must be a list of {"securityGroupUuid": ..., "priority": n}');
        const wanted = refs.map((r) => ({ sg: call.must(SG, String(r.securityGroupUuid)), priority: typeof r.priority === 'number' ? r.priority : undefined }));
        call.store.removeWhere(NIC_REF, 'vmNicUuid', nic.uuid);
        wanted.forEach((w, i) => joinNic(call, w.sg, nic, w.priority ?? i + 1));
        return { inventory: call.store.find(NIC_REF, 'vmNicUuid', nic.uuid).map((r) => call.render(NIC_REF, r)) };
    },
    GetCandidateVmNicForSecurityGroup: (call) => {
        const sg = call.must(SG, call.need('securityGroupUuid'));
        const members = nicsIn(call, String(sg.uuid));
        const l3s = call.store.find(L3_REF, 'securityGroupUuid', sg.uuid).map((r) => r.l3NetworkUuid);
        const nics = l3s.flatMap((l3) => call.store.find(NIC, 'l3NetworkUuid', l3)).filter((n) => !members.has(n.uuid) && call.env.access.mayUse(call.accountUuid, String(n.uuid), NIC));
        return { inventories: nics.map((n) => call.render(NIC, n)) };
    },
};
