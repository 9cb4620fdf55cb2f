import { describe, expect, it } from 'vitest';
import type { CommandNode } from '../parse/ast.js';
import { parseLine } from '../parse/parser.js';
import { renderError } from '../errors/report.js';
import { exitCodeFor } from '../errors/cli-error.js';
import { planCommand } from '../plan/planner.js';
import { loadRegistry } from '../schema/registry.js';
import { AuthError } from './errors.js';
import { LOOKUP_LIMIT, MAX_LISTED, NAMES_PER_QUERY_CHARS, resolveNames, type Row, type RowQuery } from './references.js';

const reg = loadRegistry();
const Z1 = 'a'.repeat(32);
const Z2 = 'b'.repeat(32);
const uuid = (n: number): string => n.toString(16).padStart(32, '0');

/** A fake server: rows per query API, filtered by `name=`/`name?=`/`uuid?=` like ZStack; every query recorded. */
function server(tables: Record<string, Row[]>, opts: { caseInsensitive?: boolean } = {}) {
  const asked: string[] = [];
  const rows: RowQuery = async (cmd: CommandNode) => {
    const planned = planCommand(reg, cmd);
    if (!planned.ok) throw new Error(`lookup did not plan: ${planned.errors[0]!.message}`);
    asked.push(decodeURIComponent(planned.request.pathAndQuery));
    let out = tables[cmd.name] ?? [];
    for (const a of cmd.args) {
      if (a.key === 'fields' || a.key === 'limit') continue;
      const fold = (v: string): string => (opts.caseInsensitive ? v.toLowerCase() : v);
      const values = (a.op === '?=' ? a.value.split(',') : [a.value]).map(fold);
      out = out.filter((r) => values.includes(fold(String(r[a.key]))));
    }
    const limit = Number(cmd.args.find((a) => a.key === 'limit')?.value ?? LOOKUP_LIMIT);
    return out.slice(0, limit);
  };
  return { rows, asked };
}

const vms: Row[] = [
  { uuid: uuid(1), name: 'web-01', zoneUuid: Z1, state: 'Running' },
  { uuid: uuid(2), name: 'web-02', zoneUuid: Z1, state: 'Running' },
  { uuid: uuid(3), name: 'db', zoneUuid: Z1, state: 'Running' },
  { uuid: uuid(4), name: 'db', zoneUuid: Z2, state: 'Stopped' },
  { uuid: uuid(5), name: 'a,b', zoneUuid: Z2, state: 'Stopped' },
];
const world = {
  QueryVmInstance: vms,
  QueryZone: [
    { uuid: Z1, name: 'zone-1' },
    { uuid: Z2, name: 'zone-2' },
  ],
  QueryL3Network: [
    { uuid: uuid(10), name: 'pub' },
    { uuid: uuid(11), name: 'priv' },
  ],
  QueryInstanceOffering: [{ uuid: uuid(20), name: 'small' }],
  QueryImage: [{ uuid: uuid(30), name: 'centos' }],
};

async function resolve(line: string, tables: Record<string, Row[]> = world, opts?: { caseInsensitive?: boolean }) {
  const cmd = parseLine(line).command!;
  const s = server(tables, opts);
  const out = await resolveNames(reg, reg.api(cmd.name)!, cmd, s.rows);
  const planned = planCommand(reg, out);
  if (!planned.ok) throw new Error(planned.errors[0]!.message);
  return { url: decodeURIComponent(planned.request.pathAndQuery), body: planned.request.body, asked: s.asked };
}

async function failure(line: string, tables: Record<string, Row[]> = world): Promise<{ text: string; code: number; asked: string[] }> {
  const cmd = parseLine(line).command!;
  const s = server(tables);
  try {
    await resolveNames(reg, reg.api(cmd.name)!, cmd, s.rows);
  } catch (e) {
    return { text: renderError(e), code: exitCodeFor(e), asked: s.asked };
  }
  throw new Error('resolved');
}

describe('resolveNames', () => {
  it('replaces each @name by its uuid with one query per resource type, names batched', async () => {
    const r = await resolve('CreateVmInstance name=x instanceOfferingUuid=@small imageUuid=@centos l3NetworkUuids=@pub,@priv,@pub');
    expect(r.body).toEqual({ params: { name: 'x', instanceOfferingUuid: uuid(20), imageUuid: uuid(30), l3NetworkUuids: [uuid(10), uuid(11), uuid(10)] } });
    expect(r.asked).toHaveLength(3);
    expect(r.asked).toContain(`/zstack/v1/l3-networks?q=name?=pub,priv&limit=${LOOKUP_LIMIT}&fields=uuid,name,zoneUuid,state,type,createDate`);
  });

  it('resolves conditions on uuid fields and sends nothing for a line without @names', async () => {
    expect((await resolve('QueryVmInstance zoneUuid?=@zone-1,@zone-2 uuid!=@web-01')).url).toBe(`/zstack/v1/vm-instances?q=zoneUuid?=${Z1},${Z2}&q=uuid!=${uuid(1)}`);
    expect((await resolve('StopVmInstance uuid=abc')).asked).toEqual([]);
    expect((await resolve('StopVmInstance uuid=@@abc')).url).toBe('/zstack/v1/vm-instances/@abc/actions');
  });

  it('asks for a name holding a comma on its own (a `?=` list splits at commas)', async () => {
    const r = await resolve('StopVmInstance uuid=@a\\,b');
    expect(r.url).toBe(`/zstack/v1/vm-instances/${uuid(5)}/actions`);
    expect(r.asked[0]).toMatch(/\?q=name=a,b&/);
  });

  it('asks again for a name missing from a full page', async () => {
    const many: Row[] = Array.from({ length: LOOKUP_LIMIT }, (_, i) => ({ uuid: uuid(100 + i), name: 'dup' }));
    const r = await resolve('CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=@pub', { QueryL3Network: [...many, { uuid: uuid(9), name: 'pub' }] });
    expect(r.body).toMatchObject({ params: { l3NetworkUuids: [uuid(9)] } });
  });

  it('splits a very long list of names over several queries of bounded length', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `network-with-a-long-name-${i}`);
    const table = names.map((n, i) => ({ uuid: uuid(1000 + i), name: n }));
    const r = await resolve(`CreateVmInstance name=x instanceOfferingUuid=a imageUuid=b l3NetworkUuids=${names.map((n) => `@${n}`).join(',')}`, { QueryL3Network: table });
    expect(r.asked.length).toBeGreaterThan(1);
    expect(r.asked.length).toBeLessThanOrEqual(Math.ceil(names.join(',').length / NAMES_PER_QUERY_CHARS) + 1);
    for (const q of r.asked) expect(q.length).toBeLessThan(NAMES_PER_QUERY_CHARS + 200);
    expect((r.body as { params: { l3NetworkUuids: string[] } }).params.l3NetworkUuids).toEqual(table.map((t) => t.uuid));
  });

  it('matches a name ignoring case when no name matches exactly, as a case-insensitive server would', async () => {
    expect((await resolve('StopVmInstance uuid=@WEB-01', world, { caseInsensitive: true })).url).toBe(`/zstack/v1/vm-instances/${uuid(1)}/actions`);
    const both = { QueryVmInstance: [...vms, { uuid: uuid(6), name: 'WEB-01' }] };
    expect((await resolve('StopVmInstance uuid=@WEB-01', both, { caseInsensitive: true })).url).toBe(`/zstack/v1/vm-instances/${uuid(6)}/actions`);
  });

  it('names a reference that matches nothing, with the closest names, as a usage error', async () => {
    const f = await failure('StopVmInstance uuid=@web-1');
    expect(f.code).toBe(2);
    expect(f.text).toBe("Error: no VmInstance is named 'web-1' (did you mean @web-01, @web-02?)");
    const g = await failure('StopVmInstance uuid=@zzzzzzzz');
    expect(g.text).toBe("Error: no VmInstance is named 'zzzzzzzz' (list them: QueryVmInstance fields=uuid,name)");
  });

  it('lists the matches of an ambiguous name with what tells them apart (zone by name, state)', async () => {
    const f = await failure('StopVmInstance uuid=@db');
    expect(f.code).toBe(2);
    expect(f.text.split('\n')).toEqual([
      "Error: 2 VmInstances are named 'db'; give the uuid of the one you mean:",
      `  ${uuid(3)}  zone zone-1, state Running`,
      `  ${uuid(4)}  zone zone-2, state Stopped`,
    ]);
  });

  it(`lists at most ${MAX_LISTED} matches, then how many more`, async () => {
    const same: Row[] = Array.from({ length: 14 }, (_, i) => ({ uuid: uuid(200 + i), name: 'same', createDate: `Nov ${i + 1}, 2017` }));
    const f = await failure('StopVmInstance uuid=@same', { QueryVmInstance: same });
    const lines = f.text.split('\n');
    expect(lines).toHaveLength(1 + MAX_LISTED + 1);
    expect(lines[1]).toBe(`  ${uuid(200)}  created Nov 1, 2017`);
    expect(lines.at(-1)).toBe('  and 4 more');
  });

  it('reports every failing reference of the line, one after another', async () => {
    const f = await failure('CreateVmInstance name=x instanceOfferingUuid=@smal imageUuid=@centos l3NetworkUuids=@pubb,@nope');
    expect(f.text.split('\n')).toEqual([
      "Error: no InstanceOffering is named 'smal' (did you mean @small?)",
      "Error: no L3Network is named 'pubb' (did you mean @pub?)",
      "Error: no L3Network is named 'nope' (list them: QueryL3Network fields=uuid,name)",
    ]);
    // A lookup per type, then the names of each type with a miss, once.
    expect(f.asked).toHaveLength(3 + 2);
  });

  it('checks the rest of the line before looking anything up', async () => {
    const cmd = parseLine('StopVmInstance uuid=@web-01 bogus=1').command!;
    const s = server(world);
    const out = await resolveNames(reg, reg.api(cmd.name)!, cmd, s.rows);
    expect(s.asked).toEqual([]);
    const planned = planCommand(reg, out);
    expect(planned.ok ? [] : planned.errors.map((e) => e.message)).toEqual(["unknown param 'bogus' for StopVmInstance"]);
  });

  it('refuses an @name it cannot look up before asking anything', async () => {
    const f = await failure('StopVmInstance uuid=@');
    expect(f).toMatchObject({ code: 2, asked: [] });
    expect(f.text).toBe("Error: '@' in uuid needs a name after it (e.g. uuid=@web-01; @@ is a literal @)");
  });

  it('says a lookup needs a session when there is none, with the login command', async () => {
    const cmd = parseLine('StopVmInstance uuid=@web-01').command!;
    const e = await resolveNames(reg, reg.api(cmd.name)!, cmd, () => Promise.reject(AuthError.notLoggedIn('QueryVmInstance'))).catch((x: unknown) => x);
    expect(exitCodeFor(e)).toBe(4);
    expect(renderError(e).split('\n')).toEqual([
      "Error: looking up '@web-01' needs a session and you are not logged in",
      'or give uuids instead of @names',
      'Log in again: zstack-cli LogInByAccount accountName=admin',
    ]);
  });
});
