// The curl command equivalent to a planned request (for --curl), quoted for POSIX shells.
import { endpointUrl, type Endpoint, type PlannedRequest } from './request.js';

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `session` is the uuid to show, or undefined to leave a `$ZSTACK_SESSION` reference. */
export function curlCommand(req: PlannedRequest, ep: Endpoint, session: string | undefined, jobUuid?: string): string {
  const parts = ['curl', '-X', req.method];
  if (req.bodyText !== null) parts.push('-H', shellQuote('Content-Type: application/json;charset=UTF-8'));
  if (req.api.needSession) {
    parts.push('-H', session ? shellQuote(`Authorization: OAuth ${session}`) : '"Authorization: OAuth $ZSTACK_SESSION"');
  }
  if (jobUuid) parts.push('-H', shellQuote(`X-Job-UUID: ${jobUuid}`));
  if (req.bodyText !== null) parts.push('-d', shellQuote(req.bodyText));
  parts.push(shellQuote(endpointUrl(ep, req.pathAndQuery)));
  return parts.join(' ');
}
