// Zone, cluster and KVM host APIs (hosts connect during the job).
import { addCluster, addKvmHost, addZone } from '../model/infra.js';
import { Later } from './context.js';
import { operationError } from './errors.js';
import { deleter, stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const ZONE = 'ZoneInventory';
const CLUSTER = 'ClusterInventory';
const HOST = 'HostInventory';
export const infraHandlers = {
    CreateZone: (call) => {
        const row = addZone(call.store, { uuid: call.newUuid(), name: call.need('name'), description: call.str('description') ?? null, isDefault: call.bool('isDefault') ?? false });
        applyCreationTags(call, String(row.uuid), ZONE);
        return call.inventory(ZONE, String(row.uuid));
    },
    UpdateZone: updater(ZONE, ['name', 'description', 'isDefault']),
    ChangeZoneState: stateChanger(ZONE),
    DeleteZone: deleter(ZONE, {
        blockers: [
            { inventory: CLUSTER, field: 'zoneUuid' },
            { inventory: 'L2NetworkInventory', field: 'zoneUuid' },
            { inventory: 'PrimaryStorageInventory', field: 'zoneUuid' },
            { inventory: 'VmInstanceInventory', field: 'zoneUuid' },
        ],
        cascade: [{ inventory: 'BackupStorageZoneRefInventory', field: 'zoneUuid' }],
    }),
    CreateCluster: (call) => {
        const zone = call.must(ZONE, call.need('zoneUuid'));
        const row = addCluster(call.store, {
            uuid: call.newUuid(),
            zoneUuid: String(zone.uuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            hypervisorType: call.need('hypervisorType'),
            type: call.str('type') ?? 'zstack',
            architecture: call.str('architecture') ?? 'x86_64',
        });
        applyCreationTags(call, String(row.uuid), CLUSTER);
        return call.inventory(CLUSTER, String(row.uuid));
    },
    UpdateCluster: updater(CLUSTER, ['name', 'description']),
    ChangeClusterState: stateChanger(CLUSTER),
    DeleteCluster: deleter(CLUSTER, {
        blockers: [
            { inventory: HOST, field: 'clusterUuid' },
            { inventory: 'VmInstanceInventory', field: 'clusterUuid' },
        ],
        cascade: [
            { inventory: 'PrimaryStorageClusterRefInventory', field: 'clusterUuid' },
            { inventory: 'L2NetworkClusterRefInventory', field: 'clusterUuid' },
        ],
    }),
    AddKVMHost: (call) => {
        const cluster = call.must(CLUSTER, call.need('clusterUuid'));
        const ip = call.need('managementIp');
        if (call.store.find(HOST, 'managementIp', ip).length > 0)
            throw operationError(`there has been a host having managementIp[${ip}]`);
        const row = addKvmHost(call.store, {
            uuid: call.newUuid(),
            clusterUuid: String(cluster.uuid),
            zoneUuid: String(cluster.zoneUuid),
            name: call.need('name'),
            description: call.str('description') ?? null,
            managementIp: ip,
            username: call.need('username'),
            sshPort: call.num('sshPort') ?? 22,
            status: 'Connecting',
        });
        const uuid = String(row.uuid);
        applyCreationTags(call, uuid, 'KVMHostInventory');
        return new Later(() => {
            call.must(HOST, uuid);
            call.store.update(HOST, uuid, { status: 'Connected' });
            return call.inventory(HOST, uuid);
        });
    },
    UpdateHost: updater(HOST, ['name', 'description', 'managementIp']),
    UpdateKVMHost: updater(HOST, ['name', 'description', 'managementIp', 'username', 'sshPort']),
    ChangeHostState: stateChanger(HOST),
    ReconnectHost: (call) => {
        const uuid = call.need('uuid');
        call.must(HOST, uuid);
        call.store.update(HOST, uuid, { status: 'Connecting' });
        return new Later(() => {
            call.store.update(HOST, uuid, { status: 'Connected' });
            return call.inventory(HOST, uuid);
        });
    },
    DeleteHost: deleter(HOST, { blockers: [{ inventory: 'VmInstanceInventory', field: 'hostUuid' }] }),
};
