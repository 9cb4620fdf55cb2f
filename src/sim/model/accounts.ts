// Accounts and users (with their SHA-512 password hashes kept hidden) and the management node row.
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

/** ZStack's fixed uuid of the built-in admin account. */
export const ADMIN_ACCOUNT_UUID = '36c27e8ff05c4780bf6d2fa65700f22e';

export function sha512Hex(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('hex');
}

export function addAccount(store: Store, a: { uuid?: string; name: string; password: string; type?: 'SystemAdmin' | 'Normal'; description?: string }): Row {
  return store.insert('AccountInventory', {
    uuid: a.uuid ?? store.ids.uuid(),
    name: a.name,
    description: a.description ?? null,
    type: a.type ?? 'Normal',
    __password: sha512Hex(a.password),
  });
}

export function addUser(store: Store, u: { accountUuid: string; name: string; password: string; description?: string }): Row {
  return store.insert('UserInventory', {
    uuid: store.ids.uuid(),
    accountUuid: u.accountUuid,
    name: u.name,
    description: u.description ?? null,
    __password: sha512Hex(u.password),
  });
}

export function addManagementNode(store: Store, hostName: string): Row {
  const now = store.now();
  return store.insert('ManagementNodeInventory', { uuid: store.ids.uuid(), hostName, joinDate: now, heartBeat: now });
}

/** The admin account every seed starts with: `admin` / `password`. */
export function addAdmin(store: Store): Row {
  return addAccount(store, { uuid: ADMIN_ACCOUNT_UUID, name: 'admin', password: 'password', type: 'SystemAdmin' });
}
