// The 3.0 APIs that 5.2 replaced, found whatever their case (that each replacement exists is checked
// in plan/planner.test.ts).
import { describe, expect, it } from 'vitest';
import { replacementOf } from './replaced.js';

describe('replacementOf', () => {
  it('finds a replaced API in any case, and nothing for other names', () => {
    expect(replacementOf('CreateStartVmInstanceScheduler')?.api).toBe('CreateSchedulerJob');
    expect(replacementOf('createvolumesnapshotscheduler')?.note).toMatch(/^a job with type=volumeSnapshot/);
    expect(replacementOf('StartVmInstance')).toBeUndefined();
    expect(replacementOf('')).toBeUndefined();
  });
});
