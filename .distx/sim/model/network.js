// L2/L3 networks, IP ranges and IP allocation (each range remembers a cursor so sequential allocation stays O(1)).
import { invalidArgument, operationError } from '../api/errors.js';
/**
 * A dotted IPv4 address (four groups of 1 to 3 digits, each at most 255) as a number; undefined when it is not one.
 * Read character by character: a seed allocates one address per VM (a regex and an array each cost ~1 us more).
 */
export function ipToLong(ip) {
    let n = 0;
    let part = 0;
    let digits = 0;
    let dots = 0;
    for (let i = 0; i < ip.length; i++) {
        const c = ip.charCodeAt(i);
        if (c >= 48 && c <= 57) {
            if (++digits > 3)
                return undefined;
            part = part * 10 + (c - 48);
        }
        else if (c === 46 && digits > 0 && dots < 3) {
            if (part > 255)
                return undefined;
            n = n * 256 + part;
            part = 0;
            digits = 0;
            dots++;
        }
        else
            return undefined;
    }
    if (dots !== 3 || digits === 0 || part > 255)
        return undefined;
    return n * 256 + part;
}
export function longToIp(n) {
    return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
/** Prefix length of a dotted netmask, or undefined if it is not a contiguous mask. */
export function prefixOf(netmask) {
    const n = ipToLong(netmask);
    if (n === undefined)
        return undefined;
    const bits = n.toString(2).padStart(32, '0');
    return /^1*0*$/.test(bits) ? bits.indexOf('0') === -1 ? 32 : bits.indexOf('0') : undefined;
}
export function addL2(store, l) {
    const vlan = l.vlan !== undefined;
    return store.insert(vlan ? 'L2VlanNetworkInventory' : 'L2NetworkInventory', {
        uuid: l.uuid ?? store.ids.uuid(),
        name: l.name,
        description: l.description ?? null,
        zoneUuid: l.zoneUuid,
        physicalInterface: l.physicalInterface,
        type: vlan ? 'L2VlanNetwork' : 'L2NoVlanNetwork',
        vSwitchType: l.vSwitchType ?? 'LinuxBridge',
        virtualNetworkId: l.vlan ?? 0,
        isolated: false,
        ...(vlan ? { vlan: l.vlan } : {}),
    });
}
export function attachL2ToCluster(store, l2NetworkUuid, clusterUuid) {
    if (store.find('L2NetworkClusterRefInventory', 'l2NetworkUuid', l2NetworkUuid).some((r) => r.clusterUuid === clusterUuid)) {
        throw operationError(`l2Network[uuid:${l2NetworkUuid}] has already been attached to cluster[uuid:${clusterUuid}]`);
    }
    store.insert('L2NetworkClusterRefInventory', { clusterUuid, l2NetworkUuid, l2ProviderType: 'LinuxBridge' });
}
export function addL3(store, l) {
    return store.insert('L3NetworkInventory', {
        uuid: l.uuid ?? store.ids.uuid(),
        name: l.name,
        description: l.description ?? null,
        type: 'L3BasicNetwork',
        zoneUuid: l.zoneUuid,
        l2NetworkUuid: l.l2NetworkUuid,
        state: 'Enabled',
        dnsDomain: l.dnsDomain ?? null,
        system: l.system ?? false,
        category: l.category ?? 'Private',
        ipVersion: 4,
        enableIPAM: true,
        isolated: false,
        dns: l.dns ?? [],
    });
}
/** Adds an IPv4 range after checking it: valid addresses, start <= end, one subnet, no overlap on the L3. */
export function addIpRange(store, r) {
    const start = ipToLong(r.startIp);
    const end = ipToLong(r.endIp);
    const prefix = prefixOf(r.netmask);
    if (start === undefined)
        throw invalidArgument(`startIp[${r.startIp}] is not a valid IPv4 address`);
    if (end === undefined)
        throw invalidArgument(`endIp[${r.endIp}] is not a valid IPv4 address`);
    if (prefix === undefined)
        throw invalidArgument(`netmask[${r.netmask}] is not a valid netmask`);
    if (start > end)
        throw invalidArgument(`startIp[${r.startIp}] is greater than endIp[${r.endIp}]`);
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const network = (start & mask) >>> 0;
    if (((end & mask) >>> 0) !== network)
        throw invalidArgument(`startIp[${r.startIp}] and endIp[${r.endIp}] are not in the same subnet of netmask[${r.netmask}]`);
    const gateway = r.gateway ?? longToIp(network + 1);
    const gw = ipToLong(gateway);
    if (gw === undefined || ((gw & mask) >>> 0) !== network)
        throw invalidArgument(`gateway[${gateway}] is not in the subnet ${longToIp(network)}/${prefix}`);
    for (const other of store.find('IpRangeInventory', 'l3NetworkUuid', r.l3NetworkUuid)) {
        const os = ipToLong(String(other.startIp));
        const oe = ipToLong(String(other.endIp));
        if (start <= oe && os <= end)
            throw invalidArgument(`the ip range[${r.startIp} ~ ${r.endIp}] overlaps with ip range[uuid:${String(other.uuid)}, ${String(other.startIp)} ~ ${String(other.endIp)}]`);
    }
    return store.insert('IpRangeInventory', {
        uuid: r.uuid ?? store.ids.uuid(),
        l3NetworkUuid: r.l3NetworkUuid,
        name: r.name,
        description: r.description ?? null,
        startIp: r.startIp,
        endIp: r.endIp,
        netmask: r.netmask,
        gateway,
        networkCidr: `${longToIp(network)}/${prefix}`,
        ipVersion: 4,
        prefixLen: prefix,
        ipRangeType: 'Normal',
        __cursor: start,
    });
}
function isUsed(store, l3NetworkUuid, ip) {
    const t = store.table('UsedIpInventory');
    for (const id of t.lookup('ip', ip))
        if (t.get(id).l3NetworkUuid === l3NetworkUuid)
            return true;
    return false;
}
function takeIp(store, range, n, usedFor, ip = longToIp(n)) {
    const t = store.table('IpRangeInventory');
    t.update(t.idOf(String(range.uuid)), { __cursor: n + 1 });
    return store.insert('UsedIpInventory', {
        uuid: store.ids.uuid(),
        ipRangeUuid: range.uuid,
        l3NetworkUuid: range.l3NetworkUuid,
        ipVersion: 4,
        ip,
        netmask: range.netmask,
        gateway: range.gateway,
        usedFor,
        ipInLong: n,
        vmNicUuid: null,
        // Filled in by the store; named here so that they sit in the row itself, not in a second object beside it.
        createDate: undefined,
        lastOpDate: undefined,
    });
}
/** Takes a free IP of the L3 (a given one when `want` is set); the UsedIp row, or undefined when none is free. */
export function allocateIp(store, l3NetworkUuid, want, usedFor = 'Application') {
    const ranges = store.find('IpRangeInventory', 'l3NetworkUuid', l3NetworkUuid);
    if (want !== undefined) {
        const n = ipToLong(want);
        const range = n === undefined ? undefined : ranges.find((r) => n >= ipToLong(String(r.startIp)) && n <= ipToLong(String(r.endIp)));
        if (!range || n === undefined)
            throw invalidArgument(`static ip[${want}] is not in any ip range of l3Network[uuid:${l3NetworkUuid}]`);
        if (isUsed(store, l3NetworkUuid, want))
            throw operationError(`static ip[${want}] of l3Network[uuid:${l3NetworkUuid}] is already in use`);
        return takeIp(store, range, n, usedFor);
    }
    for (const range of ranges) {
        const start = ipToLong(String(range.startIp));
        const end = ipToLong(String(range.endIp));
        const cursor = typeof range.__cursor === 'number' && range.__cursor >= start && range.__cursor <= end ? range.__cursor : start;
        for (let i = 0; i <= end - start; i++) {
            const n = start + ((cursor - start + i) % (end - start + 1));
            const ip = longToIp(n);
            if (ip === range.gateway || isUsed(store, l3NetworkUuid, ip))
                continue;
            return takeIp(store, range, n, usedFor, ip);
        }
    }
    return undefined;
}
export function releaseIp(store, usedIpUuid) {
    store.remove('UsedIpInventory', usedIpUuid);
}
