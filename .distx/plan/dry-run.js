// The --dry-run contract: one JSON object {method, url, body} describing the request, nothing sent.
// Secrets show as "<hidden>" unless `showSecrets` (--show-secrets).
import { shownRequest } from './hidden-request.js';
import { toJsonText } from './json-text.js';
import { endpointUrl } from './request.js';
export function dryRunJson(req, ep, showSecrets = false) {
    const shown = shownRequest(req, showSecrets);
    return toJsonText({ method: req.method, url: endpointUrl(ep, shown.pathAndQuery), body: shown.body });
}
