// The planned HTTP request: what the planner produces and the executor sends, exactly as ZStack expects it.
import type { ApiDef } from '../schema/types.js';

export interface Endpoint {
  /** `http` or `https`. */
  scheme: 'http' | 'https';
  host: string;
  port: number;
}

export interface PlannedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the server root, with the query string, e.g. `/zstack/v1/vm-instances?q=name%3Dx`. */
  pathAndQuery: string;
  /** JSON body text, or null when the API sends no body. Longs beyond 2^53 are written exactly. */
  bodyText: string | null;
  /** The body as a value (for display); null when there is none. Secrets are already hashed here. */
  body: Record<string, unknown> | null;
  api: ApiDef;
  /** Warnings that do not block sending (e.g. a value the server would split differently). */
  warnings: string[];
}

export function endpointUrl(ep: Endpoint, pathAndQuery: string): string {
  const host = ep.host.includes(':') && !ep.host.startsWith('[') ? `[${ep.host}]` : ep.host;
  return `${ep.scheme}://${host}:${ep.port}${pathAndQuery}`;
}

/** Root of the REST API below the server. */
export const API_ROOT = '/zstack/v1';
