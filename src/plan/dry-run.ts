// The --dry-run contract: one JSON object {method, url, body} describing the request, nothing sent.
import { toJsonText } from './json-text.js';
import { endpointUrl, type Endpoint, type PlannedRequest } from './request.js';

export function dryRunJson(req: PlannedRequest, ep: Endpoint): string {
  return toJsonText({ method: req.method, url: endpointUrl(ep, req.pathAndQuery), body: req.body });
}
