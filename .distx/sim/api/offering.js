// Instance and disk offering APIs: create, delete, update, state.
import { addDiskOffering, addInstanceOffering } from '../model/offerings.js';
import { invalidArgument } from './errors.js';
import { deleter, stateChanger, updater } from './simple.js';
import { applyCreationTags } from './tags.js';
const IO = 'InstanceOfferingInventory';
const DO = 'DiskOfferingInventory';
export const offeringHandlers = {
    CreateInstanceOffering: (call) => {
        const cpuNum = call.num('cpuNum') ?? 0;
        const memorySize = call.num('memorySize') ?? 0;
        if (cpuNum <= 0)
            throw invalidArgument(`cpuNum[${cpuNum}] must be greater than 0`);
        if (memorySize <= 0)
            throw invalidArgument(`memorySize[${memorySize}] must be greater than 0`);
        const row = addInstanceOffering(call.store, {
            uuid: call.newUuid(),
            name: call.need('name'),
            description: call.str('description') ?? null,
            cpuNum,
            memorySize,
            reservedMemorySize: call.num('reservedMemorySize') ?? 0,
            allocatorStrategy: call.str('allocatorStrategy') ?? null,
            sortKey: call.num('sortKey') ?? 0,
            type: call.str('type') ?? 'UserVm',
        });
        applyCreationTags(call, String(row.uuid), IO);
        return call.inventory(IO, String(row.uuid));
    },
    DeleteInstanceOffering: deleter(IO),
    UpdateInstanceOffering: updater(IO, ['name', 'description', 'allocatorStrategy']),
    ChangeInstanceOfferingState: stateChanger(IO),
    CreateDiskOffering: (call) => {
        const diskSize = call.num('diskSize') ?? 0;
        if (diskSize <= 0)
            throw invalidArgument(`diskSize[${diskSize}] must be greater than 0`);
        const row = addDiskOffering(call.store, {
            uuid: call.newUuid(),
            name: call.need('name'),
            description: call.str('description') ?? null,
            diskSize,
            sortKey: call.num('sortKey') ?? 0,
            allocatorStrategy: call.str('allocationStrategy') ?? null,
            type: call.str('type') ?? 'zstack',
        });
        applyCreationTags(call, String(row.uuid), DO);
        return call.inventory(DO, String(row.uuid));
    },
    DeleteDiskOffering: deleter(DO),
    UpdateDiskOffering: updater(DO, ['name', 'description']),
    ChangeDiskOfferingState: stateChanger(DO),
};
