// Several accounts on one simulator through the built CLI: an admin creates an account and shares with it, each
// account sees its own resources and is refused the others' and admin APIs (ID.1002, exit 1); users log in with
// LogInByUser and act within their policies; two accounts' sessions live side by side in one config home.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Zs } from './sim-cli.js';

let sim: Simulator;
let admin: Zs;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
  admin = await new Zs(sim).login();
}, 60_000);
afterAll(() => sim?.close());

describe('accounts', () => {
  it('an admin creates an account; it sees only its own resources and is refused admin APIs', async () => {
    const acct = (await admin.ok('CreateAccount', 'name=cli-tenant', 'password=s3cret')).inventory;
    expect(acct).toMatchObject({ name: 'cli-tenant', type: 'Normal' });
    const tenant = await new Zs(sim).login('cli-tenant', 's3cret');
    expect((await tenant.ok('QueryVmInstance', 'count=true')).total).toBe(0);
    expect((await tenant.ok('QueryAccount')).inventories.map((a: { name: string }) => a.name)).toEqual(['cli-tenant']);
    const err = await tenant.fails('ID.1002', 'CreateZone', 'name=mine');
    expect(err).toMatch(/admin only/);
    const web = await admin.value('QueryVmInstance', 'name=web-01', '-c', 'uuid');
    await tenant.fails('ID.1002', 'StopVmInstance', `uuid=${web}`);

    // With the shared images, offerings and networks it creates a VM of its own.
    const image = await tenant.value('QueryImage', 'name=centos-7', '-c', 'uuid');
    const offering = await tenant.value('QueryInstanceOffering', 'name=small', '-c', 'uuid');
    const l3 = await tenant.value('QueryL3Network', 'name=l3-flat-1', '-c', 'uuid');
    const vm = (await tenant.ok('CreateVmInstance', 'name=cli-tenant-vm', `imageUuid=${image}`, `instanceOfferingUuid=${offering}`, `l3NetworkUuids=${l3}`)).inventory;
    expect((await tenant.ok('QueryVmInstance', 'fields=name')).inventories).toEqual([{ name: 'cli-tenant-vm' }]);
    expect((await admin.ok('GetResourceAccount', `resourceUuids=${vm.uuid as string}`)).inventories[vm.uuid].name).toBe('cli-tenant');
    await admin.fails('SYS.1006', 'DeleteAccount', `uuid=${acct.uuid as string}`);
    await tenant.ok('DestroyVmInstance', `uuid=${vm.uuid as string}`);
    await tenant.ok('ExpungeVmInstance', `uuid=${vm.uuid as string}`);
    await admin.ok('DeleteAccount', `uuid=${acct.uuid as string}`);
    expect((await admin.ok('QueryAccount', 'name=cli-tenant')).inventories).toEqual([]);
  }, 120_000);

  it('sharing a network with one account makes it visible to it alone, until revoked', async () => {
    const vlan = await admin.value('QueryL3Network', 'name=l3-vlan-100', '-c', 'uuid');
    const tenantA = await admin.value('QueryAccount', 'name=tenant-a', '-c', 'uuid');
    const tenant = await new Zs(sim).login('tenant-a');
    expect((await tenant.ok('QueryL3Network', 'name=l3-vlan-100')).inventories).toEqual([]);
    await admin.ok('ShareResource', `resourceUuids=${vlan}`, `accountUuids=${tenantA}`);
    expect(await tenant.value('QueryL3Network', 'name=l3-vlan-100', '-c', 'uuid')).toBe(vlan);
    await admin.ok('RevokeResourceSharing', `resourceUuids=${vlan}`, `accountUuids=${tenantA}`);
    expect((await tenant.ok('QueryL3Network', 'name=l3-vlan-100')).inventories).toEqual([]);
  }, 60_000);

  it("keeps two accounts' sessions in one home; each command uses the last login", async () => {
    const zs = await new Zs(sim).login();
    await zs.login('tenant-a');
    const file = JSON.parse(readFileSync(join(zs.home, 'sessions.json'), 'utf8')) as { servers: Record<string, { accounts: Record<string, unknown> }> };
    expect(Object.keys(Object.values(file.servers)[0]!.accounts).sort()).toEqual(['admin', 'tenant-a']);
    expect((await zs.ok('QueryVmInstance', 'count=true')).total).toBe(3);
  }, 60_000);
});

describe('users and policies', () => {
  it('a user logs in with LogInByUser, reads, and acts only where a policy allows', async () => {
    const ops = await new Zs(sim).loginUser('tenant-a', 'tenant-a-ops');
    const vm = await ops.value('QueryVmInstance', 'name=tenant-web-01', '-c', 'uuid');
    // tenant-a-ops has the seed's `vm:*` policy: VM APIs pass, others do not.
    expect((await ops.ok('RebootVmInstance', `uuid=${vm}`)).inventory.state).toBe('Running');
    await ops.fails('ID.1002', 'CreateSecurityGroup', 'name=not-mine');

    const tenant = await new Zs(sim).login('tenant-a');
    const user = (await tenant.ok('CreateUser', 'name=cli-user', 'password=pw')).inventory;
    const dev = await new Zs(sim).loginUser('tenant-a', 'cli-user', 'pw');
    expect(await dev.fails('ID.1002', 'StopVmInstance', `uuid=${vm}`)).toMatch(/no policy/);
    const policy = (await tenant.ok('CreatePolicy', 'name=cli-stop', 'statements=[{"name":"s","effect":"Allow","actions":["instance:APIStopVmInstanceMsg"]}]')).inventory;
    await tenant.ok('AttachPolicyToUser', `userUuid=${user.uuid as string}`, `policyUuid=${policy.uuid as string}`);
    expect((await dev.ok('StopVmInstance', `uuid=${vm}`)).inventory.state).toBe('Stopped');
    await tenant.ok('DetachPolicyFromUser', `userUuid=${user.uuid as string}`, `policyUuid=${policy.uuid as string}`);
    await dev.fails('ID.1002', 'StartVmInstance', `uuid=${vm}`);
    await tenant.ok('DeleteUser', `uuid=${user.uuid as string}`);
    expect((await tenant.ok('QueryUser', 'name=cli-user')).inventories).toEqual([]);
  }, 120_000);
});
