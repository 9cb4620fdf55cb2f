import { describe, expect, it } from 'vitest';
import { parseLine } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { curlCommand } from './curl.js';
import { dryRunJson } from './dry-run.js';
import { planCommand, sha512Hex } from './planner.js';
import type { PlannedRequest } from './request.js';

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
