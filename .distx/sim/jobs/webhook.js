// Webhook delivery of async results: POST to a loopback URL with X-Job-UUID / X-Job-Success, retried on failure.
import { request } from 'node:http';
/** Only loopback http URLs are accepted, so a simulator can never be used to reach other hosts. */
export function isLoopbackUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return false;
    }
    if (url.protocol !== 'http:')
        return false;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
export class Webhooks {
    opts;
    timers = new Set();
    inflight = new Set();
    pending = 0;
    waiters = [];
    disposed = false;
    constructor(opts = {}) {
        this.opts = opts;
    }
    deliver(url, jobUuid, success, body) {
        this.pending++;
        this.attempt(url, jobUuid, success, JSON.stringify(body), 1);
    }
    attempt(url, jobUuid, success, text, n) {
        if (this.disposed)
            return this.done();
        const attempts = this.opts.attempts ?? 4;
        const retry = (why) => {
            if (n >= attempts || this.disposed) {
                this.opts.log?.(`webhook ${url} for job ${jobUuid} failed after ${n} attempt(s): ${why}`);
                return this.done();
            }
            const t = setTimeout(() => {
                this.timers.delete(t);
                this.attempt(url, jobUuid, success, text, n + 1);
            }, (this.opts.backoffMs ?? 100) * n);
            this.timers.add(t);
        };
        const req = request(url, {
            method: 'POST',
            headers: {
                'Content-Type': 'application/json; charset=utf-8',
                'Content-Length': Buffer.byteLength(text),
                'X-Job-UUID': jobUuid,
                'X-Job-Success': String(success),
            },
            timeout: this.opts.timeoutMs ?? 5000,
        });
        this.inflight.add(req);
        let settled = false;
        const settle = (ok, why) => {
            if (settled)
                return;
            settled = true;
            this.inflight.delete(req);
            if (ok)
                this.done();
            else
                retry(why);
        };
        req.on('response', (res) => {
            res.resume();
            const code = res.statusCode ?? 0;
            settle(code >= 200 && code < 300, `HTTP ${code}`);
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (e) => settle(false, e.message));
        req.end(text);
    }
    done() {
        this.pending--;
        if (this.pending === 0) {
            const w = this.waiters;
            this.waiters = [];
            for (const f of w)
                f();
        }
    }
    /** Resolves when every delivery has succeeded or given up. */
    whenIdle() {
        if (this.pending === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.waiters.push(resolve));
    }
    dispose() {
        this.disposed = true;
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
        for (const r of this.inflight)
            r.destroy();
        this.inflight.clear();
        const w = this.waiters;
        this.waiters = [];
        for (const f of w)
            f();
    }
}
