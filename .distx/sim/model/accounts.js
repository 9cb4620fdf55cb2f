// Accounts, users, user groups, policies and quotas (passwords kept only as hidden SHA-512 hashes), and the management
// node row.
import { createHash } from 'node:crypto';
/** ZStack's fixed uuid of the built-in admin account. */
export const ADMIN_ACCOUNT_UUID = '36c27e8ff05c4780bf6d2fa65700f22e';
export function sha512Hex(text) {
    return createHash('sha512').update(text, 'utf8').digest('hex');
}
function hashOf(p) {
    return 'plain' in p ? sha512Hex(p.plain) : p.hash.toLowerCase();
}
/** Quotas of a new normal account (name -> limit), ZStack's defaults. */
export const DEFAULT_QUOTAS = {
    'vm.num': 20,
    'vm.totalNum': 40,
    'vm.cpuNum': 80,
    'vm.memorySize': 80 * 1024 ** 3,
    'volume.data.num': 40,
    'volume.capacity': 10 * 1024 ** 4,
    'snapshot.volume.num': 200,
    'image.num': 20,
    'image.size': 10 * 1024 ** 4,
    'l3.num': 100,
    'securityGroup.num': 50,
    'vip.num': 20,
    'eip.num': 20,
    'portForwarding.num': 20,
    'loadBalancer.num': 20,
    'scheduler.num': 80,
};
export function addAccount(store, a) {
    const row = store.insert('AccountInventory', {
        uuid: a.uuid ?? store.ids.uuid(),
        name: a.name,
        description: a.description ?? null,
        type: a.type ?? 'Normal',
        __password: hashOf(a.password),
    });
    if (row.type === 'Normal') {
        // Quota uuids derive from the account's, so a seed's other ids do not move when quotas are added.
        for (const [name, value] of Object.entries(DEFAULT_QUOTAS)) {
            const uuid = createHash('md5').update(`${String(row.uuid)}:${name}`).digest('hex');
            store.insert('QuotaInventory', { uuid, name, identityUuid: row.uuid, identityType: 'AccountVO', value });
        }
    }
    return row;
}
export function addUser(store, u) {
    return store.insert('UserInventory', {
        uuid: u.uuid ?? store.ids.uuid(),
        accountUuid: u.accountUuid,
        name: u.name,
        description: u.description ?? null,
        __password: hashOf(u.password),
    });
}
export function setPassword(store, inventory, uuid, password) {
    store.update(inventory, uuid, { __password: hashOf(password) });
}
/** Does the password match the stored hash (the client sends SHA-512 hex; compared case-insensitively)? */
export function samePassword(row, given) {
    return typeof row.__password === 'string' && row.__password === given.toLowerCase();
}
export function addManagementNode(store, hostName) {
    const now = store.now();
    return store.insert('ManagementNodeInventory', { uuid: store.ids.uuid(), hostName, joinDate: now, heartBeat: now });
}
/** The admin account every seed starts with: `admin` / `password`. */
export function addAdmin(store) {
    return addAccount(store, { uuid: ADMIN_ACCOUNT_UUID, name: 'admin', password: { plain: 'password' }, type: 'SystemAdmin' });
}
export function addUserGroup(store, g) {
    return store.insert('UserGroupInventory', { uuid: g.uuid ?? store.ids.uuid(), accountUuid: g.accountUuid, name: g.name, description: g.description ?? null });
}
/** A policy; `statements` are ZStack's PolicyStatement objects (`{name, effect, actions}`). */
export function addPolicy(store, p) {
    return store.insert('PolicyInventory', { uuid: p.uuid ?? store.ids.uuid(), name: p.name, accountUuid: p.accountUuid, statements: p.statements });
}
