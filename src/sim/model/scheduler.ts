// Scheduler rows shared by seeds and handlers: jobs (what to do to which resource), triggers (when) and their links.
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

/** Job types the simulator runs: the inventory of their target and the server's job class. */
export const JOB_TYPES: Record<string, { target: string; className: string }> = {
  startVm: { target: 'VmInstanceInventory', className: 'org.zstack.scheduler.StartVmInstanceJob' },
  stopVm: { target: 'VmInstanceInventory', className: 'org.zstack.scheduler.StopVmInstanceJob' },
  rebootVm: { target: 'VmInstanceInventory', className: 'org.zstack.scheduler.RebootVmInstanceJob' },
  volumeSnapshot: { target: 'VolumeInventory', className: 'org.zstack.scheduler.CreateVolumeSnapshotJob' },
};

export function addSchedulerJob(store: Store, j: { uuid?: string; name: string; description?: string | null; type: string; targetResourceUuid: string; parameters?: Record<string, unknown> }): Row {
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
export function addSchedulerTrigger(store: Store, t: { uuid?: string; name: string; description?: string | null; schedulerType: string; timing: Row }): Row {
  return store.insert('SchedulerTriggerInventory', { uuid: t.uuid ?? store.ids.uuid(), name: t.name, description: t.description ?? null, schedulerType: t.schedulerType, jobGroupsUuid: [], ...t.timing });
}

export function linkJobToTrigger(store: Store, schedulerJobUuid: string, schedulerTriggerUuid: string): Row {
  return store.insert('SchedulerJobSchedulerTriggerInventory', { uuid: store.ids.uuid(), schedulerJobUuid, schedulerTriggerUuid });
}
