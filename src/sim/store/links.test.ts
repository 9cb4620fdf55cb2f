// Links from rows to the rows they name by uuid (links.ts), kept by both tables: whatever the inserts, updates and
// removals, in any order (rows naming a uuid before or after its row comes, removed and back again, rows of a table
// naming rows of the same table), a row's links are exactly the rows naming its uuid, ascending.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Table } from './table.js';

/** Fewer property cases under mutation testing (each mutant runs them all). */
const propertyRuns = process.env.STRYKER_MUTATOR_WORKER === undefined ? 300 : 30;

/** The ids of `child`'s rows whose `key` is the uuid of `parent`'s row `id`, by looking at every row. */
function scanned(child: Table, key: string, parent: Table, id: number): number[] {
  const uuid = parent.get(id)?.uuid;
  return [...child.entries()].filter(([, r]) => typeof uuid === 'string' && r[key] === uuid).map(([i]) => i);
}

function linked(ids: number | readonly number[] | undefined): number[] {
  return ids === undefined ? [] : typeof ids === 'number' ? [ids] : [...ids];
}

describe('ChildLinks', () => {
  it('finds the rows naming a row, made before or after it, moved and removed', () => {
    const vms = new Table('VmInstanceInventory');
    const nics = new Table('VmNicInventory');
    const a = vms.insert({ uuid: 'a' });
    nics.insert({ uuid: 'n1', vmInstanceUuid: 'a' });
    const links = nics.linksTo('vmInstanceUuid', vms);
    expect(linked(links.of(a))).toEqual([1]);
    // Named before its row comes.
    const n2 = nics.insert({ uuid: 'n2', vmInstanceUuid: 'b' });
    const b = vms.insert({ uuid: 'b' });
    expect(linked(links.of(b))).toEqual([n2]);
    const n3 = nics.insert({ uuid: 'n3', vmInstanceUuid: 'a' });
    expect(linked(links.of(a))).toEqual([1, n3]);
    nics.update(1, { vmInstanceUuid: 'b' });
    expect(linked(links.of(a))).toEqual([n3]);
    expect(linked(links.of(b))).toEqual([1, n2]);
    // A removed row's rows wait for its uuid to come back.
    vms.remove(b);
    const b2 = vms.insert({ uuid: 'b' });
    expect(linked(links.of(b2))).toEqual([1, n2]);
    nics.remove(n2);
    nics.update(1, { vmInstanceUuid: null });
    expect(links.of(b2)).toBeUndefined();
    expect(nics.linksTo('vmInstanceUuid', vms)).toBe(links);
  });

  it('keep to the rows naming each row whatever is done to both tables (property)', () => {
    const uuid = fc.constantFrom('u1', 'u2', 'u3', 'u4', null, 7);
    const op = fc.oneof(
      fc.record({ t: fc.constantFrom('parent', 'child', 'self'), op: fc.constant('insert'), uuid, key: uuid }),
      fc.record({ t: fc.constantFrom('parent', 'child', 'self'), op: fc.constant('update'), at: fc.nat(), key: uuid }),
      fc.record({ t: fc.constantFrom('parent', 'child', 'self'), op: fc.constant('remove'), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), fc.nat({ max: 40 }), (ops, linkAfter) => {
        const parent = new Table('P');
        const child = new Table('C');
        // Snapshots name their parent snapshot: a table linked to itself.
        const self = new Table('S');
        const table = { parent, child, self };
        const used = new Set<string>();
        const check = (): void => {
          for (const [c, p] of [
            [child, parent],
            [self, self],
          ] as const) {
            const links = c.linksTo('key', p);
            for (const [id] of p.entries()) expect(linked(links.of(id))).toEqual(scanned(c, 'key', p, id));
          }
        };
        ops.forEach((o, i) => {
          if (i === linkAfter) check();
          const t = table[o.t];
          const ids = [...t.ids()];
          if (o.op === 'insert') {
            // uuids are unique within a table.
            const u = typeof o.uuid === 'string' && !used.has(`${o.t}:${o.uuid}`) ? o.uuid : undefined;
            if (u) used.add(`${o.t}:${u}`);
            t.insert({ uuid: u ?? null, key: o.key });
          } else if (ids.length > 0) {
            const id = ids[o.at % ids.length]!;
            if (o.op === 'update') t.update(id, { key: o.key });
            else {
              const removed = t.remove(id);
              if (typeof removed?.uuid === 'string') used.delete(`${o.t}:${removed.uuid}`);
            }
          }
        });
        check();
      }),
      { numRuns: propertyRuns },
    );
  });
});
