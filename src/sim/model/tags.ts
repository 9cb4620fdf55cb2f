// System and user tags on resources (one table; `type` is System or Simple like ZStack's TagType), and the settings
// ZStack keeps as patterned system tags (`hostname::web-1`, `bootOrder::CdRom,HardDisk`, `ha::NeverStop`, ...).
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

/** A resource's system tags that are `name` or start with `name::`. */
function tagsNamed(store: Store, resourceUuid: string, name: string): Row[] {
  return store.find('SystemTagInventory', 'resourceUuid', resourceUuid).filter((t) => t.tag === name || String(t.tag).startsWith(`${name}::`));
}

/** The value of the `name::value` system tag of a resource (`''` for a bare `name` tag), or undefined. */
export function tagValue(store: Store, resourceUuid: string, name: string): string | undefined {
  const t = tagsNamed(store, resourceUuid, name)[0];
  if (!t) return undefined;
  const text = String(t.tag);
  return text === name ? '' : text.slice(name.length + 2);
}

/** Sets (replacing any before) or, with `value` undefined, removes the `name::value` system tag of a resource. */
export function setTagValue(store: Store, resourceUuid: string, resourceType: string, name: string, value: string | undefined): void {
  for (const t of tagsNamed(store, resourceUuid, name)) store.remove('TagInventory', String(t.uuid));
  if (value !== undefined) addTag(store, { resourceUuid, resourceType, tag: value === '' ? name : `${name}::${value}`, kind: 'system' });
}
