// Async API jobs: ids in use, running/finished state, result retention (TTL) and the timers that finish them.
// Finished results and used job ids are forgotten after the TTL (swept now and then), so memory stays flat.
import type { ErrorJson } from '../api/errors.js';
import type { Kinds } from '../query/schema.js';

export type JobState = 'running' | 'succeeded' | 'failed';

export interface Job {
  uuid: string;
  api: string;
  state: JobState;
  body?: Record<string, unknown>;
  error?: ErrorJson;
  startedAt: number;
  finishedAt?: number;
  webhook?: string;
  /** The starting request asked for a `schema` map (X-JSON-Schema: true). */
  schema: boolean;
  /** Kinds of the objects in `body`, for building a schema map when one is asked for. */
  kinds?: Kinds;
}

export type JobOutcome = { body: Record<string, unknown>; kinds?: Kinds } | { error: ErrorJson };

/** ZStack keeps finished job results about three hours. */
export const DEFAULT_JOB_TTL_MS = 3 * 3600_000;

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  /** Job ids used by a POST/PUT/DELETE, with when they were used (a reused one is refused until the TTL is over). */
  private readonly used = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private idleWaiters: (() => void)[] = [];
  private running = 0;
  private lastSweep: number;
  private readonly sweepEveryMs: number;

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {
    this.lastSweep = now();
    this.sweepEveryMs = Math.max(1, Math.min(60_000, Math.floor(ttlMs / 4)));
  }

  /** Has this id been used by a POST/PUT/DELETE before? */
  isUsed(uuid: string): boolean {
    return this.used.has(uuid);
  }

  markUsed(uuid: string): void {
    const now = this.now();
    if (now - this.lastSweep >= this.sweepEveryMs) this.sweep();
    this.used.set(uuid, now);
  }

  start(uuid: string, api: string, webhook?: string, schema = false): Job {
    const job: Job = { uuid, api, state: 'running', startedAt: this.now(), schema, ...(webhook ? { webhook } : {}) };
    this.markUsed(uuid);
    this.jobs.set(uuid, job);
    this.running++;
    return job;
  }

  finish(uuid: string, outcome: JobOutcome): Job | undefined {
    const job = this.jobs.get(uuid);
    if (!job || job.state !== 'running') return job;
    if ('body' in outcome) {
      job.state = 'succeeded';
      job.body = outcome.body;
      if (outcome.kinds) job.kinds = outcome.kinds;
    } else {
      job.state = 'failed';
      job.error = outcome.error;
    }
    job.finishedAt = this.now();
    this.running--;
    if (this.running === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
    return job;
  }

  /** The job, or undefined when unknown or its result has outlived the TTL (then it is dropped). */
  get(uuid: string): Job | undefined {
    const job = this.jobs.get(uuid);
    if (!job) return undefined;
    if (job.finishedAt !== undefined && this.now() - job.finishedAt >= this.ttlMs) {
      this.jobs.delete(uuid);
      return undefined;
    }
    return job;
  }

  /** Drops every expired result and every job id used longer ago than the TTL by no running job. */
  sweep(): void {
    const now = this.now();
    this.lastSweep = now;
    for (const [id, job] of this.jobs) if (job.finishedAt !== undefined && now - job.finishedAt >= this.ttlMs) this.jobs.delete(id);
    for (const [id, at] of this.used) if (now - at >= this.ttlMs && !this.jobs.has(id)) this.used.delete(id);
  }

  /** How many results and used ids are kept (for tests of boundedness). */
  get size(): { jobs: number; usedIds: number } {
    return { jobs: this.jobs.size, usedIds: this.used.size };
  }

  /** Runs `fn` after `ms`, unless disposed first. */
  after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** Resolves once no job is running. */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
