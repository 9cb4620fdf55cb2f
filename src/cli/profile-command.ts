// `zstack-cli profile ...`: named server profiles (host, port, https, ca, insecure, account), kept
// with conf in the config directory. Settings are written key=value, like API params.
import { resolve } from 'node:path';
import { EXIT_CODES, renderError, exitCodeFor } from '../execute/errors.js';
import type { Profile } from '../config/connection.js';
import { configFiles } from '../config/config-files.js';
import { openProfiles } from '../config/profiles.js';
import type { CliIO } from './io.js';

const KEYS = ['host', 'port', 'https', 'ca', 'insecure', 'account'] as const;
type Key = (typeof KEYS)[number];

/** Parses `host=10.0.0.1 port=8080 https=true ...`; a string is the usage error. */
export function parseProfileSettings(words: string[], cwd: string): Profile | string {
  const p: Partial<Record<Key, unknown>> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    const key = (eq > 0 ? w.slice(0, eq) : w) as Key;
    if (!KEYS.includes(key)) return `unknown profile setting '${key}' (settings: ${KEYS.map((k) => `${k}=`).join(' ')})`;
    if (eq < 0) return `write ${key}=<value>`;
    const v = w.slice(eq + 1);
    if (key === 'port') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) return `port must be a number from 1 to 65535, got '${v}'`;
      p.port = n;
    } else if (key === 'https' || key === 'insecure') {
      if (!/^(true|false)$/i.test(v)) return `${key} must be true or false, got '${v}'`;
      p[key] = v.toLowerCase() === 'true';
    } else if (key === 'ca') {
      p.ca = resolve(cwd, v);
    } else {
      p[key] = v;
    }
  }
  if (typeof p.host !== 'string' || p.host === '') return 'a profile needs host=<management node address>';
  return p as unknown as Profile;
}

export async function runProfileCommand(action: string, args: string[], dir: string, io: CliIO): Promise<number> {
  try {
    const files = configFiles({ me: io.identity, warn: (line) => io.stderr.write(`${line}\n`) });
    const store = await openProfiles(dir, files);
    switch (action) {
      case 'list': {
        const data = store.data();
        const names = Object.keys(data.profiles).sort();
        if (names.length === 0) {
          io.stdout.write('No profiles. Add one: zstack-cli profile add <name> host=<address> [port=8080] [https=true]\n');
          return 0;
        }
        for (const n of names) {
          const p = data.profiles[n]!;
          const where = `${p.https ? 'https' : 'http'}://${p.host}:${p.port ?? 8080}`;
          io.stdout.write(`${n === data.default ? '*' : ' '} ${n}\t${where}${p.account ? `\taccount=${p.account}` : ''}\n`);
        }
        return 0;
      }
      case 'add': {
        const [name, ...rest] = args;
        if (!name) return usage(io, 'profile add needs a name: zstack-cli profile add <name> host=<address> ...');
        const p = parseProfileSettings(rest, io.cwd);
        if (typeof p === 'string') return usage(io, p);
        store.set(name, p);
        io.stdout.write(`Saved profile ${name}. Use it with --profile ${name} or make it the default: zstack-cli profile use ${name}\n`);
        return 0;
      }
      case 'remove': {
        const [name] = args;
        if (!name) return usage(io, 'profile remove needs a name');
        if (!store.remove(name)) return usage(io, `no profile named ${name}`);
        io.stdout.write(`Removed profile ${name}.\n`);
        return 0;
      }
      case 'use': {
        const [name] = args;
        if (!name) return usage(io, 'profile use needs a name (or "none")');
        store.setDefault(name === 'none' ? undefined : name);
        io.stdout.write(name === 'none' ? 'No default profile.\n' : `Default profile: ${name}.\n`);
        return 0;
      }
      default:
        return usage(io, `unknown profile action '${action}' (list, add, remove, use)`);
    }
  } catch (e) {
    io.stderr.write(`${renderError(e)}\n`);
    return exitCodeFor(e);
  }
}

function usage(io: CliIO, message: string): number {
  io.stderr.write(`Error: ${message}\n`);
  return EXIT_CODES.usage;
}
