export function addTag(store, t) {
    const row = {
        uuid: store.ids.uuid(),
        resourceUuid: t.resourceUuid,
        resourceType: t.resourceType,
        tag: t.tag,
        type: t.kind === 'system' ? 'System' : 'Simple',
    };
    if (t.kind === 'system')
        row.inherent = t.inherent ?? false;
    return store.insert(t.kind === 'system' ? 'SystemTagInventory' : 'UserTagInventory', row);
}
export function removeTagsOf(store, resourceUuid) {
    store.removeWhere('TagInventory', 'resourceUuid', resourceUuid);
}
/** A resource's system tags that are `name` or start with `name::`. */
function tagsNamed(store, resourceUuid, name) {
    return store.find('SystemTagInventory', 'resourceUuid', resourceUuid).filter((t) => t.tag === name || String(t.tag).startsWith(`${name}::`));
}
/** The value of the `name::value` system tag of a resource (`''` for a bare `name` tag), or undefined. */
export function tagValue(store, resourceUuid, name) {
    const t = tagsNamed(store, resourceUuid, name)[0];
    if (!t)
        return undefined;
    const text = String(t.tag);
    return text === name ? '' : text.slice(name.length + 2);
}
/** Sets (replacing any before) or, with `value` undefined, removes the `name::value` system tag of a resource. */
export function setTagValue(store, resourceUuid, resourceType, name, value) {
    for (const t of tagsNamed(store, resourceUuid, name))
        store.remove('TagInventory', String(t.uuid));
    if (value !== undefined)
        addTag(store, { resourceUuid, resourceType, tag: value === '' ? name : `${name}::${value}`, kind: 'system' });
}
