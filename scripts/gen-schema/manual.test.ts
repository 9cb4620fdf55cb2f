import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocsData, RegistryData } from '../../src/schema/types.js';
import { decodeRegistry } from '../../src/schema/store.js';
import { extractManual } from './manual.js';

const root = resolve(import.meta.dirname, '../..');
const registry: RegistryData = decodeRegistry(
  readFileSync(join(root, 'src/schema/data/registry-index.txt'), 'utf8'),
  readFileSync(join(root, 'src/schema/data/registry.jsonl')),
);
const seeds = resolve(root, process.env.ZSTACK_SHARED ?? '../shared', 'seeds');
const manualFile = existsSync(seeds) ? readdirSync(seeds).find((f) => /^001_.*\.txt$/.test(f)) : undefined;
const manualText = manualFile ? readFileSync(join(seeds, manualFile), 'utf8') : '';

// Without ../shared these tests skip and say so; in CI (.ci/run sets ZSTACK_CLI_REQUIRE_SHARED) a
// missing manual fails instead.
const required = Boolean(process.env.ZSTACK_CLI_REQUIRE_SHARED);
const why = `no 001_*.txt seed manual in ${seeds} (../shared missing; ZSTACK_SHARED names another place)`;
if (!manualFile && !required) process.stderr.write(`scripts/gen-schema/manual.test.ts: skipped, ${why}\n`);

if (!manualFile && required) {
  it('finds the seed manual (ZSTACK_CLI_REQUIRE_SHARED is set)', () => {
    expect(manualFile, why).toBeDefined();
  });
}

describe.skipIf(!manualFile)(manualFile ? 'docs extracted from the seed manual' : `docs extracted from the seed manual (skipped: ${why})`, () => {
  const { docs, report } = extractManual(manualText, registry);
  const headings = manualText
    .split('\n')
    .filter((l) => /^4\.\d+\.\d+\s/.test(l) && !/\.{4,}\s*\d+\s*$/.test(l))
    .map((l) => l.match(/^(4\.\d+\.\d+)/)![1]!);

  it('matches (nearly) every API section of chapter 4 to a registry API', () => {
    expect(headings.length).toBeGreaterThanOrEqual(120);
    expect(report.sections.map((s) => s.section)).toEqual(headings);
    const matched = report.sections.filter((s) => s.api);
    expect(matched.length).toBeGreaterThanOrEqual(115);
    expect(Object.keys(docs.apis)).toHaveLength(matched.length);
    // The four scheduler sections document 3.0 APIs that 5.2 replaced with CreateSchedulerJob/Trigger.
    for (const s of report.sections.filter((x) => !x.api)) expect(s.printed).toMatch(/Scheduler$/);
  });

  it('gives every matched API a title, a description and described params', () => {
    for (const s of report.sections.filter((x) => x.api)) {
      const doc = docs.apis[s.api!]!;
      expect(doc.section, s.api).toBe(s.section);
      expect(doc.title, s.api).toMatch(/\p{Script=Han}/u);
      expect(doc.description.length, s.api).toBeGreaterThan(0);
      expect(Object.keys(doc.params).length, s.api).toBeGreaterThan(0);
    }
  });

  it('names params, example keys and placeholders as the registry does', () => {
    for (const [name, doc] of Object.entries(docs.apis)) {
      const api = registry.apis.find((a) => a.name === name)!;
      const known = new Set([...api.params.map((p) => p.name), ...(api.query ? [...registry.queryParams.map((p) => p.name), 'conditions'] : [])]);
      for (const k of [...Object.keys(doc.params), ...Object.keys(doc.example ?? {})]) expect(known.has(k), `${name}.${k}`).toBe(true);
      for (const m of (doc.request ?? '').matchAll(/\{(\w+)\}/g)) expect(known.has(m[1]!), `${name} ${doc.request}`).toBe(true);
      if (doc.body && api.wrapper) expect(Object.keys(doc.body as object), name).toContain(api.wrapper);
      expect(doc.example ?? {}, name).not.toHaveProperty('sessionId');
    }
  });

  it('extracts the Java SDK examples', () => {
    expect(Object.values(docs.apis).filter((d) => d.example).length).toBeGreaterThanOrEqual(110);
    const create = docs.apis.CreateVmInstance!;
    expect(create.example).toMatchObject({
      name: 'vm1',
      l3NetworkUuids: ['cc0e4c5e77df3af68e59668e7f9e06c5'],
      dataDiskOfferingUuids: ['19d22d051b063d379a2816daaf431838', '905d94a6abb5398fa1995f6398e3f6fc'],
      strategy: 'InstantStart',
    });
    expect(docs.apis.StartVmInstance!.example).toEqual({ uuid: '22771459f2184f2f96c8da84b7e660d8' });
    expect(docs.apis.DestroyVmInstance!.example).toEqual({ uuid: 'c0b82973fbed42a09f3a30ce142fb168', deleteMode: 'Permissive' });
    expect(docs.apis.QueryVmInstance!.example).toEqual({ conditions: ['name=vm1', 'vmNics.ip=192.168.20.100'] });
    expect(docs.apis.MigrateVm!.example).toMatchObject({ vmInstanceUuid: '354f801b7d194cf4a0d2dd5b5defbc69', migrateFromDestination: false });
    expect(docs.apis.CreateInstanceOffering!.example).toMatchObject({ cpuNum: 2, memorySize: 2097152 });
    expect((docs.apis.SetVmSshKey!.example as { SshKey: string }).SshKey).toMatch(/^ssh-rsa \S+ root@10-0-98-199$/);
  });

  it('keeps the documented request lines and bodies', () => {
    const start = docs.apis.StartVmInstance!;
    expect(start).toMatchObject({ section: '4.1.6', title: '启动云主机', description: '启动一个云主机。' });
    expect(start.request).toBe('PUT zstack/v1/vm-instances/{uuid}/actions');
    expect(start.body).toEqual({ startVmInstance: {}, systemTags: [], userTags: [] });
    expect(docs.apis.DestroyVmInstance!.request).toBe('DELETE zstack/v1/vm-instances/{uuid}?deleteMode={deleteMode}');
    expect(docs.apis.DestroyVmInstance!.body).toBeUndefined();
    expect(docs.apis.DeleteVolumeQos!.request).toBe('DELETE zstack/v1/volumes/{uuid}/QoS');
    expect(docs.apis.GetVmAttachableL3Network!.request).toBe('GET zstack/v1/vm-instances/{vmInstanceUuid}/l3-networks-candidates');
    expect(docs.apis.CreateVmInstance!.body).toMatchObject({ params: { name: 'vm1', l3NetworkUuids: ['cc0e4c5e77df3af68e59668e7f9e06c5'] } });
    // Repaired: a page-break tail after the JSON, a key wrapped with backslashes, OCR in keys.
    expect(docs.apis.CreateInstanceOffering!.body).toEqual({ params: { name: 'instanceOffering', cpuNum: 2, memorySize: 2097152, sortKey: 0, type: 'UserVm' } });
    expect((docs.apis.SetVmSshKey!.body as { setVmSshKey: { SshKey: string } }).setVmSshKey.SshKey).toMatch(/^ssh-rsa \S+ root@10-0-98-199$/);
    expect(docs.apis.CreateDataVolumeTemplateFromVolume!.body).toMatchObject({ params: { backupStorageUuids: ['7fd08286addc4b388fac61935892acd7'] } });
    expect(docs.apis.ChangeVmImage!.body).toMatchObject({ changeVmImage: { imageUuid: 'dbfd52c2f87c39cda8c8945fca8d6a5a' } });
    expect(docs.apis.UpdateImage!.body).toMatchObject({ updateImage: { platform: 'Windows' } });
  });

  it('resolves OCR-garbled headings', () => {
    for (const [name, section] of [
      ['DeleteImage', '4.3.2'],
      ['DeleteNicQos', '4.1.27'],
      ['ChangeVmImage', '4.1.61'],
      ['ExpungeImage', '4.3.3'],
      ['ChangeImageState', '4.3.6'],
      ['DeleteVmConsolePassword', '4.1.35'],
    ] as const) {
      expect(docs.apis[name]?.section, name).toBe(section);
    }
    expect(docs.apis.GetCandidateZonesClustersHostsForCreatingVm!.title).toBe('获取目的地列表');
    // Without the table of contents, the garbled name still resolves through the registry.
    const lines = manualText.split('\n');
    const isToc = (l: string): boolean => /\.{4,}\s*\d+\s*$/.test(l);
    const start = lines.findIndex((l) => l.startsWith('4.3.3 ') && !isToc(l));
    const end = lines.findIndex((l, i) => i > start && l.startsWith('4.3.4 '));
    const alone = extractManual(lines.slice(start, end).join('\n'), registry);
    expect(alone.report.sections[0]).toMatchObject({ printed: 'ExpungelImage', api: 'ExpungeImage' });
  });

  it('describes params from the table, with notes, without HTML', () => {
    const create = docs.apis.CreateVmInstance!.params;
    expect(create.name).toBe('云主机名称');
    expect(create.rootDiskOfferingUuid).toBe('根云盘规格UUID。如果imageUuid字段指定的镜像类型是ISO，该字段必须指定以确定需要创建的根云盘大小。如果镜像类型是非ISO，该字段无需指定。');
    expect(create.defaultL3NetworkUuid).toContain('当l3NetworkUuids指定了多个三层网络时');
    expect(create.systemTags).toContain('staticIp::三层网络UUID::指定的IP');
    expect(docs.apis.StartVmInstance!.params.hostUuid).toBe('物理主机UUID。若指定，云主机将在该物理主机启动。该字段覆盖 clusterUuid 字段');
    expect(docs.apis.DetachL3NetworkFromVm!.params.vmNicUuid).toContain('云主机网卡UUID');
    const all = Object.values(docs.apis).flatMap((d) => [d.description, ...Object.values(d.params)]);
    for (const t of all) expect(t).not.toMatch(/<\/?(ul|p|li)\b|style=|\*\*|I3Network/);
  });

  it('describes the common query params of section 3.9 on query APIs', () => {
    const q = docs.apis.QueryVmInstance!.params;
    expect(q.limit).toContain('最多返回的记录数');
    expect(q.conditions).toContain('!?=（not in操作符）');
    expect(q.conditions).toContain('省略该字段将返回所有记录');
    expect(q.replyWithCount).toContain('满足查询条件的记录总数');
    expect(q.sortBy).toContain('排序');
    expect(report.queryParams).toEqual(expect.arrayContaining(['conditions', 'limit', 'start', 'count', 'groupBy', 'replyWithCount', 'sortBy', 'sortDirection', 'fields']));
  });

  it('describes inventory fields from the response tables', () => {
    expect(docs.fields['VmInstanceInventory.state']).toBe('云主机的可用状态');
    expect(docs.fields['VmInstanceInventory.vmNics']).toBe('详情参考 VmNicInventory');
    expect(docs.fields['VmNicInventory.deviceId']).toContain('0通常代表eth0');
    expect(docs.fields['VolumeInventory.isShareable']).toBe('云盘是否共享');
    expect(docs.fields['HostInventory.clusterUuid']).toBe('集群UUID');
    expect(docs.fields['DiskOfferingInventory.diskSize']).toBe('云盘大小');
    for (const key of Object.keys(docs.fields)) {
      const [inv, field] = key.split('.');
      expect(registry.inventories.find((i) => i.name === inv)?.fields.map((f) => f.name), key).toContain(field);
    }
  });

  it('matches the committed docs.json', () => {
    const committed = JSON.parse(readFileSync(join(root, 'src/schema/data/docs.json'), 'utf8')) as DocsData;
    expect(committed).toEqual(docs);
  });
});
