import { ApiError, Codes, msgName } from './errors.js';
const TRANSITIONAL = ['Starting', 'Stopping', 'Rebooting', 'Migrating', 'VolumeMigrating', 'Pausing', 'Resuming'];
const ALLOWED_BY_STATE = {
    Created: ['StartVmInstance'],
    Running: [
        'StopVmInstance', 'StartVmInstance', 'RebootVmInstance', 'DestroyVmInstance', 'MigrateVm', 'AttachL3NetworkToVm', 'AttachVmNicToVm',
        'ChangeInstanceOffering', 'GetVmMigrationCandidateHosts', 'DetachL3NetworkFromVm', 'ChangeVmNicState', 'AttachIsoToVmInstance',
        'DetachIsoFromVmInstance', 'GetVmConsoleAddress', 'DeleteVmStaticIp', 'PauseVmInstance', 'ChangeVmNicNetwork', 'FlattenVmInstance',
        'SetVmStaticIp', 'AttachDataVolumeToVm', 'DetachDataVolumeFromVm',
    ],
    Stopped: [
        'StopVmInstance', 'DestroyVmInstance', 'StartVmInstance', 'AttachL3NetworkToVm', 'ChangeVmNicNetwork', 'AttachVmNicToVm', 'ChangeInstanceOffering',
        'DetachL3NetworkFromVm', 'ChangeVmNicState', 'AttachIsoToVmInstance', 'DetachIsoFromVmInstance', 'SetVmStaticIp', 'DeleteVmStaticIp',
        'GetVmStartingCandidateClustersHosts', 'FlattenVmInstance', 'SetVmBootVolume', 'AttachDataVolumeToVm', 'DetachDataVolumeFromVm',
    ],
    Paused: [
        'ResumeVmInstance', 'StopVmInstance', 'DestroyVmInstance', 'MigrateVm', 'AttachL3NetworkToVm', 'AttachVmNicToVm', 'ChangeInstanceOffering',
        'GetVmMigrationCandidateHosts', 'DetachL3NetworkFromVm', 'ChangeVmNicState', 'AttachIsoToVmInstance', 'DetachIsoFromVmInstance',
        'FlattenVmInstance', 'DeleteVmStaticIp',
    ],
    Destroyed: ['ExpungeVmInstance', 'RecoverVmInstance'],
    Crashed: ['StopVmInstance', 'StartVmInstance', 'RebootVmInstance', 'DestroyVmInstance', 'GetVmConsoleAddress'],
    Unknown: ['MigrateVm', 'DestroyVmInstance', 'StopVmInstance'],
    NoState: ['StopVmInstance', 'RebootVmInstance'],
    ...Object.fromEntries(TRANSITIONAL.map((s) => [s, ['DestroyVmInstance']])),
};
const STATES_BY_API = new Map();
for (const [state, apis] of Object.entries(ALLOWED_BY_STATE)) {
    for (const api of apis)
        STATES_BY_API.set(api, [...(STATES_BY_API.get(api) ?? []), state]);
}
/** States in which the API is accepted, or undefined when the checker does not cover the API. */
export function allowedStates(api) {
    return STATES_BY_API.get(api);
}
/** The code ZStack wraps a state refusal in, per API (VmErrors); SYS.1006 (operation error) for the others. */
const REFUSAL_CODE = {
    StartVmInstance: Codes.VM_START,
    StopVmInstance: Codes.VM_STOP,
    RebootVmInstance: Codes.VM_REBOOT,
    MigrateVm: Codes.VM_MIGRATE,
    PauseVmInstance: 'VM.1012',
    ResumeVmInstance: 'VM.1013',
    AttachDataVolumeToVm: 'VM.1005',
    DetachDataVolumeFromVm: 'VM.1006',
};
/** The refusal for a VM in `state`: the API's code with VM.1010 as the cause, like ZStack's validateOperationByState. */
export function stateRefusal(api, state, allowed) {
    const details = `current vm instance state[${state}] doesn't allow to proceed message[${msgName(api)}], allowed states are [${allowed.join(', ')}]`;
    return new ApiError(REFUSAL_CODE[api] ?? Codes.OPERATION, details, new ApiError(Codes.VM_STATE, details));
}
/** Throws the API's refusal (cause VM.1010) unless the VM's state allows the API. */
export function checkVmState(vm, api) {
    const allowed = allowedStates(api);
    if (!allowed)
        return;
    const state = String(vm.state);
    if (allowed.includes(state))
        return;
    throw stateRefusal(api, state, allowed);
}
