// What every seed starts with: the admin account and the management node.
import { addAdmin, addManagementNode } from '../model/accounts.js';
export function seedBase(store) {
    addAdmin(store);
    const node = addManagementNode(store, '127.0.0.1');
    return { managementNodeUuid: String(node.uuid) };
}
