// The `demo` seed: two zones with clusters, hosts, networks, storage, images, offerings, an affinity group and ~50 VMs,
// then the cloud around them (demo-cloud.ts): shares, network services, scheduler jobs and a second account.
import { addAccount, addUser } from '../model/accounts.js';
import { addAffinityGroup, addVmToGroup } from '../model/affinity.js';
import { addImage } from '../model/images.js';
import { addCluster, addKvmHost, addZone } from '../model/infra.js';
import { addIpRange, addL2, addL3, attachL2ToCluster } from '../model/network.js';
import { addDiskOffering, addInstanceOffering } from '../model/offerings.js';
import { addBackupStorage, addPrimaryStorage, attachBackupStorageToZone, attachPrimaryStorageToCluster } from '../model/storage.js';
import { addTag } from '../model/tags.js';
import { addVm, placeVm } from '../model/vms.js';
import { addSnapshot, addVolume } from '../model/volumes.js';
import { seedDemoCloud } from './demo-cloud.js';
const GiB = 1024 ** 3;
/** VM states in the demo, weighted: mostly Running, some of each other steady state. */
const STATES = [
    ...Array(12).fill('Running'),
    ...Array(4).fill('Stopped'),
    'Paused',
    'Destroyed',
    'Crashed',
    'Unknown',
];
const ON_HOST = new Set(['Running', 'Paused', 'Crashed', 'Unknown']);
export function seedDemo(store, clock, access) {
    const uuid = (r) => String(r.uuid);
    addAccount(store, { name: 'tenant-a', password: { plain: 'password' }, description: 'a normal account for demos' });
    const admin = store.find('AccountInventory', 'name', 'admin')[0];
    addUser(store, { accountUuid: uuid(admin), name: 'demo-user', password: { plain: 'password' } });
    clock.tick();
    const z1 = addZone(store, { name: 'zone-1', description: 'main datacenter', isDefault: true });
    const z2 = addZone(store, { name: 'zone-2', description: 'backup datacenter' });
    clock.tick();
    const c1a = addCluster(store, { zoneUuid: uuid(z1), name: 'cluster-1a' });
    const c1b = addCluster(store, { zoneUuid: uuid(z1), name: 'cluster-1b' });
    const c2a = addCluster(store, { zoneUuid: uuid(z2), name: 'cluster-2a' });
    clock.tick();
    const hosts = [
        [c1a, 'host-1', '10.0.1.11'],
        [c1a, 'host-2', '10.0.1.12'],
        [c1a, 'host-3', '10.0.1.13'],
        [c1b, 'host-4', '10.0.1.21'],
        [c1b, 'host-5', '10.0.1.22'],
        [c2a, 'host-6', '10.0.2.11'],
        [c2a, 'host-7', '10.0.2.12'],
    ];
    for (const [c, name, ip] of hosts)
        addKvmHost(store, { clusterUuid: uuid(c), zoneUuid: String(c.zoneUuid), name, managementIp: ip, cpuNum: 48, memoryGiB: 384 });
    const host5 = store.find('HostInventory', 'name', 'host-5')[0];
    store.update('HostInventory', uuid(host5), { state: 'Disabled' });
    clock.tick();
    const psLocal1 = addPrimaryStorage(store, { zoneUuid: uuid(z1), name: 'ps-local-1', url: '/zstack_ps', type: 'LocalStorage' });
    const psNfs1 = addPrimaryStorage(store, { zoneUuid: uuid(z1), name: 'ps-nfs-1', url: '10.0.1.100:/nfs/primary', type: 'NFS', capacityTiB: 50 });
    const psLocal2 = addPrimaryStorage(store, { zoneUuid: uuid(z2), name: 'ps-local-2', url: '/zstack_ps', type: 'LocalStorage' });
    attachPrimaryStorageToCluster(store, uuid(psLocal1), uuid(c1a));
    attachPrimaryStorageToCluster(store, uuid(psNfs1), uuid(c1b));
    attachPrimaryStorageToCluster(store, uuid(psLocal2), uuid(c2a));
    const bsStore = addBackupStorage(store, { name: 'bs-imagestore-1', url: '/zstack_bs', hostname: '10.0.1.200', type: 'ImageStoreBackupStorage' });
    const bsSftp = addBackupStorage(store, { name: 'bs-sftp-1', url: '/sftp_bs', hostname: '10.0.2.200', type: 'SftpBackupStorage' });
    attachBackupStorageToZone(store, uuid(bsStore), uuid(z1));
    attachBackupStorageToZone(store, uuid(bsStore), uuid(z2));
    attachBackupStorageToZone(store, uuid(bsSftp), uuid(z2));
    clock.tick();
    const l2Flat1 = addL2(store, { zoneUuid: uuid(z1), name: 'l2-flat-1', physicalInterface: 'eth0' });
    const l2Vlan100 = addL2(store, { zoneUuid: uuid(z1), name: 'l2-vlan-100', physicalInterface: 'eth1', vlan: 100 });
    const l2Flat2 = addL2(store, { zoneUuid: uuid(z2), name: 'l2-flat-2', physicalInterface: 'eth0' });
    for (const c of [c1a, c1b]) {
        attachL2ToCluster(store, uuid(l2Flat1), uuid(c));
        attachL2ToCluster(store, uuid(l2Vlan100), uuid(c));
    }
    attachL2ToCluster(store, uuid(l2Flat2), uuid(c2a));
    const l3Flat1 = addL3(store, { l2NetworkUuid: uuid(l2Flat1), zoneUuid: uuid(z1), name: 'l3-flat-1', dnsDomain: 'zone1.local', dns: ['223.5.5.5'] });
    const l3Public = addL3(store, { l2NetworkUuid: uuid(l2Flat1), zoneUuid: uuid(z1), name: 'l3-public', category: 'Public' });
    const l3Vlan100 = addL3(store, { l2NetworkUuid: uuid(l2Vlan100), zoneUuid: uuid(z1), name: 'l3-vlan-100' });
    const l3Flat2 = addL3(store, { l2NetworkUuid: uuid(l2Flat2), zoneUuid: uuid(z2), name: 'l3-flat-2', dns: ['8.8.8.8'] });
    addIpRange(store, { l3NetworkUuid: uuid(l3Flat1), name: 'range-flat-1', startIp: '192.168.1.10', endIp: '192.168.1.250', netmask: '255.255.255.0', gateway: '192.168.1.1' });
    addIpRange(store, { l3NetworkUuid: uuid(l3Public), name: 'range-public', startIp: '172.20.0.100', endIp: '172.20.0.200', netmask: '255.255.0.0', gateway: '172.20.0.1' });
    addIpRange(store, { l3NetworkUuid: uuid(l3Vlan100), name: 'range-vlan-100', startIp: '10.100.0.10', endIp: '10.100.0.200', netmask: '255.255.255.0', gateway: '10.100.0.1' });
    addIpRange(store, { l3NetworkUuid: uuid(l3Flat2), name: 'range-flat-2', startIp: '192.168.2.10', endIp: '192.168.2.250', netmask: '255.255.255.0', gateway: '192.168.2.1' });
    clock.tick();
    const bsAll = [uuid(bsStore)];
    const img = (name, url, sizeGiB, extra = {}) => addImage(store, { name, url, size: sizeGiB * GiB, backupStorageUuids: bsAll, ...extra });
    const centos = img('centos-7', 'http://images.local/centos-7.qcow2', 8, { guestOsType: 'CentOS 7' });
    const ubuntu = img('ubuntu-22.04', 'http://images.local/ubuntu-22.04.qcow2', 10, { guestOsType: 'Ubuntu 22.04' });
    const windows = img('windows-2019', 'http://images.local/windows-2019.qcow2', 40, { platform: 'Windows', guestOsType: 'Windows 2019' });
    const alpine = img('alpine-3.18', 'http://images.local/alpine-3.18.qcow2', 1, { guestOsType: 'Other' });
    img('debian-12', 'http://images.local/debian-12.qcow2', 4, { guestOsType: 'Debian 12', backupStorageUuids: [uuid(bsStore), uuid(bsSftp)] });
    img('centos-7-iso', 'http://images.local/CentOS-7-x86_64-DVD.iso', 4, { mediaType: 'ISO' });
    img('data-template-1', 'http://images.local/data-1.qcow2', 20, { mediaType: 'DataVolumeTemplate' });
    const fedora = img('fedora-38', 'http://images.local/fedora-38.qcow2', 6);
    store.update('ImageInventory', uuid(fedora), { status: 'Deleted' });
    clock.tick();
    const small = addInstanceOffering(store, { name: 'small', cpuNum: 1, memorySize: 1 * GiB, sortKey: 1 });
    const medium = addInstanceOffering(store, { name: 'medium', cpuNum: 2, memorySize: 4 * GiB, sortKey: 2 });
    const large = addInstanceOffering(store, { name: 'large', cpuNum: 4, memorySize: 8 * GiB, sortKey: 3 });
    const xlarge = addInstanceOffering(store, { name: 'xlarge', cpuNum: 8, memorySize: 16 * GiB, sortKey: 4 });
    store.update('InstanceOfferingInventory', uuid(xlarge), { state: 'Disabled' });
    const disks = [10, 50, 100, 500].map((g, i) => addDiskOffering(store, { name: `disk-${g}G`, diskSize: g * GiB, sortKey: i + 1 }));
    const agWeb = addAffinityGroup(store, { name: 'ag-web', description: 'spread web servers over hosts', policy: 'antiSoft' });
    const agDb = addAffinityGroup(store, { name: 'ag-db', description: 'never two databases on one host', policy: 'antiHard' });
    clock.tick();
    const groups = [
        { prefix: 'web', count: 12, image: centos, offering: small, l3s: [l3Flat1], zone: z1, dataDisks: 0 },
        { prefix: 'db', count: 6, image: ubuntu, offering: large, l3s: [l3Flat1, l3Vlan100], zone: z1, dataDisks: 2 },
        { prefix: 'app', count: 20, image: alpine, offering: medium, l3s: [l3Vlan100], zone: z1, dataDisks: 1 },
        { prefix: 'test', count: 10, image: windows, offering: medium, l3s: [l3Flat2], zone: z2, dataDisks: 0 },
        { prefix: 'edge', count: 2, image: centos, offering: small, l3s: [l3Public, l3Flat1], zone: z1, dataDisks: 0 },
    ];
    for (const g of groups) {
        for (let i = 1; i <= g.count; i++) {
            const name = `${g.prefix}-${String(i).padStart(2, '0')}`;
            const state = store.ids.pick(STATES);
            const l3NetworkUuids = g.l3s.map(uuid);
            const vm = addVm(store, {
                name,
                description: `${g.prefix} server ${i}`,
                imageUuid: uuid(g.image),
                instanceOfferingUuid: uuid(g.offering),
                cpuNum: Number(g.offering.cpuNum),
                memorySize: Number(g.offering.memorySize),
                l3NetworkUuids,
                placement: placeVm(store, { l3NetworkUuids, zoneUuid: uuid(g.zone) }),
                onHost: ON_HOST.has(state),
                state,
                rootDiskSize: Number(g.image.size),
                platform: String(g.image.platform),
                guestOsType: g.image.guestOsType ?? null,
                dataDisks: Array.from({ length: g.dataDisks }, (_, k) => ({ size: Number(disks[k % disks.length].diskSize), diskOfferingUuid: uuid(disks[k % disks.length]), name: `${name}-data-${k + 1}` })),
            });
            if (g.prefix === 'db') {
                addTag(store, { resourceUuid: uuid(vm), resourceType: 'VmInstanceVO', tag: 'ha::NeverStop', kind: 'system' });
                if (i <= 3)
                    addVmToGroup(store, uuid(agDb), uuid(vm));
                if (i <= 2)
                    addSnapshot(store, store.get('VolumeInventory', String(vm.rootVolumeUuid)), { name: `${name}-root-snap-1` });
            }
            if (g.prefix === 'web') {
                addTag(store, { resourceUuid: uuid(vm), resourceType: 'VmInstanceVO', tag: 'production', kind: 'user' });
                if (i <= 4)
                    addVmToGroup(store, uuid(agWeb), uuid(vm));
            }
            if (g.prefix === 'test')
                addTag(store, { resourceUuid: uuid(vm), resourceType: 'VmInstanceVO', tag: 'testing', kind: 'user' });
            clock.tick(37_000);
        }
    }
    addVolume(store, { name: 'spare-data-1', type: 'Data', size: 50 * GiB, primaryStorageUuid: uuid(psLocal1), diskOfferingUuid: uuid(disks[1]) });
    addVolume(store, { name: 'spare-data-2', type: 'Data', size: 100 * GiB, primaryStorageUuid: uuid(psNfs1), diskOfferingUuid: uuid(disks[2]) });
    addVolume(store, { name: 'new-data-1', type: 'Data', size: 10 * GiB, diskOfferingUuid: uuid(disks[0]) });
    const old = addVolume(store, { name: 'old-data-1', type: 'Data', size: 500 * GiB, primaryStorageUuid: uuid(psLocal2) });
    store.update('VolumeInventory', uuid(old), { status: 'Deleted' });
    clock.tick();
    seedDemoCloud(store, clock, access);
}
