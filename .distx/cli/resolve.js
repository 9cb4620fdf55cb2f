// Where a process connects: its flags read into connection settings, then flags > environment >
// profile > defaults, with profiles read only when they exist or are asked for, under the config
// files' rules. Light on imports, so `__complete` can find the server (and its capability cache
// entry) without opening an App.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configFiles } from '../config/config-files.js';
import { resolveConnection } from '../config/connection.js';
import { cliHome } from '../config/paths.js';
const text = (v) => (typeof v === 'string' ? v : undefined);
/** The App's flags out of parsed global options (strings and true, by the option table's keys). */
export function appFlags(flags) {
    const out = {};
    for (const k of ['host', 'port', 'ca', 'profile', 'session', 'timeout', 'readTimeout']) {
        const v = text(flags[k]);
        if (v !== undefined)
            out[k] = v;
    }
    for (const k of ['https', 'insecure', 'async', 'webhook', 'passwordStdin'])
        if (flags[k] === true)
            out[k] = true;
    return out;
}
/** Resolves the connection for `flags`; `warn` gets the config files' warnings (one line each). */
export async function resolveFor(io, flags, warn) {
    const dir = cliHome(io.env, io.homedir);
    const files = configFiles({ me: io.identity, warn });
    let profiles = { profiles: {} };
    const wantsProfile = flags.profile !== undefined || io.env.ZSTACK_PROFILE !== undefined;
    if (wantsProfile || existsSync(join(dir, 'profiles.json'))) {
        const { readProfiles } = await import('../config/profiles.js');
        profiles = readProfiles(dir, files);
    }
    return { dir, files, conn: resolveConnection(flags, io.env, profiles) };
}
