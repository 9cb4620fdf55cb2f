import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { columnErrors, columnProblem, nonPlainFieldErrors, plainColumns } from './columns.js';

const reg = loadRegistry();
const vm = reg.inventory('VmInstanceInventory')!;
const query = reg.api('QueryVmInstance')!;

describe('columns rows can have', () => {
  it('walks list fields into the inventory of their same-named join, to any depth', () => {
    for (const ok of ['uuid', 'vmNics.ip', 'vmNics.0.ip', 'allVolumes.size', 'vmNics.usedIps.ip', 'description']) expect(columnProblem(reg, vm, ok), ok).toBeUndefined();
    expect(columnProblem(reg, vm, 'vmNics.ipp')).toEqual({ reason: "VmNicInventory (the rows of vmNics) has no field 'ipp'", suggestions: ['vmNics.ip'] });
    expect(columnProblem(reg, vm, 'nmae')?.suggestions).toContain('name');
    expect(columnProblem(reg, vm, 'zone.name')?.reason).toBe("'zone' is a query join, not a field the rows carry");
    expect(columnProblem(reg, vm, 'name.first')?.reason).toBe("'name' is a plain String, it has no 'first'");
  });

  it('turns into -c errors only when the result inventory is known', () => {
    expect(columnErrors(reg, query, ['uuid', 'vmNics.ipp']).map((e) => e.message)).toEqual([
      "-c vmNics.ipp: no row of QueryVmInstance can have it: VmNicInventory (the rows of vmNics) has no field 'ipp'",
    ]);
    expect(columnErrors(reg, reg.api('StartVmInstance')!, ['nmae'])).toEqual([]);
  });

  it('sends -c as fields= only when every column is a plain field', () => {
    expect(plainColumns(reg, query, ['uuid', 'name'])).toEqual(['uuid', 'name']);
    expect(plainColumns(reg, query, ['uuid', 'vmNics'])).toBeUndefined();
    expect(plainColumns(reg, query, ['uuid', 'vmNics.ip'])).toBeUndefined();
  });

  it('fields= names plain fields only, suggesting the closest plain ones', () => {
    const [e] = nonPlainFieldErrors(vm, 'fields', ['uuid', 'allVolumes']);
    expect(e?.message).toBe("'allVolumes' is a List field of VmInstanceInventory; fields takes plain fields only (the server refuses others)");
    expect(nonPlainFieldErrors(vm, 'fields', ['uuid', 'nope'])).toEqual([]);
  });
});
