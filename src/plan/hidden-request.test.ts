import { describe, expect, it } from 'vitest';
import { parseLine } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { curlCommand, shellQuote } from './curl.js';
import { dryRunJson } from './dry-run.js';
import { planCommand, sha512Hex } from './planner.js';
import { didYouMean, planError } from './errors.js';
import { HIDDEN, shownRequest } from './hidden-request.js';
import { endpointUrl, type PlannedRequest } from './request.js';

const reg = loadRegistry();
const ep = { scheme: 'http' as const, host: 'localhost', port: 8080 };

/** The planned request of a line that must plan cleanly. */
const plan = (line: string): PlannedRequest => {
  const planned = planCommand(reg, parseLine(line).command!);
  expect(planned.ok ? [] : planned.errors).toEqual([]);
  return (planned as Extract<typeof planned, { ok: true }>).request;
};

describe('--dry-run and --curl hide secrets', () => {
  it('hides a login password (its SHA-512 logs in as well) and keeps the request sent unchanged', () => {
    const req = plan('LogInByAccount accountName=admin password=pw');
    expect(dryRunJson(req, ep)).toBe('{"method":"PUT","url":"http://localhost:8080/zstack/v1/accounts/login","body":{"logInByAccount":{"accountName":"admin","password":"<hidden>"}}}');
    expect(req.bodyText).toContain(sha512Hex('pw'));
    expect(dryRunJson(req, ep, true)).toContain(sha512Hex('pw'));
  });

  it('hides plain passwords, tags carrying one, and secrets in the query string and the path', () => {
    expect(dryRunJson(plan('AddKVMHost name=h managementIp=1.2.3.4 clusterUuid=c username=root password=pw systemTags=ha::x,sshPassword::pw'), ep)).toContain(
      '"username":"root","password":"<hidden>"},"systemTags":["ha::x","sshPassword::<hidden>"]}',
    );
    expect(dryRunJson(plan('GetTwoFactorAuthenticationSecret name=a password=pw type=account'), ep)).toMatch(/[?&]password=<hidden>/);
    expect(dryRunJson(plan('ValidateSession sessionUuid=0123456789abcdef0123456789abcdef'), ep)).toContain('/accounts/sessions/<hidden>/valid');
    expect(dryRunJson(plan('QueryVmInstance __systemTag__=rootPassword::pw'), ep)).toContain('q=__systemTag__%3DrootPassword::<hidden>');
  });

  it('curl hides the body secrets and the session of the Authorization header', () => {
    const c = curlCommand(plan('AddKVMHost name=h managementIp=1.2.3.4 clusterUuid=c username=root password=pw'), ep, 'S3SSION');
    expect(c).toContain("-H 'Authorization: OAuth <hidden>'");
    expect(c).toContain('"password":"<hidden>"');
    expect(c).not.toMatch(/S3SSION|"pw"/);
    expect(curlCommand(plan('QueryZone'), ep, undefined)).toContain('"Authorization: OAuth $ZSTACK_SESSION"');
    expect(curlCommand(plan('QueryZone'), ep, 'S3SSION', { showSecrets: true })).toContain("'Authorization: OAuth S3SSION'");
  });
});

/** A request of `api` with this path, query and body, as the planner could produce it. */
function request(pathAndQuery: string, body: Record<string, unknown> | null = null, api = 'QueryVmInstance'): PlannedRequest {
  return { method: 'GET', pathAndQuery, body, bodyText: body ? JSON.stringify(body) : null, api: reg.api(api)!, warnings: [] };
}
const shownUrl = (pathAndQuery: string, api?: string): string => shownRequest(request(pathAndQuery, null, api), false).pathAndQuery;

describe('what --dry-run shows, case by case', () => {
  it('hides secret query params by their decoded name, and conditions on secret fields or tags', () => {
    const at = '/zstack/v1/vm-instances';
    expect(shownUrl(`${at}?password=x&a=b`)).toBe(`${at}?password=${HIDDEN}&a=b`);
    expect(shownUrl(`${at}?pass%77ord=x`)).toBe(`${at}?pass%77ord=${HIDDEN}`);
    expect(shownUrl(`${at}?a=b&sessionUuid=x`)).toBe(`${at}?a=b&sessionUuid=${HIDDEN}`);
    expect(shownUrl(`${at}?q=password%3Dx`)).toBe(`${at}?q=password%3D${HIDDEN}`);
    expect(shownUrl(`${at}?q=password!%3Dx`)).toBe(`${at}?q=password!%3D${HIDDEN}`);
    expect(shownUrl(`${at}?q=password%3F%3Dx,y`)).toBe(`${at}?q=password%3F%3D${HIDDEN}`);
    expect(shownUrl(`${at}?q=__systemTag__~%3DrootPassword::x`)).toBe(`${at}?q=__systemTag__~%3DrootPassword::${HIDDEN}`);
    expect(shownUrl(`${at}?systemTags=rootPassword%3A%3Ax&systemTags=ha::y`)).toBe(`${at}?systemTags=rootPassword::${HIDDEN}&systemTags=ha::y`);
  });

  it('leaves other pairs exactly as they were written', () => {
    const at = '/zstack/v1/vm-instances';
    for (const qs of ['q=name%3Dx', 'q=name%3Da%20b', 'name=password%3Dx', 'q=name%3DrootPass', 'x=a=b', 'novalue&password', 'tokens', 'q=a%20password%3Dc', 'q=password', 'q=%E0%A4%A', 'p+assword=x', 'q=name%3Dpassword', 'fields=uuid,name']) {
      expect(shownUrl(`${at}?${qs}`), qs).toBe(`${at}?${qs}`);
    }
    expect(shownUrl(at)).toBe(at);
    expect(shownUrl(`${at}?`)).toBe(`${at}?`);
  });

  it('hides a path variable with a secret name, matching the template segment by segment', () => {
    expect(shownUrl('/zstack/v1/accounts/sessions/abc/renew', 'RenewSession')).toBe(`/zstack/v1/accounts/sessions/${HIDDEN}/renew`);
    expect(shownUrl('/zstack/v1/accounts/sessions/abc', 'LogOut')).toBe(`/zstack/v1/accounts/sessions/${HIDDEN}`);
    expect(shownUrl('/zstack/v1/accounts/sessions/abc/valid?x=1', 'ValidateSession')).toBe(`/zstack/v1/accounts/sessions/${HIDDEN}/valid?x=1`);
    // Another shape than the template's: nothing is known to be secret in it.
    expect(shownUrl('/zstack/v1/accounts/sessions/abc/other', 'ValidateSession')).toBe('/zstack/v1/accounts/sessions/abc/other');
    expect(shownUrl('/zstack/v1/accounts/sessions/abc', 'ValidateSession')).toBe('/zstack/v1/accounts/sessions/abc');
    expect(shownUrl('/zstack/v1/accounts/sessions/abc/renew', 'LogOut')).toBe('/zstack/v1/accounts/sessions/abc/renew');
    expect(shownUrl('/zstack/v1/vm-instances/abc/actions', 'StartVmInstance')).toBe('/zstack/v1/vm-instances/abc/actions');
  });

  it('hides secret keys and tags at any depth of the body, keeping nulls and what is no plain object', () => {
    const body = { a: { password: 'x', list: [{ token: 1 }, 'rootPassword::y', null], n: null, password2: null, when: new Date(0) }, systemTags: ['ha::x', 'sshPassword::z'] };
    const shown = shownRequest(request('/x', body), false);
    expect(shown.body).toEqual({
      a: { password: HIDDEN, list: [{ token: HIDDEN }, `rootPassword::${HIDDEN}`, null], n: null, password2: null, when: new Date(0) },
      systemTags: ['ha::x', `sshPassword::${HIDDEN}`],
    });
    expect(shown.bodyText).toBe(JSON.stringify(shown.body));
    expect(body.a.password).toBe('x');
    expect(shownRequest(request('/x?password=x', body), true)).toEqual({ pathAndQuery: '/x?password=x', body, bodyText: JSON.stringify(body) });
    expect(shownRequest(request('/x'), false)).toEqual({ pathAndQuery: '/x', body: null, bodyText: null });
    expect(Object.keys(shownRequest(request('/x', { password: undefined, a: 1 }), false).body!)).toEqual(['password', 'a']);
    expect(shownRequest(request('/x', { password: undefined }), false).body).toStrictEqual({ password: undefined });
  });
});

describe('curl and the endpoint, corner by corner', () => {
  it('sends no content type without a body, no session to an API that needs none, and the job uuid when given', () => {
    expect(curlCommand(plan('QueryZone'), ep, 'S', { showSecrets: true, jobUuid: 'J1' })).toBe(
      "curl -X GET -H 'Authorization: OAuth S' -H 'X-Job-UUID: J1' http://localhost:8080/zstack/v1/zones",
    );
    expect(curlCommand(plan('LogInByAccount accountName=a password=p'), ep, 'S')).toBe(
      `curl -X PUT -H 'Content-Type: application/json;charset=UTF-8' -d '{"logInByAccount":{"accountName":"a","password":"<hidden>"}}' http://localhost:8080/zstack/v1/accounts/login`,
    );
    expect(curlCommand(plan('QueryZone'), ep, 'S', {})).toContain("-H 'Authorization: OAuth <hidden>'");
    expect(curlCommand(plan('LogInByAccount accountName=a password=p'), ep, 'S', { showSecrets: true })).toContain(`"password":"${sha512Hex('p')}"`);
  });

  it('quotes for a POSIX shell only what needs it', () => {
    expect(shellQuote('http://h:1/a_b-c.d,e@f%20+g=h')).toBe('http://h:1/a_b-c.d,e@f%20+g=h');
    for (const s of ['', 'a b', 'a$b', 'a*', 'a;b', 'a\\b', '~a', 'a"b']) expect(shellQuote(s), s).toBe(`'${s}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("''")).toBe(`''\\'''\\'''`);
  });

  it('brackets an IPv6 host once', () => {
    expect(endpointUrl({ scheme: 'https', host: '::1', port: 443 }, '/p')).toBe('https://[::1]:443/p');
    expect(endpointUrl({ scheme: 'http', host: '[::1]', port: 8080 }, '/p')).toBe('http://[::1]:8080/p');
    expect(endpointUrl({ scheme: 'http', host: 'h.example', port: 1 }, '')).toBe('http://h.example:1');
  });
});

describe('planError', () => {
  it('holds a hint and a span only when given', () => {
    expect(planError('m')).toStrictEqual({ message: 'm' });
    expect(planError('m', '', undefined)).toStrictEqual({ message: 'm' });
    expect(planError('m', 'h', { start: 1, end: 2 })).toStrictEqual({ message: 'm', hint: 'h', span: { start: 1, end: 2 } });
    expect(didYouMean(['a', 'b'])).toBe('did you mean a, b?');
    expect(didYouMean([])).toBeUndefined();
  });
});
