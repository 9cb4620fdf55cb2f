// The shell's background jobs: a line ending in `&` runs in the background and is numbered; `jobs`
// lists them, a finished one is announced above the next prompt, `job wait N` and `job result N`
// take its result. A job keeps its result until the shell ends; the shell warns before leaving
// while any still runs (they go on on the server: `job wait <uuid>` from anywhere).
import { renderError } from '../errors/report.js';
/** Most jobs remembered: older finished ones are forgotten first. */
export const MAX_JOBS = 200;
export function elapsed(job, now) {
    const ms = (job.ended ?? now) - job.started;
    return ms < 10_000 ? `${(ms / 1000).toFixed(1)}s` : ms < 600_000 ? `${Math.round(ms / 1000)}s` : `${Math.round(ms / 60_000)}m`;
}
export class JobTable {
    now;
    jobs = [];
    next = 1;
    constructor(now = Date.now) {
        this.now = now;
    }
    /**
     * Starts `run` in the background as job N. `run` gets a signal (aborted by stop) and reports the
     * server's job uuid as soon as it is known; it resolves with the result, or rejects with the error
     * text to show (anything else it throws is rendered as every error is).
     */
    start(line, api, target, run) {
        const ctl = new AbortController();
        const job = {
            n: this.next++,
            line,
            api,
            target,
            started: this.now(),
            state: 'running',
            announced: false,
            done: Promise.resolve(),
            stop: () => ctl.abort(),
        };
        job.done = run(ctl.signal, (uuid) => (job.jobUuid = uuid)).then((result) => {
            job.result = result;
            job.state = 'done';
            job.ended = this.now();
        }, (e) => {
            job.errorText = typeof e === 'string' ? e : renderError(e, '');
            job.state = 'failed';
            job.ended = this.now();
        });
        this.jobs.push(job);
        while (this.jobs.length > MAX_JOBS) {
            const old = this.jobs.findIndex((j) => j.state !== 'running');
            if (old < 0)
                break;
            this.jobs.splice(old, 1);
        }
        return job;
    }
    list() {
        return this.jobs;
    }
    get(n) {
        return this.jobs.find((j) => j.n === n);
    }
    running() {
        return this.jobs.filter((j) => j.state === 'running');
    }
    /** Lines announcing the jobs that ended since the last call. */
    announcements() {
        const out = [];
        const now = this.now();
        for (const j of this.jobs) {
            if (j.state === 'running' || j.announced)
                continue;
            j.announced = true;
            out.push(statusLine(j, now));
        }
        return out;
    }
}
/** `[2] done    4.1s  StartVmInstance uuid=1a2b3c4d` (and the first error line when it failed). */
export function statusLine(j, now) {
    const head = `[${j.n}] ${j.state.padEnd(7)} ${elapsed(j, now).padStart(5)}  ${j.api}${j.target ? ` ${j.target}` : ''}`;
    if (j.state === 'failed' && j.errorText)
        return `${head}: ${j.errorText.split('\n')[0]}`;
    if (j.state === 'running' && j.jobUuid)
        return `${head}  (job ${j.jobUuid})`;
    return head;
}
