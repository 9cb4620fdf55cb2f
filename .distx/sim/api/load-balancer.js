// Load balancers on a VIP, their listeners (one per port and protocol) and the VM nics behind each listener.
import { addListener, addLoadBalancer, addNicToListener } from '../model/network-services.js';
import { releaseVip, useVip } from '../model/vips.js';
import { invalidArgument, operationError } from './errors.js';
import { updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const LB = 'LoadBalancerInventory';
const LISTENER = 'LoadBalancerListenerInventory';
const NIC_REF = 'LoadBalancerListenerVmNicRefInventory';
const NIC = 'VmNicInventory';
/** Nics that can serve a listener: in the VIP's zone, on another L3 than the VIP, not behind this listener yet. */
function candidates(call, listener) {
    const lb = call.must(LB, String(listener.loadBalancerUuid));
    const vip = call.must('VipInventory', String(lb.vipUuid));
    const zone = call.store.get('L3NetworkInventory', String(vip.l3NetworkUuid))?.zoneUuid;
    const behind = new Set(call.store.find(NIC_REF, 'listenerUuid', listener.uuid).map((r) => r.vmNicUuid));
    return call.store
        .all(NIC)
        .filter((n) => !behind.has(n.uuid) && n.l3NetworkUuid !== vip.l3NetworkUuid && call.store.get('L3NetworkInventory', String(n.l3NetworkUuid))?.zoneUuid === zone)
        .filter((n) => call.store.get('VmInstanceInventory', String(n.vmInstanceUuid))?.state !== 'Destroyed')
        .filter((n) => call.env.access.mayUse(call.accountUuid, String(n.uuid), NIC));
}
function removeListener(call, listener) {
    call.store.removeWhere(NIC_REF, 'listenerUuid', listener.uuid);
    call.store.remove(LISTENER, String(listener.uuid));
}
export const loadBalancerHandlers = {
    CreateLoadBalancer: (call) => {
        const vip = call.must('VipInventory', call.need('vipUuid'));
        if (call.store.find(LB, 'vipUuid', vip.uuid).length > 0)
            throw operationError(`vip[uuid:${String(vip.uuid)}] already has a load balancer`);
        useVip(call.store, vip, 'LoadBalancer');
        const row = addLoadBalancer(call.store, { uuid: call.newUuid(), name: call.need('name'), description: call.str('description') ?? null, vip, type: call.str('type') ?? 'Shared' });
        applyCreationTags(call, String(row.uuid), LB);
        return call.inventory(LB, String(row.uuid));
    },
    UpdateLoadBalancer: updater(LB, ['name', 'description']),
    RefreshLoadBalancer: (call) => call.inventory(LB, String(call.must(LB, call.need('uuid')).uuid)),
    DeleteLoadBalancer: (call) => {
        const lb = call.must(LB, call.need('uuid'));
        for (const l of call.store.find(LISTENER, 'loadBalancerUuid', lb.uuid))
            removeListener(call, l);
        call.store.remove(LB, String(lb.uuid));
        releaseVip(call.store, String(lb.vipUuid), 'LoadBalancer', false);
        return {};
    },
    CreateLoadBalancerListener: (call) => {
        const lb = call.must(LB, call.need('loadBalancerUuid'));
        const protocol = call.str('protocol') ?? 'tcp';
        const port = call.num('loadBalancerPort') ?? 0;
        const instancePort = call.num('instancePort') ?? port;
        for (const p of [port, instancePort])
            if (p < 1 || p > 65535)
                throw invalidArgument(`port[${p}] must be within 1-65535`);
        if (protocol === 'https' && !call.str('certificateUuid'))
            throw invalidArgument('an https listener needs a certificateUuid');
        const clash = call.store.find(LISTENER, 'loadBalancerUuid', lb.uuid).find((l) => l.loadBalancerPort === port && (l.protocol === 'udp') === (protocol === 'udp'));
        if (clash)
            throw operationError(`load balancer[uuid:${String(lb.uuid)}] already has listener[uuid:${String(clash.uuid)}] on port ${port}`);
        const row = addListener(call.store, {
            uuid: call.newUuid(),
            loadBalancerUuid: String(lb.uuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            instancePort,
            loadBalancerPort: port,
            protocol,
            securityPolicyType: call.str('securityPolicyType') ?? null,
        });
        applyCreationTags(call, String(row.uuid), LISTENER);
        return call.inventory(LISTENER, String(row.uuid));
    },
    UpdateLoadBalancerListener: updater(LISTENER, ['name', 'description']),
    DeleteLoadBalancerListener: (call) => {
        const l = call.must(LISTENER, call.need('uuid'));
        removeListener(call, l);
        return call.inventory(LB, String(l.loadBalancerUuid));
    },
    AddVmNicToLoadBalancer: (call) => {
        const listener = call.must(LISTENER, call.need('listenerUuid'));
        const ok = new Set(candidates(call, listener).map((n) => n.uuid));
        const nics = (call.list('vmNicUuids') ?? []).map((u) => call.must(NIC, u));
        for (const nic of nics) {
            if (!ok.has(nic.uuid))
                throw operationError(`nic[uuid:${String(nic.uuid)}] cannot serve listener[uuid:${String(listener.uuid)}]: it is already behind it, or not in the vip's zone on another l3 network`);
        }
        for (const nic of nics)
            addNicToListener(call.store, String(listener.uuid), String(nic.uuid));
        return call.inventory(LISTENER, String(listener.uuid));
    },
    RemoveVmNicFromLoadBalancer: (call) => {
        const listener = call.must(LISTENER, call.need('listenerUuid'));
        const wanted = new Set(call.list('vmNicUuids') ?? []);
        const table = call.store.table(NIC_REF);
        const ids = [...table.lookup('listenerUuid', listener.uuid)].filter((id) => wanted.has(String(table.get(id).vmNicUuid)));
        if (ids.length === 0)
            throw operationError(`none of the nics [${[...wanted].join(', ')}] is behind listener[uuid:${String(listener.uuid)}]`);
        for (const id of ids)
            table.remove(id);
        return call.inventory(LB, String(listener.loadBalancerUuid));
    },
    GetCandidateVmNicsForLoadBalancer: (call) => ({ inventories: candidates(call, call.must(LISTENER, call.need('listenerUuid'))).map((n) => call.render(NIC, n)) }),
};
