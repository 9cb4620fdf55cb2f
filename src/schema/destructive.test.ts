import { describe, expect, it } from 'vitest';
import { changesState, DESTRUCTIVE_APIS, DESTRUCTIVE_PATTERNS, destructiveReason, isDestructive } from './destructive.js';
import { loadRegistry } from './registry.js';

const reg = loadRegistry();
const destructive = reg.apiNames().filter(isDestructive);

/** Every destructive API of the registry that is not a Delete*: the list, written out. */
const NOT_DELETES = [
  'ChangeVmImage',
  'CleanInvalidLdapBinding',
  'CleanInvalidLdapIAM2Binding',
  'CleanLongJob',
  'CleanQueue',
  'CleanUpBareMetal2Bonding',
  'CleanUpBaremetalChassisBonding',
  'CleanupBillingUsage',
  'CleanUpImageCacheOnPrimaryStorage',
  'CleanUpStorageTrashOnPrimaryStorage',
  'CleanUpTrashOnBackupStorage',
  'CleanUpTrashOnPrimaryStorage',
  'CleanV2VConversionCache',
  'DestroyBaremetalInstance',
  'DestroyVmInstance',
  'DetachAliyunDiskFromEcs',
  'DetachDataVolumeFromHost',
  'DetachDataVolumeFromVm',
  'DetachIsoFromVmInstance',
  'DetachL3NetworkFromVm',
  'DetachPrimaryStorageFromCluster',
  'DetachScsiLunFromHost',
  'DetachScsiLunFromVmInstance',
  'ExpungeBaremetalInstance',
  'ExpungeDataVolume',
  'ExpungeIAM2Project',
  'ExpungeImage',
  'ExpungeVmInstance',
  'ExpungeVmUserDefinedXmlHookScript',
  'GCAliyunSnapshotRemote',
  'ReclaimSpaceFromImageStore',
  'RecoverDatabaseFromBackup',
  'RecoverResourceSplitBrain',
  'ReimageVmInstance',
  'ResetGlobalConfig',
  'ResetTemplateConfig',
  'ResetTwoFactorAuthenticationSecret',
  'RevertTemplateConfig',
  'RevertVmFromCdpBackup',
  'RevertVmFromSnapshotGroup',
  'RevertVolumeFromSnapshot',
  'UndoSnapshotCreation',
];

describe('the destructive list', () => {
  it('is every Delete* and BatchDelete* API plus exactly these others', () => {
    const deletes = destructive.filter((n) => /^(Batch)?Delete[A-Z]/.test(n));
    expect(deletes).toHaveLength(209);
    expect(deletes).toEqual(reg.apiNames().filter((n) => /^(Batch)?Delete[A-Z]/.test(n)));
    expect(destructive.filter((n) => !deletes.includes(n))).toEqual(NOT_DELETES);
  });

  it('names only APIs the registry has, and every pattern matches some API', () => {
    for (const name of Object.keys(DESTRUCTIVE_APIS)) expect(reg.api(name)?.name, name).toBe(name);
    for (const { pattern } of DESTRUCTIVE_PATTERNS) expect(reg.apiNames().some((n) => pattern.test(n)), String(pattern)).toBe(true);
  });

  it('gives a reason for each and leaves out what only unlinks, stops or brings back', () => {
    expect(destructiveReason('DestroyVmInstance')).toMatch(/destroys/);
    expect(destructiveReason('DetachDataVolumeFromVm')).toMatch(/disk/);
    for (const n of ['StopVmInstance', 'RecoverVmInstance', 'DetachPolicyFromUser', 'RemoveVmFromAffinityGroup', 'FlattenVolume', 'StartVmInstance', 'QueryVmInstance']) {
      expect(isDestructive(n), n).toBe(false);
    }
    // A name that only starts like a verb is not one.
    expect(isDestructive('Deleted')).toBe(false);
    expect(isDestructive('toString')).toBe(false);
  });
});

describe('changesState (what confirm=always asks about)', () => {
  const changes = (n: string): boolean => changesState(reg.api(n)!);

  it('is false for queries, reads and sessions, true for writes', () => {
    for (const n of ['QueryVmInstance', 'ListVMsFromKVMHost', 'GetVersion', 'GetSupportAPIs', 'CheckElaborationContent', 'ValidateSession', 'IsReadyToGo', 'LogInByAccount', 'LogOut', 'ZQLQuery']) {
      expect(changes(n), n).toBe(false);
    }
    for (const n of ['StartVmInstance', 'CreateVmInstance', 'DestroyVmInstance', 'UpdateVmInstance', 'AttachIsoToVmInstance']) expect(changes(n), n).toBe(true);
  });

  it('counts every destructive API as a change', () => {
    expect(destructive.filter((n) => !changes(n))).toEqual([]);
  });
});
