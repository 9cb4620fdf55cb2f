// Identity over HTTP: accounts see only their own resources (and what is shared with them), are refused admin APIs and
// other accounts' resources with ID.1002; users act within their policies; sharing, owners, quotas, sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query, send, sha512 } from './http.js';

let sim: Simulator;
let admin: string;
let tenant: string;

async function first(session: string, path: string, cond: string): Promise<any> {
  return (await query(sim, session, path, [['q', cond]])).inventories[0];
}

async function userLogin(accountName: string, userName: string, password = 'password'): Promise<string> {
  const a = await send(sim, 'PUT', '/accounts/users/login', { body: { logInByUser: { accountName, userName, password: sha512(password) } } });
  expect(a.status, a.text).toBe(200);
  return a.json.inventory.uuid as string;
}

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  admin = await login(sim);
  tenant = await login(sim, 'tenant-a');
});
afterAll(() => sim.close());

describe('a normal account', () => {
  it('sees its own VMs only, and what the admin shared with everyone', async () => {
    const mine = (await query(sim, tenant, '/vm-instances', [['fields', 'name']])).inventories.map((v: { name: string }) => v.name).sort();
    expect(mine).toEqual(['tenant-db-01', 'tenant-web-01', 'tenant-web-02']);
    expect((await query(sim, admin, '/vm-instances', [['count', 'true']])).total).toBeGreaterThan(50);
    const images = (await query(sim, tenant, '/images', [['fields', 'name']])).inventories.map((i: { name: string }) => i.name);
    expect(images).toContain('centos-7');
    expect(images).not.toContain('fedora-38');
    expect((await query(sim, tenant, '/l3-networks', [['fields', 'name']])).inventories.map((l: { name: string }) => l.name).sort()).toEqual(['l3-flat-1', 'l3-flat-2', 'l3-public']);
    // Infrastructure is readable by every account; counts and joins see only what the account may.
    expect((await query(sim, tenant, '/zones', [['count', 'true']])).total).toBe(2);
    expect((await query(sim, tenant, '/vm-instances', [['q', 'vmNics.l3Network.name=l3-flat-1'], ['count', 'true']])).total).toBe(3);
    expect((await query(sim, tenant, '/security-groups', [['fields', 'name']])).inventories).toEqual([{ name: 'tenant-sg' }]);
    expect((await query(sim, tenant, '/accounts', [['fields', 'name']])).inventories).toEqual([{ name: 'tenant-a' }]);
  });

  it('is refused admin-only APIs with ID.1002', async () => {
    const zone = await fails(sim, 'POST', '/zones', { session: tenant, body: { params: { name: 'mine' } } });
    expect(zone).toMatchObject({ code: 'ID.1002', details: 'request api[name: APICreateZoneMsg] is admin only, can not be executed by current user' });
    expect((await fails(sim, 'POST', '/accounts', { session: tenant, body: { params: { name: 'x', password: sha512('x') } } })).code).toBe('ID.1002');
    const shared = await send(sim, 'GET', '/accounts/resources', { session: tenant });
    expect(shared.json.error.code).toBe('ID.1002');
  });

  it("is refused another account's resources with ID.1002, and may use shared ones", async () => {
    const adminVm = await first(admin, '/vm-instances', 'name=web-01');
    const stop = await fails(sim, 'PUT', `/vm-instances/${adminVm.uuid as string}/actions`, { session: tenant, body: { stopVmInstance: {} } });
    expect(stop.code).toBe('ID.1002');
    expect(stop.details).toMatch(/doesn't belong to the account/);
    const image = await first(tenant, '/images', 'name=centos-7');
    const offering = await first(tenant, '/instance-offerings', 'name=small');
    const l3 = await first(tenant, '/l3-networks', 'name=l3-flat-1');
    const vm = (await ok(sim, 'POST', '/vm-instances', { session: tenant, body: { params: { name: 'tenant-new', imageUuid: image.uuid, instanceOfferingUuid: offering.uuid, l3NetworkUuids: [l3.uuid] } } })).inventory;
    expect((await first(tenant, '/vm-instances', 'name=tenant-new')).uuid).toBe(vm.uuid);
    expect(await first(tenant, '/accounts/resources/refs', `resourceUuid=${vm.uuid as string}`)).toMatchObject({ accountUuid: (await first(tenant, '/accounts', 'name=tenant-a')).uuid, resourceType: 'VmInstanceVO' });
    const vlan = await first(admin, '/l3-networks', 'name=l3-vlan-100');
    expect((await fails(sim, 'POST', '/vm-instances', { session: tenant, body: { params: { name: 'x', imageUuid: image.uuid, instanceOfferingUuid: offering.uuid, l3NetworkUuids: [vlan.uuid] } } })).code).toBe('ID.1002');
  });

  it('sees what is shared with it, until the sharing is revoked', async () => {
    const vlan = await first(admin, '/l3-networks', 'name=l3-vlan-100');
    const account = await first(admin, '/accounts', 'name=tenant-a');
    await ok(sim, 'PUT', '/accounts/resources/actions', { session: admin, body: { shareResource: { resourceUuids: [vlan.uuid], accountUuids: [account.uuid] } } });
    expect(await first(tenant, '/l3-networks', 'name=l3-vlan-100')).toBeDefined();
    expect((await query(sim, admin, '/accounts/resources', [['q', `resourceUuid=${vlan.uuid as string}`]])).inventories).toMatchObject([{ receiverAccountUuid: account.uuid, toPublic: false }]);
    await ok(sim, 'PUT', '/accounts/resources/actions', { session: admin, body: { revokeResourceSharing: { resourceUuids: [vlan.uuid], accountUuids: [account.uuid] } } });
    expect(await first(tenant, '/l3-networks', 'name=l3-vlan-100')).toBeUndefined();
  });

  it('gets a resource when the admin changes its owner; quotas count what it owns', async () => {
    const account = await first(admin, '/accounts', 'name=tenant-a');
    const before = (await send(sim, 'GET', `/accounts/quota/${account.uuid as string}/usages`, { session: tenant })).json.usages;
    const vmNum = before.find((u: { name: string }) => u.name === 'vm.num');
    expect(vmNum.total).toBe(20);
    const vm = await first(admin, '/vm-instances', 'name=app-01');
    const ref = (await ok(sim, 'POST', `/account/${account.uuid as string}/resources`, { session: admin, body: { params: { resourceUuid: vm.uuid } } })).inventory;
    expect(ref).toMatchObject({ accountUuid: account.uuid, resourceUuid: vm.uuid, resourceType: 'VmInstanceVO' });
    expect(await first(tenant, '/vm-instances', 'name=app-01')).toBeDefined();
    expect(await first(tenant, '/volumes', `uuid=${vm.rootVolumeUuid as string}`)).toBeDefined();
    const owners = (await send(sim, 'GET', `/resources/accounts?resourceUuids=${vm.uuid as string}`, { session: admin })).json.inventories;
    expect(owners[vm.uuid].name).toBe('tenant-a');
    const after = (await send(sim, 'GET', `/accounts/quota/${account.uuid as string}/usages`, { session: tenant })).json.usages;
    const afterVm = after.find((u: { name: string }) => u.name === 'vm.num');
    expect(afterVm.used).toBe(vmNum.used + (vm.state === 'Destroyed' ? 0 : 1));
    const q = (await ok(sim, 'PUT', '/accounts/quotas/actions', { session: admin, body: { updateQuota: { identityUuid: account.uuid, name: 'vm.num', value: 50 } } })).inventory;
    expect(q).toMatchObject({ name: 'vm.num', value: 50 });
  });
});

describe('accounts, users, groups and policies', () => {
  it('an admin creates an account; it logs in, changes its password with the old one, and is deleted when empty', async () => {
    const acct = (await ok(sim, 'POST', '/accounts', { session: admin, body: { params: { name: 'tenant-b', password: sha512('pw-1') } } })).inventory;
    expect(acct).toMatchObject({ name: 'tenant-b', type: 'Normal' });
    expect((await fails(sim, 'POST', '/accounts', { session: admin, body: { params: { name: 'tenant-b', password: sha512('x') } } })).code).toBe('SYS.1007');
    const b = await login(sim, 'tenant-b', 'pw-1');
    expect((await query(sim, b, '/vm-instances', [['count', 'true']])).total).toBe(0);
    expect((await fails(sim, 'PUT', `/accounts/${acct.uuid as string}`, { session: b, body: { updateAccount: { password: sha512('pw-2'), oldPassword: sha512('wrong') } } })).code).toBe('ID.1000');
    await ok(sim, 'PUT', `/accounts/${acct.uuid as string}`, { session: b, body: { updateAccount: { password: sha512('pw-2'), oldPassword: sha512('pw-1') } } });
    await login(sim, 'tenant-b', 'pw-2');
    const t = await first(admin, '/accounts', 'name=tenant-a');
    expect((await fails(sim, 'PUT', `/accounts/${t.uuid as string}`, { session: b, body: { updateAccount: { description: 'mine now' } } })).code).toBe('ID.1002');
    expect((await fails(sim, 'DELETE', `/accounts/${t.uuid as string}`, { session: admin })).code).toBe('SYS.1006');
    await ok(sim, 'DELETE', `/accounts/${acct.uuid as string}`, { session: admin });
    expect((await send(sim, 'GET', '/vm-instances', { session: b })).json.error.code).toBe('ID.1001');
    expect((await fails(sim, 'DELETE', '/accounts/36c27e8ff05c4780bf6d2fa65700f22e', { session: admin })).code).toBe('SYS.1006');
  });

  it("a user may only read until a policy allows more; a Deny wins; groups' policies count", async () => {
    const user = (await ok(sim, 'POST', '/accounts/users', { session: tenant, body: { params: { name: 'tenant-a-dev', password: sha512('pw') } } })).inventory;
    const dev = await userLogin('tenant-a', 'tenant-a-dev', 'pw');
    const vm = await first(dev, '/vm-instances', 'name=tenant-web-02');
    expect(vm).toBeDefined();
    const reboot = ['PUT', `/vm-instances/${vm.uuid as string}/actions`, { session: dev, body: { rebootVmInstance: {} } }] as const;
    expect((await fails(sim, ...reboot)).details).toMatch(/no policy of user.*allows API\[APIRebootVmInstanceMsg\]/);
    const group = (await ok(sim, 'POST', '/accounts/groups', { session: tenant, body: { params: { name: 'devs' } } })).inventory;
    await ok(sim, 'POST', `/accounts/groups/${group.uuid as string}/users`, { session: tenant, body: { params: { userUuid: user.uuid } } });
    const allow = (await ok(sim, 'POST', '/accounts/policies', { session: tenant, body: { params: { name: 'reboot', statements: [{ name: 'r', effect: 'Allow', actions: ['instance:APIRebootVmInstanceMsg'] }] } } })).inventory;
    expect(allow.statements).toEqual([{ name: 'r', effect: 'Allow', actions: ['instance:APIRebootVmInstanceMsg'] }]);
    await ok(sim, 'POST', `/accounts/groups/${group.uuid as string}/policies`, { session: tenant, body: { params: { policyUuid: allow.uuid } } });
    expect((await ok(sim, ...reboot)).inventory.state).toBe('Running');
    const deny = (await ok(sim, 'POST', '/accounts/policies', { session: tenant, body: { params: { name: 'no-vm', statements: [{ name: 'd', effect: 'Deny', actions: ['vm:*'] }] } } })).inventory;
    await ok(sim, 'POST', `/accounts/users/${user.uuid as string}/policies`, { session: tenant, body: { params: { policyUuid: deny.uuid } } });
    expect((await fails(sim, ...reboot)).details).toMatch(/denies API/);
    await ok(sim, 'DELETE', `/accounts/users/${user.uuid as string}/policies/${deny.uuid as string}`, { session: tenant });
    await ok(sim, ...reboot);
    expect((await fails(sim, 'POST', '/accounts/policies', { session: tenant, body: { params: { name: 'bad', statements: [{ effect: 'Maybe', actions: [] }] } } })).code).toBe('SYS.1007');
    // The policies are queryable, with their statements typed in the schema map.
    const policies = await query(sim, tenant, '/accounts/policies', [['q', 'name=reboot']]);
    expect(policies.schema['inventories[0].statements[0]']).toBe('org.zstack.header.identity.PolicyStatement');
  });

  it('renews a session', async () => {
    const s = await login(sim, 'tenant-a');
    const renewed = await ok(sim, 'PUT', `/accounts/sessions/${s}/renew`, { session: s, body: { renewSession: { duration: 600 } } });
    expect(renewed.inventory.uuid).toBe(s);
  });
});
