// The bytes of an HTTP/1.1 request (RFC 9112 3 and 5): the request line, Host, the caller's headers,
// Content-Length for a body, then the body as UTF-8. Pure. Header names and values are checked (no CR,
// LF or other control characters can split the request), and a refusal names the header, never its
// value: an Authorization header carries the session token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII, space and tab: what a field value may hold here (our values are all ASCII). */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;
/** Methods whose request has a body by nature: an empty one is announced (`Content-Length: 0`). */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** A header that cannot be sent as it is. */
export class RequestHeadError extends Error {
}
/**
 * The whole request as one string (ASCII up to the body; written as UTF-8). The Host header is the
 * URL's host (port included unless it is the scheme's default) unless `headers` has one.
 */
export function requestText(method, url, headers, body) {
    if (!TOKEN.test(method))
        throw new RequestHeadError(`not an HTTP method: ${JSON.stringify(method.slice(0, 20))}`);
    let head = '';
    let host = false;
    let length = false;
    for (const name of Object.keys(headers)) {
        const value = headers[name];
        if (!TOKEN.test(name))
            throw new RequestHeadError(`not a header name: ${JSON.stringify(name.slice(0, 40))}`);
        if (!FIELD_VALUE.test(value))
            throw new RequestHeadError(`the header ${name} holds characters that cannot be sent`);
        const lower = name.toLowerCase();
        if (lower === 'host')
            host = true;
        else if (lower === 'content-length')
            length = true;
        head += `${name}: ${value}\r\n`;
    }
    head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\n${host ? '' : `Host: ${url.host}\r\n`}${head}`;
    if (!length && (body !== null || BODY_METHODS.has(method.toUpperCase())))
        head += `Content-Length: ${body === null ? 0 : Buffer.byteLength(body, 'utf8')}\r\n`;
    return `${head}\r\n${body ?? ''}`;
}
