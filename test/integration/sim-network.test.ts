// The simulator's network services through the built CLI: security groups, VIPs, EIPs, port forwarding and load
// balancers, each created, queried (with joins), changed and deleted, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { Zs } from './sim-cli.js';

let sim: Simulator;
let zs: Zs;
let pub: string;
let flat: string;
let nic: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
  zs = await new Zs(sim).login();
  pub = await zs.value('QueryL3Network', 'name=l3-public', '-c', 'uuid');
  flat = await zs.value('QueryL3Network', 'name=l3-flat-1', '-c', 'uuid');
  nic = await zs.value('QueryVmNic', `l3NetworkUuid=${flat}`, 'vmInstance.name=web-07', '-c', 'uuid');
}, 120_000);
afterAll(() => sim?.close());

describe('security groups', () => {
  it('create with a rule, attach to an L3, add a nic, query by join, change a rule, delete', async () => {
    const sg = (await zs.ok('CreateSecurityGroup', 'name=cli-sg')).inventory;
    await zs.ok('AddSecurityGroupRule', `securityGroupUuid=${sg.uuid as string}`, 'rules=[{"type":"Ingress","protocol":"TCP","dstPortRange":"443","srcIpRange":"0.0.0.0/0"}]');
    await zs.ok('AttachSecurityGroupToL3Network', `securityGroupUuid=${sg.uuid as string}`, `l3NetworkUuid=${flat}`);
    await zs.ok('AddVmNicToSecurityGroup', `securityGroupUuid=${sg.uuid as string}`, `vmNicUuids=${nic}`);
    expect(await zs.value('QueryVmInstance', 'vmNics.securityGroupRef.securityGroup.name=cli-sg', '-c', 'name')).toBe('web-07');
    const rule = await zs.value('QuerySecurityGroupRule', `securityGroupUuid=${sg.uuid as string}`, 'dstPortRange=443', '-c', 'uuid');
    expect((await zs.ok('ChangeSecurityGroupRule', `uuid=${rule}`, 'action=DROP')).inventory.action).toBe('DROP');
    await zs.fails('SYS.1007', 'AddSecurityGroupRule', `securityGroupUuid=${sg.uuid as string}`, 'rules=[{"type":"Ingress","protocol":"ICMP","dstPortRange":"22"}]');
    await zs.fails('SYS.1006', 'AttachSecurityGroupToL3Network', `securityGroupUuid=${sg.uuid as string}`, `l3NetworkUuid=${flat}`);
    await zs.ok('DeleteVmNicFromSecurityGroup', `securityGroupUuid=${sg.uuid as string}`, `vmNicUuids=${nic}`);
    await zs.ok('DeleteSecurityGroup', `uuid=${sg.uuid as string}`);
    expect((await zs.ok('QuerySecurityGroup', 'name=cli-sg')).inventories).toEqual([]);
  }, 90_000);
});

describe('VIPs, EIPs and port forwarding', () => {
  it('an EIP: create on a VIP, attach to a nic, query, detach, delete', async () => {
    const vip = (await zs.ok('CreateVip', 'name=cli-vip', `l3NetworkUuid=${pub}`)).inventory;
    const eip = (await zs.ok('CreateEip', 'name=cli-eip', `vipUuid=${vip.uuid as string}`)).inventory;
    await zs.ok('AttachEip', `eipUuid=${eip.uuid as string}`, `vmNicUuid=${nic}`);
    expect(await zs.value('QueryEip', 'vmNic.vmInstance.name=web-07', '-c', 'uuid')).toBe(eip.uuid);
    await zs.fails('SYS.1006', 'DeleteVip', `uuid=${vip.uuid as string}`);
    await zs.ok('UpdateEip', `uuid=${eip.uuid as string}`, 'description=front door');
    await zs.ok('DetachEip', `uuid=${eip.uuid as string}`);
    await zs.ok('DeleteEip', `uuid=${eip.uuid as string}`);
    await zs.ok('DeleteVip', `uuid=${vip.uuid as string}`);
    expect((await zs.ok('QueryVip', 'name=cli-vip')).inventories).toEqual([]);
  }, 90_000);

  it('port forwarding: two rules on one VIP, overlapping ports refused', async () => {
    const vip = await zs.value('QueryVip', 'name=vip-ssh', '-c', 'uuid');
    const rule = (await zs.ok('CreatePortForwardingRule', 'name=cli-ssh', `vipUuid=${vip}`, 'vipPortStart=2207', 'privatePortStart=22', 'protocolType=TCP', `vmNicUuid=${nic}`)).inventory;
    expect(rule).toMatchObject({ vipPortStart: 2207, privatePortStart: 22 });
    await zs.fails('SYS.1006', 'CreatePortForwardingRule', 'name=clash', `vipUuid=${vip}`, 'vipPortStart=2201', 'protocolType=TCP');
    await zs.ok('DetachPortForwardingRule', `uuid=${rule.uuid as string}`);
    await zs.ok('DeletePortForwardingRule', `uuid=${rule.uuid as string}`);
  }, 60_000);
});

describe('load balancers', () => {
  it('a load balancer with a listener and backend nics', async () => {
    const vip = (await zs.ok('CreateVip', 'name=cli-lb-vip', `l3NetworkUuid=${pub}`)).inventory;
    const lb = (await zs.ok('CreateLoadBalancer', 'name=cli-lb', `vipUuid=${vip.uuid as string}`)).inventory;
    const listener = (await zs.ok('CreateLoadBalancerListener', `loadBalancerUuid=${lb.uuid as string}`, 'name=web', 'loadBalancerPort=80', 'instancePort=8080', 'protocol=http')).inventory;
    await zs.ok('AddVmNicToLoadBalancer', `listenerUuid=${listener.uuid as string}`, `vmNicUuids=${nic}`);
    expect(await zs.value('QueryLoadBalancerListener', `uuid=${listener.uuid as string}`, '-c', 'vmNicRefs.vmNicUuid')).toBe(nic);
    await zs.fails('SYS.1006', 'CreateLoadBalancerListener', `loadBalancerUuid=${lb.uuid as string}`, 'name=again', 'loadBalancerPort=80');
    await zs.ok('RemoveVmNicFromLoadBalancer', `listenerUuid=${listener.uuid as string}`, `vmNicUuids=${nic}`);
    await zs.ok('DeleteLoadBalancer', `uuid=${lb.uuid as string}`);
    expect((await zs.ok('QueryLoadBalancerListener', `loadBalancerUuid=${lb.uuid as string}`)).inventories).toEqual([]);
  }, 90_000);
});
