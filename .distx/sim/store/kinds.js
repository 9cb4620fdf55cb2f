// Which table an inventory's rows live in: sub-kinds (KVM hosts, VLAN L2s, image-store BS, tag kinds) share their parent's table.
const KINDS = {
    KVMHostInventory: { table: 'HostInventory', field: 'hypervisorType', value: 'KVM', parent: 'HostInventory' },
    L2VlanNetworkInventory: { table: 'L2NetworkInventory', field: 'type', value: 'L2VlanNetwork', parent: 'L2NetworkInventory' },
    ImageStoreBackupStorageInventory: {
        table: 'BackupStorageInventory',
        field: 'type',
        value: 'ImageStoreBackupStorage',
        parent: 'BackupStorageInventory',
    },
    SftpBackupStorageInventory: { table: 'BackupStorageInventory', field: 'type', value: 'SftpBackupStorage', parent: 'BackupStorageInventory' },
    SystemTagInventory: { table: 'TagInventory', field: 'type', value: 'System', parent: 'TagInventory' },
    UserTagInventory: { table: 'TagInventory', field: 'type', value: 'Simple', parent: 'TagInventory' },
};
export function kindOf(inventory) {
    return KINDS[inventory];
}
/** The kinds whose rows may be in `table`: the table's own and its sub-kinds. */
export function kindsIn(table) {
    return [table, ...Object.keys(KINDS).filter((k) => KINDS[k].table === table)];
}
/** `VmInstanceVO` -> `VmInstanceInventory`. */
export function inventoryOfVo(vo) {
    return vo.endsWith('VO') ? `${vo.slice(0, -2)}Inventory` : vo;
}
/** `VmInstanceInventory` -> `VmInstanceVO` (the resourceType ZStack writes in tags and errors). */
export function voOfInventory(inventory) {
    const base = kindOf(inventory)?.table ?? inventory;
    return base.endsWith('Inventory') ? `${base.slice(0, -'Inventory'.length)}VO` : base;
}
