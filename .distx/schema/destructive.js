// Which APIs destroy or lose data, so the CLI asks before sending them (src/cli/guard.ts), and which
// only read, so `confirm=always` leaves them alone. Pure data over API names, with the reason for
// each entry; the test beside it lists the whole set as the registry has it.
//
// Left out on purpose, each with its reason:
// - Remove*, other Detach* (a policy, a network service, an L2 from a cluster): they unlink, and
//   attaching again restores what was there; nothing stored is lost.
// - Stop*, Reboot*, Power*, ShutdownHost, MigrateVm: disruptive, but a guest's disks keep their data
//   (ZStack stops VMs gracefully unless told otherwise); `confirm=always` asks for them.
// - Recover*/Recovery* that undo a delete (RecoverVmInstance, RecoverImage): they bring data back.
// - Flatten*, ShrinkVolumeSnapshot, Resize*: the data is kept (copied, compacted, grown).
// - Change*State, Update*: settings that can be set back.
/** Name patterns: every API whose name matches is destructive. */
export const DESTRUCTIVE_PATTERNS = [
    { pattern: /^(Batch)?Delete[A-Z]/, reason: 'deletes the resource (or moves it to the recycle bin, where it is expunged later)' },
    { pattern: /^Destroy[A-Z]/, reason: 'destroys the instance' },
    { pattern: /^Expunge[A-Z]/, reason: 'erases the resource for good: it cannot be recovered' },
    { pattern: /^Reimage[A-Z]/, reason: "rewrites the root volume from its image: the VM's own data on it is lost" },
    { pattern: /^Revert[A-Z]/, reason: 'replaces the current data or settings with an older copy' },
    { pattern: /^Clean(up|Up)?[A-Z]/, reason: 'throws away trash, caches, queued tasks or records' },
];
/** APIs destructive by what they do rather than by their verb. */
export const DESTRUCTIVE_APIS = {
    ChangeVmImage: 'replaces the root volume with a new one from another image',
    UndoSnapshotCreation: 'deletes the snapshot just taken',
    GCAliyunSnapshotRemote: 'deletes the remote snapshots no longer referenced',
    ReclaimSpaceFromImageStore: 'deletes the image-store blocks no longer referenced',
    RecoverDatabaseFromBackup: 'overwrites the management database with a backup',
    RecoverResourceSplitBrain: "keeps one host's copy of a split-brain resource and overwrites the other",
    ResetGlobalConfig: 'sets every global configuration back to its default',
    ResetTemplateConfig: 'sets every template configuration back to its default',
    ResetTwoFactorAuthenticationSecret: "discards the user's authenticator secret",
    DetachDataVolumeFromVm: "takes a disk away from the VM: writes the guest has not flushed are lost, programs using it fail",
    DetachDataVolumeFromHost: 'takes a disk away from the host',
    DetachScsiLunFromVmInstance: 'takes a disk away from the VM',
    DetachScsiLunFromHost: 'takes a disk away from the host',
    DetachAliyunDiskFromEcs: 'takes a disk away from the ECS instance',
    DetachIsoFromVmInstance: 'ejects the ISO from the VM while the guest may be using it',
    DetachPrimaryStorageFromCluster: "stops the cluster's VMs whose disks are on that storage",
    DetachL3NetworkFromVm: 'deletes the NIC and releases its IP address',
};
/** Why an API is destructive, or undefined when it is not. */
export function destructiveReason(apiName) {
    if (Object.hasOwn(DESTRUCTIVE_APIS, apiName))
        return DESTRUCTIVE_APIS[apiName];
    return DESTRUCTIVE_PATTERNS.find((p) => p.pattern.test(apiName))?.reason;
}
export function isDestructive(apiName) {
    return destructiveReason(apiName) !== undefined;
}
/** Session APIs: logging in and out changes nothing on the cloud. */
const SESSION_API = /^(LogIn|Login|LogOut|RenewSession)([A-Z]|$)/;
/** Verbs of APIs that only read. */
const READ_VERB = /^(Query|Get|List|Check|Validate|Is|Describe|Calculate|Preview)[A-Z]|^ZQLQuery$/;
/** Whether an API only reads: a query, a GET, or a reading verb (Get*, Check*, ...). What `watch` may run. */
export function readsOnly(api) {
    return api.query || api.method === 'GET' || READ_VERB.test(api.name);
}
/** Whether an API changes something on the cloud (what `confirm=always` asks about). */
export function changesState(api) {
    return !readsOnly(api) && !SESSION_API.test(api.name);
}
