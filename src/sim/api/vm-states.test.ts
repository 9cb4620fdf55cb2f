// The VM state checker against ZStack 5.2's table (../shared/zstack-api/vm-states.md, written out here
// so the test runs without ../shared): every API in every state, the refusal codes and the details text.
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';
import { allowedStates, checkVmState, stateRefusal } from './vm-states.js';

const DATA_VOLUME = ['AttachDataVolumeToVm', 'DetachDataVolumeFromVm'];
const TRANSITIONAL = ['Starting', 'Stopping', 'Rebooting', 'Migrating', 'VolumeMigrating', 'Pausing', 'Resuming'];
/** vm-states.md's table: state -> APIs allowed ("and data volume attach/detach" spelt out). */
const SPEC: Record<string, string> = {
  Created: 'StartVmInstance',
  Running:
    'StopVmInstance StartVmInstance RebootVmInstance DestroyVmInstance MigrateVm AttachL3NetworkToVm AttachVmNicToVm ChangeInstanceOffering ' +
    'GetVmMigrationCandidateHosts DetachL3NetworkFromVm ChangeVmNicState AttachIsoToVmInstance DetachIsoFromVmInstance GetVmConsoleAddress ' +
    `DeleteVmStaticIp PauseVmInstance ChangeVmNicNetwork FlattenVmInstance SetVmStaticIp ${DATA_VOLUME.join(' ')}`,
  Stopped:
    'StopVmInstance DestroyVmInstance StartVmInstance AttachL3NetworkToVm ChangeVmNicNetwork AttachVmNicToVm ChangeInstanceOffering ' +
    'DetachL3NetworkFromVm ChangeVmNicState AttachIsoToVmInstance DetachIsoFromVmInstance SetVmStaticIp DeleteVmStaticIp ' +
    `GetVmStartingCandidateClustersHosts FlattenVmInstance SetVmBootVolume ${DATA_VOLUME.join(' ')}`,
  Paused:
    'ResumeVmInstance StopVmInstance DestroyVmInstance MigrateVm AttachL3NetworkToVm AttachVmNicToVm ChangeInstanceOffering ' +
    'GetVmMigrationCandidateHosts DetachL3NetworkFromVm ChangeVmNicState AttachIsoToVmInstance DetachIsoFromVmInstance FlattenVmInstance DeleteVmStaticIp',
  Destroyed: 'ExpungeVmInstance RecoverVmInstance',
  Crashed: 'StopVmInstance StartVmInstance RebootVmInstance DestroyVmInstance GetVmConsoleAddress',
  Unknown: 'MigrateVm DestroyVmInstance StopVmInstance',
  NoState: 'StopVmInstance RebootVmInstance',
  ...Object.fromEntries(TRANSITIONAL.map((s) => [s, 'DestroyVmInstance'])),
};
const STATES = Object.keys(SPEC);
const APIS = [...new Set(Object.values(SPEC).flatMap((apis) => apis.split(' ')))];
const allows = (state: string, api: string): boolean => SPEC[state]!.split(' ').includes(api);

describe('allowedStates', () => {
  it('gives, for every API of the table, exactly the states that allow it, in the table order', () => {
    for (const api of APIS) expect(allowedStates(api), api).toEqual(STATES.filter((s) => allows(s, api)));
  });

  it('is undefined for an API the checker does not cover (no refusal for it)', () => {
    expect(allowedStates('QueryVmInstance')).toBeUndefined();
    expect(allowedStates('UpdateVmInstance')).toBeUndefined();
    expect(() => checkVmState({ uuid: 'v', state: 'Destroyed' }, 'UpdateVmInstance')).not.toThrow();
  });
});

describe('checkVmState', () => {
  it('accepts or refuses every API in every state as the table says', () => {
    for (const state of STATES) {
      for (const api of APIS) {
        const run = (): void => checkVmState({ uuid: 'v', state }, api);
        if (allows(state, api)) expect(run, `${api} in ${state}`).not.toThrow();
        else expect(run, `${api} in ${state}`).toThrow(ApiError);
      }
    }
  });

  it("refuses with the API's own code caused by VM.1010, and ZStack's details naming the allowed states", () => {
    const codes: Record<string, string> = {
      StartVmInstance: 'VM.1001', StopVmInstance: 'VM.1002', RebootVmInstance: 'VM.1003', MigrateVm: 'VM.1008',
      PauseVmInstance: 'VM.1012', ResumeVmInstance: 'VM.1013', AttachDataVolumeToVm: 'VM.1005', DetachDataVolumeFromVm: 'VM.1006',
      RecoverVmInstance: 'SYS.1006', ExpungeVmInstance: 'SYS.1006', SetVmBootVolume: 'SYS.1006',
    };
    for (const [api, code] of Object.entries(codes)) {
      const state = STATES.find((s) => !allows(s, api))!;
      let thrown: unknown;
      try {
        checkVmState({ uuid: 'v', state }, api);
      } catch (e) {
        thrown = e;
      }
      const details =
        `current vm instance state[${state}] doesn't allow to proceed message[API${api}Msg], ` +
        `allowed states are [${allowedStates(api)!.join(', ')}]`;
      expect((thrown as ApiError).toJSON(), api).toEqual({
        code,
        description: expect.any(String),
        details,
        cause: { code: 'VM.1010', description: 'The vm is not in a correct state for the operation', details },
      });
    }
  });

  it('reads the state as text', () => {
    expect(() => checkVmState({ uuid: 'v', state: 'Stopped' }, 'PauseVmInstance')).toThrow(/state\[Stopped\].*allowed states are \[Running\]/);
    expect(stateRefusal('StartVmInstance', 'Destroyed', ['Created', 'Stopped']).details).toBe(
      "current vm instance state[Destroyed] doesn't allow to proceed message[APIStartVmInstanceMsg], allowed states are [Created, Stopped]",
    );
  });
});
