// Identity: accounts (with quotas), users and user groups of the calling account, policies attached to users and
// groups, sharing resources with other accounts or everyone, changing a resource's owner, and session renewal.
import { addAccount, addPolicy, addUser, addUserGroup, ADMIN_ACCOUNT_UUID, DEFAULT_QUOTAS, samePassword, setPassword } from '../model/accounts.js';
import { parseStatements } from '../auth/policies.js';
import { inventoryOfVo, voOfInventory } from '../store/kinds.js';
import { sessionInventory } from './auth.js';
import { ApiError, Codes, invalidArgument, notFound, operationError } from './errors.js';
import { permissionDenied } from '../auth/access.js';
import { applyCreationTags } from './tags.js';
const ACCOUNT = 'AccountInventory';
const USER = 'UserInventory';
const GROUP = 'UserGroupInventory';
const POLICY = 'PolicyInventory';
const SHARED = 'SharedResourceInventory';
function uniqueName(call, inventory, name, scope) {
    const taken = call.store.find(inventory, 'name', name).some((r) => !scope || r[scope.field] === scope.value);
    if (taken)
        throw invalidArgument(`${voOfInventory(inventory)} name[${name}] is already used${scope ? ' in this account' : ''}`);
}
/** A row of the calling account's (users, groups, policies), else ID.1002 (admins may touch any). */
function ownRow(call, inventory, uuid) {
    const row = call.must(inventory, uuid);
    if (!call.env.access.isAdmin(call.accountUuid) && row.accountUuid !== call.accountUuid) {
        throw permissionDenied(`${voOfInventory(inventory)}[uuid:${uuid}] does not belong to the account[uuid:${call.accountUuid}]`);
    }
    return row;
}
function link(call, inventory, row, unique) {
    const [a, b] = unique;
    if (call.store.find(inventory, a, row[a]).some((r) => r[b] === row[b]))
        throw operationError(`${String(row[a])} and ${String(row[b])} are already linked`);
    call.store.insert(inventory, row);
}
function unlink(call, inventory, a, b) {
    const table = call.store.table(inventory);
    const ids = [...table.lookup(a[0], a[1])].filter((id) => table.get(id)[b[0]] === b[1]);
    if (ids.length === 0)
        throw operationError(`${a[1]} and ${b[1]} are not linked`);
    for (const id of ids)
        table.remove(id);
}
/** What an account holds, counted by quota name. */
function usage(call, accountUuid) {
    const owned = (table) => call.store
        .find('AccountResourceRefInventory', 'accountUuid', accountUuid)
        .filter((r) => r.resourceType === voOfInventory(table))
        .map((r) => call.store.get(table, String(r.resourceUuid)))
        .filter((r) => !!r);
    const vms = owned('VmInstanceInventory');
    const live = vms.filter((v) => v.state !== 'Destroyed');
    const data = owned('VolumeInventory').filter((v) => v.type === 'Data' && v.status !== 'Deleted');
    const images = owned('ImageInventory').filter((i) => i.status !== 'Deleted');
    const sum = (rows, f) => rows.reduce((n, r) => n + Number(r[f] ?? 0), 0);
    return {
        'vm.num': live.length,
        'vm.totalNum': vms.length,
        'vm.cpuNum': sum(live, 'cpuNum'),
        'vm.memorySize': sum(live, 'memorySize'),
        'volume.data.num': data.length,
        'volume.capacity': sum(data, 'size'),
        'snapshot.volume.num': owned('VolumeSnapshotInventory').length,
        'image.num': images.length,
        'image.size': sum(images, 'size'),
        'l3.num': owned('L3NetworkInventory').length,
        'securityGroup.num': owned('SecurityGroupInventory').length,
        'vip.num': owned('VipInventory').length,
        'eip.num': owned('EipInventory').length,
        'portForwarding.num': owned('PortForwardingRuleInventory').length,
        'loadBalancer.num': owned('LoadBalancerInventory').length,
        'scheduler.num': owned('SchedulerJobInventory').length,
    };
}
const createAccount = (call) => {
    const name = call.need('name');
    uniqueName(call, ACCOUNT, name);
    const row = addAccount(call.store, {
        uuid: call.newUuid(),
        name,
        password: { hash: call.need('password') },
        type: call.str('type') === 'SystemAdmin' ? 'SystemAdmin' : 'Normal',
        description: call.str('description') ?? null,
    });
    applyCreationTags(call, String(row.uuid), ACCOUNT);
    return call.inventory(ACCOUNT, String(row.uuid));
};
const deleteAccount = (call) => {
    const account = call.must(ACCOUNT, call.need('uuid'));
    if (account.uuid === ADMIN_ACCOUNT_UUID)
        throw operationError('the admin account cannot be deleted');
    const owned = call.store.find('AccountResourceRefInventory', 'accountUuid', account.uuid).length;
    if (owned > 0)
        throw operationError(`account[uuid:${String(account.uuid)}] still owns ${owned} resource(s); delete them or change their owner first (the simulator does not cascade deletes)`);
    for (const u of call.store.find(USER, 'accountUuid', account.uuid))
        removeUser(call, String(u.uuid));
    for (const g of call.store.find(GROUP, 'accountUuid', account.uuid))
        removeGroup(call, String(g.uuid));
    for (const p of call.store.find(POLICY, 'accountUuid', account.uuid))
        removePolicy(call, String(p.uuid));
    call.store.removeWhere('QuotaInventory', 'identityUuid', account.uuid);
    call.store.removeWhere(SHARED, 'receiverAccountUuid', account.uuid);
    call.env.sessions.removeAccount(String(account.uuid));
    call.store.remove(ACCOUNT, String(account.uuid));
    return {};
};
function removeUser(call, uuid) {
    call.store.removeWhere('UserGroupUserRefInventory', 'userUuid', uuid);
    call.store.removeWhere('UserPolicyRefInventory', 'userUuid', uuid);
    call.store.remove(USER, uuid);
}
function removeGroup(call, uuid) {
    call.store.removeWhere('UserGroupUserRefInventory', 'groupUuid', uuid);
    call.store.removeWhere('UserGroupPolicyRefInventory', 'groupUuid', uuid);
    call.store.remove(GROUP, uuid);
}
function removePolicy(call, uuid) {
    call.store.removeWhere('UserPolicyRefInventory', 'policyUuid', uuid);
    call.store.removeWhere('UserGroupPolicyRefInventory', 'policyUuid', uuid);
    call.store.remove(POLICY, uuid);
}
/** UpdateAccount / UpdateUser: a new password needs the old one unless an admin changes it. */
function changePassword(call, inventory, row) {
    const password = call.str('password');
    if (password === undefined)
        return;
    if (!call.env.access.isAdmin(call.accountUuid)) {
        const old = call.str('oldPassword');
        if (old === undefined || !samePassword(row, old))
            throw new ApiError(Codes.BAD_CREDENTIALS, 'the old password is wrong or missing');
    }
    setPassword(call.store, inventory, String(row.uuid), { hash: password });
}
function accountOf(call, uuid) {
    return call.render(ACCOUNT, call.must(ACCOUNT, uuid));
}
export const identityHandlers = {
    CreateAccount: createAccount,
    UpdateAccount: (call) => {
        const account = call.must(ACCOUNT, call.need('uuid'));
        changePassword(call, ACCOUNT, account);
        const patch = {};
        if (call.str('name') !== undefined && call.str('name') !== account.name) {
            uniqueName(call, ACCOUNT, call.str('name'));
            patch.name = call.str('name');
        }
        if (call.str('description') !== undefined)
            patch.description = call.str('description');
        call.store.update(ACCOUNT, String(account.uuid), patch);
        return call.inventory(ACCOUNT, String(account.uuid));
    },
    DeleteAccount: deleteAccount,
    CreateUser: (call) => {
        const name = call.need('name');
        uniqueName(call, USER, name, { field: 'accountUuid', value: call.accountUuid });
        const row = addUser(call.store, { uuid: call.newUuid(), accountUuid: call.accountUuid, name, password: { hash: call.need('password') }, description: call.str('description') ?? null });
        applyCreationTags(call, String(row.uuid), USER);
        return call.inventory(USER, String(row.uuid));
    },
    UpdateUser: (call) => {
        // Without a uuid, a user session updates itself.
        const uuid = call.str('uuid') ?? call.session?.userUuid ?? '';
        const user = ownRow(call, USER, uuid);
        changePassword(call, USER, user);
        const patch = {};
        if (call.str('name') !== undefined && call.str('name') !== user.name) {
            uniqueName(call, USER, call.str('name'), { field: 'accountUuid', value: user.accountUuid });
            patch.name = call.str('name');
        }
        if (call.str('description') !== undefined)
            patch.description = call.str('description');
        call.store.update(USER, uuid, patch);
        return call.inventory(USER, uuid);
    },
    DeleteUser: (call) => {
        removeUser(call, String(ownRow(call, USER, call.need('uuid')).uuid));
        return {};
    },
    CreateUserGroup: (call) => {
        const name = call.need('name');
        uniqueName(call, GROUP, name, { field: 'accountUuid', value: call.accountUuid });
        const row = addUserGroup(call.store, { uuid: call.newUuid(), accountUuid: call.accountUuid, name, description: call.str('description') ?? null });
        applyCreationTags(call, String(row.uuid), GROUP);
        return call.inventory(GROUP, String(row.uuid));
    },
    UpdateUserGroup: (call) => {
        const group = ownRow(call, GROUP, call.need('uuid'));
        const patch = {};
        for (const f of ['name', 'description'])
            if (call.str(f) !== undefined)
                patch[f] = call.str(f);
        call.store.update(GROUP, String(group.uuid), patch);
        return call.inventory(GROUP, String(group.uuid));
    },
    DeleteUserGroup: (call) => {
        removeGroup(call, String(ownRow(call, GROUP, call.need('uuid')).uuid));
        return {};
    },
    AddUserToGroup: (call) => {
        const group = ownRow(call, GROUP, call.need('groupUuid'));
        const user = ownRow(call, USER, call.need('userUuid'));
        if (user.accountUuid !== group.accountUuid)
            throw invalidArgument(`user[uuid:${String(user.uuid)}] and group[uuid:${String(group.uuid)}] are of different accounts`);
        link(call, 'UserGroupUserRefInventory', { userUuid: user.uuid, groupUuid: group.uuid }, ['userUuid', 'groupUuid']);
        return {};
    },
    RemoveUserFromGroup: (call) => {
        ownRow(call, GROUP, call.need('groupUuid'));
        unlink(call, 'UserGroupUserRefInventory', ['groupUuid', call.need('groupUuid')], ['userUuid', call.need('userUuid')]);
        return {};
    },
    CreatePolicy: (call) => {
        const statements = parseStatements(call.params.statements);
        if (typeof statements === 'string')
            throw invalidArgument(statements);
        const row = addPolicy(call.store, { uuid: call.newUuid(), name: call.need('name'), accountUuid: call.accountUuid, statements });
        applyCreationTags(call, String(row.uuid), POLICY);
        return call.inventory(POLICY, String(row.uuid));
    },
    DeletePolicy: (call) => {
        removePolicy(call, String(ownRow(call, POLICY, call.need('uuid')).uuid));
        return {};
    },
    AttachPolicyToUser: (call) => {
        const user = ownRow(call, USER, call.need('userUuid'));
        const policy = ownRow(call, POLICY, call.need('policyUuid'));
        link(call, 'UserPolicyRefInventory', { userUuid: user.uuid, policyUuid: policy.uuid }, ['userUuid', 'policyUuid']);
        return {};
    },
    AttachPoliciesToUser: (call) => {
        const user = ownRow(call, USER, call.need('userUuid'));
        for (const p of call.list('policyUuids') ?? []) {
            const policy = ownRow(call, POLICY, p);
            if (!call.store.find('UserPolicyRefInventory', 'userUuid', user.uuid).some((r) => r.policyUuid === policy.uuid)) {
                call.store.insert('UserPolicyRefInventory', { userUuid: user.uuid, policyUuid: policy.uuid });
            }
        }
        return {};
    },
    DetachPolicyFromUser: (call) => {
        ownRow(call, USER, call.need('userUuid'));
        unlink(call, 'UserPolicyRefInventory', ['userUuid', call.need('userUuid')], ['policyUuid', call.need('policyUuid')]);
        return {};
    },
    DetachPoliciesFromUser: (call) => {
        ownRow(call, USER, call.need('userUuid'));
        for (const p of call.list('policyUuids') ?? [])
            unlink(call, 'UserPolicyRefInventory', ['userUuid', call.need('userUuid')], ['policyUuid', p]);
        return {};
    },
    AttachPolicyToUserGroup: (call) => {
        const group = ownRow(call, GROUP, call.need('groupUuid'));
        const policy = ownRow(call, POLICY, call.need('policyUuid'));
        link(call, 'UserGroupPolicyRefInventory', { groupUuid: group.uuid, policyUuid: policy.uuid }, ['groupUuid', 'policyUuid']);
        return {};
    },
    DetachPolicyFromUserGroup: (call) => {
        ownRow(call, GROUP, call.need('groupUuid'));
        unlink(call, 'UserGroupPolicyRefInventory', ['groupUuid', call.need('groupUuid')], ['policyUuid', call.need('policyUuid')]);
        return {};
    },
    ShareResource: (call) => {
        const toPublic = call.bool('toPublic') ?? false;
        const accounts = call.list('accountUuids') ?? [];
        if (!toPublic && accounts.length === 0)
            throw invalidArgument('give accountUuids, or toPublic=true');
        for (const a of accounts)
            call.must(ACCOUNT, a);
        for (const uuid of call.list('resourceUuids') ?? []) {
            const ref = call.store.find('AccountResourceRefInventory', 'resourceUuid', uuid)[0];
            if (!ref)
                throw notFound('ResourceVO', uuid);
            const existing = call.store.find(SHARED, 'resourceUuid', uuid);
            const add = (receiver) => {
                if (existing.some((s) => (receiver === null ? s.toPublic === true : s.receiverAccountUuid === receiver)))
                    return;
                call.store.insert(SHARED, { ownerAccountUuid: ref.accountUuid, receiverAccountUuid: receiver, toPublic: receiver === null, resourceType: ref.resourceType, resourceUuid: uuid });
            };
            if (toPublic)
                add(null);
            for (const a of accounts)
                add(a);
        }
        return {};
    },
    RevokeResourceSharing: (call) => {
        const all = call.bool('all') ?? false;
        const toPublic = call.bool('toPublic') ?? false;
        const accounts = new Set(call.list('accountUuids') ?? []);
        const table = call.store.table(SHARED);
        for (const uuid of call.list('resourceUuids') ?? []) {
            for (const id of [...table.lookup('resourceUuid', uuid)]) {
                const s = table.get(id);
                if (all || (toPublic && s.toPublic === true) || accounts.has(String(s.receiverAccountUuid)))
                    table.remove(id);
            }
        }
        return {};
    },
    ChangeResourceOwner: (call) => {
        const account = call.must(ACCOUNT, call.need('accountUuid'));
        const uuid = call.need('resourceUuid');
        const ref = call.store.find('AccountResourceRefInventory', 'resourceUuid', uuid)[0];
        if (!ref)
            throw notFound('ResourceVO', uuid);
        const table = inventoryOfVo(String(ref.resourceType));
        call.env.access.own(String(account.uuid), uuid, table);
        // A VM's nics and volumes go with it.
        if (table === 'VmInstanceInventory') {
            for (const n of call.store.find('VmNicInventory', 'vmInstanceUuid', uuid))
                call.env.access.own(String(account.uuid), String(n.uuid), 'VmNicInventory');
            for (const v of call.store.find('VolumeInventory', 'vmInstanceUuid', uuid))
                call.env.access.own(String(account.uuid), String(v.uuid), 'VolumeInventory');
        }
        return { inventory: call.render('AccountResourceRefInventory', call.store.find('AccountResourceRefInventory', 'resourceUuid', uuid)[0]) };
    },
    GetResourceAccount: (call) => {
        const out = {};
        for (const uuid of call.list('resourceUuids') ?? []) {
            const ref = call.store.find('AccountResourceRefInventory', 'resourceUuid', uuid)[0];
            if (ref)
                out[uuid] = accountOf(call, String(ref.accountUuid));
        }
        return { inventories: out };
    },
    UpdateQuota: (call) => {
        const identity = call.need('identityUuid');
        call.must(ACCOUNT, identity);
        const name = call.need('name');
        if (!(name in DEFAULT_QUOTAS))
            throw invalidArgument(`quota[${name}] is not known; known quotas are [${Object.keys(DEFAULT_QUOTAS).join(', ')}]`);
        const value = call.num('value') ?? 0;
        if (value < 0)
            throw invalidArgument(`quota value[${value}] must not be negative`);
        const row = call.store.find('QuotaInventory', 'identityUuid', identity).find((q) => q.name === name);
        const uuid = row ? String(row.uuid) : String(call.store.insert('QuotaInventory', { uuid: call.store.ids.uuid(), name, identityUuid: identity, identityType: 'AccountVO', value }).uuid);
        call.store.update('QuotaInventory', uuid, { value });
        return call.inventory('QuotaInventory', uuid);
    },
    GetAccountQuotaUsage: (call) => {
        const account = call.must(ACCOUNT, call.need('uuid'));
        if (!call.env.access.mayUse(call.accountUuid, String(account.uuid), ACCOUNT))
            throw permissionDenied(`account[uuid:${String(account.uuid)}] is not the caller's`);
        const used = usage(call, String(account.uuid));
        const quotas = call.store.find('QuotaInventory', 'identityUuid', account.uuid);
        return { usages: quotas.map((q) => call.typed({ name: q.name, total: q.value, used: used[String(q.name)] ?? 0 }, 'QuotaUsage')) };
    },
    RenewSession: (call) => {
        const uuid = call.need('sessionUuid');
        const s = call.env.sessions.peek(uuid);
        if (!s || (s.accountUuid !== call.accountUuid && !call.env.access.isAdmin(call.accountUuid)))
            throw new ApiError(Codes.INVALID_SESSION, `the session[uuid:${uuid}] does not exist or has expired`);
        const duration = call.num('duration');
        call.env.sessions.renew(uuid, duration === undefined ? undefined : duration * 1000);
        return { inventory: call.typed(sessionInventory(call.env.sessions.peek(uuid)), 'SessionInventory') };
    },
};
