// Scheduler jobs and triggers over HTTP (the 5.2 successor of the 3.0 manual's Create*Scheduler APIs): create, query,
// link, run (with history), update, state, delete, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query, send } from './http.js';

let sim: Simulator;
let session: string;
let vm: any;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  session = await login(sim);
  vm = (await query(sim, session, '/vm-instances', [['q', 'state=Running'], ['limit', '1']])).inventories[0];
});
afterAll(() => sim.close());

const newJob = async (params: Record<string, unknown>): Promise<any> => (await ok(sim, 'POST', '/scheduler/jobs', { session, body: { params } })).inventory;
const newTrigger = async (params: Record<string, unknown>): Promise<any> => (await ok(sim, 'POST', '/scheduler/triggers', { session, body: { params } })).inventory;

describe('scheduler jobs and triggers', () => {
  it('creates a stop-VM job and a simple trigger, links them, and a run stops the VM and records history', async () => {
    const job = await newJob({ name: 'nightly-stop', type: 'stopVm', targetResourceUuid: vm.uuid });
    expect(job).toMatchObject({ name: 'nightly-stop', state: 'Enabled', targetResourceUuid: vm.uuid, triggersUuid: [] });
    expect(JSON.parse(job.jobData)).toMatchObject({ type: 'stopVm', targetResourceUuid: vm.uuid });
    const trigger = await newTrigger({ name: 'every-hour', schedulerType: 'simple', schedulerInterval: 3600, repeatCount: 3, startTime: 1_700_000_000 });
    expect(trigger).toMatchObject({ schedulerType: 'simple', schedulerInterval: 3600, repeatCount: 3, startTime: 'Nov 14, 2023 10:13:20 PM', stopTime: 'Nov 15, 2023 12:13:20 AM' });
    expect((await send(sim, 'GET', '/scheduler/jobs/candidates', { session })).json.inventories.map((j: { uuid: string }) => j.uuid)).toContain(job.uuid);
    const ref = (await ok(sim, 'POST', `/scheduler/jobs/${job.uuid as string}/scheduler/triggers/${trigger.uuid as string}`, { session, body: { params: {} } })).inventory;
    expect(ref).toMatchObject({ schedulerJobUuid: job.uuid, schedulerTriggerUuid: trigger.uuid });
    expect((await query(sim, session, "/scheduler/jobs", [["q", `uuid=${job.uuid as string}`]])).inventories[0].triggersUuid).toEqual([trigger.uuid]);
    expect((await query(sim, session, '/scheduler/triggers', [['q', `uuid=${trigger.uuid as string}`]])).inventories[0].jobsUuid).toEqual([job.uuid]);
    expect((await send(sim, 'GET', '/scheduler/jobs/candidates', { session })).json.inventories.map((j: { uuid: string }) => j.uuid)).not.toContain(job.uuid);

    await ok(sim, 'PUT', `/scheduler/triggers/${trigger.uuid as string}/actions`, { session, body: { runSchedulerTrigger: {} } });
    expect((await query(sim, session, `/vm-instances/${vm.uuid as string}`)).inventories[0].state).toBe('Stopped');
    const history = (await query(sim, session, '/scheduler/job/history', [['q', `schedulerJobUuid=${job.uuid as string}`]])).inventories;
    expect(history).toMatchObject([{ triggerUuid: trigger.uuid, jobType: 'stopVm', success: true, targetResourceUuid: vm.uuid }]);

    // A second run finds the VM stopped already: stop is allowed on Stopped, so it succeeds again.
    await ok(sim, 'PUT', `/scheduler/triggers/${trigger.uuid as string}/actions`, { session, body: { runSchedulerTrigger: {} } });
    const start = await newJob({ name: 'morning-start', type: 'startVm', targetResourceUuid: vm.uuid });
    await ok(sim, 'POST', `/scheduler/jobs/${start.uuid as string}/scheduler/triggers/${trigger.uuid as string}`, { session, body: { params: { triggerNow: true } } });
    expect((await query(sim, session, `/vm-instances/${vm.uuid as string}`)).inventories[0].state).toBe('Running');
  });

  it('a disabled job does not run; a job that cannot run is a failed run in the history', async () => {
    const vol = (await query(sim, session, '/volumes', [['q', 'status=NotInstantiated'], ['limit', '1']])).inventories[0];
    const job = await newJob({ name: 'snap', type: 'volumeSnapshot', targetResourceUuid: vol.uuid });
    const trigger = await newTrigger({ name: 'cron-trigger', schedulerType: 'cron', cron: '0 0 2 * * ?' });
    expect(trigger).toMatchObject({ cron: '0 0 2 * * ?', schedulerType: 'cron' });
    await ok(sim, 'POST', `/scheduler/jobs/${job.uuid as string}/scheduler/triggers/${trigger.uuid as string}`, { session, body: { params: {} } });
    await ok(sim, 'PUT', `/scheduler/triggers/${trigger.uuid as string}/actions`, { session, body: { runSchedulerTrigger: {} } });
    const [failed] = (await query(sim, session, '/scheduler/job/history', [['q', `schedulerJobUuid=${job.uuid as string}`]])).inventories;
    expect(failed.success).toBe(false);
    expect(failed.resultDump).toMatch(/not instantiated/);
    expect((await ok(sim, 'PUT', `/schedulers/${job.uuid as string}`, { session, body: { changeSchedulerState: { stateEvent: 'disable' } } })).inventory.state).toBe('Disabled');
    await ok(sim, 'PUT', `/scheduler/triggers/${trigger.uuid as string}/actions`, { session, body: { runSchedulerTrigger: {} } });
    expect((await query(sim, session, '/scheduler/job/history', [['q', `schedulerJobUuid=${job.uuid as string}`]])).inventories).toHaveLength(1);
  });

  it('updates, unlinks and deletes', async () => {
    const job = await newJob({ name: 'reboot', type: 'rebootVm', targetResourceUuid: vm.uuid });
    const trigger = await newTrigger({ name: 't', schedulerType: 'simple', schedulerInterval: 60 });
    expect(trigger.repeatCount).toBeUndefined();
    const updated = (await ok(sim, 'PUT', `/scheduler/triggers/${trigger.uuid as string}/actions`, { session, body: { updateSchedulerTrigger: { name: 't2', repeatCount: 2 } } })).inventory;
    expect(updated).toMatchObject({ name: 't2', schedulerInterval: 60, repeatCount: 2 });
    expect((await ok(sim, 'PUT', `/scheduler/jobs/${job.uuid as string}/actions`, { session, body: { updateSchedulerJob: { description: 'weekly' } } })).inventory.description).toBe('weekly');
    await ok(sim, 'POST', `/scheduler/jobs/${job.uuid as string}/scheduler/triggers/${trigger.uuid as string}`, { session, body: { params: {} } });
    await ok(sim, 'DELETE', `/scheduler/jobs/${job.uuid as string}/scheduler/triggers/${trigger.uuid as string}`, { session });
    expect((await fails(sim, 'DELETE', `/scheduler/jobs/${job.uuid as string}/scheduler/triggers/${trigger.uuid as string}`, { session })).code).toBe('SYS.1006');
    await ok(sim, 'DELETE', `/scheduler/jobs/${job.uuid as string}`, { session });
    await ok(sim, 'DELETE', `/scheduler/triggers/${trigger.uuid as string}`, { session });
    expect((await query(sim, session, '/scheduler/jobs', [['q', `uuid=${job.uuid as string}`]])).inventories).toEqual([]);
  });

  it('refuses bad input', async () => {
    expect((await fails(sim, 'POST', '/scheduler/jobs', { session, body: { params: { name: 'x', type: 'vmBackup', targetResourceUuid: vm.uuid } } })).code).toBe('SYS.1007');
    expect((await fails(sim, 'POST', '/scheduler/jobs', { session, body: { params: { name: 'x', type: 'startVm', targetResourceUuid: 'a'.repeat(32) } } })).code).toBe('SYS.1003');
    expect((await fails(sim, 'POST', '/scheduler/triggers', { session, body: { params: { name: 'x', schedulerType: 'cron', cron: 'every day' } } })).code).toBe('SYS.1007');
    expect((await fails(sim, 'POST', '/scheduler/triggers', { session, body: { params: { name: 'x', schedulerType: 'simple' } } })).code).toBe('SYS.1007');
    expect((await fails(sim, 'POST', '/scheduler/triggers', { session, body: { params: { name: 'x', schedulerType: 'simple', schedulerInterval: 5, repeatCount: -1 } } })).code).toBe('SYS.1007');
    // The Java SDK sends repeatCount 0 by default: no limit, like no value.
    expect((await newTrigger({ name: 'sdk-like', schedulerType: 'simple', schedulerInterval: 5, repeatCount: 0 })).repeatCount).toBeUndefined();
  });
});
