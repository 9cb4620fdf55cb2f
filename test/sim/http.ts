// Test-side plain HTTP helpers for driving the simulator over loopback (no client code involved).
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { Simulator } from '../../src/sim/index.js';

export const ROOT = '/zstack/v1';

export interface Answer {
  status: number;
  text: string;
  contentType: string;
  json: any;
  headers: Headers;
}

export interface Send {
  body?: unknown;
  rawBody?: string;
  session?: string;
  headers?: Record<string, string>;
}

export async function send(sim: Simulator, method: string, path: string, opts: Send = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.session) headers.Authorization = `OAuth ${opts.session}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(`${sim.url}${path.startsWith('/zstack') ? path : ROOT + path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let json: unknown;
  if (contentType.startsWith('application/json')) json = JSON.parse(text);
  return { status: res.status, text, contentType, json, headers: res.headers };
}

export function sha512(text: string): string {
  return createHash('sha512').update(text).digest('hex');
}

export async function login(sim: Simulator, accountName = 'admin', password = 'password'): Promise<string> {
  const a = await send(sim, 'PUT', '/accounts/login', { body: { logInByAccount: { accountName, password: sha512(password) } } });
  expect(a.status).toBe(200);
  return a.json.inventory.uuid as string;
}

/** The path part of a job location (clients poll the host they called, not the one in `location`). */
export function jobPath(location: string): string {
  return new URL(location).pathname;
}

/** Sends an async API, expects 202, waits for every job to end, then polls once: the job's final answer. */
export async function runJob(sim: Simulator, method: string, path: string, opts: Send = {}): Promise<Answer> {
  const first = await send(sim, method, path, opts);
  expect(first.status, first.text).toBe(202);
  await sim.idle();
  return send(sim, 'GET', jobPath(first.json.location as string));
}

/** Runs an async API and expects success; returns the result body. */
export async function ok(sim: Simulator, method: string, path: string, opts: Send = {}): Promise<any> {
  const a = await runJob(sim, method, path, opts);
  expect(a.status, a.text).toBe(200);
  return a.json;
}

/** Runs an async API and expects it to fail; returns the error object. */
export async function fails(sim: Simulator, method: string, path: string, opts: Send = {}): Promise<any> {
  const a = await runJob(sim, method, path, opts);
  expect(a.status, a.text).toBe(503);
  return a.json.error;
}

/** GET a query path with conditions, returns the parsed body (expects 200). */
export async function query(sim: Simulator, session: string, path: string, params: [string, string][] = []): Promise<any> {
  const qs = new URLSearchParams(params).toString();
  const a = await send(sim, 'GET', qs ? `${path}?${qs}` : path, { session });
  expect(a.status, a.text).toBe(200);
  return a.json;
}

export function names(body: any): string[] {
  return (body.inventories as { name: string }[]).map((i) => i.name).sort();
}

/** The uuid of the one row named `name` of a query path (`/images`, `/l3-networks`...). */
export async function uuidOf(sim: Simulator, session: string, path: string, name: string): Promise<string> {
  const a = await query(sim, session, path, [['q', `name=${name}`]]);
  expect(a.inventories, `${path} ${name}`).toHaveLength(1);
  return a.inventories[0].uuid as string;
}
