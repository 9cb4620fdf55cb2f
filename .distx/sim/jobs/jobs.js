/** ZStack keeps finished job results about three hours. */
export const DEFAULT_JOB_TTL_MS = 3 * 3600_000;
export class Jobs {
    now;
    ttlMs;
    jobs = new Map();
    /** Job ids used by a POST/PUT/DELETE, with when they were used (a reused one is refused until the TTL is over). */
    used = new Map();
    timers = new Set();
    idleWaiters = [];
    running = 0;
    lastSweep;
    sweepEveryMs;
    constructor(now, ttlMs) {
        this.now = now;
        this.ttlMs = ttlMs;
        this.lastSweep = now();
        this.sweepEveryMs = Math.max(1, Math.min(60_000, Math.floor(ttlMs / 4)));
    }
    /** Has this id been used by a POST/PUT/DELETE before? */
    isUsed(uuid) {
        return this.used.has(uuid);
    }
    markUsed(uuid) {
        const now = this.now();
        if (now - this.lastSweep >= this.sweepEveryMs)
            this.sweep();
        this.used.set(uuid, now);
    }
    start(uuid, api, webhook, schema = false) {
        const job = { uuid, api, state: 'running', startedAt: this.now(), schema, ...(webhook ? { webhook } : {}) };
        this.markUsed(uuid);
        this.jobs.set(uuid, job);
        this.running++;
        return job;
    }
    finish(uuid, outcome) {
        const job = this.jobs.get(uuid);
        if (!job || job.state !== 'running')
            return job;
        if ('body' in outcome) {
            job.state = 'succeeded';
            job.body = outcome.body;
            if (outcome.kinds)
                job.kinds = outcome.kinds;
        }
        else {
            job.state = 'failed';
            job.error = outcome.error;
        }
        job.finishedAt = this.now();
        this.running--;
        if (this.running === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const w of waiters)
                w();
        }
        return job;
    }
    /** The job, or undefined when unknown or its result has outlived the TTL (then it is dropped). */
    get(uuid) {
        const job = this.jobs.get(uuid);
        if (!job)
            return undefined;
        if (job.finishedAt !== undefined && this.now() - job.finishedAt >= this.ttlMs) {
            this.jobs.delete(uuid);
            return undefined;
        }
        return job;
    }
    /** Drops every expired result and every job id used longer ago than the TTL by no running job. */
    sweep() {
        const now = this.now();
        this.lastSweep = now;
        for (const [id, job] of this.jobs)
            if (job.finishedAt !== undefined && now - job.finishedAt >= this.ttlMs)
                this.jobs.delete(id);
        for (const [id, at] of this.used)
            if (now - at >= this.ttlMs && !this.jobs.has(id))
                this.used.delete(id);
    }
    /** How many results and used ids are kept (for tests of boundedness). */
    get size() {
        return { jobs: this.jobs.size, usedIds: this.used.size };
    }
    /** Runs `fn` after `ms`, unless disposed first. */
    after(ms, fn) {
        const t = setTimeout(() => {
            this.timers.delete(t);
            fn();
        }, ms);
        this.timers.add(t);
    }
    /** Resolves once no job is running. */
    whenIdle() {
        if (this.running === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    dispose() {
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters)
            w();
    }
}
