// `@name` references in one-shot commands and scripts of the built CLI, against the simulator over
// loopback: resolved for real calls, --dry-run and --curl; no match and several matches are exit 2;
// a lookup needs a session; nothing is cached between lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { runCli, tempHome } from './cli-helpers.js';

let sim: Simulator;
let home: string;
const at = (): string[] => ['--port', String(sim.port)];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 10 });
  home = tempHome();
  expect((await runCli([...at(), 'LogInByAccount', 'accountName=admin', 'password=password'], { home })).code).toBe(0);
});

afterAll(async () => {
  await sim?.close();
});

/** The uuid of the row named `name` in an inventory of the simulator. */
function uuidOf(inventory: string, name: string): string {
  const rows = sim.store.find(inventory, 'name', name);
  expect(rows, `${inventory} ${name}`).toHaveLength(1);
  return String(rows[0]!.uuid);
}

describe('@name references, one-shot', () => {
  it('--dry-run shows the uuids the names stand for', async () => {
    const r = await runCli([...at(), '--dry-run', 'StopVmInstance', 'uuid=@web-01'], { home });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout).url).toBe(`http://localhost:${sim.port}/zstack/v1/vm-instances/${uuidOf('VmInstanceInventory', 'web-01')}/actions`);

    const c = await runCli([...at(), '--dry-run', 'CreateVmInstance', 'name=x', 'instanceOfferingUuid=@small', 'imageUuid=@centos-7', 'l3NetworkUuids=@l3-flat-1,@l3-public'], { home });
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).body.params).toEqual({
      name: 'x',
      instanceOfferingUuid: uuidOf('InstanceOfferingInventory', 'small'),
      imageUuid: uuidOf('ImageInventory', 'centos-7'),
      l3NetworkUuids: [uuidOf('L3NetworkInventory', 'l3-flat-1'), uuidOf('L3NetworkInventory', 'l3-public')],
    });
  });

  it('--curl shows them in query conditions', async () => {
    const r = await runCli([...at(), '--curl', 'QueryVmInstance', 'hostUuid?=@host-1,@host-2', 'fields=uuid'], { home });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`q=hostUuid%3F%3D${uuidOf('HostInventory', 'host-1')},${uuidOf('HostInventory', 'host-2')}`);
  });

  it('runs the API on the resource named', async () => {
    const stopped = sim.store.all('VmInstanceInventory').find((v) => v.state === 'Stopped')!;
    const r = await runCli([...at(), 'StartVmInstance', `uuid=@${String(stopped.name)}`, '-o', 'json'], { home });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inventory).toMatchObject({ uuid: stopped.uuid, state: 'Running' });
    const q = await runCli([...at(), 'QueryVmInstance', `uuid=@${String(stopped.name)}`, '-o', 'value', '-c', 'state'], { home });
    expect(q.stdout.trim()).toBe('Running');
  });

  it('a name that matches nothing is exit 2 with the closest names; nothing is run', async () => {
    const r = await runCli([...at(), 'StopVmInstance', 'uuid=@web-1'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: no VmInstance is named 'web-1' \(did you mean @web-\d\d, @web-\d\d, @web-\d\d\?\)\n$/);
    expect(r.stdout).toBe('');
  });

  it('a name that several resources share is exit 2, listing each with what tells them apart (here the zone)', async () => {
    const h = await runCli([...at(), 'CreateVmInstance', 'name=twin', 'instanceOfferingUuid=@small', 'imageUuid=@centos-7', 'l3NetworkUuids=@l3-flat-1', '-o', 'value', '-c', 'uuid'], { home });
    const k = await runCli([...at(), 'CreateVmInstance', 'name=twin', 'instanceOfferingUuid=@small', 'imageUuid=@centos-7', 'l3NetworkUuids=@l3-flat-2', '-o', 'value', '-c', 'uuid'], { home });
    expect([h.code, k.code]).toEqual([0, 0]);
    const r = await runCli([...at(), '--dry-run', 'StopVmInstance', 'uuid=@twin'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      "Error: 2 VmInstances are named 'twin'; give the uuid of the one you mean:",
      `  ${h.stdout.trim()}  zone zone-1`,
      `  ${k.stdout.trim()}  zone zone-2`,
      '',
    ]);
  });

  it('looking up a name needs a session even for --dry-run (a line without @names does not)', async () => {
    const fresh = tempHome();
    const r = await runCli([...at(), '--dry-run', 'StopVmInstance', 'uuid=@web-01'], { home: fresh });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain("Error: looking up '@web-01' needs a session and you are not logged in");
    expect((await runCli([...at(), '--dry-run', 'StopVmInstance', 'uuid=@@web-01'], { home: fresh })).code).toBe(0);
  });
});

describe('@name references in scripts', () => {
  it('looks each line up afresh: a renamed resource is found by its new name on the next line', async () => {
    const uuid = uuidOf('VmInstanceInventory', 'web-02');
    const script = join(home, 'rename.zs');
    const lines = [
      'UpdateVmInstance uuid=@web-02 name=web-02-renamed -o value -c name',
      'QueryVmInstance uuid=@web-02-renamed -o value -c uuid',
      'UpdateVmInstance uuid=@web-02-renamed name=web-02 -o value -c name',
      // Enough lines for a listener per lookup to exceed Node's default of 10 on the shared signal.
      ...Array.from({ length: 10 }, () => 'QueryVmInstance uuid=@web-02 hostUuid!=@host-7 -o value -c uuid'),
    ];
    writeFileSync(script, `${lines.join('\n')}\n`);
    const r = await runCli([...at(), '-f', script], { home });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').slice(0, 3)).toEqual(['web-02-renamed', uuid, 'web-02']);
    expect(r.stdout.trim().split('\n')).toHaveLength(13);
  });
});
