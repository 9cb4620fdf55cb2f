// The API names completion offers: the registry's, less those the management node is known not to
// support (learnt at login and injected; unknown means all).
import type { Registry } from '../schema/registry.js';

/** What the node is known not to support; undefined (or a failure) when unknown. */
export type UnsupportedSource = () => Promise<ReadonlySet<string> | undefined>;

export async function offeredApiNames(reg: Registry, unsupported: UnsupportedSource | undefined): Promise<readonly string[]> {
  const hidden = unsupported ? await unsupported().catch(() => undefined) : undefined;
  return hidden?.size ? reg.apiNames().filter((n) => !hidden.has(n)) : reg.apiNames();
}
