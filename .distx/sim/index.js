// The embedded ZStack simulator: builds the store from a seed and serves ZStack's REST API v1 on node:http.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { loadRegistry } from '../schema/registry.js';
import { simulatedApis } from './api/handlers.js';
import { Access } from './auth/access.js';
import { DEFAULT_SESSION_TIMEOUT_MS, Sessions } from './auth/sessions.js';
import { FrontDoor } from './http/server.js';
import { Router } from './http/routes.js';
import { DEFAULT_JOB_TTL_MS, Jobs } from './jobs/jobs.js';
import { Webhooks } from './jobs/webhook.js';
import { QueryEngine } from './query/engine.js';
import { Renderer } from './query/render.js';
import { DEFAULT_CACHE_BYTES, RowCache } from './query/row-cache.js';
import { keepFresh } from './query/stale-rows.js';
import { SchemaRecorder } from './query/schema.js';
import { RowText } from './query/text.js';
import { SeedClock } from './seed/clock.js';
import { cacheReserve, keptInventories, parseSeed, runSeed } from './seed/index.js';
import { IdSource } from './store/ids.js';
import { Store } from './store/store.js';
export const SIM_VERSION = '5.2.0';
export async function startSimulator(opts = {}) {
    const registry = loadRegistry();
    const seedText = opts.seed ?? 'demo';
    const spec = parseSeed(seedText);
    const unsupported = new Set([...spec.unsupportedApis, ...(opts.unsupportedApis ?? [])].map((n) => registry.api(n)?.name ?? n));
    const unknown = [...unsupported].filter((n) => !registry.api(n));
    if (unknown.length > 0)
        throw new Error(`unknown API(s) in the unsupported list: ${unknown.join(', ')}`);
    const now = opts.now ?? Date.now;
    const seedClock = new SeedClock();
    const store = new Store(registry, new IdSource(`store:${spec.base}`), seedClock.now);
    // Made before the seed fills the store, while setting memory aside costs little (see RowCache).
    const rowCache = new RowCache(store, DEFAULT_CACHE_BYTES, cacheReserve(spec));
    const access = new Access(store, registry);
    const { managementNodeUuid } = runSeed(store, spec, seedClock, access);
    store.setClock(now);
    // Seeded rows are the same on every run; what is created afterwards gets ids of this simulator's own.
    store.setIds(new IdSource(randomBytes(16).toString('hex')));
    const sessions = new Sessions(now, opts.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS);
    const schema = new SchemaRecorder(registry);
    const renderer = new Renderer(store, registry, schema);
    const compiled = new Map();
    keepFresh(store, renderer, rowCache);
    // Part of seeding, before the server listens (nothing races the first request): the text of the seed's big tables.
    const seededText = new RowText(store, renderer, schema, compiled, rowCache);
    for (const inventory of keptInventories(spec))
        seededText.keepAll(inventory);
    const env = {
        registry,
        store,
        renderer,
        schema,
        query: new QueryEngine(store, registry),
        rowText: () => new RowText(store, renderer, schema, compiled, rowCache),
        sessions,
        access,
        version: SIM_VERSION,
        managementNodeUuid,
        supportedApis: () => registry.apiNames().filter((n) => !unsupported.has(n)),
    };
    const jobs = new Jobs(now, opts.jobResultTtlMs ?? DEFAULT_JOB_TTL_MS);
    const webhooks = new Webhooks(opts.log ? { log: opts.log } : {});
    const host = opts.host ?? '127.0.0.1';
    let baseUrl = '';
    const door = new FrontDoor({
        env,
        router: new Router(registry, (api) => !unsupported.has(api.name)),
        jobs,
        webhooks,
        jobDelayMs: opts.jobDelayMs ?? 150,
        baseUrl: () => baseUrl,
        ...(opts.log ? { log: opts.log } : {}),
    });
    const server = createServer((req, res) => {
        void door.handle(req, res);
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    baseUrl = `http://${shownHost}:${port}`;
    opts.log?.(`simulator (seed ${seedText}) listening on ${baseUrl}`);
    let closed;
    return {
        url: baseUrl,
        port,
        store,
        expireSession: (uuid) => sessions.expire(uuid),
        idle: async () => {
            await jobs.whenIdle();
            await webhooks.whenIdle();
        },
        simulatedApis,
        held: () => ({ sessions: sessions.size, jobs: jobs.size.jobs, usedJobIds: jobs.size.usedIds }),
        close: () => {
            closed ??= new Promise((resolve) => {
                jobs.dispose();
                webhooks.dispose();
                server.close(() => resolve());
                server.closeAllConnections();
            });
            return closed;
        },
    };
}
