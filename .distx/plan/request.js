export function endpointUrl(ep, pathAndQuery) {
    const host = ep.host.includes(':') && !ep.host.startsWith('[') ? `[${ep.host}]` : ep.host;
    return `${ep.scheme}://${host}:${ep.port}${pathAndQuery}`;
}
/** Root of the REST API below the server. */
export const API_ROOT = '/zstack/v1';
