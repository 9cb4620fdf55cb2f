import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, UsageError, exitCodeFor, exitCodeOf, type ErrorKind } from '../errors/cli-error.js';
import { renderError } from '../errors/report.js';
import { ApiError, AuthError, ConnectionError, InterruptedError, JobTimeoutError, ProtocolError, TooLargeError, describeBody, parseZStackError } from './errors.js';
import { pathToStates, vmStateHint } from './vm-state-hint.js';

describe('exit codes', () => {
  it('maps every kind to the documented code', () => {
    const table: Record<ErrorKind, number> = {
      api: 1,
      protocol: 1,
      'job-not-found': 1,
      usage: 2,
      connection: 3,
      'auth-failed': 4,
      'session-expired': 4,
      'not-logged-in': 4,
      'job-timeout': 8,
      interrupted: 130,
    };
    for (const [kind, code] of Object.entries(table)) expect(exitCodeOf(kind as ErrorKind)).toBe(code);
    expect(EXIT_CODES).toEqual({ ok: 0, api: 1, usage: 2, connection: 3, auth: 4, jobTimeout: 8, interrupted: 130 });
  });

  it('takes the kind from each error class; foreign errors are 1', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(2);
    expect(exitCodeFor(new ConnectionError('dns', 'h:1'))).toBe(3);
    expect(exitCodeFor(AuthError.notLoggedIn('QueryZone'))).toBe(4);
    expect(exitCodeFor(new JobTimeoutError('a'.repeat(32), 1000))).toBe(8);
    expect(exitCodeFor(new InterruptedError())).toBe(130);
    expect(exitCodeFor(new ProtocolError('bad'))).toBe(1);
    expect(exitCodeFor(new TypeError('boom'))).toBe(1);
    expect(exitCodeFor('string')).toBe(1);
  });
});

describe('rendering', () => {
  it('plain-text 4xx: status line with the first body line; long bodies are clipped', () => {
    const body = ['Invalid value for X-Job-UUID', ...Array.from({ length: 15 }, (_, i) => `line ${i}`)].join('\n');
    const lines = renderError(new ApiError(400, undefined, body)).split('\n');
    expect(lines[0]).toBe('Error HTTP 400 Bad Request: Invalid value for X-Job-UUID');
    expect(lines.slice(1, 3)).toEqual(['  line 0', '  line 1']);
    expect(lines.at(-1)).toBe('  ... (5 more lines)');
    expect(lines).toHaveLength(12);
  });

  it('an empty plain body still names the status', () => {
    expect(renderError(new ApiError(405, undefined, ''))).toBe('Error HTTP 405 Method Not Allowed');
  });

  it('uses details as the first line when there is no description, without repeating it', () => {
    const e = new ApiError(503, { code: 'SYS.1003', details: 'cannot find the VM' }, '');
    expect(renderError(e)).toBe('Error SYS.1003: cannot find the VM');
  });

  it('connection errors are one line naming host:port; TLS ones hint at --ca/--insecure', () => {
    expect(renderError(new ConnectionError('refused', '10.0.0.1:8080'))).toBe(
      'Error: connection refused by 10.0.0.1:8080; is the ZStack management node running there?',
    );
    const tls = renderError(new ConnectionError('tls', 'zs.example:443', 'self-signed certificate')).split('\n');
    expect(tls[0]).toBe('Error: TLS handshake with zs.example:443 failed (self-signed certificate)');
    expect(tls[1]).toContain('--insecure');
  });

  it("a proxy's HTML error page is one line naming its title, never a dump of HTML", () => {
    const page = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n${'<!-- padding -->\r\n'.repeat(6)}`;
    expect(renderError(new ApiError(502, undefined, page))).toBe(
      'Error HTTP 502 Bad Gateway: a web server or proxy answered, not the management node (an HTML page: "502 Bad Gateway")',
    );
    const doc = '<!DOCTYPE html><html><body><h1>Service &amp; &#x41;PI down</h1></body></html>';
    expect(renderError(new ApiError(503, undefined, doc))).toBe(
      'Error HTTP 503 Service Unavailable: a web server or proxy answered, not the management node (an HTML page: "Service & API down")',
    );
  });

  it('describeBody: one short line for any body, control characters flattened (property)', () => {
    expect(describeBody('')).toBe('an empty body');
    expect(describeBody('<html><title>\u001b[31mred\u009b</title></html>')).toBe('an HTML page: "[31mred"');
    expect(describeBody('not json\nat all')).toBe('"not json at all"');
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (body) => {
        const d = describeBody(body);
        expect(d).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(d.length).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('new connection reasons: one line each, with a hint that fits', () => {
    const plain = renderError(new ConnectionError('plain-http', 'h:8080')).split('\n');
    expect(plain).toEqual(['Error: h:8080 answered in plain HTTP, not TLS (https)', 'Drop --https (and any https:// in the host) for this port.']);
    const name = renderError(new ConnectionError('cert-name', 'h:443', 'it names DNS:zs.example; asked for h')).split('\n');
    expect(name[0]).toBe('Error: the TLS certificate of h:443 is for another name (it names DNS:zs.example; asked for h)');
    expect(name[1]).not.toContain('--ca');
    expect(renderError(new ConnectionError('idle', 'h:1', 'nothing received for 1m'))).toContain('--read-timeout');
    expect(renderError(new ConnectionError('not-http', 'h:22'))).toMatch(/^Error: h:22 did not answer in HTTP\n/);
    // OpenSSL's multi-line messages stay on one line.
    expect(renderError(new ConnectionError('tls', 'h:1', 'a\nb')).split('\n')[0]).toBe('Error: TLS handshake with h:1 failed (a b)');
  });

  it('a body over the limit says how large; exit 1', () => {
    const e = new TooLargeError('h:8080', 256 * 2 ** 20, 2 ** 30);
    expect(renderError(e)).toBe('Error: the answer from h:8080 is larger than 256 MiB (1 GiB announced); not read');
    expect(exitCodeFor(e)).toBe(1);
  });

  it('parses {"error": {...}} and bare errors; rejects other JSON and text', () => {
    expect(parseZStackError('{"error":{"code":"SYS.1000","description":"x"}}')).toEqual({ code: 'SYS.1000', description: 'x' });
    expect(parseZStackError('{"code":"SYS.1000"}')).toEqual({ code: 'SYS.1000' });
    expect(parseZStackError('{"inventory":{}}')).toBeUndefined();
    expect(parseZStackError('[1]')).toBeUndefined();
    expect(parseZStackError('Bad Request')).toBeUndefined();
  });

  it('never throws, starts with "Error " and stays bounded for any error shape', () => {
    const text = fc.oneof(fc.string(), fc.constant('line1\nline2'), fc.constant(undefined));
    const err = fc.letrec((tie) => ({
      e: fc.record(
        {
          code: text,
          description: text,
          details: text,
          elaboration: text,
          cause: fc.oneof({ depthSize: 'small' }, fc.constant(undefined), tie('e'), fc.integer()),
        },
        { requiredKeys: [] },
      ),
    })).e;
    fc.assert(
      fc.property(err, fc.integer({ min: 400, max: 599 }), (e, status) => {
        const parsed = parseZStackError(JSON.stringify({ error: e }));
        const out = renderError(new ApiError(status, parsed, JSON.stringify(e)));
        expect(out.startsWith('Error ')).toBe(true);
        // The cause chain is shown at most 8 deep, so output stays bounded.
        expect(out.split('\n').length).toBeLessThan(40);
      }),
    );
  });
});

describe('error chains and state hints', () => {
  const refusal = "current vm instance state[Destroyed] doesn't allow to proceed message[APIStartVmInstanceMsg], allowed states are [Created, Running, Stopped, Crashed]";

  it('prints each detail of a chain once (VM.1001 repeats its cause VM.1010)', () => {
    const e = new ApiError(503, {
      code: 'VM.1001',
      description: 'Failed to start the vm',
      details: refusal,
      cause: { code: 'VM.1010', description: 'The vm is not in a correct state for the operation', details: refusal },
    }, '');
    expect(renderError(e).split('\n')).toEqual([
      'Error VM.1001: Failed to start the vm',
      `  details: ${refusal}`,
      '  caused by VM.1010: The vm is not in a correct state for the operation',
      'The VM is Destroyed and StartVmInstance needs it Created, Running, Stopped or Crashed: run RecoverVmInstance first.',
    ]);
    const same = new ApiError(503, { code: 'SYS.1006', description: 'An operation failed', details: 'x', cause: { code: 'SYS.1006', description: 'An operation failed', details: 'x' } }, '');
    expect(renderError(same).split('\n')).toEqual(['Error SYS.1006: An operation failed', '  details: x', '  caused by SYS.1006']);
  });

  it('says what to run first, or to wait while a job runs', () => {
    expect(vmStateHint([refusal])).toMatch(/run RecoverVmInstance first\.$/);
    expect(vmStateHint(["current vm instance state[Stopped] doesn't allow to proceed message[APIRebootVmInstanceMsg], allowed states are [Running, Crashed, NoState]"])).toBe(
      'The VM is Stopped and RebootVmInstance needs it Running, Crashed or NoState: run StartVmInstance first.',
    );
    expect(vmStateHint(["current vm instance state[Running] doesn't allow to proceed message[APIExpungeVmInstanceMsg], allowed states are [Destroyed]"])).toMatch(/run DestroyVmInstance first\.$/);
    expect(vmStateHint(["current vm instance state[Starting] doesn't allow to proceed message[APIStopVmInstanceMsg], allowed states are [Running]"])).toBe(
      'The VM is Starting: wait for its running job to finish, then retry StopVmInstance.',
    );
    expect(vmStateHint(['something else'])).toBeUndefined();
    expect(pathToStates('Destroyed', ['Running'])).toEqual(['RecoverVmInstance', 'StartVmInstance']);
    expect(pathToStates('Running', ['Running'])).toEqual([]);
  });
});
