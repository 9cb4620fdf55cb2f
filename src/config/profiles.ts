// Named server profiles kept with conf (imported lazily, it is slow to load) in <config dir>/profiles.json.
import type Conf from 'conf';
import { UsageError } from '../execute/errors.js';
import type { Profile, ProfilesData } from './connection.js';

type Shape = { default?: string; profiles?: Record<string, Profile> };

export interface ProfileStore {
  readonly path: string;
  /** Everything, for `resolveConnection`. */
  data(): ProfilesData;
  set(name: string, profile: Profile): void;
  remove(name: string): boolean;
  /** Sets (or with undefined, clears) the default profile. */
  setDefault(name: string | undefined): void;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Opens (creating on first write) the profile file in `dir`. */
export async function openProfiles(dir: string): Promise<ProfileStore> {
  const { default: ConfClass } = await import('conf');
  const conf: Conf<Shape> = new ConfClass<Shape>({
    cwd: dir,
    configName: 'profiles',
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600,
  });
  const profiles = (): Record<string, Profile> => ({ ...(conf.get('profiles') ?? {}) });
  return {
    path: conf.path,
    data() {
      const d = conf.get('default');
      return d !== undefined ? { default: d, profiles: profiles() } : { profiles: profiles() };
    },
    set(name, profile) {
      if (!NAME_RE.test(name)) throw new UsageError(`Error: bad profile name: ${name} (letters, digits, . _ -)`);
      validateProfile(name, profile);
      conf.set('profiles', { ...profiles(), [name]: clean(profile) });
    },
    remove(name) {
      const all = profiles();
      if (!Object.hasOwn(all, name)) return false;
      delete all[name];
      conf.set('profiles', all);
      if (conf.get('default') === name) conf.delete('default');
      return true;
    },
    setDefault(name) {
      if (name === undefined) return conf.delete('default');
      if (!Object.hasOwn(profiles(), name)) throw new UsageError(`Error: no profile named ${name}`);
      conf.set('default', name);
    },
  };
}

function validateProfile(name: string, p: Profile): void {
  if (typeof p.host !== 'string' || p.host.trim() === '') throw new UsageError(`Error: profile ${name} needs a host`);
  if (p.port !== undefined && (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535))
    throw new UsageError(`Error: profile ${name}: not a port number: ${String(p.port)}`);
}

/** Keeps only known fields, dropping undefined ones (conf stores JSON). */
function clean(p: Profile): Profile {
  const out: Profile = { host: p.host.trim() };
  if (p.port !== undefined) out.port = p.port;
  if (p.https !== undefined) out.https = p.https;
  if (p.ca !== undefined) out.ca = p.ca;
  if (p.insecure !== undefined) out.insecure = p.insecure;
  if (p.account !== undefined) out.account = p.account;
  return out;
}
