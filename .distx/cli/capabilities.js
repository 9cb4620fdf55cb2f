import { unsupportedApis } from '../schema/capabilities.js';
/** Longest wait for each of the two calls at login. */
export const CAPABILITY_CALL_TIMEOUT_MS = 10_000;
/** Longest version text kept. */
const MAX_VERSION = 100;
export class Capabilities {
    deps;
    known;
    constructor(deps) {
        this.deps = deps;
    }
    /** The APIs the node is known not to support (read once per process); undefined when unknown. */
    unsupported() {
        this.known ??= knownUnsupported(this.deps.cache, this.deps.server, this.deps.registry);
        return this.known;
    }
    /** Asks the node for its version, and its API list when the version changed. Never throws. */
    async refresh() {
        try {
            await this.check();
        }
        catch {
            // The cache only narrows completion and help: an unwritable file leaves them as they were.
        }
        finally {
            this.known = undefined;
        }
    }
    async check() {
        const { cache, server, registry } = this.deps;
        const version = await this.deps.call('GetVersion').then(versionOf, () => undefined);
        if (version === undefined)
            return cache.put(server, undefined);
        const cached = await cache.get(server);
        if (cached?.version === version && cached.registryVersion === registry.version)
            return;
        const list = await this.deps.call('GetSupportAPIs').then((v) => (typeof v === 'object' && v !== null ? v.supportApis : undefined), () => undefined);
        const unsupported = unsupportedApis(registry, list);
        const entry = {
            version,
            registryVersion: registry.version,
            ...(unsupported ? { unsupported } : {}),
            checkedAt: (this.deps.now?.() ?? new Date()).toISOString(),
        };
        await cache.put(server, entry);
    }
}
/**
 * What the cache knows the server does not support; undefined when it knows nothing (no entry, a
 * list made against another registry, no list, or a file that cannot be read).
 */
export async function knownUnsupported(cache, server, registry) {
    try {
        const c = await cache.get(server);
        return c?.unsupported && c.registryVersion === registry.version ? { apis: new Set(c.unsupported), version: c.version } : undefined;
    }
    catch {
        return undefined;
    }
}
/** GetVersion's `{"version": "5.2.0"}`; undefined when the answer has none. */
function versionOf(v) {
    const version = typeof v === 'object' && v !== null ? v.version : undefined;
    return typeof version === 'string' && version.trim() !== '' ? version.trim().slice(0, MAX_VERSION) : undefined;
}
