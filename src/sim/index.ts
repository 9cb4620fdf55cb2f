// The embedded ZStack simulator: builds the store from a seed and serves ZStack's REST API v1 on node:http.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRegistry } from '../schema/registry.js';
import type { SimEnv } from './api/context.js';
import { simulatedApis } from './api/handlers.js';
import { DEFAULT_SESSION_TIMEOUT_MS, Sessions } from './auth/sessions.js';
import { FrontDoor } from './http/server.js';
import { Router } from './http/routes.js';
import { DEFAULT_JOB_TTL_MS, Jobs } from './jobs/jobs.js';
import { Webhooks } from './jobs/webhook.js';
import { QueryEngine } from './query/engine.js';
import { Renderer } from './query/render.js';
import { SchemaRecorder } from './query/schema.js';
import { SeedClock } from './seed/clock.js';
import { parseSeed, runSeed } from './seed/index.js';
import { IdSource } from './store/ids.js';
import { Store } from './store/store.js';

export interface SimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** `demo` (default), `empty` or `scale:N`. */
  seed?: string;
  /** How long async jobs run before finishing (default 150 ms). */
  jobDelayMs?: number;
  /** Session lifetime since last use (default 2 h, ZStack's default). */
  sessionTimeoutMs?: number;
  /** How long finished job results can be polled (default 3 h). */
  jobResultTtlMs?: number;
  /** One line per request and per finished job. */
  log?: (line: string) => void;
  /** Clock for dates, session expiry and job TTL (default Date.now). */
  now?: () => number;
}

export interface Simulator {
  /** `http://127.0.0.1:PORT` (the API is below `/zstack/v1`). */
  url: string;
  port: number;
  close(): Promise<void>;
  /** Test hook: the in-memory database. */
  store: Store;
  /** Test hook: make a session count as expired now. Returns false when unknown. */
  expireSession(uuid: string): boolean;
  /** Test hook: resolves when no async job is running and every webhook delivery is done. */
  idle(): Promise<void>;
  /** APIs with their own behaviour (every query API works too; others answer SYS.1008). */
  simulatedApis(): string[];
}

export const SIM_VERSION = '5.2.0';

export async function startSimulator(opts: SimOptions = {}): Promise<Simulator> {
  const registry = loadRegistry();
  const seedText = opts.seed ?? 'demo';
  const spec = parseSeed(seedText);
  const now = opts.now ?? Date.now;
  const seedClock = new SeedClock();
  const store = new Store(registry, new IdSource(`store:${seedText}`), seedClock.now);
  const { managementNodeUuid } = runSeed(store, spec, seedClock);
  store.setClock(now);

  const sessions = new Sessions(new IdSource(`sessions:${seedText}`), now, opts.sessionTimeoutMs ?? DEFAULT_SESSION_TIMEOUT_MS);
  const schema = new SchemaRecorder(registry);
  const renderer = new Renderer(store, registry, schema);
  const env: SimEnv = {
    registry,
    store,
    renderer,
    schema,
    query: new QueryEngine(store, registry, renderer),
    sessions,
    version: SIM_VERSION,
    managementNodeUuid,
  };
  const jobs = new Jobs(now, opts.jobResultTtlMs ?? DEFAULT_JOB_TTL_MS);
  const webhooks = new Webhooks(opts.log ? { log: opts.log } : {});
  const host = opts.host ?? '127.0.0.1';
  let baseUrl = '';
  const door = new FrontDoor({
    env,
    router: new Router(registry),
    jobs,
    webhooks,
    jobIds: new IdSource(`jobs:${seedText}`),
    jobDelayMs: opts.jobDelayMs ?? 150,
    baseUrl: () => baseUrl,
    ...(opts.log ? { log: opts.log } : {}),
  });

  const server: Server = createServer((req, res) => {
    void door.handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shownHost}:${port}`;
  opts.log?.(`simulator (seed ${seedText}) listening on ${baseUrl}`);

  let closed: Promise<void> | undefined;
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
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        jobs.dispose();
        webhooks.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
