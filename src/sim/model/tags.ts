// System and user tags on resources (one table; `type` is System or Simple like ZStack's TagType).
import type { Store } from '../store/store.js';
import type { Row } from '../store/table.js';

export function addTag(store: Store, t: { resourceUuid: string; resourceType: string; tag: string; kind: 'system' | 'user'; inherent?: boolean }): Row {
  const row: Row = {
    uuid: store.ids.uuid(),
    resourceUuid: t.resourceUuid,
    resourceType: t.resourceType,
    tag: t.tag,
    type: t.kind === 'system' ? 'System' : 'Simple',
  };
  if (t.kind === 'system') row.inherent = t.inherent ?? false;
  return store.insert(t.kind === 'system' ? 'SystemTagInventory' : 'UserTagInventory', row);
}

export function removeTagsOf(store: Store, resourceUuid: string): void {
  store.removeWhere('TagInventory', 'resourceUuid', resourceUuid);
}
