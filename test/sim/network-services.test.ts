// Network services over HTTP: security groups (rules, L3s, nics), VIPs, EIPs, port forwarding, load balancers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { fails, login, ok, query, send, uuidOf } from './http.js';

let sim: Simulator;
let session: string;
const ids: Record<string, string> = {};

async function newVm(name: string): Promise<any> {
  return (await ok(sim, 'POST', '/vm-instances', { session, body: { params: { name, instanceOfferingUuid: ids.small, imageUuid: ids.centos, l3NetworkUuids: [ids.l3] } } })).inventory;
}

const post = async (path: string, params: Record<string, unknown> = {}): Promise<any> => ok(sim, 'POST', path, { session, body: { params } });
const newVip = async (name: string, extra: Record<string, unknown> = {}): Promise<any> => (await post('/vips', { name, l3NetworkUuid: ids.pub, ...extra })).inventory;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'demo', jobDelayMs: 0 });
  session = await login(sim);
  ids.small = await uuidOf(sim, session, '/instance-offerings', 'small');
  ids.centos = await uuidOf(sim, session, '/images', 'centos-7');
  ids.l3 = await uuidOf(sim, session, '/l3-networks', 'l3-flat-1');
  ids.pub = await uuidOf(sim, session, '/l3-networks', 'l3-public');
});
afterAll(() => sim.close());

describe('security groups', () => {
  it('are created with default rules, take rules with priorities, attach to L3s and hold nics', async () => {
    const sg = (await post('/security-groups', { name: 'sg-test' })).inventory;
    expect(sg).toMatchObject({ name: 'sg-test', state: 'Enabled', ipVersion: 4, attachedL3NetworkUuids: [] });
    expect(sg.rules.map((r: { type: string; priority: number }) => `${r.type}:${r.priority}`).sort()).toEqual(['Egress:0', 'Ingress:0']);
    const withRules = (
      await post(`/security-groups/${sg.uuid as string}/rules`, {
        rules: [
          { type: 'Ingress', protocol: 'TCP', dstPortRange: '22,80-81', srcIpRange: '10.0.0.0/8' },
          { type: 'Ingress', protocol: 'ICMP' },
        ],
      })
    ).inventory;
    const ingress = withRules.rules.filter((r: { type: string; priority: number }) => r.type === 'Ingress' && r.priority > 0);
    expect(ingress.map((r: { protocol: string; priority: number }) => `${r.protocol}:${r.priority}`)).toEqual(['TCP:1', 'ICMP:2']);
    expect((await fails(sim, 'POST', `/security-groups/${sg.uuid as string}/rules`, { session, body: { params: { rules: [{ type: 'Ingress', protocol: 'ICMP', dstPortRange: '22' }] } } })).code).toBe('SYS.1007');
    expect((await fails(sim, 'POST', `/security-groups/${sg.uuid as string}/rules`, { session, body: { params: { rules: [{ type: 'Sideways' }] } } })).code).toBe('SYS.1007');

    const vm = await newVm('sg-vm-1');
    const nic = vm.vmNics[0].uuid as string;
    expect((await fails(sim, 'POST', `/security-groups/${sg.uuid as string}/vm-instances/nics`, { session, body: { params: { vmNicUuids: [nic] } } })).code).toBe('SYS.1006');
    expect((await post(`/security-groups/${sg.uuid as string}/l3-networks/${ids.l3}`)).inventory.attachedL3NetworkUuids).toEqual([ids.l3]);
    const candidates = (await send(sim, 'GET', `/security-groups/${sg.uuid as string}/vm-instances/candidate-nics`, { session })).json.inventories.map((n: { uuid: string }) => n.uuid);
    expect(candidates).toContain(nic);
    await post(`/security-groups/${sg.uuid as string}/vm-instances/nics`, { vmNicUuids: [nic] });
    const refs = (await query(sim, session, '/security-groups/vm-instances/nics', [['q', `vmNicUuid=${nic}`]])).inventories;
    expect(refs).toMatchObject([{ securityGroupUuid: sg.uuid, vmInstanceUuid: vm.uuid, priority: 1 }]);
    // Joins from nics and VMs reach the group.
    expect((await query(sim, session, '/vm-instances/nics', [['q', 'securityGroupRef.securityGroup.name=sg-test'], ['fields', 'uuid']])).inventories).toEqual([{ uuid: nic }]);

    const rule = ingress[1].uuid as string;
    expect((await ok(sim, 'PUT', `/security-groups/rules/${rule}/actions`, { session, body: { changeSecurityGroupRule: { action: 'DROP', description: 'no ping' } } })).inventory).toMatchObject({ action: 'DROP', description: 'no ping' });
    expect((await ok(sim, 'DELETE', `/security-groups/rules?ruleUuids=${rule}`, { session })).inventory.rules.some((r: { uuid: string }) => r.uuid === rule)).toBe(false);
    await ok(sim, 'DELETE', `/security-groups/${sg.uuid as string}/vm-instances/nics?vmNicUuids=${nic}`, { session });
    await ok(sim, 'DELETE', `/security-groups/${sg.uuid as string}/l3-networks/${ids.l3}`, { session });
    await ok(sim, 'DELETE', `/security-groups/${sg.uuid as string}`, { session });
    expect((await query(sim, session, '/security-groups/rules', [['q', `securityGroupUuid=${sg.uuid as string}`]])).inventories).toEqual([]);
  });
});

describe('VIPs, EIPs and port forwarding', () => {
  it('an EIP on a VIP of the public network, attached to a nic of a private one, detached and deleted', async () => {
    const vip = await newVip('vip-eip', { requiredIp: '172.20.0.150' });
    expect(vip).toMatchObject({ ip: '172.20.0.150', l3NetworkUuid: ids.pub, state: 'Enabled', gateway: '172.20.0.1', netmask: '255.255.0.0', prefixLen: 16 });
    expect((await fails(sim, 'POST', '/vips', { session, body: { params: { name: 'dup', l3NetworkUuid: ids.pub, requiredIp: '172.20.0.150' } } })).code).toBe('SYS.1006');
    const vm = await newVm('eip-vm-1');
    const nic = vm.vmNics[0];
    const eip = (await post('/eips', { name: 'eip-1', vipUuid: vip.uuid })).inventory;
    expect(eip).toMatchObject({ vipIp: '172.20.0.150', state: 'Enabled' });
    expect((await query(sim, session, '/vips', [['q', `uuid=${vip.uuid as string}`]])).inventories[0].useFor).toBe('Eip');
    const attachable = (await send(sim, 'GET', `/eips/${eip.uuid as string}/vm-instances/candidate-nics`, { session })).json;
    expect(attachable.inventories.map((n: { uuid: string }) => n.uuid)).toContain(nic.uuid);
    expect(attachable.more).toBe(false);
    const attached = (await post(`/eips/${eip.uuid as string}/vm-instances/nics/${nic.uuid as string}`)).inventory;
    expect(attached).toMatchObject({ vmNicUuid: nic.uuid, guestIp: nic.ip });
    expect((await query(sim, session, '/vm-instances', [['q', 'vmNics.eip.vipIp=172.20.0.150'], ['fields', 'name']])).inventories).toEqual([{ name: 'eip-vm-1' }]);
    const second = (await post('/eips', { name: 'eip-2', vipUuid: (await newVip('vip-2')).uuid })).inventory;
    expect((await fails(sim, 'POST', `/eips/${second.uuid as string}/vm-instances/nics/${nic.uuid as string}`, { session, body: { params: {} } })).code).toBe('SYS.1006');
    expect((await fails(sim, 'DELETE', `/vips/${vip.uuid as string}`, { session })).code).toBe('SYS.1006');
    expect((await ok(sim, 'DELETE', `/eips/${eip.uuid as string}/vm-instances/nics`, { session })).inventory.vmNicUuid).toBeUndefined();
    await ok(sim, 'DELETE', `/eips/${eip.uuid as string}`, { session });
    expect((await query(sim, session, '/vips', [['q', `uuid=${vip.uuid as string}`]])).inventories[0].useFor).toBeUndefined();
    await ok(sim, 'DELETE', `/vips/${vip.uuid as string}`, { session });
    expect((await query(sim, session, '/l3-networks/ip-address', [['q', 'ip=172.20.0.150']])).inventories).toEqual([]);
  });

  it('port forwarding rules share a VIP without overlapping ports', async () => {
    const vip = await newVip('vip-pf');
    const vm = await newVm('pf-vm-1');
    const rule = (await post('/port-forwarding', { name: 'ssh', vipUuid: vip.uuid, vipPortStart: 2222, privatePortStart: 22, protocolType: 'TCP', vmNicUuid: vm.vmNics[0].uuid })).inventory;
    expect(rule).toMatchObject({ vipPortStart: 2222, vipPortEnd: 2222, privatePortStart: 22, privatePortEnd: 22, guestIp: vm.vmNics[0].ip, vipIp: vip.ip });
    const web = (await post('/port-forwarding', { name: 'web', vipUuid: vip.uuid, vipPortStart: 8080, vipPortEnd: 8081, protocolType: 'TCP' })).inventory;
    expect(web).toMatchObject({ privatePortStart: 8080, privatePortEnd: 8081 });
    expect((await fails(sim, 'POST', '/port-forwarding', { session, body: { params: { name: 'x', vipUuid: vip.uuid, vipPortStart: 8081, protocolType: 'TCP' } } })).code).toBe('SYS.1006');
    await post('/port-forwarding', { name: 'dns', vipUuid: vip.uuid, vipPortStart: 8081, protocolType: 'UDP' });
    expect((await fails(sim, 'POST', '/eips', { session, body: { params: { name: 'x', vipUuid: vip.uuid } } })).code).toBe('SYS.1006');
    const nics = (await send(sim, 'GET', `/port-forwarding/${web.uuid as string}/vm-instances/candidate-nics`, { session })).json.inventories;
    expect(nics.length).toBeGreaterThan(0);
    expect((await post(`/port-forwarding/${web.uuid as string}/vm-instances/nics/${vm.vmNics[0].uuid as string}`)).inventory.vmNicUuid).toBe(vm.vmNics[0].uuid);
    // Expunging the VM lets go of its nic: the rules stay, detached.
    await ok(sim, 'DELETE', `/vm-instances/${vm.uuid as string}`, { session });
    await ok(sim, 'PUT', `/vm-instances/${vm.uuid as string}/actions`, { session, body: { expungeVmInstance: {} } });
    expect((await query(sim, session, '/port-forwarding', [['q', `vipUuid=${vip.uuid as string}`], ['q', 'vmNicUuid not null']])).inventories).toEqual([]);
  });
});

describe('load balancers', () => {
  it('a load balancer on a VIP, listeners, nics behind a listener', async () => {
    const vip = await newVip('vip-lb');
    const lb = (await post('/load-balancers', { name: 'lb-web', vipUuid: vip.uuid })).inventory;
    expect(lb).toMatchObject({ name: 'lb-web', state: 'Enabled', vipUuid: vip.uuid, listeners: [] });
    expect((await fails(sim, 'POST', '/load-balancers', { session, body: { params: { name: 'x', vipUuid: vip.uuid } } })).code).toBe('SYS.1006');
    const listener = (await post(`/load-balancers/${lb.uuid as string}/listeners`, { name: 'http', loadBalancerPort: 80, instancePort: 8080, protocol: 'http' })).inventory;
    expect(listener).toMatchObject({ loadBalancerPort: 80, instancePort: 8080, protocol: 'http', vmNicRefs: [] });
    expect((await fails(sim, 'POST', `/load-balancers/${lb.uuid as string}/listeners`, { session, body: { params: { name: 'again', loadBalancerPort: 80 } } })).code).toBe('SYS.1006');
    expect((await fails(sim, 'POST', `/load-balancers/${lb.uuid as string}/listeners`, { session, body: { params: { name: 's', loadBalancerPort: 443, protocol: 'https' } } })).code).toBe('SYS.1007');
    const a = await newVm('lb-vm-1');
    const b = await newVm('lb-vm-2');
    const cands = (await send(sim, 'GET', `/load-balancers/listeners/${listener.uuid as string}/vm-instances/candidate-nics`, { session })).json.inventories.map((n: { uuid: string }) => n.uuid);
    expect(cands).toEqual(expect.arrayContaining([a.vmNics[0].uuid, b.vmNics[0].uuid]));
    const added = (await post(`/load-balancers/listeners/${listener.uuid as string}/vm-instances/nics`, { vmNicUuids: [a.vmNics[0].uuid, b.vmNics[0].uuid] })).inventory;
    expect(added.vmNicRefs.map((r: { vmNicUuid: string; status: string }) => [r.vmNicUuid, r.status])).toEqual([
      [a.vmNics[0].uuid, 'Active'],
      [b.vmNics[0].uuid, 'Active'],
    ]);
    const full = (await query(sim, session, '/load-balancers', [['q', `uuid=${lb.uuid as string}`]])).inventories[0];
    expect(full.listeners.map((l: { name: string }) => l.name)).toEqual(['http']);
    expect((await ok(sim, 'DELETE', `/load-balancers/listeners/${listener.uuid as string}/vm-instances/nics?vmNicUuids=${a.vmNics[0].uuid as string}`, { session })).inventory.uuid).toBe(lb.uuid);
    expect((await query(sim, session, '/load-balancers/listeners', [['q', `uuid=${listener.uuid as string}`]])).inventories[0].vmNicRefs).toHaveLength(1);
    await ok(sim, 'DELETE', `/load-balancers/${lb.uuid as string}`, { session });
    expect((await query(sim, session, '/load-balancers/listeners', [['q', `loadBalancerUuid=${lb.uuid as string}`]])).inventories).toEqual([]);
    expect((await query(sim, session, '/vips', [['q', `uuid=${vip.uuid as string}`]])).inventories[0].useFor).toBeUndefined();
  });
});
