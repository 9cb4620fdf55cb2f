/** Job types the simulator runs: the inventory of their target and the server's job class. */
export const JOB_TYPES = {
    startVm: { target: 'VmInstanceInventory', className: 'org.zstack.scheduler.StartVmInstanceJob' },
    stopVm: { target: 'VmInstanceInventory', className: 'org.zstack.scheduler.StopVmInstanceJob' },
    rebootVm: { target: 'VmInstanceInventory', className: 'org.zstack.scheduler.RebootVmInstanceJob' },
    volumeSnapshot: { target: 'VolumeInventory', className: 'org.zstack.scheduler.CreateVolumeSnapshotJob' },
};
export function addSchedulerJob(store, j) {
    return store.insert('SchedulerJobInventory', {
        uuid: j.uuid ?? store.ids.uuid(),
        targetResourceUuid: j.targetResourceUuid,
        name: j.name,
        description: j.description ?? null,
        state: 'Enabled',
        jobData: JSON.stringify({ targetResourceUuid: j.targetResourceUuid, type: j.type, parameters: j.parameters ?? {} }),
        jobClassName: JOB_TYPES[j.type]?.className ?? null,
        schedulerJobGroupUuids: [],
        __type: j.type,
    });
}
/** A trigger; `timing` holds the checked cron or simple-trigger fields (see api/scheduler.ts). */
export function addSchedulerTrigger(store, t) {
    return store.insert('SchedulerTriggerInventory', { uuid: t.uuid ?? store.ids.uuid(), name: t.name, description: t.description ?? null, schedulerType: t.schedulerType, jobGroupsUuid: [], ...t.timing });
}
export function linkJobToTrigger(store, schedulerJobUuid, schedulerTriggerUuid) {
    return store.insert('SchedulerJobSchedulerTriggerInventory', { uuid: store.ids.uuid(), schedulerJobUuid, schedulerTriggerUuid });
}
