// APIs of the ZStack 3.0 manual that ZStack 5.2 no longer has, with what replaces them, so a user
// typing the manual's name is pointed at the API that exists. Pure data.
export const REPLACED_APIS = {
    CreateStartVmInstanceScheduler: { api: 'CreateSchedulerJob', note: 'a job with type=startVm, then CreateSchedulerTrigger and AddSchedulerJobToSchedulerTrigger' },
    CreateStopVmInstanceScheduler: { api: 'CreateSchedulerJob', note: 'a job with type=stopVm, then CreateSchedulerTrigger and AddSchedulerJobToSchedulerTrigger' },
    CreateRebootVmInstanceScheduler: { api: 'CreateSchedulerJob', note: 'a job with type=rebootVm, then CreateSchedulerTrigger and AddSchedulerJobToSchedulerTrigger' },
    CreateVolumeSnapshotScheduler: { api: 'CreateSchedulerJob', note: 'a job with type=volumeSnapshot, then CreateSchedulerTrigger and AddSchedulerJobToSchedulerTrigger' },
};
/** The replacement of a 3.0 API name (case-insensitive), if it is one. */
export function replacementOf(name) {
    const lower = name.toLowerCase();
    const key = Object.keys(REPLACED_APIS).find((k) => k.toLowerCase() === lower);
    return key ? REPLACED_APIS[key] : undefined;
}
