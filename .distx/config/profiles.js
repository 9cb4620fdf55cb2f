// Named server profiles kept with conf (imported lazily, it is slow to load) in <config dir>/profiles.json.
// conf reads the file afresh on every access and writes it atomically (temp file, fsync, rename); every
// change runs under the file's lock and after the checks of config-files.ts (no symbolic link, not
// someone else's file, directory 0700), so parallel changes merge and a kill -9 never breaks the file.
import { join } from 'node:path';
import { UsageError } from '../errors/cli-error.js';
import { resolveConnection } from './connection.js';
import { ConfigFileError, fileError } from './errors.js';
export const PROFILES_FILE = 'profiles.json';
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/**
 * The profiles and the default in `dir` (none without a file), read as plain JSON, the format conf
 * keeps: every command and Tab resolves its connection through this, and importing conf (with its
 * JSON-schema validator) cost each of them ~15 ms. Only changes go through conf (openProfiles).
 */
export function readProfiles(dir, files) {
    const path = join(dir, PROFILES_FILE);
    const text = guarded(path, () => files.read(path));
    if (text === undefined)
        return { profiles: {} };
    const raw = guarded(path, () => JSON.parse(text));
    const record = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
    const profiles = { ...record(record(raw).profiles) };
    const d = record(raw).default;
    return typeof d === 'string' ? { default: d, profiles } : { profiles };
}
/** Opens (creating on first write) the profile file in `dir`. */
export async function openProfiles(dir, files) {
    const path = join(dir, PROFILES_FILE);
    // conf would create a missing directory with the default mode, and read through a link.
    files.check(path, false);
    const { default: ConfClass } = await import('conf');
    const conf = guarded(path, () => new ConfClass({
        cwd: dir,
        configName: 'profiles',
        accessPropertiesByDotNotation: false,
        configFileMode: 0o600,
    }));
    const profiles = () => ({ ...(guarded(path, () => conf.get('profiles')) ?? {}) });
    const change = (edit) => files.locked(path, () => guarded(path, edit));
    return {
        path,
        data: () => readProfiles(dir, files),
        set(name, profile) {
            if (!NAME_RE.test(name))
                throw new UsageError(`bad profile name: ${name}`, 'letters, digits, . _ -');
            validateProfile(name, profile);
            change(() => conf.set('profiles', { ...profiles(), [name]: clean(profile) }));
        },
        remove(name) {
            return change(() => {
                const all = profiles();
                if (!Object.hasOwn(all, name))
                    return false;
                delete all[name];
                conf.set('profiles', all);
                if (conf.get('default') === name)
                    conf.delete('default');
                return true;
            });
        },
        setDefault(name) {
            change(() => {
                if (name === undefined)
                    return conf.delete('default');
                if (!Object.hasOwn(profiles(), name))
                    throw new UsageError(`no profile named ${name}`);
                conf.set('default', name);
            });
        },
    };
}
/** conf's failures as one line naming the file: bad JSON, or the fs error of a read or write. */
function guarded(path, f) {
    try {
        return f();
    }
    catch (e) {
        if (e instanceof UsageError)
            throw e;
        if (e instanceof SyntaxError)
            throw new ConfigFileError(path, 'is not valid JSON', 'fix it, or remove it to start over');
        throw fileError(path, e, 'read or write it');
    }
}
function validateProfile(name, p) {
    if (typeof p.host !== 'string' || p.host.trim() === '')
        throw new UsageError(`profile ${name} needs a host`);
    // Resolved when saved, by the rules every use applies (host, port, https, CA, insecure, confirm),
    // so a profile that cannot be used is never kept.
    resolveConnection({}, {}, { default: name, profiles: { [name]: p } });
    if (p.port !== undefined && (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535))
        throw new UsageError(`profile ${name}: not a port number: ${String(p.port)}`);
}
/** Keeps only known fields, dropping undefined ones (conf stores JSON). */
function clean(p) {
    const out = { host: p.host.trim() };
    if (p.port !== undefined)
        out.port = p.port;
    if (p.https !== undefined)
        out.https = p.https;
    if (p.ca !== undefined)
        out.ca = p.ca;
    if (p.insecure !== undefined)
        out.insecure = p.insecure;
    if (p.account !== undefined)
        out.account = p.account;
    if (p.confirm !== undefined)
        out.confirm = p.confirm;
    return out;
}
