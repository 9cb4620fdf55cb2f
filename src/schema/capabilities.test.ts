import { describe, expect, it } from 'vitest';
import { actionOfMessage, MESSAGE_OF_ACTION, unsupportedApis } from './capabilities.js';
import { loadRegistry } from './registry.js';

const reg = loadRegistry();
const all = reg.apiNames();
/** GetSupportAPIs as a real node answers it: message class names, the shared messages of mapped actions. */
const answer = (names: readonly string[]): string[] => [...new Set(names.map((n) => `API${MESSAGE_OF_ACTION[n] ?? n}Msg`))];

describe('GetSupportAPIs -> unsupported APIs', () => {
  it('reads message class names, simple or qualified', () => {
    expect(actionOfMessage('APIStartVmInstanceMsg')).toBe('StartVmInstance');
    expect(actionOfMessage('org.zstack.header.vm.APIDestroyVmInstanceMsg')).toBe('DestroyVmInstance');
  });

  it('is the registry APIs the node does not list', () => {
    const gone = ['DestroyVmInstance', 'CreateBareMetal2Instance', 'QueryVmInstance'];
    expect(unsupportedApis(reg, answer(all.filter((n) => !gone.includes(n))))).toEqual([...gone].sort());
    expect(unsupportedApis(reg, answer(all))).toEqual([]);
  });

  it('counts an action served by a shared message (GetFreeIpOfL3Network by APIGetFreeIpMsg) as supported', () => {
    const listed = answer(all);
    expect(listed).not.toContain('APIGetFreeIpOfL3NetworkMsg');
    expect(unsupportedApis(reg, listed)).toEqual([]);
    for (const [action, message] of Object.entries(MESSAGE_OF_ACTION)) {
      expect(reg.api(action)?.name, action).toBe(action);
      expect(reg.api(message)?.name, message).toBe(message);
    }
  });

  it('never counts an API that needs no session (logins, GetVersion) as unsupported', () => {
    const none = unsupportedApis(reg, ['APIStartVmInstanceMsg'])!;
    expect(none).not.toContain('LogInByAccount');
    expect(none).not.toContain('GetVersion');
    expect(none).toContain('DestroyVmInstance');
    expect(none).not.toContain('StartVmInstance');
  });

  it('is unknown (undefined: all allowed) for answers it cannot read', () => {
    for (const bad of [undefined, null, {}, 'APIStartVmInstanceMsg', [], [1, 2], ['NoSuchThing', 'APINotAnApiMsg']]) {
      expect(unsupportedApis(reg, bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
