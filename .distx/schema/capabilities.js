/**
 * Actions whose message has another name (`@SDK(actionsMapping=...)` in ZStack: one message, several
 * paths): GetSupportAPIs lists the message only.
 */
export const MESSAGE_OF_ACTION = {
    GetFreeIpOfL3Network: 'GetFreeIp',
    GetFreeIpOfIpRange: 'GetFreeIp',
    GetBackupStorageForCreatingImageFromVolume: 'GetCandidateBackupStorageForCreatingImage',
    GetBackupStorageForCreatingImageFromVolumeSnapshot: 'GetCandidateBackupStorageForCreatingImage',
};
/** `APIStartVmInstanceMsg` or `org.zstack.header.vm.APIStartVmInstanceMsg` -> `StartVmInstance`. */
export function actionOfMessage(message) {
    const simple = message.slice(message.lastIndexOf('.') + 1);
    return simple.replace(/^API/, '').replace(/Msg$/, '');
}
/** Most names read from one answer (a real node lists about 2,000). */
const MAX_NAMES = 100_000;
/**
 * The registry's APIs that the node does not list, sorted; undefined when the answer says nothing
 * usable (no list, not strings, or none of its names is an API we know): then every API is allowed.
 * APIs that need no session (logins, GetVersion) are never counted as unsupported.
 */
export function unsupportedApis(registry, supportApis) {
    if (!Array.isArray(supportApis) || supportApis.length === 0)
        return undefined;
    const served = new Set();
    for (const m of supportApis.slice(0, MAX_NAMES))
        if (typeof m === 'string')
            served.add(actionOfMessage(m));
    const known = registry.apiNames();
    if (!known.some((n) => served.has(n)))
        return undefined;
    return known.filter((n) => {
        if (served.has(n))
            return false;
        const message = Object.hasOwn(MESSAGE_OF_ACTION, n) ? MESSAGE_OF_ACTION[n] : undefined;
        if (message !== undefined && served.has(message))
            return false;
        return registry.api(n)?.needSession !== false;
    });
}
