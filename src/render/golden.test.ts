// Golden outputs of every format for a small QueryVmInstance answer shaped like the manual's example.
import { describe, expect, it } from 'vitest';
import { renderValue, type OutputFormat } from './index.js';

const answer = {
  inventories: [
    {
      uuid: 'bece18afd5af4a8cbcc87496aa3ae8a8',
      name: 'Test-VM',
      description: 'web server VM',
      zoneUuid: 'c0e8b8f5d43f454d8feccc0e1e5cf119',
      hostUuid: '474924e1b9c743119cb892e4223598d2',
      type: 'UserVm',
      hypervisorType: 'KVM',
      memorySize: 8589934592,
      cpuNum: 1,
      createDate: 'May 11, 2017 1:23:02 PM',
      state: 'Running',
      vmNics: [{ uuid: 'e4c2726154ba431d9b7d3fab19d5a969', ip: '192.168.1.10', mac: '00:0c:29:bd:99:fc', deviceId: 0 }],
      allVolumes: [{ uuid: 'b24130cd01b14e2ca1ee1e46fb0011bb', type: 'Root', size: 107374182400, status: 'Ready' }],
    },
    {
      uuid: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
      name: '数据库, "主"',
      description: null,
      zoneUuid: 'c0e8b8f5d43f454d8feccc0e1e5cf119',
      hostUuid: null,
      type: 'UserVm',
      hypervisorType: 'KVM',
      memorySize: 4294967296,
      cpuNum: 2,
      createDate: 'Nov 14, 2017 10:20:57 PM',
      state: 'Stopped',
      vmNics: [],
      allVolumes: [],
    },
  ],
  total: 120,
};

const render = (format: OutputFormat, extra: { width?: number; columns?: string[] } = {}) => renderValue(answer, { format, color: false, ...extra });

describe('golden outputs', () => {
  it('table', () => {
    // Default columns by usefulness (NIC IPs before type); the ones that do not fit are named.
    expect(render('table', { width: 100 })).toBe(`\
┌──────────────────────────────────┬──────────────┬─────────┬──────────────┬────────┬────────────┐
│ uuid                             │ name         │ state   │ vmNics       │ type   │ memorySize │
├──────────────────────────────────┼──────────────┼─────────┼──────────────┼────────┼────────────┤
│ bece18afd5af4a8cbcc87496aa3ae8a8 │ Test-VM      │ Running │ 192.168.1.10 │ UserVm │ 8589934592 │
│ 0a1b2c3d4e5f60718293a4b5c6d7e8f9 │ 数据库, "主" │ Stopped │              │ UserVm │ 4294967296 │
└──────────────────────────────────┴──────────────┴─────────┴──────────────┴────────┴────────────┘
2 of 120
not shown: description, hypervisorType, cpuNum, createDate, zoneUuid, hostUuid, allVolumes (pick
columns with -c; -o json shows every field)
`);
  });

  it('table with explicit dotted columns', () => {
    expect(render('table', { width: 100, columns: ['name', 'vmNics.ip', 'allVolumes.size', 'cpuNum'] })).toBe(`\
┌──────────────┬──────────────┬─────────────────┬────────┐
│ name         │ vmNics.ip    │ allVolumes.size │ cpuNum │
├──────────────┼──────────────┼─────────────────┼────────┤
│ Test-VM      │ 192.168.1.10 │ 107374182400    │      1 │
│ 数据库, "主" │              │                 │      2 │
└──────────────┴──────────────┴─────────────────┴────────┘
2 of 120
`);
  });

  it('json: an action prints its inventory', () => {
    expect(renderValue({ inventory: answer.inventories[0] }, { format: 'json', color: false })).toBe(`\
{
  "uuid": "bece18afd5af4a8cbcc87496aa3ae8a8",
  "name": "Test-VM",
  "description": "web server VM",
  "zoneUuid": "c0e8b8f5d43f454d8feccc0e1e5cf119",
  "hostUuid": "474924e1b9c743119cb892e4223598d2",
  "type": "UserVm",
  "hypervisorType": "KVM",
  "memorySize": 8589934592,
  "cpuNum": 1,
  "createDate": "May 11, 2017 1:23:02 PM",
  "state": "Running",
  "vmNics": [
    {
      "uuid": "e4c2726154ba431d9b7d3fab19d5a969",
      "ip": "192.168.1.10",
      "mac": "00:0c:29:bd:99:fc",
      "deviceId": 0
    }
  ],
  "allVolumes": [
    {
      "uuid": "b24130cd01b14e2ca1ee1e46fb0011bb",
      "type": "Root",
      "size": 107374182400,
      "status": "Ready"
    }
  ]
}
`);
    expect(JSON.parse(render('json'))).toEqual(answer);
    expect(JSON.parse(renderValue({ inventories: answer.inventories }, { format: 'json', color: false }))).toEqual(answer.inventories);
    expect(JSON.parse(renderValue({ total: 120, schema: { 'inventories[0]': 'x' } }, { format: 'json', color: false }))).toEqual({ total: 120 });
  });

  it('yaml', () => {
    expect(render('yaml')).toBe(`\
inventories:
  - uuid: bece18afd5af4a8cbcc87496aa3ae8a8
    name: Test-VM
    description: web server VM
    zoneUuid: c0e8b8f5d43f454d8feccc0e1e5cf119
    hostUuid: 474924e1b9c743119cb892e4223598d2
    type: UserVm
    hypervisorType: KVM
    memorySize: 8589934592
    cpuNum: 1
    createDate: May 11, 2017 1:23:02 PM
    state: Running
    vmNics:
      - uuid: e4c2726154ba431d9b7d3fab19d5a969
        ip: 192.168.1.10
        mac: 00:0c:29:bd:99:fc
        deviceId: 0
    allVolumes:
      - uuid: b24130cd01b14e2ca1ee1e46fb0011bb
        type: Root
        size: 107374182400
        status: Ready
  - uuid: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
    name: 数据库, "主"
    description: null
    zoneUuid: c0e8b8f5d43f454d8feccc0e1e5cf119
    hostUuid: null
    type: UserVm
    hypervisorType: KVM
    memorySize: 4294967296
    cpuNum: 2
    createDate: Nov 14, 2017 10:20:57 PM
    state: Stopped
    vmNics: []
    allVolumes: []
total: 120
`);
  });

  it('csv', () => {
    expect(render('csv')).toBe(
      'uuid,name,description,zoneUuid,hostUuid,type,hypervisorType,memorySize,cpuNum,createDate,state\r\n' +
        'bece18afd5af4a8cbcc87496aa3ae8a8,Test-VM,web server VM,c0e8b8f5d43f454d8feccc0e1e5cf119,474924e1b9c743119cb892e4223598d2,UserVm,KVM,8589934592,1,"May 11, 2017 1:23:02 PM",Running\r\n' +
        '0a1b2c3d4e5f60718293a4b5c6d7e8f9,"数据库, ""主""",,c0e8b8f5d43f454d8feccc0e1e5cf119,,UserVm,KVM,4294967296,2,"Nov 14, 2017 10:20:57 PM",Stopped\r\n',
    );
  });

  it('value', () => {
    expect(render('value', { columns: ['uuid', 'name', 'vmNics.ip'] })).toBe(
      'bece18afd5af4a8cbcc87496aa3ae8a8\tTest-VM\t192.168.1.10\n0a1b2c3d4e5f60718293a4b5c6d7e8f9\t数据库, "主"\t\n',
    );
    expect(render('value', { columns: ['uuid'] })).toBe('bece18afd5af4a8cbcc87496aa3ae8a8\n0a1b2c3d4e5f60718293a4b5c6d7e8f9\n');
  });

  it('no format emits ANSI codes when colour is off', () => {
    for (const format of ['json', 'table', 'yaml', 'csv', 'value'] as const) {
      expect(renderValue(answer, { format, color: false, width: 80 })).not.toContain('\x1b');
      expect(renderValue({ inventory: answer.inventories[0] }, { format, color: false, width: 80 })).not.toContain('\x1b');
    }
    expect(() => renderValue(answer, { format: 'xml' as OutputFormat, color: false })).toThrow(/unknown output format 'xml'/);
  });
});
