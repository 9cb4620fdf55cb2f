// Webhook delivery of async results: POST to a loopback URL with X-Job-UUID / X-Job-Success, retried on failure.
import { request } from 'node:http';

/** Only loopback http URLs are accepted, so a simulator can never be used to reach other hosts. */
export function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface WebhookOptions {
  attempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}

export class Webhooks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<ReturnType<typeof request>>();
  private pending = 0;
  private waiters: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly opts: WebhookOptions = {}) {}

  deliver(url: string, jobUuid: string, success: boolean, body: unknown): void {
    this.pending++;
    this.attempt(url, jobUuid, success, JSON.stringify(body), 1);
  }

  private attempt(url: string, jobUuid: string, success: boolean, text: string, n: number): void {
    if (this.disposed) return this.done();
    const attempts = this.opts.attempts ?? 4;
    const retry = (why: string): void => {
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
    const settle = (ok: boolean, why: string): void => {
      if (settled) return;
      settled = true;
      this.inflight.delete(req);
      if (ok) this.done();
      else retry(why);
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

  private done(): void {
    this.pending--;
    if (this.pending === 0) {
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    }
  }

  /** Resolves when every delivery has succeeded or given up. */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const r of this.inflight) r.destroy();
    this.inflight.clear();
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
