// What every seed starts with: the admin account and the management node.
import { addAdmin, addManagementNode } from '../model/accounts.js';
import type { Store } from '../store/store.js';

export interface SeedResult {
  managementNodeUuid: string;
}

export function seedBase(store: Store): SeedResult {
  addAdmin(store);
  const node = addManagementNode(store, '127.0.0.1');
  return { managementNodeUuid: String(node.uuid) };
}
