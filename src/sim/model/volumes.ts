// Volumes (root and data) and snapshots as rows; device ids on a VM.
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

export function addVolume(
  store: Store,
  v: {
    uuid?: string;
    name: string;
    description?: string | null;
    type: 'Root' | 'Data';
    size: number;
    primaryStorageUuid?: string | null;
    vmInstanceUuid?: string | null;
    diskOfferingUuid?: string | null;
    rootImageUuid?: string | null;
    deviceId?: number | null;
    status?: 'Ready' | 'NotInstantiated';
  },
): Row {
  const uuid = v.uuid ?? store.ids.uuid();
  const ps = v.primaryStorageUuid ?? null;
  return store.insert('VolumeInventory', {
    uuid,
    name: v.name,
    description: v.description ?? null,
    primaryStorageUuid: ps,
    vmInstanceUuid: v.vmInstanceUuid ?? null,
    diskOfferingUuid: v.diskOfferingUuid ?? null,
    rootImageUuid: v.rootImageUuid ?? null,
    installPath: ps ? `/zstack_ps/${v.type === 'Root' ? 'rootVolumes' : 'dataVolumes'}/vol-${uuid}/${uuid}.qcow2` : null,
    type: v.type,
    format: 'qcow2',
    size: v.size,
    actualSize: ps ? Math.round(v.size * 0.2) : 0,
    deviceId: v.deviceId ?? null,
    state: 'Enabled',
    status: v.status ?? (ps ? 'Ready' : 'NotInstantiated'),
    isShareable: false,
    lastAttachDate: v.vmInstanceUuid ? store.now() : null,
  });
}

/** The lowest device id not used by the VM's volumes (root is 0). */
export function nextDeviceId(store: Store, vmInstanceUuid: string): number {
  const used = new Set(store.find('VolumeInventory', 'vmInstanceUuid', vmInstanceUuid).map((v) => v.deviceId));
  let n = 0;
  while (used.has(n)) n++;
  return n;
}

export function addSnapshot(store: Store, volume: Row, s: { name: string; description?: string | null }): Row {
  const volumeUuid = String(volume.uuid);
  const previous = store.find('VolumeSnapshotInventory', 'volumeUuid', volumeUuid);
  const latest = previous.find((p) => p.latest === true);
  for (const p of previous) if (p.latest) store.update('VolumeSnapshotInventory', String(p.uuid), { latest: false });
  const uuid = store.ids.uuid();
  return store.insert('VolumeSnapshotInventory', {
    uuid,
    name: s.name,
    description: s.description ?? null,
    type: 'Hypervisor',
    volumeUuid,
    treeUuid: latest ? latest.treeUuid : store.ids.uuid(),
    parentUuid: latest ? latest.uuid : null,
    primaryStorageUuid: volume.primaryStorageUuid ?? null,
    primaryStorageInstallPath: `/zstack_ps/snapshots/${uuid}.qcow2`,
    volumeType: volume.type,
    format: volume.format,
    latest: true,
    size: Math.round(Number(volume.actualSize ?? 0) * 0.1),
    distance: latest ? Number(latest.distance ?? 0) + 1 : 0,
    state: 'Enabled',
    status: 'Ready',
  });
}
