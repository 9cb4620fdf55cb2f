// What each management node supports, cached between processes in <dir>/capabilities.json: per
// server (`host:port`), the version its GetVersion reported and the APIs of our registry it does not
// serve. Written like every config file (config-files.ts: locked, atomic, 0600, no links); a new
// version at login refreshes the entry (src/cli/capabilities.ts).
import { join } from 'node:path';
import type { ConfigFiles } from './config-files.js';

export interface NodeCapabilities {
  /** What GetVersion answered, e.g. `5.2.0`. */
  version: string;
  /** The registry the list was computed against (a newer CLI may know more APIs). */
  registryVersion: string;
  /** Registry APIs the node does not serve; undefined when unknown (GetSupportAPIs failed): all allowed. */
  unsupported?: string[];
  /** ISO time of the check. */
  checkedAt: string;
}

type Servers = Record<string, NodeCapabilities>;

export const CAPABILITY_FILE = 'capabilities.json';
/** Servers kept at most (each `zstack-cli sim --port 0` is a new one): the least recently checked go first. */
export const MAX_SERVERS = 32;

export class CapabilityCache {
  readonly path: string;

  constructor(
    dir: string,
    private readonly files: ConfigFiles,
  ) {
    this.path = join(dir, CAPABILITY_FILE);
  }

  /** The server's entry; throws ConfigFileError when the file may not be read (a link, another owner). */
  async get(server: string): Promise<NodeCapabilities | undefined> {
    const all = serversIn(this.files.read(this.path));
    return Object.hasOwn(all, server) ? all[server] : undefined;
  }

  /** Stores (or with undefined, drops) a server's entry. */
  async put(server: string, caps: NodeCapabilities | undefined): Promise<void> {
    this.files.update(this.path, (text) => {
      const servers = serversIn(text);
      if (caps) servers[server] = caps;
      else if (Object.hasOwn(servers, server)) delete servers[server];
      else return undefined;
      const kept = Object.entries(servers)
        .sort((a, b) => b[1].checkedAt.localeCompare(a[1].checkedAt))
        .slice(0, MAX_SERVERS);
      return `${JSON.stringify({ version: 1, servers: Object.fromEntries(kept) })}\n`;
    });
  }
}

/** The entries of the file's text: a corrupt or foreign file counts as empty, bad entries are dropped. */
function serversIn(text: string | undefined): Servers {
  let raw: unknown;
  try {
    raw = text === undefined ? undefined : JSON.parse(text);
  } catch {
    return {};
  }
  const servers = isRecord(raw) && isRecord(raw.servers) ? raw.servers : {};
  const kept: [string, NodeCapabilities][] = [];
  for (const [server, c] of Object.entries(servers)) {
    if (!isRecord(c) || typeof c.version !== 'string' || typeof c.registryVersion !== 'string') continue;
    const unsupported = Array.isArray(c.unsupported) && c.unsupported.every((n) => typeof n === 'string') ? (c.unsupported as string[]) : undefined;
    kept.push([server, { version: c.version, registryVersion: c.registryVersion, ...(unsupported ? { unsupported } : {}), checkedAt: typeof c.checkedAt === 'string' ? c.checkedAt : '' }]);
  }
  // fromEntries defines own properties: a `__proto__` key stays data.
  return Object.fromEntries(kept);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
