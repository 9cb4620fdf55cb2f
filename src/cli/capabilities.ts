// What the management node supports, learnt at each login: GetVersion, and when the version is not
// the cached one, GetSupportAPIs; kept per server in the capability cache. A node that does not
// answer GetVersion or GetSupportAPIs (an old node, no permission) counts as unknown: every API is
// allowed. Read by the guard (refuse before sending), completion and help (leave them out).
import type { CapabilityCache, NodeCapabilities } from '../config/capability-cache.js';
import { unsupportedApis } from '../schema/capabilities.js';
import type { Registry } from '../schema/registry.js';

/** Longest wait for each of the two calls at login. */
export const CAPABILITY_CALL_TIMEOUT_MS = 10_000;
/** Longest version text kept. */
const MAX_VERSION = 100;

export interface CapabilityDeps {
  registry: Registry;
  cache: CapabilityCache;
  /** `host:port`: the cache key. */
  server: string;
  /** Runs an API that needs no session and returns its result value; throws when it fails. */
  call: (api: 'GetVersion' | 'GetSupportAPIs') => Promise<unknown>;
  now?: () => Date;
}

export interface KnownUnsupported {
  apis: ReadonlySet<string>;
  version: string;
}

export class Capabilities {
  private known: Promise<KnownUnsupported | undefined> | undefined;

  constructor(private readonly deps: CapabilityDeps) {}

  /** The APIs the node is known not to support (read once per process); undefined when unknown. */
  unsupported(): Promise<KnownUnsupported | undefined> {
    this.known ??= knownUnsupported(this.deps.cache, this.deps.server, this.deps.registry);
    return this.known;
  }

  /** Asks the node for its version, and its API list when the version changed. Never throws. */
  async refresh(): Promise<void> {
    try {
      await this.check();
    } catch {
      // The cache only narrows completion and help: an unwritable file leaves them as they were.
    } finally {
      this.known = undefined;
    }
  }

  private async check(): Promise<void> {
    const { cache, server, registry } = this.deps;
    const version = await this.deps.call('GetVersion').then(versionOf, () => undefined);
    if (version === undefined) return cache.put(server, undefined);
    const cached = await cache.get(server);
    if (cached?.version === version && cached.registryVersion === registry.version) return;
    const list = await this.deps.call('GetSupportAPIs').then(
      (v) => (typeof v === 'object' && v !== null ? (v as { supportApis?: unknown }).supportApis : undefined),
      () => undefined,
    );
    const unsupported = unsupportedApis(registry, list);
    const entry: NodeCapabilities = {
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
export async function knownUnsupported(cache: CapabilityCache, server: string, registry: Registry): Promise<KnownUnsupported | undefined> {
  try {
    const c = await cache.get(server);
    return c?.unsupported && c.registryVersion === registry.version ? { apis: new Set(c.unsupported), version: c.version } : undefined;
  } catch {
    return undefined;
  }
}

/** GetVersion's `{"version": "5.2.0"}`; undefined when the answer has none. */
function versionOf(v: unknown): string | undefined {
  const version = typeof v === 'object' && v !== null ? (v as { version?: unknown }).version : undefined;
  return typeof version === 'string' && version.trim() !== '' ? version.trim().slice(0, MAX_VERSION) : undefined;
}
