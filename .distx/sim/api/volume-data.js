import { invalidArgument, operationError } from './errors.js';
import { newDataVolume } from './volume.js';
const VOL = 'VolumeInventory';
const PS = 'PrimaryStorageInventory';
const NO_QOS = { volumeBandwidth: -1, volumeBandwidthRead: -1, volumeBandwidthWrite: -1, iopsTotal: -1, iopsRead: -1, iopsWrite: -1 };
function qosOf(vol) {
    return { ...NO_QOS, ...(vol.__qos ?? {}) };
}
function usablePs(call, uuid) {
    const ps = call.must(PS, uuid);
    if (ps.state !== 'Enabled' || ps.status !== 'Connected')
        throw operationError(`primary storage[uuid:${uuid}] is not Enabled and Connected`);
    return ps;
}
export const volumeDataHandlers = {
    CreateDataVolumeFromVolumeTemplate: (call) => {
        const image = call.must('ImageInventory', call.need('imageUuid'));
        if (image.mediaType !== 'DataVolumeTemplate')
            throw invalidArgument(`image[uuid:${String(image.uuid)}] is a ${String(image.mediaType)}, not a DataVolumeTemplate`);
        if (image.state !== 'Enabled' || image.status !== 'Ready')
            throw operationError(`image[uuid:${String(image.uuid)}] is not Enabled and Ready`);
        const ps = usablePs(call, call.need('primaryStorageUuid'));
        const host = call.str('hostUuid');
        if (host)
            call.must('HostInventory', host);
        return newDataVolume(call, { size: Number(image.size ?? 0), primaryStorageUuid: String(ps.uuid), rootImageUuid: String(image.uuid) });
    },
    CreateDataVolumeFromVolumeSnapshot: (call) => {
        const snap = call.must('VolumeSnapshotInventory', call.need('volumeSnapshotUuid'));
        const source = call.store.get(VOL, String(snap.volumeUuid));
        const psUuid = call.str('primaryStorageUuid') ?? snap.primaryStorageUuid;
        if (psUuid)
            usablePs(call, psUuid);
        return newDataVolume(call, { size: Number(source?.size ?? snap.size ?? 0), primaryStorageUuid: psUuid });
    },
    SyncVolumeSize: (call) => {
        const vol = call.must(VOL, call.need('uuid'));
        if (vol.status !== 'Ready')
            throw operationError(`volume[uuid:${String(vol.uuid)}] is ${String(vol.status)}: only an instantiated volume has a size on its storage`);
        const snaps = call.store.find('VolumeSnapshotInventory', 'volumeUuid', vol.uuid).reduce((n, s) => n + Number(s.size ?? 0), 0);
        call.store.update(VOL, String(vol.uuid), { actualSize: Math.round(Number(vol.size) * 0.2) + snaps });
        return call.inventory(VOL, String(vol.uuid));
    },
    GetVolumeFormat: (call) => ({
        formats: ['qcow2', 'raw'].map((format) => call.typed({ format, masterHypervisorType: 'KVM', supportingHypervisorTypes: ['KVM'] }, 'VolumeFormatReplyStruct')),
    }),
    GetVolumeCapabilities: (call) => {
        const vol = call.must(VOL, call.need('uuid'));
        if (vol.status !== 'Ready' || typeof vol.primaryStorageUuid !== 'string')
            return { capabilities: {} };
        const type = call.store.get(PS, vol.primaryStorageUuid)?.type;
        return { capabilities: { MigrationInCurrentPrimaryStorage: type === 'LocalStorage', MigrationToOtherPrimaryStorage: type !== 'LocalStorage' } };
    },
    SetVolumeQos: (call) => {
        const vol = call.must(VOL, call.need('uuid'));
        const qos = qosOf(vol);
        const bandwidth = call.num('volumeBandwidth');
        if (bandwidth !== undefined) {
            const mode = call.str('mode') ?? 'total';
            if (mode === 'read')
                qos.volumeBandwidthRead = bandwidth;
            else if (mode === 'write')
                qos.volumeBandwidthWrite = bandwidth;
            else
                qos.volumeBandwidth = bandwidth;
        }
        const pairs = [
            ['totalBandwidth', 'volumeBandwidth'],
            ['readBandwidth', 'volumeBandwidthRead'],
            ['writeBandwidth', 'volumeBandwidthWrite'],
            ['totalIOPS', 'iopsTotal'],
            ['readIOPS', 'iopsRead'],
            ['writeIOPS', 'iopsWrite'],
        ];
        let given = bandwidth !== undefined;
        for (const [param, field] of pairs) {
            const v = call.num(param);
            if (v !== undefined) {
                qos[field] = v;
                given = true;
            }
        }
        if (!given)
            throw invalidArgument('at least one bandwidth or IOPS limit must be given');
        call.store.update(VOL, String(vol.uuid), { __qos: qos });
        return call.inventory(VOL, String(vol.uuid));
    },
    GetVolumeQos: (call) => {
        const vol = call.must(VOL, call.need('uuid'));
        const q = qosOf(vol);
        return {
            volumeUuid: vol.uuid,
            ...q,
            volumeBandwidthUpthreshold: q.volumeBandwidth,
            volumeBandwidthReadUpthreshold: q.volumeBandwidthRead,
            volumeBandwidthWriteUpthreshold: q.volumeBandwidthWrite,
            iopsTotalUpthreshold: q.iopsTotal,
            iopsReadUpthreshold: q.iopsRead,
            iopsWriteUpthreshold: q.iopsWrite,
        };
    },
    DeleteVolumeQos: (call) => {
        const vol = call.must(VOL, call.need('uuid'));
        const mode = call.str('mode') ?? 'all';
        const qos = qosOf(vol);
        if (mode === 'total')
            Object.assign(qos, { volumeBandwidth: -1, iopsTotal: -1 });
        else if (mode === 'read')
            Object.assign(qos, { volumeBandwidthRead: -1, iopsRead: -1 });
        else if (mode === 'write')
            Object.assign(qos, { volumeBandwidthWrite: -1, iopsWrite: -1 });
        else
            Object.assign(qos, NO_QOS);
        call.store.update(VOL, String(vol.uuid), { __qos: qos });
        return call.inventory(VOL, String(vol.uuid));
    },
};
