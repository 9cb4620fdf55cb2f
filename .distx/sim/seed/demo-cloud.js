import { addPolicy, addUser, ADMIN_ACCOUNT_UUID } from '../model/accounts.js';
import { addEip, addListener, addLoadBalancer, addNicToListener, addNicToSecurityGroup, addPortForwardingRule, addSecurityGroup, addSecurityGroupRule, attachSecurityGroupToL3, } from '../model/network-services.js';
import { addSchedulerJob, addSchedulerTrigger, linkJobToTrigger } from '../model/scheduler.js';
import { addVip, useVip } from '../model/vips.js';
import { addVm, placeVm } from '../model/vms.js';
import { addVolume } from '../model/volumes.js';
import { voOfInventory } from '../store/kinds.js';
const GiB = 1024 ** 3;
function named(store, inventory, name) {
    const row = store.find(inventory, 'name', name)[0];
    if (!row)
        throw new Error(`demo seed: no ${inventory} named ${name}`);
    return row;
}
/** The nic of a VM (by name) on an L3 (by name). */
function nicOf(store, vmName, l3Name) {
    const vm = named(store, 'VmInstanceInventory', vmName);
    const l3 = named(store, 'L3NetworkInventory', l3Name);
    const nic = store.find('VmNicInventory', 'vmInstanceUuid', vm.uuid).find((n) => n.l3NetworkUuid === l3.uuid);
    if (!nic)
        throw new Error(`demo seed: ${vmName} has no nic on ${l3Name}`);
    return nic;
}
/** Public shares, as an admin does so that other accounts can create VMs: images, offerings, the tenant networks. */
function shareWithEveryone(store) {
    const share = (inventory, row) => {
        store.insert('SharedResourceInventory', { ownerAccountUuid: ADMIN_ACCOUNT_UUID, receiverAccountUuid: null, toPublic: true, resourceType: voOfInventory(inventory), resourceUuid: row.uuid });
    };
    for (const img of store.all('ImageInventory'))
        if (img.status === 'Ready')
            share('ImageInventory', img);
    for (const o of store.all('InstanceOfferingInventory'))
        share('InstanceOfferingInventory', o);
    for (const o of store.all('DiskOfferingInventory'))
        share('DiskOfferingInventory', o);
    for (const name of ['l3-flat-1', 'l3-public', 'l3-flat-2'])
        share('L3NetworkInventory', named(store, 'L3NetworkInventory', name));
}
function adminServices(store) {
    const flat1 = String(named(store, 'L3NetworkInventory', 'l3-flat-1').uuid);
    const vlan = String(named(store, 'L3NetworkInventory', 'l3-vlan-100').uuid);
    const pub = String(named(store, 'L3NetworkInventory', 'l3-public').uuid);
    const web = addSecurityGroup(store, { name: 'sg-web', description: 'ssh from the office, http and https from anywhere' });
    const webUuid = String(web.uuid);
    addSecurityGroupRule(store, webUuid, { type: 'Ingress', protocol: 'TCP', priority: 1, dstPortRange: '22', srcIpRange: '10.0.0.0/8', description: 'ssh' });
    addSecurityGroupRule(store, webUuid, { type: 'Ingress', protocol: 'TCP', priority: 2, dstPortRange: '80,443', description: 'web' });
    attachSecurityGroupToL3(store, webUuid, flat1);
    for (let i = 1; i <= 6; i++)
        addNicToSecurityGroup(store, webUuid, nicOf(store, `web-0${i}`, 'l3-flat-1'));
    const db = addSecurityGroup(store, { name: 'sg-db', description: 'mysql from the web servers only' });
    const dbUuid = String(db.uuid);
    addSecurityGroupRule(store, dbUuid, { type: 'Ingress', protocol: 'TCP', priority: 1, dstPortRange: '3306', remoteSecurityGroupUuid: webUuid, description: 'mysql' });
    attachSecurityGroupToL3(store, dbUuid, flat1);
    attachSecurityGroupToL3(store, dbUuid, vlan);
    for (let i = 1; i <= 6; i++)
        addNicToSecurityGroup(store, dbUuid, nicOf(store, `db-0${i}`, 'l3-vlan-100'));
    const app = addSecurityGroup(store, { name: 'sg-app', description: 'not used yet' });
    attachSecurityGroupToL3(store, String(app.uuid), vlan);
    const vip = (name, service, description) => {
        const row = addVip(store, { l3NetworkUuid: pub, name, description });
        if (service)
            useVip(store, row, service);
        return store.get('VipInventory', String(row.uuid));
    };
    addEip(store, { name: 'eip-edge-01', description: 'public address of edge-01', vip: vip('vip-edge-01', 'Eip', 'for eip-edge-01'), nic: nicOf(store, 'edge-01', 'l3-flat-1') });
    addEip(store, { name: 'eip-spare', description: 'not attached', vip: vip('vip-spare', 'Eip', 'for eip-spare') });
    const pfVip = vip('vip-ssh', 'PortForwarding', 'ssh to the web servers');
    addPortForwardingRule(store, { name: 'ssh-web-01', vip: pfVip, vipPorts: [2201, 2201], privatePorts: [22, 22], protocolType: 'TCP', nic: nicOf(store, 'web-01', 'l3-flat-1') });
    addPortForwardingRule(store, { name: 'ssh-web-02', vip: pfVip, vipPorts: [2202, 2202], privatePorts: [22, 22], protocolType: 'TCP', nic: nicOf(store, 'web-02', 'l3-flat-1') });
    const lb = addLoadBalancer(store, { name: 'lb-web', description: 'the web site', vip: vip('vip-lb-web', 'LoadBalancer', 'for lb-web') });
    const http = addListener(store, { loadBalancerUuid: String(lb.uuid), name: 'http', loadBalancerPort: 80, instancePort: 8080, protocol: 'http' });
    for (let i = 1; i <= 4; i++)
        addNicToListener(store, String(http.uuid), String(nicOf(store, `web-0${i}`, 'l3-flat-1').uuid));
    addListener(store, { loadBalancerUuid: String(lb.uuid), name: 'tcp-8443', loadBalancerPort: 8443, instancePort: 8443, protocol: 'tcp' });
    const stop = addSchedulerJob(store, { name: 'stop-test-01-nightly', description: 'test-01 is not needed at night', type: 'stopVm', targetResourceUuid: String(named(store, 'VmInstanceInventory', 'test-01').uuid) });
    const nightly = addSchedulerTrigger(store, { name: 'nightly-22h', schedulerType: 'cron', timing: { cron: '0 0 22 * * ?', schedulerInterval: null, repeatCount: null, startTime: null, stopTime: null } });
    linkJobToTrigger(store, String(stop.uuid), String(nightly.uuid));
    const db1 = named(store, 'VmInstanceInventory', 'db-01');
    const snap = addSchedulerJob(store, { name: 'snapshot-db-01-daily', type: 'volumeSnapshot', targetResourceUuid: String(db1.rootVolumeUuid) });
    const start = store.now();
    const daily = addSchedulerTrigger(store, { name: 'daily', schedulerType: 'simple', timing: { cron: null, schedulerInterval: 86_400, repeatCount: null, startTime: start, stopTime: null } });
    linkJobToTrigger(store, String(snap.uuid), String(daily.uuid));
    const operator = addPolicy(store, {
        accountUuid: ADMIN_ACCOUNT_UUID,
        name: 'vm-operator',
        statements: [{ name: 'start-stop-reboot', effect: 'Allow', actions: ['instance:APIStartVmInstanceMsg', 'instance:APIStopVmInstanceMsg', 'instance:APIRebootVmInstanceMsg'] }],
    });
    const demoUser = named(store, 'UserInventory', 'demo-user');
    store.insert('UserPolicyRefInventory', { userUuid: demoUser.uuid, policyUuid: operator.uuid });
}
/** tenant-a's own cloud, created while tenant-a acts so that it owns it. */
function tenant(store, clock, access) {
    const account = named(store, 'AccountInventory', 'tenant-a');
    const accountUuid = String(account.uuid);
    const ops = addUser(store, { accountUuid, name: 'tenant-a-ops', password: { plain: 'password' }, description: 'operates tenant-a' });
    const policy = addPolicy(store, { accountUuid, name: 'vm-all', statements: [{ name: 'all-vm-apis', effect: 'Allow', actions: ['vm:*'] }] });
    store.insert('UserPolicyRefInventory', { userUuid: ops.uuid, policyUuid: policy.uuid });
    access.as(accountUuid, () => {
        const flat1 = named(store, 'L3NetworkInventory', 'l3-flat-1');
        const vms = [
            ['tenant-web-01', 'centos-7', 'small'],
            ['tenant-web-02', 'centos-7', 'small'],
            ['tenant-db-01', 'ubuntu-22.04', 'medium'],
        ];
        const nics = [];
        for (const [name, imageName, offeringName] of vms) {
            const image = named(store, 'ImageInventory', imageName);
            const offering = named(store, 'InstanceOfferingInventory', offeringName);
            const l3NetworkUuids = [String(flat1.uuid)];
            const vm = addVm(store, {
                name,
                description: `tenant-a ${name}`,
                imageUuid: String(image.uuid),
                instanceOfferingUuid: String(offering.uuid),
                cpuNum: Number(offering.cpuNum),
                memorySize: Number(offering.memorySize),
                l3NetworkUuids,
                placement: placeVm(store, { l3NetworkUuids }),
                onHost: true,
                state: 'Running',
                rootDiskSize: Number(image.size),
                platform: String(image.platform),
            });
            nics.push(store.find('VmNicInventory', 'vmInstanceUuid', vm.uuid)[0]);
            clock.tick(29_000);
        }
        const sg = addSecurityGroup(store, { name: 'tenant-sg', description: "tenant-a's servers" });
        addSecurityGroupRule(store, String(sg.uuid), { type: 'Ingress', protocol: 'TCP', priority: 1, dstPortRange: '22,80', description: 'ssh and http' });
        attachSecurityGroupToL3(store, String(sg.uuid), String(flat1.uuid));
        for (const nic of nics)
            addNicToSecurityGroup(store, String(sg.uuid), nic);
        const vip = addVip(store, { l3NetworkUuid: String(named(store, 'L3NetworkInventory', 'l3-public').uuid), name: 'tenant-vip' });
        useVip(store, vip, 'Eip');
        addEip(store, { name: 'tenant-eip', vip: store.get('VipInventory', String(vip.uuid)), nic: nics[0] });
        addVolume(store, { name: 'tenant-data-1', type: 'Data', size: 20 * GiB });
    });
}
export function seedDemoCloud(store, clock, access) {
    shareWithEveryone(store);
    adminServices(store);
    clock.tick();
    tenant(store, clock, access);
}
