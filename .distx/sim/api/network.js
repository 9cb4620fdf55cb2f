// L2/L3 network and IP range APIs.
import { addIpRange, addL2, addL3, attachL2ToCluster } from '../model/network.js';
import { attacher, deleter, detacher, stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const L2 = 'L2NetworkInventory';
const L3 = 'L3NetworkInventory';
const RANGE = 'IpRangeInventory';
function createL2(vlan) {
    return (call) => {
        const zone = call.must('ZoneInventory', call.need('zoneUuid'));
        const row = addL2(call.store, {
            uuid: call.newUuid(),
            zoneUuid: String(zone.uuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            physicalInterface: call.need('physicalInterface'),
            ...(vlan ? { vlan: call.num('vlan') ?? 0 } : {}),
            vSwitchType: call.str('vSwitchType') ?? 'LinuxBridge',
        });
        applyCreationTags(call, String(row.uuid), vlan ? 'L2VlanNetworkInventory' : L2);
        return call.inventory(L2, String(row.uuid));
    };
}
export const networkHandlers = {
    CreateL2NoVlanNetwork: createL2(false),
    CreateL2VlanNetwork: createL2(true),
    UpdateL2Network: updater(L2, ['name', 'description']),
    DeleteL2Network: deleter(L2, {
        blockers: [{ inventory: L3, field: 'l2NetworkUuid' }],
        cascade: [{ inventory: 'L2NetworkClusterRefInventory', field: 'l2NetworkUuid' }],
    }),
    AttachL2NetworkToCluster: attacher({ inventory: L2, param: 'l2NetworkUuid' }, { inventory: 'ClusterInventory', param: 'clusterUuid' }, (l2, cluster, call) => attachL2ToCluster(call.store, l2, cluster)),
    DetachL2NetworkFromCluster: detacher({ inventory: L2, param: 'l2NetworkUuid', key: 'l2NetworkUuid' }, { param: 'clusterUuid', key: 'clusterUuid' }, 'L2NetworkClusterRefInventory'),
    CreateL3Network: (call) => {
        const l2 = call.must(L2, call.need('l2NetworkUuid'));
        const row = addL3(call.store, {
            uuid: call.newUuid(),
            l2NetworkUuid: String(l2.uuid),
            zoneUuid: String(l2.zoneUuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            category: call.str('category') ?? 'Private',
            system: call.bool('system') ?? false,
            dnsDomain: call.str('dnsDomain') ?? null,
        });
        applyCreationTags(call, String(row.uuid), L3);
        return call.inventory(L3, String(row.uuid));
    },
    UpdateL3Network: updater(L3, ['name', 'description', 'dnsDomain', 'category', 'system']),
    ChangeL3NetworkState: stateChanger(L3),
    DeleteL3Network: deleter(L3, { blockers: [{ inventory: 'VmNicInventory', field: 'l3NetworkUuid' }], cascade: [{ inventory: RANGE, field: 'l3NetworkUuid' }] }),
    AddIpRange: (call) => {
        const l3 = call.must(L3, call.need('l3NetworkUuid'));
        const row = addIpRange(call.store, {
            uuid: call.newUuid(),
            l3NetworkUuid: String(l3.uuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            startIp: call.need('startIp'),
            endIp: call.need('endIp'),
            netmask: call.need('netmask'),
            gateway: call.str('gateway') ?? null,
        });
        applyCreationTags(call, String(row.uuid), RANGE);
        return call.inventory(RANGE, String(row.uuid));
    },
    UpdateIpRange: updater(RANGE, ['name', 'description']),
    DeleteIpRange: deleter(RANGE, { blockers: [{ inventory: 'UsedIpInventory', field: 'ipRangeUuid' }] }),
};
