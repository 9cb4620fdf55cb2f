// Webhook receiver: a loopback HTTP listener that ZStack POSTs async job results to (X-Web-Hook), matched by job uuid.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { InterruptedError } from './errors.js';
/** Results kept for jobs nobody waits for yet (they may arrive before the 202 is read). */
const MAX_UNCLAIMED = 200;
const DEFAULT_MAX_BODY = 64 * 2 ** 20;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Only this machine may post results: the listener is bound to a loopback address. */
export function isLoopback(host) {
    const h = host.replace(/^\[|\]$/g, '').toLowerCase();
    return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}
/** Starts the listener; the URL path carries a random token so other local processes cannot guess it. */
export async function startWebhookReceiver(opts = {}) {
    const host = opts.host ?? '127.0.0.1';
    if (!isLoopback(host))
        throw new Error(`the webhook receiver listens on loopback only, not ${host}`);
    const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
    const requestTimeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const path = `/zstack-cli/webhook/${randomBytes(12).toString('hex')}`;
    const arrived = new Map();
    let arrivedBytes = 0;
    const waiters = new Map();
    /** Body bytes held right now, over all requests still arriving. */
    let inflight = 0;
    function keep(r) {
        const old = arrived.get(r.jobUuid);
        if (old)
            forget(r.jobUuid, old);
        arrived.set(r.jobUuid, r);
        arrivedBytes += r.body.length;
        // Bounded in count and bytes: the oldest unclaimed results go first.
        for (const [id, kept] of arrived) {
            if (arrived.size <= MAX_UNCLAIMED && arrivedBytes <= maxBody)
                break;
            forget(id, kept);
        }
    }
    function forget(id, r) {
        arrived.delete(id);
        arrivedBytes -= r.body.length;
    }
    function deliver(r) {
        const ws = waiters.get(r.jobUuid);
        if (!ws)
            return keep(r);
        waiters.delete(r.jobUuid);
        for (const w of ws)
            w.resolve(r);
    }
    const server = createServer({ requestTimeout: requestTimeoutMs, headersTimeout: Math.min(requestTimeoutMs, 10_000), connectionsCheckingInterval: Math.min(1000, requestTimeoutMs) }, (req, res) => {
        const reply = (status, text) => {
            if (res.headersSent)
                return;
            res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
            res.end(text);
        };
        if ((req.url ?? '').split('?')[0] !== path)
            return reply(404, 'not found');
        if (req.method !== 'POST')
            return reply(405, 'method not allowed');
        const jobUuid = headerOf(req, 'x-job-uuid')?.trim().toLowerCase();
        if (!jobUuid)
            return reply(400, 'missing X-Job-UUID');
        const successText = headerOf(req, 'x-job-success')?.trim().toLowerCase();
        const tooBig = () => {
            // Answer at once and drop the connection: the rest of the body is never read.
            reply(413, 'body too large');
            res.once('finish', () => req.destroy());
        };
        if (Number(req.headers['content-length'] ?? 0) > maxBody)
            return tooBig();
        const chunks = [];
        let size = 0;
        let done = false;
        const release = () => {
            if (done)
                return;
            done = true;
            inflight -= size;
        };
        req.on('data', (c) => {
            if (done)
                return;
            size += c.length;
            inflight += c.length;
            chunks.push(c);
            if (size > maxBody || inflight > maxBody) {
                release();
                chunks.length = 0;
                tooBig();
            }
        });
        req.on('end', () => {
            if (done)
                return;
            release();
            deliver({ jobUuid, success: successText === 'true', body: Buffer.concat(chunks).toString('utf8') });
            reply(200, 'ok');
        });
        req.on('close', release);
        req.on('error', () => {
            release();
            res.destroy();
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    const shownHost = opts.advertiseHost ?? host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}${path}`;
    return {
        url,
        wait(jobUuid, wopts = {}) {
            const id = jobUuid.toLowerCase();
            const early = arrived.get(id);
            if (early) {
                forget(id, early);
                return Promise.resolve(early);
            }
            const signal = wopts.signal;
            if (signal?.aborted)
                return Promise.reject(new InterruptedError(id));
            return new Promise((resolve, reject) => {
                const ws = waiters.get(id) ?? new Set();
                waiters.set(id, ws);
                const drop = () => {
                    signal?.removeEventListener('abort', onAbort);
                    ws.delete(w);
                    if (ws.size === 0 && waiters.get(id) === ws)
                        waiters.delete(id);
                };
                const onAbort = () => {
                    drop();
                    reject(new InterruptedError(id));
                };
                const w = {
                    resolve: (r) => {
                        drop();
                        resolve(r);
                    },
                    reject: (e) => {
                        drop();
                        reject(e);
                    },
                };
                ws.add(w);
                signal?.addEventListener('abort', onAbort, { once: true });
            });
        },
        close() {
            // Nobody is left waiting on a receiver that is gone.
            for (const [id, ws] of [...waiters])
                for (const w of [...ws])
                    w.reject(new InterruptedError(id));
            return new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
        },
    };
}
function headerOf(req, name) {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
