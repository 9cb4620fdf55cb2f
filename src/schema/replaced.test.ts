// The 3.0 APIs that 5.2 replaced: found whatever their case, each pointing at an API that exists.
import { describe, expect, it } from 'vitest';
import { loadRegistry } from './registry.js';
import { REPLACED_APIS, replacementOf } from './replaced.js';

describe('replacementOf', () => {
  it('finds a replaced API in any case, and nothing for other names', () => {
    expect(replacementOf('CreateStartVmInstanceScheduler')?.api).toBe('CreateSchedulerJob');
    expect(replacementOf('createvolumesnapshotscheduler')?.note).toMatch(/^a job with type=volumeSnapshot/);
    expect(replacementOf('StartVmInstance')).toBeUndefined();
    expect(replacementOf('')).toBeUndefined();
  });

  it('points only at APIs the registry has, for names it does not have', () => {
    const reg = loadRegistry();
    for (const [old, r] of Object.entries(REPLACED_APIS)) {
      expect(reg.api(old), old).toBeUndefined();
      expect(reg.api(r.api)?.name, r.api).toBe(r.api);
    }
  });
});
