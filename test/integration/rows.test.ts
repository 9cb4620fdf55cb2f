// Streamed results through the built CLI: --all paging (against a small fault server for the edge
// cases, the simulator for the normal ones), one big answer read row by row, exact longs, the output
// shapes for scripts (-c paths, count, --raw) and -c / fields= checked before sending.
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index.js';
import { BIN, cleanEnv, runCli, tempHome } from './cli-helpers.js';
import { startRowsServer, type RowsServer } from './rows-server.js';

const SESSION = 'f'.repeat(32);
let sim: Simulator;
let home: string;
const servers: RowsServer[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 'demo', jobDelayMs: 20 });
  home = tempHome();
  const login = await runCli(['--port', String(sim.port), 'LogInByAccount', 'accountName=admin', 'password=password'], { home });
  expect(login.code).toBe(0);
});

afterAll(async () => {
  await sim?.close();
});

afterEach(async () => {
  while (servers.length) await servers.pop()!.close();
});

async function server(opts: Parameters<typeof startRowsServer>[0]): Promise<RowsServer> {
  const s = await startRowsServer(opts);
  servers.push(s);
  return s;
}

const atSim = (...args: string[]) => runCli(['--port', String(sim.port), ...args], { home });
const at = (s: RowsServer, ...args: string[]) => runCli(['--port', String(s.port), '--session', SESSION, ...args], { home, timeoutMs: 30_000 });
const uuidOf = (id: number) => id.toString(16).padStart(32, '0');

describe('--all against the simulator', () => {
  it('writes every row once, in every format, the same as one big answer', async () => {
    const vms = sim.store.all('VmInstanceInventory').length;
    const one = JSON.parse((await atSim('QueryVmInstance', '-c', 'uuid,name')).stdout) as unknown[];
    expect(one.length).toBe(vms);
    const paged = await atSim('QueryVmInstance', '--all', '--page-size', '7', '-c', 'uuid,name');
    expect(paged.code).toBe(0);
    expect(JSON.parse(paged.stdout)).toEqual(one);
    const csv = await atSim('QueryVmInstance', '--all', '--page-size', '7', '-o', 'csv', '-c', 'uuid');
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(vms + 1);
    const value = await atSim('QueryVmInstance', 'state=Running', '--all', '--page-size', '4', '-o', 'value', '-c', 'state');
    expect(new Set(value.stdout.trim().split('\n'))).toEqual(new Set(['Running']));
    const yaml = await atSim('QueryVmInstance', '--all', '--page-size', '9', '-o', 'yaml', '-c', 'uuid');
    expect(yaml.stdout.match(/^- uuid: /gm)).toHaveLength(vms);
    const table = await atSim('QueryVmInstance', '--all', '--page-size', '9', '-o', 'table', '-c', 'uuid,name');
    expect(table.stdout.split('\n').filter((l) => l.startsWith('│ ')).length).toBe(vms + 1);
  });

  it('with replyWithCount prints the rows and the total; count=true is one request', async () => {
    const vms = sim.store.all('VmInstanceInventory').length;
    const r = JSON.parse((await atSim('QueryVmInstance', '--all', '--page-size', '20', 'replyWithCount=true', '-c', 'uuid')).stdout);
    expect(r.inventories).toHaveLength(vms);
    expect(r.total).toBe(vms);
    expect((await atSim('QueryVmInstance', '--all', 'count=true', '-o', 'value')).stdout).toBe(`${vms}\n`);
  });

  it('refuses --raw with --all and --page-size without --all', async () => {
    expect((await atSim('QueryVmInstance', '--all', '--raw')).code).toBe(2);
    const r = await atSim('QueryVmInstance', '--page-size', '5');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Error: --page-size goes with --all\n');
  });
});

describe('--all paging edge cases (fault server)', () => {
  it('asks pages with limit/start, the total on the first page only, and stops at a short page', async () => {
    const s = await server({ rows: 2500 });
    const r = await at(s, 'QueryVmInstance', '--all', '-o', 'csv', '-c', 'uuid,name');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n').filter(Boolean)).toHaveLength(2501);
    expect(s.queries.map((q) => `${q.get('limit')}/${q.get('start')}/${q.get('replyWithCount')}`)).toEqual(['1000/0/true', '1000/1000/null', '1000/2000/null']);
    expect(r.stderr).toBe('');
  });

  it('a limit smaller than a page is one request; start and limit bound the whole result', async () => {
    const s = await server({ rows: 50 });
    const r = await at(s, 'QueryVmInstance', '--all', 'limit=5', '-o', 'value', '-c', 'name');
    expect(r.stdout).toBe('vm-1\nvm-2\nvm-3\nvm-4\nvm-5\n');
    expect(s.queries).toHaveLength(1);
    const t = await at(s, 'QueryVmInstance', '--all', '--page-size', '10', 'start=3', 'limit=25', '-o', 'value', '-c', 'name');
    expect(t.stdout.trim().split('\n')).toEqual(Array.from({ length: 25 }, (_, i) => `vm-${i + 4}`));
    expect(s.queries.slice(1).map((q) => `${q.get('limit')}/${q.get('start')}`)).toEqual(['10/3', '10/13', '5/23']);
  });

  it('an empty result: [] in json, nothing in csv, (no results) in a table', async () => {
    const s = await server({ rows: 0 });
    expect((await at(s, 'QueryVmInstance', '--all')).stdout).toBe('[]\n');
    expect((await at(s, 'QueryVmInstance', '--all', '-o', 'csv')).stdout).toBe('');
    expect((await at(s, 'QueryVmInstance', '--all', '-o', 'table')).stdout).toBe('(no results)\n');
    expect((await at(s, 'QueryVmInstance', '--all', '-o', 'yaml')).stdout).toBe('[]\n');
  });

  it('rows removed between pages: the rest is written and a warning says the result changed', async () => {
    const s = await server({ rows: 30, beforePage: (p, st) => p === 2 && st.ids.splice(0, 3) });
    const r = await at(s, 'QueryVmInstance', '--all', '--page-size', '10', '-o', 'value', '-c', 'name');
    expect(r.code).toBe(0);
    const names = r.stdout.trim().split('\n');
    // Rows 11-13 moved onto page 1's offsets and were never served: 27 of 30 are written, none twice.
    expect(names).toHaveLength(27);
    expect(new Set(names).size).toBe(27);
    expect(r.stderr).toBe('warning: the result changed while paging: 27 rows written, the server counted 30 at the start\n');
  });

  it('rows added between pages: a row pushed onto the next page is not written twice', async () => {
    const s = await server({ rows: 30, beforePage: (p, st) => p === 2 && st.ids.unshift(1001, 1002) });
    const r = await at(s, 'QueryVmInstance', '--all', '--page-size', '10', '-o', 'value', '-c', 'name');
    const names = r.stdout.trim().split('\n');
    // vm-9 and vm-10 come again at the top of page 2 and are left out there; rows added before the
    // offsets already read are not seen (offset paging cannot), so the 30 counted at the start are written.
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `vm-${i + 1}`));
    expect(r.stderr).toBe('');
  });

  it('a server error on page 7: exit 1 after the rows already written, JSON still valid, the count said', async () => {
    const s = await server({ rows: 1000, failPage: 7 });
    const r = await at(s, 'QueryVmInstance', '--all', '--page-size', '100', '-c', 'uuid');
    expect(r.code, r.stderr + r.stdout.slice(-300)).toBe(1);
    const rows = JSON.parse(r.stdout) as { uuid: string }[];
    expect(rows).toHaveLength(600);
    expect(rows[599]!.uuid).toBe(uuidOf(600));
    expect(r.stderr).toBe('Error SYS.1000: An internal error happened in system\n  details: page 7 failed on purpose\n600 rows were written before this error; the output is incomplete.\n');
    const t = await at(await server({ rows: 1000, failPage: 7 }), 'QueryVmInstance', '--all', '--page-size', '100', '-o', 'table', '-c', 'uuid,name');
    expect(t.code).toBe(1);
    expect(t.stdout.trimEnd().split('\n').at(-1)).toMatch(/^└─+┴─+┘$/);
  });

  it('stops fetching once the reader of stdout has gone (like `| head -1`), quietly with exit 141', async () => {
    const s = await server({ rows: 100_000 });
    const child = spawn(process.execPath, [BIN, '--port', String(s.port), '--session', SESSION, 'QueryVmInstance', '--all', '--page-size', '100', '-o', 'csv', '-c', 'uuid'], {
      env: cleanEnv(home),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first.startsWith('uuid\r\n')).toBe(true);
    expect(code).toBe(141);
    expect(stderr).toBe('');
    expect(s.queries.length).toBeLessThan(500);
  });

  it('a connection cut in the middle of one big answer: exit 3, the rows before it written, JSON closed', async () => {
    const s = await server({ rows: 5000, cutPage: { page: 1, afterBytes: 300_000 } });
    const r = await at(s, 'QueryVmInstance', 'limit=5000', '-c', 'uuid');
    expect(r.code).toBe(3);
    const rows = JSON.parse(r.stdout) as unknown[];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.length).toBeLessThan(5000);
    expect(r.stderr).toMatch(/^Error: connection to localhost:\d+ was closed unexpectedly .*\n\d[\d,]* rows were written before this error; the output is incomplete\.\n$/);
  });
});

describe('one big answer, read row by row', () => {
  it('written in tiny pieces, parsed the same; longs beyond 2^53 exact in every format', async () => {
    const s = await server({ rows: 3000, pieceBytes: 97 });
    const j = await at(s, 'QueryVmInstance', 'limit=3000');
    expect(j.code).toBe(0);
    expect(j.stdout).toContain('"memorySize": 9007199254740994,');
    expect(j.stdout).toContain('"memorySize": 9007199254743993,');
    expect((await at(s, 'QueryVmInstance', 'limit=2', '-o', 'csv', '-c', 'uuid,memorySize')).stdout).toBe(
      `uuid,memorySize\r\n${uuidOf(1)},9007199254740994\r\n${uuidOf(2)},9007199254740995\r\n`,
    );
    expect((await at(s, 'QueryVmInstance', 'limit=1', '-o', 'value', '-c', 'memorySize')).stdout).toBe('9007199254740994\n');
    expect((await at(s, 'QueryVmInstance', 'limit=1', '-o', 'yaml', '-c', 'memorySize')).stdout).toBe('- memorySize: 9007199254740994\n');
    expect((await at(s, 'QueryVmInstance', 'limit=1', '-o', 'table', '-c', 'memorySize')).stdout).toContain('│ 9007199254740994 │');
    const raw = await at(s, 'QueryVmInstance', 'limit=1', '--raw');
    expect(raw.stdout).toBe(`{"inventories":[{"uuid":"${uuidOf(1)}","name":"vm-1","state":"Stopped","cpuNum":2,"memorySize":9007199254740994,"vmNics":[{"ip":"10.0.0.1"}]}]}\n`);
  });
});

describe('output shapes and -c checks', () => {
  it('-c paths no row can have: exit 2 before sending, with did-you-mean in words for -c', async () => {
    const off = ['--port', '1', '--session', SESSION];
    const ipp = await runCli([...off, 'QueryVmInstance', '-c', 'uuid,vmNics.ipp'], { home });
    expect(ipp.code).toBe(2);
    expect(ipp.stdout).toBe('');
    expect(ipp.stderr).toBe("Error: -c vmNics.ipp: no row of QueryVmInstance can have it: VmNicInventory (the rows of vmNics) has no field 'ipp' (did you mean vmNics.ip?)\n");
    const nmae = await runCli([...off, 'QueryVmInstance', '-c', 'nmae'], { home });
    expect(nmae.code).toBe(2);
    expect(nmae.stderr).toBe("Error: -c nmae: no row of QueryVmInstance can have it: no field 'nmae' in VmInstanceInventory (did you mean name?)\n");
    expect((await runCli([...off, 'QueryVmInstance', '-c', 'zone.name'], { home })).stderr).toMatch(/'zone' is a query join, not a field the rows carry \(did you mean zoneUuid\?\)/);
    expect((await runCli([...off, 'QueryVmInstance', '-c', 'vmNics.0.ip,allVolumes.size'], { home })).code).toBe(3);
  });

  it('fields= takes plain fields only: a list field is refused before sending, naming the plain ones', async () => {
    const r = await runCli(['--port', '1', '--session', SESSION, 'QueryVmInstance', 'fields=uuid,vmNics'], { home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: 'vmNics' is a List field of VmInstanceInventory; fields takes plain fields only/);
  });

  it('an action prints its inventory; -c keeps the shape; a path its rows cannot have is exit 2', async () => {
    const vm = sim.store.all('VmInstanceInventory').find((r) => r.state === 'Running')!.uuid as string;
    const r = await atSim('StopVmInstance', `uuid=${vm}`, '-c', 'uuid,state');
    expect(JSON.parse(r.stdout)).toEqual({ uuid: vm, state: 'Stopped' });
    const bad = await atSim('StartVmInstance', `uuid=${vm}`, '-c', 'nmae');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^Error: -c nmae: no row of StartVmInstance's result can have it: .*\(did you mean name\?\)/);
  });

  it('fields= are the columns of the tabular formats, in the order asked', async () => {
    const csv = await atSim('QueryVmInstance', 'fields=name,uuid', 'limit=1', '-o', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('name,uuid');
  });

  it('count=true: {"total":N} in json, the number alone in value; --raw prints the reply as it came', async () => {
    const vms = sim.store.all('VmInstanceInventory').length;
    expect(JSON.parse((await atSim('QueryVmInstance', 'count=true')).stdout)).toEqual({ total: vms });
    expect((await atSim('QueryVmInstance', 'count=true', '-o', 'value')).stdout).toBe(`${vms}\n`);
    // --raw is the reply as it came, the server's schema map included; the other formats never print it.
    const raw = await atSim('QueryZone', 'count=true', '--raw');
    expect(raw.stdout.endsWith('}\n')).toBe(true);
    expect(JSON.parse(raw.stdout)).toEqual({ total: 2, schema: {} });
    expect(JSON.parse((await atSim('QueryZone', 'count=true')).stdout)).toEqual({ total: 2 });
  });

  it('a VM state refusal says what to run first', async () => {
    const vm = sim.store.all('VmInstanceInventory').find((r) => r.state === 'Stopped')!.uuid as string;
    const r = await atSim('RebootVmInstance', `uuid=${vm}`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('The VM is Stopped and RebootVmInstance needs it Running, Crashed or NoState: run StartVmInstance first.');
  });
});
