// What each management node supports, cached between processes in <dir>/capabilities.json: per
// server (`host:port`), the version its GetVersion reported and the APIs of our registry it does not
// serve. Written like every config file (config-files.ts: locked, atomic, 0600, no links); a new
// version at login refreshes the entry (src/cli/capabilities.ts).
import { join } from 'node:path';
export const CAPABILITY_FILE = 'capabilities.json';
/** Servers kept at most (each `zstack-cli sim --port 0` is a new one): the least recently checked go first. */
export const MAX_SERVERS = 32;
export class CapabilityCache {
    files;
    path;
    constructor(dir, files) {
        this.files = files;
        this.path = join(dir, CAPABILITY_FILE);
    }
    /** The server's entry; throws ConfigFileError when the file may not be read (a link, another owner). */
    async get(server) {
        const all = serversIn(this.files.read(this.path));
        return Object.hasOwn(all, server) ? all[server] : undefined;
    }
    /** Stores (or with undefined, drops) a server's entry. */
    async put(server, caps) {
        this.files.update(this.path, (text) => {
            const servers = serversIn(text);
            if (caps)
                servers[server] = caps;
            else if (Object.hasOwn(servers, server))
                delete servers[server];
            else
                return undefined;
            const kept = Object.entries(servers)
                .sort((a, b) => b[1].checkedAt.localeCompare(a[1].checkedAt))
                .slice(0, MAX_SERVERS);
            return `${JSON.stringify({ version: 1, servers: Object.fromEntries(kept) })}\n`;
        });
    }
}
/** The entries of the file's text: a corrupt or foreign file counts as empty, bad entries are dropped. */
function serversIn(text) {
    let raw;
    try {
        raw = text === undefined ? undefined : JSON.parse(text);
    }
    catch {
        return {};
    }
    const servers = isRecord(raw) && isRecord(raw.servers) ? raw.servers : {};
    const kept = [];
    for (const [server, c] of Object.entries(servers)) {
        if (!isRecord(c) || typeof c.version !== 'string' || typeof c.registryVersion !== 'string')
            continue;
        const unsupported = Array.isArray(c.unsupported) && c.unsupported.every((n) => typeof n === 'string') ? c.unsupported : undefined;
        kept.push([server, { version: c.version, registryVersion: c.registryVersion, ...(unsupported ? { unsupported } : {}), checkedAt: typeof c.checkedAt === 'string' ? c.checkedAt : '' }]);
    }
    // fromEntries defines own properties: a `__proto__` key stays data.
    return Object.fromEntries(kept);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
