// Virtual IPs: an IP taken on an L3 network for network services (EIP, port forwarding, load balancer), and which
// service uses it (`useFor`); a VIP serves one kind of service at a time.
import { invalidArgument, operationError } from '../api/errors.js';
import { allocateIp, releaseIp } from './network.js';
const VIP = 'VipInventory';
export function addVip(store, v) {
    if (v.ipRangeUuid) {
        const range = store.get('IpRangeInventory', v.ipRangeUuid);
        if (!range || range.l3NetworkUuid !== v.l3NetworkUuid)
            throw invalidArgument(`ip range[uuid:${v.ipRangeUuid}] is not a range of l3Network[uuid:${v.l3NetworkUuid}]`);
    }
    const ip = allocateIp(store, v.l3NetworkUuid, v.requiredIp, 'Vip');
    if (!ip)
        throw operationError(`no free IP left in l3Network[uuid:${v.l3NetworkUuid}] for a VIP`);
    return store.insert(VIP, {
        uuid: v.uuid ?? store.ids.uuid(),
        name: v.name,
        description: v.description ?? null,
        l3NetworkUuid: v.l3NetworkUuid,
        ip: ip.ip,
        state: 'Enabled',
        gateway: ip.gateway,
        netmask: ip.netmask,
        prefixLen: store.get('IpRangeInventory', String(ip.ipRangeUuid))?.prefixLen ?? null,
        serviceProvider: null,
        peerL3NetworkUuids: [],
        useFor: null,
        system: false,
        usedIpUuid: ip.uuid,
    });
}
/** Marks the VIP as used by `service`; refused when it is disabled or already serves another kind of service. */
export function useVip(store, vip, service) {
    if (vip.state !== 'Enabled')
        throw operationError(`vip[uuid:${String(vip.uuid)}] is ${String(vip.state)}`);
    if (vip.useFor !== null && vip.useFor !== undefined && vip.useFor !== service) {
        throw operationError(`vip[uuid:${String(vip.uuid)}] is already used by ${String(vip.useFor)}; a vip serves one kind of network service`);
    }
    if (vip.useFor !== service)
        store.update(VIP, String(vip.uuid), { useFor: service, serviceProvider: 'Flat' });
}
/** Frees the VIP when nothing of `service` uses it any more. */
export function releaseVip(store, vipUuid, service, stillUsed) {
    const vip = store.get(VIP, vipUuid);
    if (vip && vip.useFor === service && !stillUsed)
        store.update(VIP, vipUuid, { useFor: null, serviceProvider: null });
}
export function removeVip(store, vip) {
    if (typeof vip.usedIpUuid === 'string')
        releaseIp(store, vip.usedIpUuid);
    store.remove(VIP, String(vip.uuid));
}
