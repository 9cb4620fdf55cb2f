// Which APIs only an admin may call (ZStack 5.2's RBAC permission table, condensed to API names): infrastructure,
// offerings, global settings and account administration. A normal account calling one gets ID.1002.
// APIs not covered here are open to normal accounts (their resources are still checked: see access.ts).
/** Resource families whose every API is admin-only, except the listed exceptions (ZStack's `normalAPIs`). */
const FAMILIES = [
    { pattern: /^(Create|Delete|Update|Change)Zone(State)?$/ },
    { pattern: /^(Create|Delete|Update|Change)Cluster(State)?$/ },
    { pattern: /^(Add\w*Host|Delete\w*Host|Update\w*Host|ChangeHostState|ReconnectHost)$/ },
    { pattern: /PrimaryStorage/, except: ['QueryPrimaryStorage', 'GetCandidatePrimaryStoragesForCreatingVm'] },
    {
        pattern: /BackupStorage/,
        except: [
            'QueryBackupStorage',
            'QueryImageStoreBackupStorage',
            'QuerySftpBackupStorage',
            'GetCandidateBackupStorageForCreatingImage',
            'ExportImageFromBackupStorage',
            'DeleteExportedImageFromBackupStorage',
        ],
    },
    { pattern: /^(Create|Delete|Attach|Detach)L2\w*$/ },
    { pattern: /^(Create|Delete|Update|Change)InstanceOffering(State)?$/ },
    { pattern: /^(Delete|Update|Change)DiskOffering(State)?$/ },
    { pattern: /GlobalConfig/, except: ['QueryGlobalConfig', 'GetGlobalConfigOptions'] },
    { pattern: /ManagementNode/, except: ['QueryManagementNode'] },
    { pattern: /^DetachNetworkServiceFromL3Network$/ },
];
const NAMED = new Set([
    'CreateAccount',
    'ShareResource',
    'RevokeResourceSharing',
    'UpdateQuota',
    'QuerySharedResource',
    'ChangeResourceOwner',
    'AttachRoleToAccount',
    'DetachRoleFromAccount',
    'CheckResourcePermission',
]);
export function isAdminOnly(api) {
    if (NAMED.has(api))
        return true;
    return FAMILIES.some((f) => f.pattern.test(api) && !f.except?.includes(api));
}
