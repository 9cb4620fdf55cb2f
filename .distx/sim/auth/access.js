import { ApiError, Codes, msgName } from '../api/errors.js';
import { ADMIN_ACCOUNT_UUID } from '../model/accounts.js';
import { inventoryOfVo, voOfInventory } from '../store/kinds.js';
import { isAdminOnly } from './admin-only.js';
import { userRefusal } from './policies.js';
const REF = 'AccountResourceRefInventory';
const SHARED = 'SharedResourceInventory';
/** Tables whose rows belong to an account (ZStack's OwnedByAccount resources). */
const OWNED = new Set([
    'VmInstanceInventory',
    'VmNicInventory',
    'VolumeInventory',
    'VolumeSnapshotInventory',
    'VolumeSnapshotTreeInventory',
    'ImageInventory',
    'L3NetworkInventory',
    'InstanceOfferingInventory',
    'DiskOfferingInventory',
    'AffinityGroupInventory',
    'SecurityGroupInventory',
    'VipInventory',
    'EipInventory',
    'PortForwardingRuleInventory',
    'LoadBalancerInventory',
    'LoadBalancerListenerInventory',
    'SchedulerJobInventory',
    'SchedulerTriggerInventory',
]);
/** Tables whose rows name their account in a field. */
const BY_ACCOUNT_FIELD = {
    AccountInventory: 'uuid',
    UserInventory: 'accountUuid',
    UserGroupInventory: 'accountUuid',
    PolicyInventory: 'accountUuid',
    AccountResourceRefInventory: 'accountUuid',
    QuotaInventory: 'identityUuid',
};
/** Tables whose rows are seen with their parent: field holding the parent's uuid, and the parent's table. */
const BY_PARENT = {
    SecurityGroupRuleInventory: ['securityGroupUuid', 'SecurityGroupInventory'],
    SecurityGroupL3NetworkRefInventory: ['securityGroupUuid', 'SecurityGroupInventory'],
    VmNicSecurityGroupRefInventory: ['vmNicUuid', 'VmNicInventory'],
    VmCdRomInventory: ['vmInstanceUuid', 'VmInstanceInventory'],
    LoadBalancerListenerVmNicRefInventory: ['listenerUuid', 'LoadBalancerListenerInventory'],
    AffinityGroupUsageInventory: ['affinityGroupUuid', 'AffinityGroupInventory'],
    ImageBackupStorageRefInventory: ['imageUuid', 'ImageInventory'],
    UserGroupUserRefInventory: ['groupUuid', 'UserGroupInventory'],
    UserGroupPolicyRefInventory: ['groupUuid', 'UserGroupInventory'],
    UserPolicyRefInventory: ['userUuid', 'UserInventory'],
    IpRangeInventory: ['l3NetworkUuid', 'L3NetworkInventory'],
    UsedIpInventory: ['l3NetworkUuid', 'L3NetworkInventory'],
    SchedulerJobSchedulerTriggerInventory: ['schedulerJobUuid', 'SchedulerJobInventory'],
    SchedulerJobHistoryInventory: ['schedulerJobUuid', 'SchedulerJobInventory'],
};
/** What every session may do to itself. */
const ALWAYS_ALLOWED = new Set(['LogOut', 'ValidateSession', 'RenewSession']);
export function permissionDenied(details) {
    return new ApiError(Codes.PERMISSION_DENIED, details);
}
export class Access {
    store;
    registry;
    /** The account whose resources are being created now (set around each API call and each job's second half). */
    acting;
    constructor(store, registry) {
        this.store = store;
        this.registry = registry;
        store.listen({
            inserted: (table, row) => {
                if (this.acting !== undefined && OWNED.has(table) && typeof row.uuid === 'string')
                    this.own(this.acting, row.uuid, table);
            },
            removed: (table, row) => {
                if (OWNED.has(table) && typeof row.uuid === 'string') {
                    store.removeWhere(REF, 'resourceUuid', row.uuid);
                    store.removeWhere(SHARED, 'resourceUuid', row.uuid);
                }
            },
        });
    }
    /** Runs `fn` with resources it creates owned by `accountUuid` (undefined: nobody's, i.e. the admin's). */
    as(accountUuid, fn) {
        const outer = this.acting;
        this.acting = accountUuid;
        try {
            return fn();
        }
        finally {
            this.acting = outer;
        }
    }
    isAdmin(accountUuid) {
        return accountUuid === ADMIN_ACCOUNT_UUID || this.store.get('AccountInventory', accountUuid)?.type === 'SystemAdmin';
    }
    /** Records `accountUuid` as the owner of the resource (replacing any owner before). */
    own(accountUuid, resourceUuid, table) {
        this.store.removeWhere(REF, 'resourceUuid', resourceUuid);
        this.store.insert(REF, { accountUuid, resourceUuid, resourceType: voOfInventory(table), concreteResourceType: this.concreteType(table) });
    }
    /** The owning account of a resource of an owned kind: its ref, or the admin when it has none (seeded rows). */
    ownerOf(resourceUuid) {
        const ref = this.store.find(REF, 'resourceUuid', resourceUuid)[0];
        return typeof ref?.accountUuid === 'string' ? ref.accountUuid : ADMIN_ACCOUNT_UUID;
    }
    /** May `accountUuid` use this resource of `table`: not an owned kind, its own, or shared with it or with everyone. */
    mayUse(accountUuid, resourceUuid, table) {
        if (this.isAdmin(accountUuid))
            return true;
        const byField = BY_ACCOUNT_FIELD[table];
        if (byField) {
            const row = this.store.table(table).byUuidGet(resourceUuid);
            return !row || row[byField] === accountUuid;
        }
        if (!OWNED.has(table))
            return true;
        if (this.ownerOf(resourceUuid) === accountUuid)
            return true;
        return this.store.find(SHARED, 'resourceUuid', resourceUuid).some((s) => s.toPublic === true || s.receiverAccountUuid === accountUuid);
    }
    /**
     * ID.1002 when a user's policies do not allow the API, when a normal account calls an admin-only API, or when it
     * names a resource it may not use.
     */
    check(session, api, params) {
        if (session.userType === 'User' && !ALWAYS_ALLOWED.has(api.name)) {
            const why = userRefusal(this.store, session.userUuid, api.name);
            if (why)
                throw permissionDenied(why);
        }
        const { accountUuid } = session;
        if (this.isAdmin(accountUuid))
            return;
        if (isAdminOnly(api.name))
            throw permissionDenied(`request api[name: ${msgName(api.name)}] is admin only, can not be executed by current user`);
        for (const p of api.params) {
            if (!p.resourceType)
                continue;
            const v = params[p.name];
            const uuids = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
            const table = this.store.table(inventoryOfVo(p.resourceType)).name;
            for (const uuid of uuids) {
                if (this.mayUse(accountUuid, uuid, table))
                    continue;
                const owner = this.ownerOf(uuid);
                const ownerName = String(this.store.get('AccountInventory', owner)?.name ?? '');
                throw permissionDenied(`operation denied. The resource[uuid: ${uuid}, type: ${p.resourceType},ownerAccountName:${ownerName}, ownerAccountUuid:${owner}] doesn't belong to the account[uuid: ${accountUuid}]`);
            }
        }
    }
    /** For a query by `accountUuid`: undefined (everything) for admins, else the row ids of a scope it may see. */
    visibleRows(accountUuid) {
        if (this.isAdmin(accountUuid))
            return undefined;
        return (scope) => this.visibleIn(accountUuid, scope.table.name);
    }
    visibleIn(accountUuid, table) {
        const t = this.store.table(table);
        const byField = BY_ACCOUNT_FIELD[table];
        if (byField)
            return t.lookup(byField, accountUuid);
        const parent = BY_PARENT[table];
        if (parent) {
            const [field, parentTable] = parent;
            const parents = this.store.table(parentTable);
            const out = new Set();
            for (const pid of this.visibleIn(accountUuid, parentTable))
                for (const id of t.lookup(field, parents.get(pid).uuid))
                    out.add(id);
            return out;
        }
        if (table === 'TagInventory') {
            const out = new Set();
            for (const [id, tag] of t.entries())
                if (this.tagVisible(accountUuid, tag))
                    out.add(id);
            return out;
        }
        if (!OWNED.has(table))
            return new Set(t.ids());
        const out = new Set();
        const add = (uuid) => {
            const id = typeof uuid === 'string' ? t.idOf(uuid) : undefined;
            if (id !== undefined)
                out.add(id);
        };
        for (const ref of this.store.find(REF, 'accountUuid', accountUuid))
            add(ref.resourceUuid);
        for (const s of this.store.find(SHARED, 'toPublic', true))
            add(s.resourceUuid);
        for (const s of this.store.find(SHARED, 'receiverAccountUuid', accountUuid))
            add(s.resourceUuid);
        return out;
    }
    tagVisible(accountUuid, tag) {
        const vo = typeof tag.resourceType === 'string' ? tag.resourceType : '';
        return typeof tag.resourceUuid === 'string' && this.mayUse(accountUuid, tag.resourceUuid, this.store.table(inventoryOfVo(vo)).name);
    }
    /** The VO's class name, e.g. `org.zstack.header.vm.VmInstanceVO` (from the inventory's server class). */
    concreteType(table) {
        const cls = this.registry.inventory(table)?.serverClass;
        return cls ? cls.replace(/Inventory$/, 'VO') : voOfInventory(table);
    }
}
