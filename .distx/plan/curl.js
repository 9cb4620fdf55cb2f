// The curl command equivalent to a planned request (for --curl), quoted for POSIX shells. Secrets
// (passwords, the session in the Authorization header) show as <hidden> unless `showSecrets`.
import { HIDDEN, shownRequest } from './hidden-request.js';
import { endpointUrl } from './request.js';
export function shellQuote(s) {
    return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
/** `session` is the uuid to use, or undefined to leave a `$ZSTACK_SESSION` reference. */
export function curlCommand(req, ep, session, opts = {}) {
    const shown = shownRequest(req, opts.showSecrets === true);
    const parts = ['curl', '-X', req.method];
    if (shown.bodyText !== null)
        parts.push('-H', shellQuote('Content-Type: application/json;charset=UTF-8'));
    if (req.api.needSession) {
        const token = session === undefined ? undefined : opts.showSecrets ? session : HIDDEN;
        parts.push('-H', token ? shellQuote(`Authorization: OAuth ${token}`) : '"Authorization: OAuth $ZSTACK_SESSION"');
    }
    if (opts.jobUuid)
        parts.push('-H', shellQuote(`X-Job-UUID: ${opts.jobUuid}`));
    if (shown.bodyText !== null)
        parts.push('-d', shellQuote(shown.bodyText));
    parts.push(shellQuote(endpointUrl(ep, shown.pathAndQuery)));
    return parts.join(' ');
}
