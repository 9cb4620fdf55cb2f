// Test doubles for the executor: a scripted transport that fails on unexpected requests, a fake
// clock, and self-signed certificates made with openssl for TLS tests.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Clock } from './executor.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

export type StubReply =
  | { status: number; body?: string | object; headers?: Record<string, string> }
  | { throws: unknown };

export interface StubStep {
  method: string;
  /** Path and query the request must have (host ignored; see `origin`). */
  path: string;
  reply: StubReply | ((req: TransportRequest) => StubReply | Promise<StubReply>);
  /** Answer this step again and again instead of consuming it (for "the job never finishes"). */
  repeat?: boolean;
}

/** Plays a script of expected requests; anything unexpected is recorded and rejected. */
export class StubTransport implements Transport {
  readonly requests: TransportRequest[] = [];
  readonly unexpected: string[] = [];
  closed = false;
  private readonly steps: StubStep[];

  constructor(
    steps: StubStep[] = [],
    /** Every request must go to this origin (e.g. `http://10.0.0.1:8080`). */
    readonly origin?: string,
  ) {
    this.steps = [...steps];
  }

  on(method: string, path: string, reply: StubStep['reply'], repeat = false): this {
    this.steps.push({ method, path, reply, repeat });
    return this;
  }

  /** Steps not yet used (repeating steps are never "left"). */
  get pending(): StubStep[] {
    return this.steps.filter((s) => !s.repeat);
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    this.requests.push(req);
    const u = new URL(req.url);
    const where = `${req.method} ${u.pathname}${u.search}`;
    const step = this.steps[0];
    if (this.origin !== undefined && u.origin !== this.origin) return this.reject(`${where} to ${u.origin}, expected ${this.origin}`);
    if (!step) return this.reject(`${where} (script exhausted)`);
    if (step.method !== req.method || step.path !== `${u.pathname}${u.search}`)
      return this.reject(`${where}, expected ${step.method} ${step.path}`);
    if (!step.repeat) this.steps.shift();
    const reply = typeof step.reply === 'function' ? await step.reply(req) : step.reply;
    if ('throws' in reply) throw reply.throws;
    const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    return { status: reply.status, headers: reply.headers ?? {}, body };
  }

  private reject(what: string): never {
    this.unexpected.push(what);
    throw new Error(`StubTransport: unexpected request ${what}`);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

/** A clock whose sleeps return at once and advance time; records them. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(
    public t = 1_000_000,
    /** Called on every sleep, before time advances (e.g. to abort). */
    private readonly onSleep?: (ms: number) => void,
  ) {}
  now(): number {
    return this.t;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.onSleep?.(ms);
    if (signal?.aborted) throw new Error('aborted');
    this.sleeps.push(ms);
    this.t += ms;
  }
}

/** Whether `openssl` can make test certificates here (TLS tests are skipped without it). */
export const hasOpenssl: boolean = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Writes a self-signed EC certificate for `cn` with `san` (e.g. `DNS:x,IP:127.0.0.1`) into `dir`. */
export function selfSignedCert(dir: string, cn: string, san?: string): { keyFile: string; certFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${cn}`,
      ...(san ? ['-addext', `subjectAltName=${san}`] : []), '-keyout', keyFile, '-out', certFile],
    { stdio: 'ignore' },
  );
  return { keyFile, certFile };
}
