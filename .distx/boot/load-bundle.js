// Runs one of the CLI's CommonJS bundles (dist/*.cjs) the way Node runs a CommonJS module, but
// compiled through vm.Script with a V8 code cache kept on disk: a later process deserializes the
// compiled code instead of parsing and compiling the bundle again (Node 20 offers no code cache for
// ES modules). The cache is keyed by the bundle's build id (version + content hash, on its first
// line) and the Node version; V8 itself refuses a cache that does not fit (`cachedDataRejected`),
// and then a fresh one is written. The first run, a read-only disk or a missing home work without.
import { dirname, basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { codeCacheDir, readCacheFile, writeCacheFile } from './cache-file.js';
/** `// zstack-cli-bundle <version>+<hash>`: written by scripts/bundle.mjs as the bundle's first line. */
const ID_LINE = /^\/\/ zstack-cli-bundle ([0-9A-Za-z.+-]+)\n/;
/**
 * Which code cache a run of the main bundle uses, as a suffix of its runtime. A cache holds what the
 * run that wrote it compiled, so each kind of run keeps its own, and none compiles at every start
 * what another kind's cache left out: calls (a word like an API name, `QueryVmInstance`: the HTTP
 * client and the renderers) have no suffix; runs that only plan (`--dry-run`, `--curl`) `-plan`; the
 * shell (no words at all) `-shell`; the CLI's own commands (`help`, `profile`, `--version`) `-local`.
 */
export function cacheProfile(argv) {
    if (argv.some((a) => a === '--dry-run' || a === '--curl'))
        return '-plan';
    if (argv.length === 0)
        return '-shell';
    const api = argv.findIndex((a) => API_WORD.test(a));
    // `help QueryVmInstance` names an API but prints its help.
    return api !== -1 && !argv.slice(0, api).includes('help') ? CALLS_PROFILE : '-local';
}
/** The profile of calls: what a Tab loading the main bundle for live values uses too. */
export const CALLS_PROFILE = '';
/** ZStack's API names: CamelCase words (the CLI's own commands and options are lower case). */
const API_WORD = /^[A-Z][A-Za-z0-9]+$/;
/** The build id on a bundle's first line, if any. */
export function bundleId(source) {
    return ID_LINE.exec(source.slice(0, 200))?.[1];
}
/** The cache file's name: `<bundle>@<id>@<runtime>.v8cache`, other characters than `[0-9A-Za-z._+-]` as `_`. */
export function cacheFileName(bundle, id, runtime) {
    const safe = (s) => s.replace(/[^0-9A-Za-z._+-]/g, '_');
    return `${safe(bundle)}@${safe(id)}@${safe(runtime)}.v8cache`;
}
export function loadBundle(file, host) {
    // ASCII only (scripts/bundle.mjs checks): latin1 reads it without decoding UTF-8.
    const source = readFileSync(file, 'latin1');
    const id = bundleId(source);
    const name = basename(file).replace(/\.cjs$/, '');
    const dir = id === undefined ? undefined : codeCacheDir(host.env, host.homedir);
    const cacheName = id === undefined ? '' : cacheFileName(name, id, host.runtime);
    const cached = dir === undefined ? undefined : readCacheFile(dir, cacheName, host.uid);
    // The bundle is a function expression with the parameters of Node's own CommonJS wrapper.
    const script = new Script(source, {
        filename: file,
        ...(cached ? { cachedData: cached } : {}),
    });
    const cache = dir === undefined ? 'off' : !cached ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
    const module = { exports: {} };
    script.runInThisContext().call(module.exports, module.exports, host.require, module, file, dirname(file));
    const writesCache = cache === 'missing' || cache === 'rejected';
    let saved = false;
    return {
        exports: module.exports,
        cache,
        writesCache,
        saveCache: () => {
            if (!writesCache || saved || dir === undefined)
                return false;
            saved = true;
            try {
                // Caches of this bundle from other builds are obsolete; those of other runtimes stay.
                const ofBundle = `${cacheName.split('@')[0]}@`;
                const ofBuild = `${cacheName.split('@').slice(0, 2).join('@')}@`;
                return writeCacheFile(dir, cacheName, script.createCachedData(), host.uid, (f) => f.startsWith(ofBundle) && !f.startsWith(ofBuild) && f.endsWith('.v8cache'));
            }
            catch {
                return false;
            }
        },
    };
}
