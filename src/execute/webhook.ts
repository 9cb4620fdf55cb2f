// Webhook receiver: a loopback HTTP listener that ZStack POSTs async job results to (X-Web-Hook), matched by job uuid.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InterruptedError } from './errors.js';

/** One job result pushed by the server. */
export interface WebhookResult {
  jobUuid: string;
  /** `X-Job-Success: true`. */
  success: boolean;
  /** The result JSON (success) or the error JSON (failure), as text. */
  body: string;
}

export interface WebhookReceiver {
  /** The URL to send as `X-Web-Hook`. */
  readonly url: string;
  /**
   * Resolves with the result for `jobUuid` (also when it arrived before this call);
   * rejects with `InterruptedError` when `signal` aborts. Timeouts are the caller's.
   */
  wait(jobUuid: string, opts?: { signal?: AbortSignal }): Promise<WebhookResult>;
  close(): Promise<void>;
}

export interface WebhookOptions {
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: ephemeral). */
  port?: number;
  /** Host name to put in the URL, when the server reaches this machine under another name. */
  advertiseHost?: string;
  /** Largest accepted body in bytes (default 64 MiB). */
  maxBodyBytes?: number;
}

/** Results kept for jobs nobody waits for yet (they may arrive before the 202 is read). */
const MAX_UNCLAIMED = 200;

/** Starts the listener; the URL path carries a random token so other local processes cannot guess it. */
export async function startWebhookReceiver(opts: WebhookOptions = {}): Promise<WebhookReceiver> {
  const host = opts.host ?? '127.0.0.1';
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const path = `/zstack-cli/webhook/${randomBytes(12).toString('hex')}`;
  const arrived = new Map<string, WebhookResult>();
  const waiters = new Map<string, (r: WebhookResult) => void>();

  function deliver(r: WebhookResult): void {
    const w = waiters.get(r.jobUuid);
    if (w) {
      waiters.delete(r.jobUuid);
      w(r);
      return;
    }
    if (arrived.size >= MAX_UNCLAIMED) {
      const oldest = arrived.keys().next().value;
      if (oldest !== undefined) arrived.delete(oldest);
    }
    arrived.set(r.jobUuid, r);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end(text);
    };
    if ((req.url ?? '').split('?')[0] !== path) return reply(404, 'not found');
    if (req.method !== 'POST') return reply(405, 'method not allowed');
    const jobUuid = headerOf(req, 'x-job-uuid')?.trim().toLowerCase();
    if (!jobUuid) return reply(400, 'missing X-Job-UUID');
    const successText = headerOf(req, 'x-job-success')?.trim().toLowerCase();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) return reply(413, 'body too large');
      deliver({ jobUuid, success: successText === 'true', body: Buffer.concat(chunks).toString('utf8') });
      reply(200, 'ok');
    });
    req.on('error', () => res.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = opts.advertiseHost ?? host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}${path}`;

  return {
    url,
    wait(jobUuid, wopts = {}) {
      const id = jobUuid.toLowerCase();
      const early = arrived.get(id);
      if (early) {
        arrived.delete(id);
        return Promise.resolve(early);
      }
      const signal = wopts.signal;
      if (signal?.aborted) return Promise.reject(new InterruptedError(id));
      return new Promise<WebhookResult>((resolve, reject) => {
        const onAbort = () => {
          waiters.delete(id);
          reject(new InterruptedError(id));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.set(id, (r) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(r);
        });
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
