// Scheduler jobs and triggers (ZStack 5.2's successor of the 3.0 manual's Create*Scheduler APIs): a job says what to do
// to which resource (start, stop or reboot a VM, snapshot a volume), a trigger says when (simple: every N seconds from
// a start time, N times; cron), and jobs are added to triggers. The simulator runs a trigger's jobs when asked
// (RunSchedulerTrigger, or triggerNow when a job is added), recording each run in the job history; it does not fire
// triggers on the clock.
import { addSchedulerJob, addSchedulerTrigger, JOB_TYPES, linkJobToTrigger } from '../model/scheduler.js';
import { addSnapshot } from '../model/volumes.js';
import { invalidArgument, operationError } from './errors.js';
import { deleter } from './simple.js';
import { applyCreationTags } from './tags.js';
import { allowedStates } from './vm-states.js';
const JOB = 'SchedulerJobInventory';
const TRIGGER = 'SchedulerTriggerInventory';
const REF = 'SchedulerJobSchedulerTriggerInventory';
const HISTORY = 'SchedulerJobHistoryInventory';
/** A Quartz cron expression: 6 or 7 fields (seconds first). */
function checkCron(cron) {
    const fields = cron.trim().split(/\s+/);
    if (fields.length < 6 || fields.length > 7 || fields.some((f) => !/^[0-9*?/,LW#A-Z-]+$/i.test(f))) {
        throw invalidArgument(`cron[${cron}] is not a Quartz cron expression (6 or 7 fields: seconds minutes hours day-of-month month day-of-week [year])`);
    }
}
const createJob = (call) => {
    const type = call.need('type');
    const kind = JOB_TYPES[type];
    if (!kind)
        throw invalidArgument(`scheduler job type[${type}] is not supported by this node; supported types are [${Object.keys(JOB_TYPES).join(', ')}]`);
    const target = call.must(kind.target, call.need('targetResourceUuid'));
    if (!call.env.access.mayUse(call.accountUuid, String(target.uuid), kind.target)) {
        throw invalidArgument(`the target resource[uuid:${String(target.uuid)}] does not belong to the caller`);
    }
    const parameters = call.params.parameters ?? {};
    const row = addSchedulerJob(call.store, { uuid: call.newUuid(), name: call.need('name'), description: call.str('description') ?? null, type, targetResourceUuid: String(target.uuid), parameters });
    applyCreationTags(call, String(row.uuid), JOB);
    return call.inventory(JOB, String(row.uuid));
};
/** The trigger fields for a timing, checked: cron for cron triggers, interval/start/repeat (and stop) for simple ones. */
function timingFields(type, t, nowMs) {
    if (type === 'cron') {
        if (t.cron === undefined)
            throw invalidArgument('field[cron] is mandatory for a cron trigger');
        checkCron(t.cron);
        return { cron: t.cron, schedulerInterval: null, repeatCount: null, startTime: null, stopTime: null };
    }
    const { schedulerInterval: interval, repeatCount: repeat, startTime: start } = t;
    if (interval === undefined || interval <= 0)
        throw invalidArgument('a simple trigger needs a schedulerInterval (seconds) greater than 0');
    if (start !== undefined && start < 0)
        throw invalidArgument(`startTime[${start}] must be seconds since the epoch, not negative`);
    // The SDK sends repeatCount 0 unless told otherwise: 0, like no value, means no limit.
    if (repeat !== undefined && repeat < 0)
        throw invalidArgument(`repeatCount[${repeat}] must not be negative (0 or no value: repeat forever)`);
    const limited = repeat !== undefined && repeat > 0;
    const startMs = (start ?? Math.floor(nowMs / 1000)) * 1000;
    return {
        cron: null,
        schedulerInterval: interval,
        repeatCount: limited ? repeat : null,
        startTime: startMs,
        stopTime: limited ? startMs + interval * (repeat - 1) * 1000 : null,
    };
}
function timingOf(call) {
    return { cron: call.str('cron'), schedulerInterval: call.num('schedulerInterval'), repeatCount: call.num('repeatCount'), startTime: call.num('startTime') };
}
const createTrigger = (call) => {
    const type = call.need('schedulerType');
    const row = addSchedulerTrigger(call.store, { uuid: call.newUuid(), name: call.need('name'), description: call.str('description') ?? null, schedulerType: type, timing: timingFields(type, timingOf(call), call.now()) });
    applyCreationTags(call, String(row.uuid), TRIGGER);
    return call.inventory(TRIGGER, String(row.uuid));
};
/** Runs one job now and records the run; a job that cannot run (its VM in the wrong state, ...) is a failed run. */
function runJob(call, job, triggerUuid) {
    const type = String(job.__type);
    const target = String(job.targetResourceUuid);
    const started = call.now();
    let result;
    let success = true;
    try {
        result = runEffect(call, type, target);
    }
    catch (e) {
        success = false;
        result = { error: e.message };
    }
    return call.store.insert(HISTORY, {
        id: call.store.nextSeq('SchedulerJobHistory'),
        triggerUuid,
        schedulerJobUuid: job.uuid,
        schedulerJobGroupUuid: null,
        jobType: type,
        startTime: started,
        executeTime: Math.max(1, call.now() - started),
        targetResourceUuid: target,
        requestDump: job.jobData,
        resultDump: JSON.stringify(result),
        success,
        fireInstanceId: call.store.ids.uuid(),
    });
}
function runEffect(call, type, target) {
    if (type === 'volumeSnapshot') {
        const vol = call.must('VolumeInventory', target);
        if (vol.status !== 'Ready')
            throw operationError(`volume[uuid:${target}] is not instantiated`);
        const snap = addSnapshot(call.store, vol, { name: `scheduler-snapshot-${new Date(call.now()).toISOString()}` });
        return { snapshotUuid: snap.uuid };
    }
    const vm = call.must('VmInstanceInventory', target);
    const api = type === 'startVm' ? 'StartVmInstance' : type === 'stopVm' ? 'StopVmInstance' : 'RebootVmInstance';
    const state = String(vm.state);
    if (!(allowedStates(api) ?? []).includes(state))
        throw operationError(`vm[uuid:${target}] is ${state}; ${api} is not allowed in that state`);
    if (type === 'startVm' && state !== 'Running') {
        const host = typeof vm.lastHostUuid === 'string' ? vm.lastHostUuid : null;
        call.store.update('VmInstanceInventory', target, { state: 'Running', hostUuid: host, lastHostUuid: host });
    }
    else if (type === 'stopVm' && state !== 'Stopped') {
        call.store.update('VmInstanceInventory', target, { state: 'Stopped', hostUuid: null, lastHostUuid: vm.hostUuid ?? vm.lastHostUuid ?? null });
    }
    return { vmInstanceUuid: target, state: call.must('VmInstanceInventory', target).state };
}
/** Runs the enabled jobs of a trigger (or the listed ones of them). */
function fire(call, triggerUuid, only) {
    for (const ref of call.store.find(REF, 'schedulerTriggerUuid', triggerUuid)) {
        if (only && !only.includes(String(ref.schedulerJobUuid)))
            continue;
        const job = call.store.get(JOB, String(ref.schedulerJobUuid));
        if (job && job.state === 'Enabled')
            runJob(call, job, triggerUuid);
    }
}
export const schedulerHandlers = {
    CreateSchedulerJob: createJob,
    UpdateSchedulerJob: (call) => {
        const job = call.must(JOB, call.need('uuid'));
        const patch = {};
        if (call.str('name') !== undefined)
            patch.name = call.str('name');
        if (call.str('description') !== undefined)
            patch.description = call.str('description');
        const parameters = call.params.parameters;
        if (parameters)
            patch.jobData = JSON.stringify({ ...JSON.parse(String(job.jobData)), parameters });
        call.store.update(JOB, String(job.uuid), patch);
        return call.inventory(JOB, String(job.uuid));
    },
    DeleteSchedulerJob: deleter(JOB, { cascade: [{ inventory: REF, field: 'schedulerJobUuid' }] }),
    ChangeSchedulerState: (call) => {
        const job = call.must(JOB, call.need('uuid'));
        call.store.update(JOB, String(job.uuid), { state: call.need('stateEvent') === 'enable' ? 'Enabled' : 'Disabled' });
        return call.inventory(JOB, String(job.uuid));
    },
    GetNoTriggerSchedulerJobs: (call) => {
        const visible = call.visibleRows();
        const scope = call.store.scope(JOB);
        const allowed = visible?.(scope);
        const jobs = call.store.all(JOB).filter((j) => call.store.find(REF, 'schedulerJobUuid', j.uuid).length === 0 && (!allowed || allowed.has(scope.table.idOf(String(j.uuid)))));
        return { inventories: jobs.map((j) => call.render(JOB, j)) };
    },
    CreateSchedulerTrigger: createTrigger,
    UpdateSchedulerTrigger: (call) => {
        const trigger = call.must(TRIGGER, call.need('uuid'));
        const patch = {};
        if (call.str('name') !== undefined)
            patch.name = call.str('name');
        if (call.str('description') !== undefined)
            patch.description = call.str('description');
        const given = timingOf(call);
        if (Object.values(given).some((v) => v !== undefined) || call.str('schedulerType') !== undefined) {
            // Fields not given keep their current values.
            const type = call.str('schedulerType') ?? String(trigger.schedulerType);
            const current = {
                cron: typeof trigger.cron === 'string' ? trigger.cron : undefined,
                schedulerInterval: typeof trigger.schedulerInterval === 'number' ? trigger.schedulerInterval : undefined,
                repeatCount: typeof trigger.repeatCount === 'number' ? trigger.repeatCount : undefined,
                startTime: typeof trigger.startTime === 'number' ? Math.floor(trigger.startTime / 1000) : undefined,
            };
            const changed = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
            Object.assign(patch, timingFields(type, { ...current, ...changed }, call.now()), { schedulerType: type });
        }
        call.store.update(TRIGGER, String(trigger.uuid), patch);
        return call.inventory(TRIGGER, String(trigger.uuid));
    },
    DeleteSchedulerTrigger: deleter(TRIGGER, { cascade: [{ inventory: REF, field: 'schedulerTriggerUuid' }] }),
    AddSchedulerJobToSchedulerTrigger: (call) => {
        const job = call.must(JOB, call.need('schedulerJobUuid'));
        const trigger = call.must(TRIGGER, call.need('schedulerTriggerUuid'));
        if (call.store.find(REF, 'schedulerJobUuid', job.uuid).some((r) => r.schedulerTriggerUuid === trigger.uuid)) {
            throw operationError(`scheduler job[uuid:${String(job.uuid)}] is already added to trigger[uuid:${String(trigger.uuid)}]`);
        }
        const ref = linkJobToTrigger(call.store, String(job.uuid), String(trigger.uuid));
        if (call.bool('triggerNow'))
            fire(call, String(trigger.uuid), [String(job.uuid)]);
        return { inventory: call.render(REF, ref) };
    },
    RemoveSchedulerJobFromSchedulerTrigger: (call) => {
        const jobUuid = call.need('schedulerJobUuid');
        const triggerUuid = call.need('schedulerTriggerUuid');
        call.must(JOB, jobUuid);
        const refs = call.store.find(REF, 'schedulerJobUuid', jobUuid).filter((r) => r.schedulerTriggerUuid === triggerUuid);
        if (refs.length === 0)
            throw operationError(`scheduler job[uuid:${jobUuid}] is not added to trigger[uuid:${triggerUuid}]`);
        for (const r of refs)
            call.store.remove(REF, String(r.uuid));
        return {};
    },
    RunSchedulerTrigger: (call) => {
        const trigger = call.must(TRIGGER, call.need('uuid'));
        fire(call, String(trigger.uuid), call.list('jobUuids'));
        return {};
    },
};
