import { describe, expect, it } from 'vitest';
import { readJavaAssignments } from './java-example.js';
import { parseLenientJson } from './lenient-json.js';
import { pathShape, resolveName } from './manual-names.js';
import { readApiSections, readParts, readTables, readToc } from './manual-sections.js';
import { cleanText, joinCell, rejoinIdentifiers } from './manual-text.js';

describe('manual text cleanup', () => {
  it('turns HTML list fragments into sentences and keeps list items apart', () => {
    expect(cleanText('计算规格UUID <ul style="list-style-type: none"> 指定云主机的CPU、内存等参数。 ')).toBe('计算规格UUID。指定云主机的CPU、内存等参数。');
    expect(cleanText('云主机创建策略 <ul style="list-style-type: none"> 创建后立即启动 创建后不启动 ')).toBe('云主机创建策略。创建后立即启动；创建后不启动');
    expect(cleanText('**SystemTags**增加`staticIp`选项')).toBe('SystemTags增加staticIp选项');
    expect(cleanText('查询条件 <（小于）')).toBe('查询条件 <（小于）');
  });

  it('drops the spaces the extraction put into Chinese words and fixes I3Network', () => {
    expect(cleanText('资源的UUID ，唯一标示该 资源')).toBe('资源的UUID，唯一标示该资源');
    expect(cleanText('当I3NetworkUuids指定了多个三层网络时')).toBe('当l3NetworkUuids指定了多个三层网络时');
  });

  it('joins cells broken by a page break', () => {
    expect(cleanText(joinCell('根云盘规格UUID <ul> 如果imageUuid字段指定的镜像类型', '<p>是ISO，该字段必须指定。</p>'))).toBe(
      '根云盘规格UUID。如果imageUuid字段指定的镜像类型是ISO，该字段必须指定。',
    );
    expect(joinCell('NeverStop 永不停机 OnHostFailure', '物理主机发生异常触发高可用')).toBe('NeverStop 永不停机 OnHostFailure 物理主机发生异常触发高可用');
  });

  it('rejoins identifiers split by a space when the joined word is known', () => {
    expect(rejoinIdentifiers('该字段覆盖 cluster Uuid 字段', new Set(['clusterUuid']))).toBe('该字段覆盖 clusterUuid 字段');
    expect(rejoinIdentifiers('the cluster Uuid', new Set(['clusterUuid']))).toBe('the clusterUuid');
    expect(rejoinIdentifiers('new name', new Set(['clusterUuid']))).toBe('new name');
  });
});

describe('manual names', () => {
  const names = ['ChangeVmImage', 'ExpungeImage', 'GetVmQga', 'SetVmQga', 'vmInstanceUuid', 'SshKey', 'monitorNumber'];

  it('resolves OCR slips to the one close registry name', () => {
    expect(resolveName('ChangeVmlImage', names)).toBe('ChangeVmImage');
    expect(resolveName('ExpungelImage', names)).toBe('ExpungeImage');
    expect(resolveName('vmlInstanceUuid', names)).toBe('vmInstanceUuid');
    expect(resolveName('monitor Number', names)).toBe('monitorNumber');
    expect(resolveName('sshkey', names)).toBe('SshKey');
  });

  it('refuses ambiguous or distant names', () => {
    expect(resolveName('XetVmQga', names)).toBeUndefined();
    expect(resolveName('Uuid', ['imageUuid', 'backupStorageUuids'])).toBeUndefined();
  });

  it('reduces request paths to their shape', () => {
    expect(pathShape('DELETE zstack/v1/vm-instances/{uuid}?deleteMode={deleteMode}')).toBe('/vm-instances/{}');
    expect(pathShape('/vm-instances/{vmInstanceUuid}/actions')).toBe('/vm-instances/{}/actions');
  });
});

describe('lenient JSON', () => {
  it('parses clean JSON and repairs what page breaks do', () => {
    expect(parseLenientJson('{"a": 1}')).toEqual({ a: 1 });
    expect(parseLenientJson('{"a": [1, 2,], "b": {"c": 1,},}')).toEqual({ a: [1, 2], b: { c: 1 } });
    expect(parseLenientJson('{"k": "ssh-rsa AAA\\\nBBB"}')).toEqual({ k: 'ssh-rsa AAABBB' });
    expect(parseLenientJson('{"params": {"name": "x"}}\n    },\n    "systemTags": [],\n    "userTags": []\n  }')).toEqual({ params: { name: 'x' } });
  });

  it('gives up rather than guess', () => {
    expect(parseLenientJson('{"params": {"name": ')).toBeUndefined();
    expect(parseLenientJson('{"a": 1} {"b": 2}')).toBeUndefined();
    expect(parseLenientJson('')).toBeUndefined();
  });
});

describe('Java SDK examples', () => {
  it('reads strings, numbers, booleans and asList', () => {
    const code = [
      'CreateVmInstanceAction action = new CreateVmInstanceAction();',
      'action.name = "vm1";',
      'action.l3NetworkUuids = asList("a", "b");',
      'action.cpuNum = 2.0;',
      'action.size = 1.0E7;',
      'action.full = false;',
      'action.conditions = asList();',
      'action.sshKey = "ssh-rsa AAA\\',
      'BBB root@host";',
      'action.sessionId = "b86c9016b4f24953a9edefb53ca0678c";',
      'CreateVmInstanceAction.Result res = action.call();',
    ].join('\n');
    expect(Object.fromEntries(readJavaAssignments(code).map((a) => [a.name, a.value]))).toEqual({
      name: 'vm1',
      l3NetworkUuids: ['a', 'b'],
      cpuNum: 2,
      size: 10000000,
      full: false,
      conditions: [],
      sshKey: 'ssh-rsa AAABBB root@host',
      sessionId: 'b86c9016b4f24953a9edefb53ca0678c',
    });
  });

  it('skips assignments it cannot read', () => {
    expect(readJavaAssignments('action.a = foo();\naction.b = 1;')).toEqual([{ name: 'b', value: 1 }]);
  });
});

describe('manual structure', () => {
  it('reads headings whose "(" came out as ">"', () => {
    const toc = readToc(['4.1.27 取消云主机网卡限速>DeleteNicQoS).....\t133', '4.3.2 删除镜像>DeleteImage).....\t321']);
    expect(toc.get('4.1.27')).toEqual({ section: '4.1.27', title: '取消云主机网卡限速', name: 'DeleteNicQoS' });
    expect(toc.get('4.3.2')?.name).toBe('DeleteImage');
    const sections = readApiSections(['4.3.2 删除镜像>DeleteImage)', '', '删除镜像。', 'API请求', '4.3 镜像相关接口', '4.3.3 彻底删除镜像(ExpungelImage)']);
    expect(sections.map((s) => [s.section, s.title, s.name])).toEqual([
      ['4.3.2', '删除镜像', 'DeleteImage'],
      ['4.3.3', '彻底删除镜像', 'ExpungelImage'],
    ]);
  });

  it('reassembles tables across page breaks', () => {
    const header = '名字\t类型\t位置\t描述\t可选值\t起始版本';
    const parts = readParts([
      header,
      'uuid\tString\turl\t云主机UUID\t\t0.6',
      'hostUuid (可选)\tString\tbody\t物理主机UUID <ul> 若指定，云主机会在指\t\t0.6',
      '',
      header,
      '\t\t\t定物理主机创建。\t\t',
      'userTags (可选)\tList\tbody\t用户标签\t\t0.6',
      '#inventory',
      '名字\t类型\t描述\t起始版本',
      'state\tString\t状态\t0.6',
    ]);
    const tables = readTables(parts.flatMap((p) => p.blocks));
    expect(tables).toHaveLength(2);
    expect(tables[0]!.rows.map((r) => r[0])).toEqual(['uuid', 'hostUuid (可选)', 'userTags (可选)']);
    expect(cleanText(tables[0]!.rows[1]![3]!)).toBe('物理主机UUID。若指定，云主机会在指定物理主机创建。');
    expect(tables[1]).toMatchObject({ label: 'inventory', rows: [['state', 'String', '状态', '0.6']] });
  });
});
