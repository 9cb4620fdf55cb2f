import { describe, expect, it } from 'vitest';
import { AuthError, ConnectionError } from '../execute/errors.js';
import { parseLine } from '../parse/parser.js';
import { registry } from '../plan/testing.js';
import { confirmQuestion, describeRow, humanName, MAX_NAMED, targetsOf, type RowLookup } from './call-targets.js';

const u = (n: number): string => n.toString(16).padStart(32, 'a');
const cmd = (line: string) => parseLine(line).command!;
const api = (line: string) => registry.api(cmd(line).name)!;

/** The question for a line, with rows answered by `rows` per query API (or a failure). */
async function question(line: string, rows: Record<string, unknown[] | Error> = {}): Promise<{ text: string; looked: string[] }> {
  const looked: string[] = [];
  const lookup: RowLookup = async (ref, uuids) => {
    looked.push(`${ref.queryApi}:${uuids.length}`);
    const r = rows[ref.queryApi] ?? [];
    if (r instanceof Error) throw r;
    return r;
  };
  return { text: await confirmQuestion(registry, api(line), cmd(line), lookup), looked };
}

describe('what a call will hit', () => {
  it('words API and inventory names for people', () => {
    expect(humanName('DestroyVmInstance')).toBe('Destroy VM instance');
    expect(humanName('DetachDataVolumeFromVm')).toBe('Detach data volume from VM');
    expect(humanName('L3NetworkInventory')).toBe('L3 network');
    expect(humanName('DetachIsoFromVmInstance')).toBe('Detach ISO from VM instance');
    expect(humanName('ExpungeIAM2Project')).toBe('Expunge IAM2 project');
  });

  it('describes a row by name, state, status and address; control characters are escaped', () => {
    expect(describeRow({ name: 'web-02', state: 'Running', defaultL3NetworkUuid: 'l3b', vmNics: [{ ip: '10.0.0.5', l3NetworkUuid: 'l3a' }, { ip: '10.0.0.12', l3NetworkUuid: 'l3b' }] }, 'x')).toBe('web-02 (Running, 10.0.0.12)');
    expect(describeRow({ name: 'host-1', state: 'Enabled', status: 'Connected', managementIp: '10.0.1.1' }, 'x')).toBe('host-1 (Enabled, Connected, 10.0.1.1)');
    expect(describeRow({ state: 'Ready', status: 'Ready' }, 'the-uuid')).toBe('the-uuid (Ready)');
    expect(describeRow({ name: 'evil\u001b[2J\u0007' }, 'x')).toBe('evil\\e[2J\\x07');
  });

  it('finds the uuid params that name resources, in param order, list items included', () => {
    const t = targetsOf(registry, api('DetachDataVolumeFromVm'), cmd(`DetachDataVolumeFromVm vmUuid=${u(2)} uuid=${u(1)}`));
    expect(t.map((x) => [x.param.name, x.ref.queryApi, x.uuids])).toEqual([
      ['uuid', 'QueryVolume', [u(1)]],
      ['vmUuid', 'QueryVmInstance', [u(2)]],
    ]);
    const img = targetsOf(registry, api('DeleteImage'), cmd(`DeleteImage uuid=${u(1)} backupStorageUuids=${u(2)},${u(3)}`));
    expect(img.map((x) => [x.ref.queryApi, x.uuids.length])).toEqual([
      ['QueryImage', 1],
      ['QueryBackupStorage', 2],
    ]);
    expect(targetsOf(registry, api('ResetGlobalConfig'), cmd('ResetGlobalConfig'))).toEqual([]);
  });

  it('asks with names found, "(not found)" for uuids the server does not know, the kind when there are several targets', async () => {
    const vm = { uuid: u(2), name: 'web-02', state: 'Running', vmNics: [{ ip: '10.0.0.12' }] };
    const vol = { uuid: u(1), name: 'data-1', state: 'Enabled', status: 'Ready' };
    const q = await question(`DetachDataVolumeFromVm uuid=${u(1)} vmUuid=${u(2)}`, { QueryVolume: [vol], QueryVmInstance: [vm] });
    expect(q.text).toBe('Detach data volume from VM: Volume data-1 (Enabled, Ready); VM instance web-02 (Running, 10.0.0.12)?');
    expect((await question(`ExpungeVmInstance uuid=${u(9)}`)).text).toBe(`Expunge VM instance ${u(9)} (not found)?`);
    expect((await question('ResetGlobalConfig')).text).toBe('Reset global config?');
  });

  it(`names at most ${MAX_NAMED} items of a list and counts the rest; looks up only those`, async () => {
    const uuids = Array.from({ length: 12 }, (_, i) => u(i + 1));
    const rows = uuids.map((id, i) => ({ uuid: id, name: `snap-${i + 1}` }));
    const q = await question(`BatchDeleteVolumeSnapshot uuids=${uuids.join(',')}`, { QueryVolumeSnapshot: rows });
    expect(q.text).toBe('Batch delete volume snapshot snap-1, snap-2, snap-3, snap-4, snap-5 and 7 more?');
    expect(q.looked).toEqual([`QueryVolumeSnapshot:${MAX_NAMED}`]);
  });

  it('a failed lookup leaves the uuid; no session or an expired one stops the call', async () => {
    const down = new ConnectionError('timeout', '10.0.0.1:8080', 'timed out');
    expect((await question(`DestroyVmInstance uuid=${u(1)}`, { QueryVmInstance: down })).text).toBe(`Destroy VM instance ${u(1)}?`);
    await expect(question(`DestroyVmInstance uuid=${u(1)}`, { QueryVmInstance: AuthError.notLoggedIn('QueryVmInstance') })).rejects.toThrow(/not logged in/);
  });
});
