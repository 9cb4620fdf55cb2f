// What each management node supports, cached between processes in <dir>/capabilities.json (0600,
// replaced atomically): per server (`host:port`), the version its GetVersion reported and the APIs
// of our registry it does not serve. A new version at login refreshes the entry (src/cli/capabilities.ts).
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';

/** The file operations the cache needs (node:fs/promises by default). */
export interface CacheFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, opts: { mode: number; flag: string }): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, opts: { recursive: true; mode: number }): Promise<unknown>;
}

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

interface FileShape {
  version: 1;
  servers: Record<string, NodeCapabilities>;
}

export const CAPABILITY_FILE = 'capabilities.json';
/** Servers kept at most (each `--sim` run is a new port): the least recently checked go first. */
export const MAX_SERVERS = 32;

export class CapabilityCache {
  readonly path: string;
  private readonly fs: CacheFs;

  constructor(
    private readonly dir: string,
    fs?: CacheFs,
  ) {
    this.path = join(dir, CAPABILITY_FILE);
    this.fs = fs ?? (nodeFs as unknown as CacheFs);
  }

  async get(server: string): Promise<NodeCapabilities | undefined> {
    const all = (await this.read()).servers;
    return Object.hasOwn(all, server) ? all[server] : undefined;
  }

  /** Stores (or with undefined, drops) a server's entry. */
  async put(server: string, caps: NodeCapabilities | undefined): Promise<void> {
    const data = await this.read();
    if (caps) data.servers[server] = caps;
    else if (Object.hasOwn(data.servers, server)) delete data.servers[server];
    else return;
    const kept = Object.entries(data.servers)
      .sort((a, b) => b[1].checkedAt.localeCompare(a[1].checkedAt))
      .slice(0, MAX_SERVERS);
    await this.write({ version: 1, servers: Object.fromEntries(kept) });
  }

  private async read(): Promise<FileShape> {
    let text: string;
    try {
      text = await this.fs.readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return { version: 1, servers: {} };
      throw e;
    }
    return sanitize(text);
  }

  /** Temp file (0600, never an existing one) + rename: a reader sees the old file or the new one. */
  private async write(data: FileShape): Promise<void> {
    await this.fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await this.fs.writeFile(tmp, `${JSON.stringify(data)}\n`, { mode: 0o600, flag: 'wx' });
      await this.fs.chmod(tmp, 0o600);
      await this.fs.rename(tmp, this.path);
    } catch (e) {
      await this.fs.unlink(tmp).catch(() => undefined);
      throw e;
    }
  }
}

/** A corrupt or foreign file counts as empty; bad entries are dropped. */
function sanitize(text: string): FileShape {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { version: 1, servers: {} };
  }
  const servers = isRecord(raw) && isRecord(raw.servers) ? raw.servers : {};
  const kept: [string, NodeCapabilities][] = [];
  for (const [server, c] of Object.entries(servers)) {
    if (!isRecord(c) || typeof c.version !== 'string' || typeof c.registryVersion !== 'string') continue;
    const unsupported = Array.isArray(c.unsupported) && c.unsupported.every((n) => typeof n === 'string') ? (c.unsupported as string[]) : undefined;
    kept.push([server, { version: c.version, registryVersion: c.registryVersion, ...(unsupported ? { unsupported } : {}), checkedAt: typeof c.checkedAt === 'string' ? c.checkedAt : '' }]);
  }
  // fromEntries defines own properties: a `__proto__` key stays data.
  return { version: 1, servers: Object.fromEntries(kept) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
