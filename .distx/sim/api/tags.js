// System/user tag APIs, and tags given on creation APIs (`systemTags`/`userTags`) recorded on the new resource.
import { inventoryOfVo, voOfInventory } from '../store/kinds.js';
import { addTag } from '../model/tags.js';
import { invalidArgument, notFound } from './errors.js';
/** Records the call's tags on a resource it created. */
export function applyCreationTags(call, resourceUuid, inventory) {
    const resourceType = voOfInventory(inventory);
    for (const tag of call.systemTags)
        addTag(call.store, { resourceUuid, resourceType, tag, kind: 'system' });
    for (const tag of call.userTags)
        addTag(call.store, { resourceUuid, resourceType, tag, kind: 'user' });
}
function createTag(kind) {
    return (call) => {
        const resourceType = call.need('resourceType');
        const resourceUuid = call.need('resourceUuid');
        const inventory = inventoryOfVo(resourceType);
        if (!call.env.registry.inventory(inventory))
            throw invalidArgument(`resourceType[${resourceType}] is not a known resource type`);
        if (!call.store.get(inventory, resourceUuid))
            throw notFound(resourceType, resourceUuid);
        const tag = call.need('tag');
        const row = addTag(call.store, { resourceUuid, resourceType, tag, kind });
        const inv = kind === 'system' ? 'SystemTagInventory' : 'UserTagInventory';
        return { inventory: call.render(inv, row) };
    };
}
export const tagHandlers = {
    CreateSystemTag: createTag('system'),
    CreateUserTag: createTag('user'),
    DeleteTag: (call) => {
        call.must('TagInventory', call.need('uuid'));
        call.store.remove('TagInventory', call.need('uuid'));
        return {};
    },
    UpdateSystemTag: (call) => {
        const uuid = call.need('uuid');
        call.must('SystemTagInventory', uuid);
        call.store.update('TagInventory', uuid, { tag: call.need('tag') });
        return call.inventory('SystemTagInventory', uuid);
    },
};
