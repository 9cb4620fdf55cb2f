// Live values (uuids, names) for one `__complete` process: opens the App of the line's connection
// flags on the first Tab at a value and fetches a resource type's rows while a session exists. Not part
// of the completion bundle: bin/ loads it from the main bundle only when a Tab needs the server, so
// every other Tab reads and compiles none of the HTTP client, sessions or executor.
import { App } from './app.js';
import { fetchResourceRows } from './live-values.js';
import { appFlags } from './resolve.js';
import { loadRegistry } from '../schema/registry.js';
export const openLiveValues = async (io, flags) => {
    const app = await App.create(io, appFlags(flags));
    const registry = loadRegistry();
    return {
        async rows(ref, signal) {
            if (!(await app.session.current()))
                return [];
            return fetchResourceRows(registry, ref, (s) => app.execContext(s, 'completion', false), signal);
        },
        close: () => app.close(),
    };
};
