import { describe, expect, it } from 'vitest';
import { curlCommand } from './curl.js';
import { dryRunJson } from './dry-run.js';
import { parseLine, parseWords } from '../parse/parser.js';
import { loadRegistry } from '../schema/registry.js';
import { planCommand, sha512Hex } from './planner.js';
import { planErrors, planLine as plan } from './testing.js';

const ep = { scheme: 'http' as const, host: 'localhost', port: 8080 };
const reg = loadRegistry();
const errors = (line: string): string[] => planErrors(line, true);

function query(line: string): string[] {
  const u = new URL(`http://x${plan(line).pathAndQuery}`);
  return u.searchParams.getAll('q');
}

describe('actions', () => {
  it('matches the dry-run contract of the issue', () => {
    expect(dryRunJson(plan('StartVmInstance uuid=UUID hostUuid=H'), ep)).toBe(
      '{"method":"PUT","url":"http://localhost:8080/zstack/v1/vm-instances/UUID/actions","body":{"startVmInstance":{"hostUuid":"H"}}}',
    );
  });

  it('wraps body params, puts tags at the top level and types values', () => {
    const r = plan('CreateVmInstance name="my vm" instanceOfferingUuid=o imageUuid=i l3NetworkUuids=a,b cpuNum=2 systemTags=ha::NeverStop,usbRedirect::true');
    expect(r.method).toBe('POST');
    expect(r.pathAndQuery).toBe('/zstack/v1/vm-instances');
    expect(r.body).toEqual({
      params: { name: 'my vm', instanceOfferingUuid: 'o', imageUuid: 'i', l3NetworkUuids: ['a', 'b'], cpuNum: 2 },
      systemTags: ['ha::NeverStop', 'usbRedirect::true'],
    });
  });

  it('takes JSON for list-of-object params and longs beyond 2^53 exactly', () => {
    const r = plan(`CreateVmInstance name=v diskAOs='[{"boot":true,"size":0}]' memorySize=9223372036854775807`);
    expect((r.body!.params as Record<string, unknown>).diskAOs).toEqual([{ boot: true, size: 0 }]);
    expect(r.bodyText).toContain('"memorySize":9223372036854775807');
  });

  it('url-encodes path variables and puts DELETE params in the query string', () => {
    const r = plan('DestroyVmInstance uuid=a/b deleteMode=Enforcing systemTags=x,y');
    expect(r.pathAndQuery).toBe('/zstack/v1/vm-instances/a%2Fb?deleteMode=Enforcing&systemTags=x&systemTags=y');
    expect(r.body).toBeNull();
  });

  it('uses the most specific optional path the given params fill, else the main path', () => {
    expect(plan('GetCandidateBackupStorageForCreatingImage volumeUuid=V').pathAndQuery).toBe('/zstack/v1/images/volumes/V/candidate-backup-storage');
    expect(plan('GetCandidateBackupStorageForCreatingImage volumeSnapshotUuid=S').pathAndQuery).toBe(
      '/zstack/v1/images/volume-snapshots/S/candidate-backup-storage',
    );
    expect(plan('GetCandidateBackupStorageForCreatingImage').pathAndQuery).toBe('/zstack/v1/images/candidate-backup-storage');
  });

  it('reports an invalid required value once, not also as missing', () => {
    expect(errors('DeleteNicQos uuid=u direction=sideways')).toHaveLength(1);
  });

  it('hashes login passwords with SHA-512', () => {
    const r = plan('LogInByAccount accountName=admin password=password');
    expect(r.body).toEqual({ logInByAccount: { accountName: 'admin', password: sha512Hex('password') } });
    expect(sha512Hex('password')).toMatch(/^b109f3bbbc244eb8/);
    // Other password params (a host's SSH password) travel as typed.
    const host = plan('AddKVMHost name=h managementIp=1.2.3.4 clusterUuid=c username=root password=secret');
    expect((host.body!.params as Record<string, unknown>).password).toBe('secret');
  });

  it('hashes the UTF-8 bytes of a password, as the server does (not latin1 or UTF-16)', () => {
    // Python: hashlib.sha512('pässwörd€😀'.encode('utf-8')).hexdigest()
    const vector = '414cb27ea410b8c50ac3f6d14a5fb2a07988b4bfb5f33fe23db90d34c8cf055a35c4ce4b944c56c3f1ed72811882a90989893dee842fd66ecb2d57ffd2e25623';
    expect(sha512Hex('pässwörd€😀')).toBe(vector);
    expect((plan('LogInByAccount accountName=admin password=pässwörd€😀').body!.logInByAccount as Record<string, unknown>).password).toBe(vector);
  });

  it('rejects bad input with one clear line per problem and the closest names', () => {
    expect(errors('StartVmInstance uuid=1 hostUuidd=2')).toEqual(["unknown param 'hostUuidd' for StartVmInstance | did you mean hostUuid?"]);
    expect(errors('StartVmInstance hostUuid=2')[0]).toMatch(/missing required param 'uuid'/);
    expect(errors('CreateVmInstance name=v cpuNum=two')[0]).toMatch(/cpuNum must be an integer/);
    expect(errors('CreateVmInstance name=v type=UserVM')[0]).toMatch(/'UserVM' is not a valid value for type .*did you mean UserVm/);
    expect(errors('StartVmInstance uuid=1 uuid=2')[0]).toMatch(/given twice/);
    expect(errors('StartVmInstance uuid!=1')[0]).toMatch(/needs '='/);
    expect(errors(`CreateVmInstance name=v diskAOs='[{'`)[0]).toMatch(/diskAOs is not valid JSON/);
  });
});

describe('queries', () => {
  it('sends one q= per condition with every operator', () => {
    expect(query('QueryVmInstance name=vm1 state!=Stopped cpuNum>2 cpuNum<9 memorySize>=1 memorySize<=5 uuid?=a,b name!?=x,y name~=web% name!~=db_')).toEqual([
      'name=vm1', 'state!=Stopped', 'cpuNum>2', 'cpuNum<9', 'memorySize>=1', 'memorySize<=5', 'uuid?=a,b', 'name!?=x,y', 'name~=web%', 'name!~=db_',
    ]);
  });

  it('maps =null and !=null to is null / not null, but not a quoted "null"', () => {
    expect(query('QueryVmInstance hostUuid=null description!=null name="null"')).toEqual(['hostUuid is null', 'description not null', 'name=null']);
  });

  it('follows joins to any depth and tag fields', () => {
    expect(query('QueryVmInstance zone.cluster.l2Network.l3Network.name=l3 vmNics.l3Network.zone.name=z1 __systemTag__=ha::NeverStop')).toHaveLength(3);
  });

  it('maps query params to the wire', () => {
    const u = new URL(`http://x${plan('QueryVmInstance limit=10 start=20 replyWithCount=true sortBy=createDate sortDirection=desc fields=uuid,name').pathAndQuery}`);
    expect(Object.fromEntries(u.searchParams)).toEqual({ limit: '10', start: '20', replyWithCount: 'true', sort: '-createDate', fields: 'uuid,name' });
    expect(plan('QueryVmInstance sortBy=name').pathAndQuery).toBe('/zstack/v1/vm-instances?sort=%2Bname') // a raw + would read as a space;
    expect(plan('QueryVmInstance count=true').pathAndQuery).toBe('/zstack/v1/vm-instances?count=true');
  });

  it('rejects unknown fields, joins used as fields and senseless operators', () => {
    expect(errors('QueryVmInstance nmae=x')[0]).toMatch(/unknown query field 'nmae' for QueryVmInstance \| did you mean name/);
    expect(errors('QueryVmInstance vmNics.ipp=1')[0]).toMatch(/did you mean vmNics.ip/);
    expect(errors('QueryVmInstance vmNics=1')[0]).toMatch(/'vmNics' is a join to VmNicInventory, not a field/);
    expect(errors('QueryVmInstance cpuNum~=4')[0]).toMatch(/operator '~=' makes no sense for cpuNum/);
    expect(errors('QueryVmInstance cpuNum=abc')[0]).toMatch(/cpuNum is a number/);
    expect(errors('QueryVmInstance name>null')[0]).toMatch(/makes no sense/);
    expect(errors('QueryVmInstance uuid?=')[0]).toMatch(/needs a comma-separated list/);
    expect(errors('QueryVmInstance fields=uuid,vmNics.ip')[0]).toMatch(/not a field of VmInstanceInventory/);
    expect(errors('QueryVmInstance sortDirection=desc')[0]).toMatch(/sortDirection needs sortBy/);
    expect(errors('QueryVmInstance limit=-1')[0]).toMatch(/must not be negative/);
  });

  it('warns when the server would split a value at an operator', () => {
    const r = plan('QueryVmInstance description=a!=b');
    expect(r.warnings[0]).toMatch(/server will read 'description=a!=b' as description=a != b/);
  });
});

describe('curl', () => {
  it('quotes the body and url for a POSIX shell', () => {
    const c = curlCommand(plan(`UpdateVmInstance uuid=u name="it's"`), ep, 'S', { showSecrets: true });
    expect(c).toBe(
      `curl -X PUT -H 'Content-Type: application/json;charset=UTF-8' -H 'Authorization: OAuth S' -d '{"updateVmInstance":{"name":"it'\\''s"}}' http://localhost:8080/zstack/v1/vm-instances/u/actions`,
    );
  });
});

describe('3.0 API names', () => {
  it('point to their 5.2 replacement', () => {
    const r = planCommand(reg, parseLine('CreateStartVmInstanceScheduler vmUuid=x').command!);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toBe('CreateStartVmInstanceScheduler is a ZStack 3.0 API that 5.2 does not have');
    expect(r.errors[0]!.hint).toMatch(/^use CreateSchedulerJob: a job with type=startVm/);
  });

  it('every replacement exists in the registry and every replaced name does not', async () => {
    const { REPLACED_APIS } = await import('../schema/replaced.js');
    for (const [old, r] of Object.entries(REPLACED_APIS)) {
      expect(reg.api(old)).toBeUndefined();
      expect(reg.api(r.api)?.name).toBe(r.api);
      for (const mentioned of r.note.match(/\b[A-Z][a-z]+[A-Z]\w+/g) ?? []) expect(reg.api(mentioned)?.name, mentioned).toBe(mentioned);
    }
  });
});

describe('query params and actions, corner by corner', () => {
  it('writes the query params in a fixed order after the conditions, sort ascending unless desc', () => {
    expect(plan('QueryVmInstance filterName=f groupBy=state fields=uuid,name sortDirection=asc sortBy=name replyWithCount=true count=false start=2 limit=5 name=x').pathAndQuery).toBe(
      '/zstack/v1/vm-instances?q=name%3Dx&limit=5&start=2&count=false&replyWithCount=true&sort=%2Bname&fields=uuid,name&groupBy=state&filterName=f',
    );
    expect(plan('QueryVmInstance sortBy=name sortDirection=desc').pathAndQuery).toBe('/zstack/v1/vm-instances?sort=-name');
    expect(plan('QueryVmInstance').pathAndQuery).toBe('/zstack/v1/vm-instances');
    expect(plan('QueryVmInstance fields=').pathAndQuery).toBe('/zstack/v1/vm-instances');
    expect(plan('QueryVmInstance limit=0 start=0').pathAndQuery).toBe('/zstack/v1/vm-instances?limit=0&start=0');
  });

  it('refuses a repeated query param, a negative start, a bare word, and fields that are not plain fields', () => {
    expect(errors('QueryVmInstance limit=1 limit=2')).toEqual(["param 'limit' is given twice"]);
    expect(errors('QueryVmInstance start=-1')).toEqual(['start must not be negative']);
    expect(errors('QueryVmInstance limit=x')[0]).toMatch(/^limit must be an integer/);
    expect(errors('QueryVmInstance web1')).toEqual(["expected a condition or param, got 'web1' | e.g. web1=<value>"]);
    expect(errors('QueryVmInstance sortBy=nme')[0]).toMatch(/^'nme' is not a field of VmInstanceInventory \(sortBy takes plain fields only\) \| did you mean .*name/);
    expect(errors('QueryVmInstance groupBy=nme')[0]).toMatch(/^'nme' is not a field of VmInstanceInventory \(groupBy takes plain fields only\)/);
    expect(errors('QueryVmInstance fields=uuid,nme')[0]).toMatch(/^'nme' is not a field of VmInstanceInventory \(fields takes plain fields only\)/);
    expect(errors('QueryVmInstance fields=vmNics')).not.toEqual([]);
  });

  it('takes only params on a query whose inventory is unknown', () => {
    expect(plan('QueryAudit limit=3').pathAndQuery).toMatch(/\?limit=3$/);
    expect(errors('QueryAudit name=x')).toEqual(['QueryAudit has no known inventory, so conditions cannot be checked or sent | use params only (limit, start, count, fields ...)']);
  });

  it('refuses a map param in a DELETE query string, a repeated param, and a dot path variable', () => {
    expect(errors("DetachNetworkServiceFromL3Network l3NetworkUuid=l networkServices='{\"a\":[\"b\"]}'")).toEqual(["DELETE cannot carry the map param 'networkServices'"]);
    expect(errors('StartVmInstance uuid=a uuid=b')).toEqual(["param 'uuid' is given twice | give each param once (lists are comma-separated: a,b)"]);
    expect(errors('StartVmInstance uuid=..')).toEqual(["param 'uuid' cannot be '..': it goes in the URL"]);
    expect(errors('StartVmInstance uuid=x hostUuid>1')).toEqual(["'hostUuid>' needs '=': only query conditions take other operators | write hostUuid=<value>"]);
    expect(errors('StartVmInstance')).toEqual(["missing required param 'uuid' for StartVmInstance | add uuid=<string>"]);
  });

  it('sends lists of a GET action as repeated params, and tags beside the wrapper of a body', () => {
    expect(plan('CheckBatchDataIntegrity resourceType=VmInstanceVO resourceUuids=a,b').pathAndQuery).toBe(
      '/zstack/v1/check/batch/data/integrity/?resourceType=VmInstanceVO&resourceUuids=a&resourceUuids=b',
    );
    const body = plan('CreateZone name=z systemTags=a::b userTags=c').body!;
    expect(body).toEqual({ params: { name: 'z' }, systemTags: ['a::b'], userTags: ['c'] });
  });

  it('takes the optional path that names the most of the variables given', () => {
    expect(plan('DetachNetworkServiceFromL3Network l3NetworkUuid=l').pathAndQuery).toBe('/zstack/v1/l3-networks/l/network-services');
    expect(plan('GetBackupStorageForCreatingImageFromVolume').pathAndQuery).toBe('/zstack/v1/images/candidate-backup-storage');
    expect(plan('GetBackupStorageForCreatingImageFromVolume volumeUuid=v').pathAndQuery).toBe('/zstack/v1/images/volumes/v/candidate-backup-storage');
  });

  it('caps the errors of one line at ten and a count', () => {
    const e = errors(`StartVmInstance ${Array.from({ length: 12 }, (_, i) => `x${i}=1`).join(' ')}`);
    expect(e).toHaveLength(11);
    expect(e[10]).toBe('3 more problems not shown | fix the ones above first');
  });
});

describe('paths, query strings and bodies, corner by corner', () => {
  const words = (...ws: string[]) => planCommand(reg, parseWords(ws).command!);
  const urlOf = (...ws: string[]): string => {
    const r = words(...ws);
    return r.ok ? r.request.pathAndQuery : r.errors.map((e) => e.message).join('; ');
  };

  it('refuses a path variable that is not given, instead of sending {name} in the URL', () => {
    expect(errors('DeleteVmSshKey')).toEqual(["missing param 'uuid' for DeleteVmSshKey: it goes in the URL | add uuid=<string>"]);
    expect(errors('AddIAM2VirtualIDsToProject virtualIDUuids=a')).toEqual([
      "missing param 'projectUuid' for AddIAM2VirtualIDsToProject: it goes in the URL | add projectUuid=<string>",
    ]);
    expect(errors('DeleteVmSshKey uuid=')).toEqual(["param 'uuid' must not be empty: it goes in the URL | give uuid=<value>"]);
    expect(plan('DeleteVmSshKey uuid=v').pathAndQuery).toBe('/zstack/v1/vm-instances/v/ssh-keys');
    // A required one is reported once, as missing.
    expect(errors('StartVmInstance')).toEqual(["missing required param 'uuid' for StartVmInstance | add uuid=<string>"]);
    // An optional path takes over when the variable is not given or empty.
    expect(plan('GetFreeIpOfL3Network').pathAndQuery).toBe('/zstack/v1/l3-networks/ip/free');
    expect(plan('GetFreeIpOfL3Network l3NetworkUuid=').pathAndQuery).toBe('/zstack/v1/l3-networks/ip/free?l3NetworkUuid=');
  });

  it('refuses a path variable the API has no param for', () => {
    const api = { ...reg.api('DeleteVmSshKey')!, path: '/vm-instances/{uuid}/keys/{keyId}' };
    const fake = Object.create(reg) as typeof reg;
    fake.api = (name: string) => (name === api.name ? api : reg.api(name));
    const r = planCommand(fake, parseLine('DeleteVmSshKey uuid=v').command!);
    expect(r.ok ? [] : r.errors).toEqual([{ message: "missing param 'keyId' for DeleteVmSshKey: it goes in the URL", hint: 'add keyId=<string>' }]);
  });

  it('sends a lone surrogate as U+FFFD in a path, a condition and a query param, and a pair as its UTF-8', () => {
    expect(urlOf('QueryVmInstance', 'name=\ud800')).toBe('/zstack/v1/vm-instances?q=name%3D%EF%BF%BD');
    expect(urlOf('QueryVmInstance', 'name=a\udc00b')).toBe('/zstack/v1/vm-instances?q=name%3Da%EF%BF%BDb');
    expect(urlOf('QueryVmInstance', 'name=\udc00\ud800')).toBe('/zstack/v1/vm-instances?q=name%3D%EF%BF%BD%EF%BF%BD');
    expect(urlOf('QueryVmInstance', 'name=😀')).toBe('/zstack/v1/vm-instances?q=name%3D%F0%9F%98%80');
    expect(urlOf('DestroyVmInstance', 'uuid=\ud800x')).toBe('/zstack/v1/vm-instances/%EF%BF%BDx');
    expect(urlOf('DestroyVmInstance', 'uuid=x', 'deleteMode=Enforcing', 'systemTags=\udfff')).toBe('/zstack/v1/vm-instances/x?deleteMode=Enforcing&systemTags=%EF%BF%BD');
  });

  it('keeps commas readable and encodes every other reserved character', () => {
    expect(urlOf('StartVmInstance', 'uuid=a,b')).toBe('/zstack/v1/vm-instances/a,b/actions');
    expect(urlOf('StartVmInstance', 'uuid=a%2Cb')).toBe('/zstack/v1/vm-instances/a%252Cb/actions');
    expect(urlOf('DestroyVmInstance', 'uuid=x', 'systemTags=a\\,b,c')).toBe('/zstack/v1/vm-instances/x?systemTags=a,b&systemTags=c');
    expect(urlOf('QueryVmInstance', 'filterName=a,b&c')).toBe('/zstack/v1/vm-instances?filterName=a,b%26c');
  });

  it('writes query values of GET actions as text: longs by their digits, structures as JSON', () => {
    expect(plan('DeleteBilling startTime=9223372036854775807 endTime=1').pathAndQuery).toBe('/zstack/v1/billings/billings?startTime=9223372036854775807&endTime=1');
    expect(plan(`GetAlarmData conditions='[{"a":1},[2]]' count=TRUE`).pathAndQuery).toBe(
      '/zstack/v1/zwatch/alarm-histories?conditions=%7B%22a%22%3A1%7D&conditions=%5B2%5D&count=true',
    );
    expect(plan(`GetAlarmData conditions='[9223372036854775807,null]'`).pathAndQuery).toBe('/zstack/v1/zwatch/alarm-histories?conditions=9223372036854775807&conditions=null');
  });

  it('sends tags alone in a body without a wrapper, and an empty wrapper when nothing else is given', () => {
    expect(plan('AttachIsoToVmInstance vmInstanceUuid=v isoUuid=i systemTags=a userTags=b').bodyText).toBe('{"systemTags":["a"],"userTags":["b"]}');
    expect(plan('AttachIsoToVmInstance vmInstanceUuid=v isoUuid=i').bodyText).toBe('{}');
    expect(plan('StartVmInstance uuid=u').bodyText).toBe('{"startVmInstance":{}}');
    expect(plan('CreateZone name=z description=').body).toEqual({ params: { name: 'z', description: '' } });
    const withMap = plan(`AttachNetworkServiceToL3Network l3NetworkUuid=l networkServices='{"a":["b"]}'`);
    expect([withMap.pathAndQuery, withMap.bodyText, withMap.warnings]).toEqual(['/zstack/v1/l3-networks/l/network-services', '{"params":{"networkServices":{"a":["b"]}}}', []]);
  });

  it('refuses query params that are not valid, naming the param', () => {
    expect(errors('QueryVmInstance limit>5')).toEqual(["unknown query field 'limit' for QueryVmInstance | see: help QueryVmInstance"]);
    expect(errors('QueryVmInstance count=yes')).toEqual(["count must be true or false, got 'yes'"]);
    expect(errors('QueryVmInstance sortBy=name sortDirection=up')).toEqual(["'up' is not a valid value for sortDirection (one of asc, desc)"]);
    expect(errors('QueryVmInstance limit=2147483648')).toEqual(['limit is out of range for a 32-bit integer: 2147483648 | a 32-bit integer is -2147483648 .. 2147483647']);
    expect(errors('QueryVmInstance fields=uuid fields=name')).toEqual(["param 'fields' is given twice"]);
    expect(errors('QueryVmInstance fields=-1')).toEqual(["'-1' is not a field of VmInstanceInventory (fields takes plain fields only)"]);
    expect(errors('QueryVmInstance sortBy=-1')).toEqual(["'-1' is not a field of VmInstanceInventory (sortBy takes plain fields only)"]);
    expect(errors('QueryVmInstance limit=-1 start=-2')).toEqual(['limit must not be negative', 'start must not be negative']);
    expect(plan('QueryVmInstance limit=5 start=-0').pathAndQuery).toBe('/zstack/v1/vm-instances?limit=5&start=0');
  });

  it('checks fields, sortBy and groupBy against a known inventory only', () => {
    expect(plan('QueryAudit fields=nope sortBy=x groupBy=y').pathAndQuery).toBe('/zstack/v1/zwatch/audit-records?sort=%2Bx&fields=nope&groupBy=y');
    expect(errors('QueryVmInstance sortBy=vmNics')).toEqual([
      "'vmNics' is a List field of VmInstanceInventory; sortBy takes plain fields only (the server refuses others) | plain fields: uuid, name, description, zoneUuid, clusterUuid, imageUuid",
    ]);
    expect(errors('QueryVmInstance groupBy=allVolumes')).toHaveLength(1);
    expect(errors('QueryVmInstance fields=uuid,nme,allVolumes')).toEqual([
      "'nme' is not a field of VmInstanceInventory (fields takes plain fields only) | did you mean name?",
      "'allVolumes' is a List field of VmInstanceInventory; fields takes plain fields only (the server refuses others) | plain fields: uuid, name, description, zoneUuid, clusterUuid, imageUuid",
    ]);
  });

  it('reports every problem of a query line, conditions and params together, capped', () => {
    expect(errors('QueryVmInstance nmae=x limit=x sortDirection=desc')).toEqual([
      "unknown query field 'nmae' for QueryVmInstance | did you mean name, image?",
      "limit must be an integer, got 'x'",
      'sortDirection needs sortBy | add sortBy=<field>',
    ]);
    const many = errors(`QueryVmInstance ${Array.from({ length: 12 }, (_, i) => `nope${i}=1`).join(' ')}`);
    expect(many).toHaveLength(11);
    expect(many[10]).toBe('2 more problems not shown | fix the ones above first');
  });
});

describe('errors point at what they are about', () => {
  const result = (line: string) => {
    const r = planCommand(reg, parseLine(line).command!);
    return r.ok ? r.request : r.errors;
  };

  it('the name of an unknown API, with the closest names or where to look', () => {
    expect(result('Zzzzqqqxx')).toEqual([{ message: "unknown API 'Zzzzqqqxx'", hint: 'type help to list APIs', span: { start: 0, end: 9 } }]);
    expect(result('StartVmInstanc uuid=1')).toEqual([
      { message: "unknown API 'StartVmInstanc'", hint: 'did you mean StartVmInstance, StopVmInstance, StartEcsInstance?', span: { start: 0, end: 14 } },
    ]);
  });

  it('the key of an unknown param, the operator of a param that is no condition, the end of a line missing a param', () => {
    expect(result('StartVmInstance uuid=x zzzzzzzz=1')).toEqual([{ message: "unknown param 'zzzzzzzz' for StartVmInstance", hint: 'see: help StartVmInstance', span: { start: 23, end: 31 } }]);
    expect(result('StartVmInstance uuid>=x')).toEqual([
      { message: "'uuid>=' needs '=': only query conditions take other operators", hint: 'write uuid=<value>', span: { start: 20, end: 22 } },
      { message: "missing required param 'uuid' for StartVmInstance", hint: 'add uuid=<string>', span: { start: 23, end: 23 } },
    ]);
    expect(result('StartVmInstance uuid')).toEqual([
      { message: "'uuid' needs '=': only query conditions take other operators", hint: 'write uuid=<value>', span: { start: 16, end: 20 } },
      { message: "missing required param 'uuid' for StartVmInstance", hint: 'add uuid=<string>', span: { start: 20, end: 20 } },
    ]);
  });

  it('the value of a param that does not convert, and the whole of a repeated one', () => {
    expect(result('CreateZone name=z name=y')).toEqual([
      { message: "param 'name' is given twice", hint: 'give each param once (lists are comma-separated: a,b)', span: { start: 18, end: 24 } },
    ]);
    expect(result('QueryVmInstance limit=x')).toEqual([{ message: "limit must be an integer, got 'x'", span: { start: 22, end: 23 } }]);
    expect(result('QueryVmInstance limit=-1')).toEqual([{ message: 'limit must not be negative', span: { start: 22, end: 24 } }]);
    expect(result('QueryVmInstance start=1 start=2')).toEqual([{ message: "param 'start' is given twice", span: { start: 24, end: 31 } }]);
    expect(result('QueryVmInstance sortDirection=asc')).toEqual([{ message: 'sortDirection needs sortBy', hint: 'add sortBy=<field>', span: { start: 16, end: 33 } }]);
    expect(result('QueryVmInstance fields=nope')).toEqual([{ message: "'nope' is not a field of VmInstanceInventory (fields takes plain fields only)", hint: 'did you mean name, type?', span: { start: 23, end: 27 } }]);
    expect(result('QueryVmInstance bare')).toEqual([{ message: "expected a condition or param, got 'bare'", hint: 'e.g. bare=<value>', span: { start: 16, end: 20 } }]);
    expect(result('QueryAudit name=x')).toEqual([
      { message: 'QueryAudit has no known inventory, so conditions cannot be checked or sent', hint: 'use params only (limit, start, count, fields ...)', span: { start: 11, end: 15 } },
    ]);
  });
});
