export function addSecurityGroupRule(store, securityGroupUuid, r) {
    return store.insert('SecurityGroupRuleInventory', {
        uuid: store.ids.uuid(),
        securityGroupUuid,
        type: r.type,
        ipVersion: r.ipVersion ?? 4,
        protocol: r.protocol ?? 'ALL',
        state: r.state ?? 'Enabled',
        priority: r.priority,
        description: r.description ?? null,
        srcIpRange: r.srcIpRange ?? null,
        dstIpRange: r.dstIpRange ?? null,
        dstPortRange: r.dstPortRange ?? null,
        action: r.action ?? 'ACCEPT',
        remoteSecurityGroupUuid: r.remoteSecurityGroupUuid ?? null,
    });
}
/** A security group with ZStack's default rules: in from members of the same group, out to anywhere (priority 0). */
export function addSecurityGroup(store, g) {
    const row = store.insert('SecurityGroupInventory', { uuid: g.uuid ?? store.ids.uuid(), name: g.name, description: g.description ?? null, state: 'Enabled', ipVersion: g.ipVersion ?? 4 });
    const uuid = String(row.uuid);
    addSecurityGroupRule(store, uuid, { type: 'Ingress', priority: 0, ipVersion: g.ipVersion ?? 4, remoteSecurityGroupUuid: uuid, description: 'default rule' });
    addSecurityGroupRule(store, uuid, { type: 'Egress', priority: 0, ipVersion: g.ipVersion ?? 4, description: 'default rule' });
    return row;
}
export function attachSecurityGroupToL3(store, securityGroupUuid, l3NetworkUuid) {
    return store.insert('SecurityGroupL3NetworkRefInventory', { uuid: store.ids.uuid(), securityGroupUuid, l3NetworkUuid });
}
/** Puts a nic in a group, after the groups it is in already unless a priority is given. */
export function addNicToSecurityGroup(store, securityGroupUuid, nic, priority) {
    const mine = store.find('VmNicSecurityGroupRefInventory', 'vmNicUuid', nic.uuid);
    return store.insert('VmNicSecurityGroupRefInventory', {
        uuid: store.ids.uuid(),
        vmNicUuid: nic.uuid,
        securityGroupUuid,
        vmInstanceUuid: nic.vmInstanceUuid,
        priority: priority ?? mine.reduce((max, r) => Math.max(max, Number(r.priority)), 0) + 1,
    });
}
export function addEip(store, e) {
    return store.insert('EipInventory', {
        uuid: e.uuid ?? store.ids.uuid(),
        name: e.name,
        description: e.description ?? null,
        vipUuid: e.vip.uuid,
        vmNicUuid: e.nic?.uuid ?? null,
        state: 'Enabled',
        vipIp: e.vip.ip,
        guestIp: e.nic?.ip ?? null,
    });
}
export function addPortForwardingRule(store, r) {
    return store.insert('PortForwardingRuleInventory', {
        uuid: r.uuid ?? store.ids.uuid(),
        name: r.name,
        description: r.description ?? null,
        vipIp: r.vip.ip,
        guestIp: r.nic?.ip ?? null,
        vipUuid: r.vip.uuid,
        vipPortStart: r.vipPorts[0],
        vipPortEnd: r.vipPorts[1],
        privatePortStart: r.privatePorts[0],
        privatePortEnd: r.privatePorts[1],
        vmNicUuid: r.nic?.uuid ?? null,
        protocolType: r.protocolType,
        state: 'Enabled',
        allowedCidr: r.allowedCidr ?? null,
    });
}
export function addLoadBalancer(store, lb) {
    return store.insert('LoadBalancerInventory', { uuid: lb.uuid ?? store.ids.uuid(), name: lb.name, description: lb.description ?? null, state: 'Enabled', type: lb.type ?? 'Shared', vipUuid: lb.vip.uuid, serverGroupUuid: null });
}
export function addListener(store, l) {
    return store.insert('LoadBalancerListenerInventory', {
        uuid: l.uuid ?? store.ids.uuid(),
        name: l.name,
        description: l.description ?? null,
        loadBalancerUuid: l.loadBalancerUuid,
        instancePort: l.instancePort,
        loadBalancerPort: l.loadBalancerPort,
        protocol: l.protocol,
        securityPolicyType: l.securityPolicyType ?? null,
        serverGroupUuid: null,
        aclRefs: [],
        certificateRefs: [],
        serverGroupRefs: [],
    });
}
export function addNicToListener(store, listenerUuid, vmNicUuid) {
    return store.insert('LoadBalancerListenerVmNicRefInventory', { id: store.nextSeq('LoadBalancerListenerVmNicRef'), listenerUuid, vmNicUuid, status: 'Active' });
}
