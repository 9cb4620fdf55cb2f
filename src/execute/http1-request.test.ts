import { describe, expect, it } from 'vitest';
import { RequestHeadError, requestText } from './http1-request.js';

describe('requestText', () => {
  it('writes the request line, Host first, the headers as given, then the body with its UTF-8 length', () => {
    const text = requestText('PUT', new URL('http://10.0.0.1:8080/zstack/v1/vm-instances/a/actions?x=1'), { Accept: 'application/json', Authorization: 'OAuth s3cr3t' }, '{"name":"集群"}');
    expect(text).toBe(
      'PUT /zstack/v1/vm-instances/a/actions?x=1 HTTP/1.1\r\nHost: 10.0.0.1:8080\r\nAccept: application/json\r\nAuthorization: OAuth s3cr3t\r\nContent-Length: 17\r\n\r\n{"name":"集群"}',
    );
    expect(Buffer.byteLength('{"name":"集群"}')).toBe(17);
  });

  it('no body: no Content-Length on GET, 0 on POST/PUT; a given Host or Content-Length is kept', () => {
    expect(requestText('GET', new URL('https://zstack.example/zstack/v1/zones'), {}, null)).toBe('GET /zstack/v1/zones HTTP/1.1\r\nHost: zstack.example\r\n\r\n');
    expect(requestText('POST', new URL('http://h:1/a'), {}, null)).toBe('POST /a HTTP/1.1\r\nHost: h:1\r\nContent-Length: 0\r\n\r\n');
    expect(requestText('GET', new URL('http://[::1]:8080/'), { host: 'other', 'content-length': '2' }, 'ab')).toBe('GET / HTTP/1.1\r\nhost: other\r\ncontent-length: 2\r\n\r\nab');
    expect(requestText('GET', new URL('http://[::1]:8080/'), {}, null)).toContain('\r\nHost: [::1]:8080\r\n');
  });

  it('refuses a header that would split the request, naming it but never showing its value', () => {
    const bad = (headers: Record<string, string>, method = 'GET'): string => {
      try {
        requestText(method, new URL('http://h/'), headers, null);
      } catch (e) {
        expect(e).toBeInstanceOf(RequestHeadError);
        return (e as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(bad({ Authorization: 'OAuth tok\r\nX-Evil: 1' })).toBe('the header Authorization holds characters that cannot be sent');
    expect(bad({ 'X-A': 'é' })).toBe('the header X-A holds characters that cannot be sent');
    expect(bad({ 'Bad Name': 'x' })).toMatch(/^not a header name/);
    expect(bad({}, 'GET /x HTTP/1.1\r\n')).toMatch(/^not an HTTP method/);
  });
});
