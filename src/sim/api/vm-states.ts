// Which VM states allow which API (ZStack 5.2's VM state checker, from vm-states.md); others fail with VM.1010.
import type { Row } from '../store/table.js';
import { ApiError, Codes, msgName } from './errors.js';

const TRANSITIONAL = ['Starting', 'Stopping', 'Rebooting', 'Migrating', 'VolumeMigrating', 'Pausing', 'Resuming'];

const ALLOWED_BY_STATE: Record<string, string[]> = {
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

const STATES_BY_API = new Map<string, string[]>();
for (const [state, apis] of Object.entries(ALLOWED_BY_STATE)) {
  for (const api of apis) STATES_BY_API.set(api, [...(STATES_BY_API.get(api) ?? []), state]);
}

/** States in which the API is accepted, or undefined when the checker does not cover the API. */
export function allowedStates(api: string): readonly string[] | undefined {
  return STATES_BY_API.get(api);
}

/** Throws VM.1010 unless the VM's state allows the API. */
export function checkVmState(vm: Row, api: string): void {
  const allowed = allowedStates(api);
  if (!allowed) return;
  const state = String(vm.state);
  if (allowed.includes(state)) return;
  throw new ApiError(
    Codes.VM_STATE,
    `current vm instance state[${state}] doesn't allow to proceed message[${msgName(api)}], allowed states are [${allowed.join(', ')}]`,
  );
}
